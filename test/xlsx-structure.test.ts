// The .xlsx reader on workbooks built here: lines (title, meta, note) cut from grids by content, merges,
// displayed number text, formulas and rich text, hidden sheets, two tables on one sheet.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../main/readers/index.js';
import type { RawParagraphBlock, RawTableBlock } from '../main/readers/raw.js';
import { readXlsxRaw } from '../main/readers/xlsx/index.js';

function fillT9(ws: ExcelJS.Worksheet, top: number, title: string): void {
  ws.mergeCells(top, 1, top, 6);
  ws.getCell(top, 1).value = title;
  ws.getCell(top + 1, 1).value = '901 某某局';
  ws.getCell(top + 1, 4).value = '预算年度：2024';
  ws.getCell(top + 1, 6).value = '单位：万元';
  ws.mergeCells(top + 2, 1, top + 3, 1);
  ws.getCell(top + 2, 1).value = '序号';
  ws.mergeCells(top + 2, 2, top + 3, 2);
  ws.getCell(top + 2, 2).value = '项 目';
  ws.mergeCells(top + 2, 3, top + 2, 6);
  ws.getCell(top + 2, 3).value = '资 金 性 质';
  ['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'].forEach((t, i) => (ws.getCell(top + 3, 3 + i).value = t));
  ['栏次', '1', '2', '3', '4', '5'].forEach((t, i) => (ws.getCell(top + 4, 1 + i).value = t));
  const rows: (string | number | null)[][] = [
    [1, '“三公”经费小计', 23.1, 23.1, null, null],
    [2, '一、因公出国(境)费', 0, 0, null, null],
    [3, { richText: [{ text: '三、公务' }, { text: '接待费' }] } as unknown as string, 0.6, 0.6, null, null],
  ];
  rows.forEach((vals, k) =>
    vals.forEach((v, i) => {
      const c = ws.getCell(top + 5 + k, 1 + i);
      c.value = v as ExcelJS.CellValue;
      if (i >= 2 && typeof v === 'number') c.numFmt = '#,##0.00';
    }),
  );
  // A total written as a formula with its cached result.
  ws.getCell(top + 5, 3).value = { formula: 'C7+C8', result: 23.1 } as ExcelJS.CellFormulaValue;
  ws.getCell(top + 5, 3).numFmt = '0.00';
}

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet('旧表');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = '部门预算收支总表';
  const ws = wb.addWorksheet('三公');
  ws.getCell('A1').value = '说明：本表由系统导出';
  fillT9(ws, 3, '部门预算财政拨款“三公”经费支出表');
  ws.getCell('A12').value = '注：无会议费、培训费预算。';
  ws.mergeCells('A12:F12');
  const text = wb.addWorksheet('情况说明');
  text.getCell('A1').value = '某某局2024年部门预算信息公开情况说明';
  text.getCell('A2').value = '一、部门职责及机构设置情况';
  text.getCell('A3').value = '负责全区有关工作。';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('xlsx reader', () => {
  it('cuts lines from grids by content and keeps merges, skipping hidden sheets', async () => {
    const raw = await readXlsxRaw(await workbook());
    const kinds = raw.blocks.map((b) => (b.kind === 'table' ? `table:${b.rows.length}` : (b as RawParagraphBlock).text));
    expect(kinds).toEqual([
      '说明：本表由系统导出',
      '部门预算财政拨款“三公”经费支出表',
      '901 某某局  预算年度：2024  单位：万元',
      'table:6',
      '注：无会议费、培训费预算。',
      '某某局2024年部门预算信息公开情况说明',
      '一、部门职责及机构设置情况',
      '负责全区有关工作。',
    ]);
    const t = raw.blocks[3] as RawTableBlock;
    expect(t.rows[0]!.cells.map((c) => [c.text, c.rowSpan, c.colSpan, !!c.covered])).toEqual([
      ['序号', 2, 1, false],
      ['项 目', 2, 1, false],
      ['资 金 性 质', 1, 4, false],
      ['', 1, 1, true],
      ['', 1, 1, true],
      ['', 1, 1, true],
    ]);
    expect(t.rows[3]!.cells.map((c) => c.text)).toEqual(['1', '“三公”经费小计', '23.10', '23.10', '', '']);
    expect(t.rows[3]!.cells[2]!.src).toEqual({ sheet: '三公', cell: 'C8' });
  });

  it('assembles the workbook: table, note, metadata and the narrative sheet', async () => {
    const doc = await readDisclosure(await workbook(), 'book.xlsx');
    expect(doc.tables.map((t) => t.key)).toEqual(['t9']);
    const t9 = doc.tables[0]!;
    expect(t9.header.rows).toEqual([
      ['序号', '项 目', '资 金 性 质', '', '', ''],
      ['', '', '合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
    ]);
    expect(t9.rows).toEqual([
      ['1', '“三公”经费小计', '23.10', '23.10', '', ''],
      ['2', '一、因公出国(境)费', '0.00', '0.00', '', ''],
      ['3', '三、公务接待费', '0.60', '0.60', '', ''],
    ]);
    expect(t9.note).toBe('注：无会议费、培训费预算。');
    expect(doc).toMatchObject({ department_code: '901', department: '某某局', year: 2024, scope: '部门', unit: '万元' });
    expect(doc.narrative).toEqual([
      { heading: '某某局2024年部门预算信息公开情况说明', paragraphs: [] },
      { heading: '一、部门职责及机构设置情况', paragraphs: ['负责全区有关工作。'] },
    ]);
  });
});
