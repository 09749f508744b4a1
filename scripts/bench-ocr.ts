// OCR figures: each scanned PDF read whole (page images, OCR in the worker threads, layout, assembly), with
// pages per second, seconds per page and the process's peak memory while reading (the OCR workers are
// threads of this process, so its RSS includes their models).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDisclosure } from '../main/readers/index.js';
import { toErrorData } from '../main/model/errors.js';
import { needsConfirmation } from '../main/model/ocr.js';
import { ocrPool } from '../main/readers/ocr/pool.js';

export async function benchOcr(files: string[]): Promise<void> {
  if (files.length === 0) return;
  const pool = ocrPool();
  console.log(`\n== OCR of scanned PDFs (${pool.size} OCR worker threads on ${os.availableParallelism()} cores; models loaded once per worker) ==`);
  console.log(['file', 'pages', 'seconds', 'pages/s', 's/page', 'peak RSS MB', 'OCR cells', 'cells to confirm'].join('\t'));
  let pages = 0, ms = 0, peak = 0;
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let filePeak = process.memoryUsage.rss();
    const sampler = setInterval(() => (filePeak = Math.max(filePeak, process.memoryUsage.rss())), 100);
    const t0 = performance.now();
    try {
      const doc = await readDisclosure(bytes, path.basename(file));
      const t = performance.now() - t0;
      const n = doc.source.pageCount ?? 0;
      const cells = doc.tables.flatMap((tb) => tb.sources.flat()).filter((s) => typeof s?.confidence === 'number');
      const unsure = cells.filter(needsConfirmation).length;
      pages += n;
      ms += t;
      peak = Math.max(peak, filePeak);
      console.log([path.basename(file), n, (t / 1000).toFixed(1), ((n / t) * 1000).toFixed(2), (t / 1000 / n).toFixed(2), (filePeak / 1e6).toFixed(0), cells.length, unsure].join('\t'));
    } catch (err) {
      console.log(`${path.basename(file)}\tnot read: ${toErrorData(err).en}`);
    } finally {
      clearInterval(sampler);
    }
  }
  if (pages) console.log(['TOTAL', pages, (ms / 1000).toFixed(1), ((pages / ms) * 1000).toFixed(2), (ms / 1000 / pages).toFixed(2), (peak / 1e6).toFixed(0)].join('\t'));
  await pool.close();
}
