// The archive gives the checks their context: last year's submission of the same department. Whichever
// year arrives first, the later year's 比上年 statements end up compared with the earlier year's tables.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createApi } from '../main/api/index.js';
import { lastYearWorkbook } from './helpers/last-year.js';
import { fixture, tempDir } from './helpers/paths.js';

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
