// OCR figures: each scanned PDF read whole as the workstation reads it (in a reading worker, its pages
// recognised in OCR worker threads, laid out, assembled), with pages per second, seconds per page and the
// process's peak memory while reading (the workers are threads of this process: its RSS includes them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPool } from '../main/readers/pool.js';
import { toErrorData } from '../main/model/errors.js';
import { needsConfirmation } from '../main/model/ocr.js';
import { OcrPool } from '../main/readers/ocr/pool.js';

export async function benchOcr(files: string[]): Promise<void> {
  if (files.length === 0) return;
  console.log(`\n== OCR of scanned PDFs (one reading worker, ${new OcrPool().size} OCR worker threads in it on ${os.availableParallelism()} cores) ==`);
  const pool = readPool();
  console.log(['file', 'pages', 'seconds', 'pages/s', 's/page', 'peak RSS MB', 'OCR cells', 'cells to confirm'].join('\t'));
  let pages = 0,
    ms = 0,
    peak = 0;
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let filePeak = process.memoryUsage.rss();
    const sampler = setInterval(() => (filePeak = Math.max(filePeak, process.memoryUsage.rss())), 100);
    const t0 = performance.now();
    try {
      const doc = await pool.read(bytes, path.basename(file));
      const t = performance.now() - t0;
      const n = doc.source.pageCount ?? 0;
      const cells = doc.tables.flatMap((tb) => tb.sources.flat()).filter((s) => typeof s?.confidence === 'number');
      const unsure = cells.filter(needsConfirmation).length;
      pages += n;
      ms += t;
      peak = Math.max(peak, filePeak);
      console.log(
        [
          path.basename(file),
          n,
          (t / 1000).toFixed(1),
          ((n / t) * 1000).toFixed(2),
          (t / 1000 / n).toFixed(2),
          (filePeak / 1e6).toFixed(0),
          cells.length,
          unsure,
        ].join('\t'),
      );
    } catch (err) {
      console.log(`${path.basename(file)}\tnot read: ${toErrorData(err).en}`);
    } finally {
      clearInterval(sampler);
    }
  }
  if (pages)
    console.log(['TOTAL', pages, (ms / 1000).toFixed(1), ((pages / ms) * 1000).toFixed(2), (ms / 1000 / pages).toFixed(2), (peak / 1e6).toFixed(0)].join('\t'));
  await pool.close();
}
