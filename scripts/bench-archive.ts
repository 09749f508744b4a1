// Archive figures as the archive grows: the overview's first page (what the archive screen lists), a search
// by department, the full list's first page, and opening one submission — measured through the same Api the
// screens call, at 100, 1,000 and 10,000 submissions (BENCH_ARCHIVE_SIZE sets the last). The archive is grown
// from a few documents read once: each copy is a department × year × kind × version of its own, stored with
// its original file's bytes (made unique) and some review work on it, as an office's archive would be.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../main/api/index.js';
import { readAndCheckFile } from '../main/api/reading.js';
import type { BudgetDocument, DocKind } from '../main/model/types.js';
import { insertSubmission, openArchive, setFindingsStamp, upsertFindingReview, updateSubmissionReview, findingKey, type ArchiveDb } from '../main/store/index.js';
import { CHECKS_STAMP } from '../main/checks/index.js';
import { timeIt } from './bench-review.js';

const YEARS = [2025, 2024, 2023, 2022, 2021];
const KINDS: DocKind[] = ['预算', '决算'];

/** The n-th copy: department n / 10, then year and kind; every fifth group gets a second version. */
function slot(n: number): { dept: number; year: number; kind: DocKind; version: number } {
  const dept = Math.floor(n / 12);
  const k = n % 12;
  if (k >= 10) return { dept, year: YEARS[k - 10]!, kind: '预算', version: 2 };
  return { dept, year: YEARS[k % 5]!, kind: KINDS[Math.floor(k / 5)]!, version: 1 };
}

export function grow(db: ArchiveDb, from: number, to: number, docs: { doc: BudgetDocument; bytes: Uint8Array }[]): void {
  const batch = 200;
  for (let start = from; start < to; start += batch) {
    db.transaction(() => {
      for (let n = start; n < Math.min(to, start + batch); n++) {
        const { doc, bytes } = docs[n % docs.length]!;
        const s = slot(n);
        const unique = Buffer.concat([Buffer.from(bytes), Buffer.from(`\n%bench ${n}\n`)]);
        const copy: BudgetDocument = {
          ...doc,
          department: `${doc.department}（第${s.dept + 1}号）`,
          department_code: doc.department_code ? `${doc.department_code}${String(s.dept).padStart(5, '0')}` : null,
          year: s.year,
          kind: s.kind,
          id: `${doc.id}-${n}`,
          source: { ...doc.source, sha256: `${doc.source.sha256.slice(0, 48)}${n.toString(16).padStart(16, '0')}`, size: unique.length },
        };
        const { id } = insertSubmission(db, { document: copy, bytes: unique, importedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() });
        setFindingsStamp(db, id, CHECKS_STAMP); // checked when read, as an import does
        // Review work on some: decisions, an issued opinion, a closed review.
        if (n % 3 === 0) for (const f of copy.findings.slice(0, 3)) upsertFindingReview(db, id, { key: findingKey(f), status: 'confirmed', comment: '请核实', reviewer: 'bench', at: '2026-02-01T00:00:00Z' });
        if (n % 7 === 0) updateSubmissionReview(db, id, { conclusion: '已审核', opinionIssuedAt: '2026-02-02T00:00:00Z', opinionIssuedBy: 'bench' }, '2026-02-02T00:00:00Z');
        if (n % 11 === 0) updateSubmissionReview(db, id, { closedAt: '2026-02-03T00:00:00Z', closedBy: 'bench' }, '2026-02-03T00:00:00Z');
      }
    })();
  }
}

export async function benchArchive(files: string[], sizes = [100, 1000, Number(process.env.BENCH_ARCHIVE_SIZE ?? 10_000)], runs = 9): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-bench-archive-'));
  const file = path.join(dir, 'archive.sqlite');
  const docs: { doc: BudgetDocument; bytes: Uint8Array }[] = [];
  for (const f of files) docs.push({ doc: await readAndCheckFile(f), bytes: new Uint8Array(fs.readFileSync(f)) });
  console.log(`\n== archive as it grows (median of ${runs} runs; from ${files.map((f) => path.basename(f)).join(', ')}) ==`);
  console.log(['submissions', 'grow s', 'db MB', 'overview ms', 'next page ms', 'search ms', 'list 300 ms', 'list search ms', 'open ms', 'open (first seen) ms'].join('\t'));
  const db = openArchive(file);
  let have = 0;
  try {
    for (const size of sizes) {
      const t0 = performance.now();
      grow(db, have, size, docs);
      have = size;
      const growS = (performance.now() - t0) / 1000;
      const api = createApi({ dbPath: file });
      const name = docs[0]!.doc.department;
      // The archive screen: its overview's first page, a page further on, a search by department.
      const overview = await timeIt(runs, () => api['archive.overview']({}));
      const page = await timeIt(runs, () => api['archive.overview']({ query: name, offset: 50, limit: 50 }));
      let q = 0;
      const dept = () => `第${(q++ * 37) % Math.max(1, Math.floor(size / 12))}号`;
      const search = await timeIt(runs, () => api['archive.overview']({ query: dept() }));
      // The full list of submissions (全部报送, the command line's list): a page, and a search.
      const list = await timeIt(runs, () => api['archive.list']({ limit: 300 }));
      const listSearch = await timeIt(runs, () => api['archive.list']({ query: dept() }));
      // Open: a warmed submission, and submissions never opened before in this process (spread over the archive).
      const ids = Array.from({ length: runs }, (_, i) => 1 + Math.floor(((i + 0.5) / runs) * (size - 1)));
      await api['submission.get']({ id: ids[0]! });
      const open = await timeIt(runs, () => api['submission.get']({ id: ids[0]! }));
      let i = 0;
      const first = await timeIt(runs, () => api['submission.get']({ id: ids[i++ % ids.length]! }));
      api.close();
      const mb = fs.statSync(file).size / 1024 / 1024;
      console.log([size, growS.toFixed(1), mb.toFixed(0), overview, page, search, list, listSearch, open, first].map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : v)).join('\t'));
    }
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
