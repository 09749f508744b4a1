// Issue acceptance, through the one API: two corrections applied, then export.workbook — the corrected
// cells are yellow with a note (original, who, when, why), and 审核意见 / 修改记录 list them.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createApi } from '../main/api/index.js';
import { fixture, tempDir } from './helpers/paths.js';

const text = (c: ExcelJS.Cell): string => (c.value === null || c.value === undefined ? '' : String(c.text ?? c.value)).trim();
const noteOf = (c: ExcelJS.Cell): string => (typeof c.note === 'string' ? c.note : (c.note?.texts ?? []).map((t) => t.text).join(''));

/** The cell of a table sheet at 序号 `seq`, 栏次 `lane` (the 序号 is column A, 栏次 n is column n+1). */
function cellAt(ws: ExcelJS.Worksheet, seq: string, lane: number): ExcelJS.Cell {
  let hit: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    if (!hit && text(row.getCell(1)) === seq && row.getCell(2).border?.top) hit = row.getCell(lane + 1);
  });
  if (!hit) throw new Error(`no row ${seq} in ${ws.name}`);
  return hit;
}

describe('export.workbook after corrections through the API', () => {
  it('highlights and annotates each correction and lists findings and corrections', async () => {
    const dir = tempDir();
    const api = createApi({ dbPath: path.join(dir, 'a.sqlite'), now: () => '2026-03-01T09:30:00.000Z' });
    const { submission } = await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.docx') });
    // seed000-m01 has 30301 离休费 合计 22.63 where its parts give 17.56 (row 27 of t6).
    await api['correction.apply']({ submissionId: submission.id, table: 't6', row: '27', column: '3', value: '17.56', reason: '合计应等于人员经费与公用经费之和', author: '李审核' });
    // …and 21011 行政事业单位医疗 prints 74.91 over children summing to 74.90 (row 10 of t2).
    const view = await api['correction.apply']({ submissionId: submission.id, table: 't2', row: '10', column: '3', value: '74.90', reason: '与下级科目之和一致', author: '王复核' });
    expect(view.corrections).toHaveLength(2);
    const out = path.join(dir, 'book.xlsx');
    const r = await api['export.workbookFile']({ submissionId: submission.id, outPath: out });
    expect(r.path).toBe(out);
    api.close();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const t6 = wb.worksheets.find((w) => w.name.includes('基本支出表'))!;
    const fixed = cellAt(t6, '27', 3);
    expect(fixed.value).toBe(17.56);
    expect((fixed.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF99');
    expect(noteOf(fixed)).toContain('原值：22.63');
    expect(noteOf(fixed)).toContain('修改人：李审核');
    expect(noteOf(fixed)).toContain('修改原因：合计应等于人员经费与公用经费之和');
    const t2 = wb.worksheets.find((w) => w.name === '收入总表')!;
    const second = cellAt(t2, '10', 3);
    expect(second.value).toBe(74.9);
    expect((second.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF99');
    expect(noteOf(second)).toContain('原值：74.91');
    expect(noteOf(second)).toContain('修改人：王复核');
    // A cell nobody corrected is not highlighted.
    expect((cellAt(t2, '9', 3).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFFF99');

    const trail = wb.getWorksheet('修改记录')!;
    const rows: string[] = [];
    trail.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String).join('|')));
    expect(rows.some((l) => l.includes('22.63') && l.includes('17.56') && l.includes('李审核'))).toBe(true);
    expect(rows.some((l) => l.includes('74.91') && l.includes('74.9') && l.includes('王复核') && l.includes('与下级科目之和一致'))).toBe(true);
    const opinions = wb.getWorksheet('审核意见')!;
    const listed: string[] = [];
    opinions.eachRow((row) => listed.push((row.values as unknown[]).slice(1).map(String).join('|')));
    // The findings still open after the corrections (t2 210 now 74.91 over its child 74.90, among others).
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.some((l) => l.includes('收入总表'))).toBe(true);
  });
});
