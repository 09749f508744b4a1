// `node scripts/measure-read.mjs FILE`: one file read as the workstation reads it — in a reading worker
// (the bundled reader, no TypeScript loader), from a plain Node process — and one JSON line with the
// time and the peak memory (RSS) of the whole process. scripts/bench.ts runs it once per PDF and passes
// the workers' resource limits (READER_LIMITS of main/readers/pool.ts) as the second argument.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** This process's own peak RSS. Linux: VmHWM, which exec resets; getrusage's maxRSS keeps the high-water
 *  mark of the process that spawned this one when that was larger (a bench that had read every PDF itself). */
function peakRssMb() {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const file = process.argv[2];
const bytes = new Uint8Array(fs.readFileSync(file));
const t0 = performance.now();
let pages = 0;
const worker = new Worker(new URL('../main/readers/read-worker.mjs', import.meta.url), { resourceLimits: JSON.parse(process.argv[3] ?? '{}') });
const reply = await new Promise((resolve) => {
  worker.on('message', (m) => {
    if (m.progress) pages = m.progress.total;
    else resolve(m);
  });
  worker.on('error', (err) => resolve({ ok: false, error: { en: String(err) } }));
  worker.postMessage({ id: 1, bytes, fileName: path.basename(file) });
});
const ms = performance.now() - t0;
await worker.terminate();
process.stdout.write(
  JSON.stringify({
    file: path.basename(file),
    pages,
    ms: Math.round(ms),
    peakRssMb: peakRssMb(),
    ok: reply.ok,
    reason: reply.ok ? undefined : reply.error.en,
  }) + '\n',
);
