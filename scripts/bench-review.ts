// Review-path figures: opening a stored submission, a correction re-checked, the Excel export — through the
// same Api the UI calls. Prints one line per measurement (median of N runs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../main/api/index.js';
import { exportWorkbook } from '../main/export/index.js';
import { runChecks } from '../main/checks/index.js';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function timeIt(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export async function benchReview(files: string[], runs = 9): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-bench-'));
  const api = createApi({ dbPath: path.join(dir, 'bench.sqlite') });
  console.log('\n== review path (median of %d runs) ==', runs);
  console.log(['file', 'rows', 'open ms', 'checks ms', 'correct+recheck ms', 'export ms', 'export 40 rows ms'].join('\t'));
  for (const file of files) {
    const { submission } = await api['archive.importFile']({ path: file });
    const view = await api['submission.get']({ id: submission.id });
    const rows = view.document.tables.reduce((n, t) => n + t.rows.length, 0);
    const open = await timeIt(runs, () => api['submission.get']({ id: submission.id }));
    const checks = await timeIt(runs, () => runChecks(view.document));
    const t6 = view.document.tables.find((t) => t.key === 't6' && t.rows.length > 1);
    let flip = false;
    const correct = t6
      ? await timeIt(runs, () => {
          flip = !flip;
          const row = t6.rows[1]!;
          return api['correction.apply']({ submissionId: submission.id, table: 't6', row: row[0]!, column: t6.lanes?.[3] ?? '3', value: flip ? '1.23' : row[3]!, reason: 'bench' });
        })
      : NaN;
    const exportAll = await timeIt(runs, () => api['export.workbook']({ submissionId: submission.id }));
    // A 40-row submission: the document cut to its first 40 data rows across the tables.
    let left = 40;
    const small = { ...view.document, tables: view.document.tables.map((t) => { const rows = t.rows.slice(0, Math.max(0, left)); left -= rows.length; return { ...t, rows, sources: t.sources.slice(0, rows.length) }; }) };
    const export40 = await timeIt(runs, () => exportWorkbook({ document: small, corrections: [], findings: [], plain: false }));
    console.log([path.basename(file), rows, open.toFixed(1), checks.toFixed(2), correct.toFixed(1), exportAll.toFixed(1), export40.toFixed(1)].join('\t'));
  }
  api.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
