// A department's 预算 and 决算 of the same year in the archive: the 决算's 年初预算 (its “三公” table's 预算数, the
// 情况说明's 年初预算) is held to the 预算, whichever arrives first. The corpus has no same-year pair, so the 预算 is
// a real one (上海市普陀区人民政府办公室 2025) re-dated and re-named to the 决算's department (2024), exported with
// main/export and imported as a workbook, beside the real 决算 PDF.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../main/api/index.js';
import { exportWorkbook } from '../main/export/index.js';
import type { BudgetDocument } from '../main/model/types.js';
import { realDoc } from './checks/helpers.js';
import { fixture, tempDir } from './helpers/paths.js';

const FINAL = fixture('real', 'SH-PT-shehuigongzuobu-2024-dept-final.pdf');
const DEPARTMENT = '中共上海市普陀区委社会工作部';

/** The real 2025 budget as the 决算 department's 2024 budget, its “三公” 公务接待费 (and total) set to `reception`. */
async function budgetWorkbook(dir: string, reception: string): Promise<string> {
  const doc: BudgetDocument = structuredClone(realDoc('SH-PT-zfban-2025-dept-budget'));
  const redate = (s: string): string => s.replace(/2024/g, '2023').replace(/2025/g, '2024').replace(/上海市普陀区人民政府办公室/g, DEPARTMENT);
  Object.assign(doc, { year: 2024, department: DEPARTMENT, department_code: null });
  for (const t of doc.tables) t.title = redate(t.title);
  doc.narrative = doc.narrative.map((s) => ({ ...s, heading: redate(s.heading), paragraphs: s.paragraphs.map(redate) }));
  // “三公”: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车 小计 | 购置费 | 运行费 | 机关运行经费 — only 公务接待费 budgeted.
  const t9 = doc.tables.find((t) => t.key === 't9')!;
  t9.rows[0] = [reception, '', reception, '', '', '', t9.rows[0]![6]!];
  const file = path.join(dir, `budget-${reception}.xlsx`);
  fs.writeFileSync(file, await exportWorkbook({ document: doc, corrections: [], findings: [], plain: true }));
  return file;
}

async function archive(files: string[]) {
  const dir = tempDir();
  const api = createApi({ dbPath: path.join(dir, 'a.sqlite') });
  const ids: Record<string, number> = {};
  for (const f of files) {
    const r = await api['archive.importFile']({ path: f });
    ids[r.submission.kind] = r.submission.id;
  }
  return { api, ids };
}

describe('a 决算 against the 预算 of the same department and year', () => {
  for (const order of ['预算 first', '决算 first'] as const) {
    it(`finds the “三公” 预算数 that is not the budget's, and the narrative's 年初预算 (${order})`, async () => {
      const dir = tempDir();
      const files = [await budgetWorkbook(dir, '0.50'), FINAL];
      if (order === '决算 first') files.reverse();
      const { api, ids } = await archive(files);
      expect(Object.keys(ids).sort()).toEqual(['决算', '预算']);
      const view = await api['submission.get']({ id: ids['决算']! });
      const cross = view.findings.filter((f) => f.rule === 'final-vs-budget');
      // The 决算 prints no “三公” figure (预算数 0); the budget holds 0.50 for 公务接待费.
      const sangong = cross.filter((f) => f.table === 'd9');
      expect(sangong).toHaveLength(1);
      expect(sangong[0]).toMatchObject({ expected: 0.5, actual: 0 });
      expect(sangong[0]!.message).toContain('公务接待费');
      // “一般公共预算财政拨款支出年初预算为0万元”: the budget's 一般公共预算支出 is not 0.
      const stated = cross.filter((f) => f.table === 'narrative' && f.actual === 0);
      expect(stated.length).toBeGreaterThan(0);
      expect(stated[0]!.severity).toBe('error');
      expect(stated[0]!.paragraph?.quote).toContain('年初预算为0万元');
      api.close();
    }, 120_000);
  }

  it('says nothing of the “三公” when the budget agrees, nor against a budget of another department', async () => {
    const dir = tempDir();
    const { api, ids } = await archive([await budgetWorkbook(dir, '0.00'), FINAL]);
    const view = await api['submission.get']({ id: ids['决算']! });
    expect(view.findings.filter((f) => f.rule === 'final-vs-budget' && f.table === 'd9')).toEqual([]);
    expect(view.findings.some((f) => f.rule === 'final-vs-budget' && f.table === 'narrative')).toBe(true);
    api.close();
    // Another department's budget of the same year is no standard for this 决算.
    const other = realDoc('SH-PT-zfban-2025-dept-budget');
    const otherFile = path.join(dir, 'other.xlsx');
    fs.writeFileSync(otherFile, await exportWorkbook({ document: { ...other, year: 2024 }, corrections: [], findings: [], plain: true }));
    const second = await archive([otherFile, FINAL]);
    const alone = await second.api['submission.get']({ id: second.ids['决算']! });
    expect(alone.findings.filter((f) => f.rule === 'final-vs-budget')).toEqual([]);
    second.api.close();
  }, 120_000);
});
