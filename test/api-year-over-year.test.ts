// The archive gives the checks their context: last year's submission of the same department. Whichever
// year arrives first, the later year's 比上年 statements end up compared with the earlier year's tables.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../main/api/index.js';
import { exportWorkbook } from '../main/export/index.js';
import { truthDoc, withCell } from './checks/helpers.js';
import { fixture, tempDir } from './helpers/paths.js';

/** seed000 (2023) says its budget fell by 117.26 on 2022; this 2022 file puts 2022 at 1800.00 (a fall of 111.95). */
async function lastYearWorkbook(dir: string): Promise<string> {
  let prev = structuredClone(truthDoc('seed000'));
  prev.year = 2022;
  for (const [key, row, lane] of [['t1', '32', 2], ['t1', '34', 2], ['t1', '32', 4], ['t1', '34', 4], ['t2', '1', 3], ['t2', '1', 4], ['t3', '1', 3]] as const) {
    prev = withCell(prev, key, row, lane, '1800.00');
  }
  const file = path.join(dir, 'seed000-2022.xlsx');
  fs.writeFileSync(file, await exportWorkbook({ document: prev, corrections: [], findings: [], plain: true }));
  return file;
}

describe('year-over-year through the archive', () => {
  for (const order of ['last year first', 'this year first'] as const) {
    it(`compares 比上年 changes with last year's submission (${order})`, async () => {
      const dir = tempDir();
      const api = createApi({ dbPath: path.join(dir, 'a.sqlite') });
      const files = [await lastYearWorkbook(dir), fixture('docs', 'seed000.word.docx')];
      if (order === 'this year first') files.reverse();
      const ids: Record<number, number> = {};
      for (const f of files) {
        const r = await api['archive.importFile']({ path: f });
        ids[r.submission.year] = r.submission.id;
      }
      expect(Object.keys(ids).sort()).toEqual(['2022', '2023']);
      const view = await api['submission.get']({ id: ids[2023]! });
      const yoy = view.findings.filter((f) => f.rule === 'year-over-year');
      expect(yoy.some((f) => f.expected === -111.95 && f.actual === -117.26)).toBe(true);
      // The stored findings (what the archive counts) were refreshed too.
      const listed = (await api['archive.list']({})).find((s) => s.id === ids[2023])!;
      expect(listed.findingCounts.error).toBe(view.findings.filter((f) => f.severity === 'error' && f.status !== 'dismissed').length);
      api.close();
    });
  }
});
