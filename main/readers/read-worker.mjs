// Development entry of the reading worker (the packaged app has its own bundled dist/app/read-worker.mjs in
// the same place relative to the code that starts it). The worker's TypeScript is bundled once with esbuild
// into node_modules/.cache and run as plain JavaScript: loading pdf.js through tsx's loader costs over
// 500 MB of memory per worker, the bundle nothing beyond pdf.js itself. Rebuilt when a source is newer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const out = path.join(root, 'node_modules', '.cache', 'budget-audit', 'read-worker.mjs');
// Heavy and native packages stay in node_modules, as in the packaged app (scripts/build.mjs).
const EXTERNAL = ['electron', 'better-sqlite3', 'pdfjs-dist', 'exceljs', 'jszip', '@xmldom/xmldom', 'zod', '@e965/xlsx', 'saxes', 'yauzl'];

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|mts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function fresh() {
  try {
    return fs.statSync(out).mtimeMs > Math.max(newestSource(path.join(root, 'main')), fs.statSync(path.join(root, 'package.json')).mtimeMs);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import('esbuild');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside and renamed: two workers starting at once never load a half-written bundle.
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({
    entryPoints: [path.join(here, 'read-worker.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  fs.renameSync(tmp, out);
}
await import(pathToFileURL(out).href);
