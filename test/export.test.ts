// The Excel export, read back with exceljs: layout of every standard table as the budget system prints it,
// corrections (fill + note), the 审核意见 / 修改记录 sheets, the plain variant, file name, bad input.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Correction, ReviewFinding } from '../main/api/types.js';
import { exportFileName, exportWorkbook, CORRECTIONS_SHEET, FINDINGS_SHEET } from '../main/export/index.js';
import { AppError } from '../main/model/errors.js';
import { tableDef } from '../main/model/tables.js';
import type { BudgetDocument, StandardTable } from '../main/model/types.js';
import { truthDocument } from './export-support.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A cell as the tables print it: numbers by their value, text trimmed, blank "". */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return String(v).trim();
}

const sameAmount = (a: string, b: string): boolean => {
  const x = a.replace(/,/g, ''), y = b.replace(/,/g, '');
  return /^-?[\d.]+$/.test(x) && /^-?[\d.]+$/.test(y) ? Math.abs(Number(x) - Number(y)) < 0.005 : x === y;
};

/** The sheet's grid from the 栏次 row down to the last bordered row, as the reader of a budget-system export sees it. */
function readTableBack(ws: ExcelJS.Worksheet, width: number): { lanesRow: number; rows: string[][] } {
  let lanesRow = 0;
  ws.eachRow((row, r) => {
    if (!lanesRow && cellText(row.getCell(1)) === '栏次') lanesRow = r;
  });
  const rows: string[][] = [];
  for (let r = lanesRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(1).border?.top) break; // the note line has no border
    rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1))));
  }
  return { lanesRow, rows };
}

describe('export: the nine standard tables', () => {
  const doc = truthDocument('seed000');

  it('writes one sheet per table, laid out like the budget system, with the truth rows', async () => {
    const wb = await load(await exportWorkbook({ document: doc, corrections: [], findings: [], plain: false, exportedAt: '2024-05-01T10:00:00' }));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([...doc.tables.map((t) => t.title.replace(/^(部门|单位)预算/, '')), FINDINGS_SHEET, CORRECTIONS_SHEET]);
    for (const table of doc.tables) {
      const ws = wb.worksheets[doc.tables.indexOf(table)]!;
      const width = table.lanes!.length;
      expect(ws.name.length).toBeLessThanOrEqual(31);
      // Title: merged over the width, bold 黑体, centred.
      const title = ws.getCell(1, 1);
      expect(title.value).toBe(table.title);
      expect(title.font?.bold).toBe(true);
      expect(title.font?.name).toBe('黑体');
      expect(title.alignment?.horizontal).toBe('center');
      expect(ws.model.merges).toContain(`A1:${ws.getColumn(width).letter}1`);
      // Department, year, unit line.
      const info = ws.getRow(2).values as unknown[];
      expect(info).toContain(`${doc.department_code} ${doc.department}`);
      expect(info).toContain('预算年度：2023');
      expect(info).toContain('单位：万元');
      // Header block exactly as TABLES.md: texts and merges.
      const def = tableDef(table.key).header;
      def.rows.forEach((cells, r) =>
        cells.forEach((text, c) => {
          const covered = def.merges.some(([r1, c1, r2, c2]) => r1 <= r && r <= r2 && c1 <= c && c <= c2 && (r1 !== r || c1 !== c));
          if (!covered) expect(cellText(ws.getCell(3 + r, c + 1))).toBe(text.replace('{scope}', doc.scope));
        }),
      );
      for (const [r1, c1, r2, c2] of def.merges) {
        const range = `${ws.getCell(3 + r1, c1 + 1).address}:${ws.getCell(3 + r2, c2 + 1).address}`;
        expect(ws.model.merges, `${table.key} merge ${range}`).toContain(range);
      }
      // 栏次 row and data rows equal the truth; blank stays blank; amounts are numbers, codes text.
      const back = readTableBack(ws, width);
      expect(back.lanesRow).toBe(3 + def.rows.length);
      expect(ws.getRow(back.lanesRow).values).toEqual([undefined, ...table.lanes!]);
      expect(back.rows.length).toBe(table.rows.length);
      table.rows.forEach((row, r) => row.forEach((text, c) => expect(sameAmount(back.rows[r]![c]!, text), `${table.key} r${r} c${c}`).toBe(true)));
      tableDef(table.key).columns.forEach((col) => {
        table.rows.forEach((row, r) => {
          const cell = ws.getCell(back.lanesRow + 1 + r, col.lane + 1);
          if (row[col.lane] === '') expect(cell.value ?? null).toBeNull();
          else if (col.kind === 'amount') {
            expect(typeof cell.value).toBe('number');
            expect(cell.numFmt).toBe('#,##0.00');
          } else expect(typeof cell.value).toBe('string');
          expect(cell.border?.left?.style).toBe('thin');
          expect(cell.font?.name).toBe('宋体');
        });
      });
      // Empty tables keep their header and their note.
      if (table.note) expect(cellText(ws.getCell(back.lanesRow + table.rows.length + 1, 1))).toBe(table.note);
      // Print: A4, one page wide, header rows repeated.
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toBe(`2:${back.lanesRow}`);
      ws.columns.forEach((col) => expect(col.width ?? 0).toBeGreaterThan(4));
    }
    // Wide tables print landscape, narrow ones portrait.
    expect(wb.getWorksheet('收入总表')!.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('一般公共预算财政拨款支出表')!.pageSetup.orientation).toBe('portrait');
    // Empty tables: header + 栏次 + note, no data.
    const t7 = wb.getWorksheet('政府基金预算财政拨款支出表')!;
    expect(cellText(t7.getCell(6, 1))).toBe('注：无政府基金预算财政拨款预算，空表列示。');
  });

  it('prints the scope of 单位 documents in titles and headers', async () => {
    const unit = truthDocument('seed002');
    const wb = await load(await exportWorkbook({ document: unit, corrections: [], findings: [], plain: true }));
    const t6 = wb.getWorksheet('一般公共预算财政拨款基本支出表')!;
    expect(t6.getCell(1, 1).value).toBe('单位预算一般公共预算财政拨款基本支出表');
    expect(t6.getCell(3, 2).value).toBe('支出单位经济分类科目');
    expect(t6.getRow(2).values).toContain('151001 廊坊市广阳区人民政府办公室本级');
    expect(exportFileName(unit)).toBe('151001廊坊市广阳区人民政府办公室本级_2023_单位预算.xlsx');
    expect(exportFileName(doc)).toBe('434石家庄市长安区人民政府办公室_2023_部门预算.xlsx');
  });

  it('keeps a table of unexpected width whole, and drops characters a workbook cannot hold', async () => {
    const odd = truthDocument('seed000');
    const t9 = odd.tables.find((t) => t.key === 't9')!;
    // A generator that prints one more amount column than TABLES.md knows, with its own header.
    t9.lanes = [...t9.lanes!, '6'];
    t9.header = { rows: t9.header.rows.map((r, i) => [...r, i === 0 ? '备注金额' : '']), merges: [...t9.header.merges, [0, 6, 1, 6]] };
    t9.rows = t9.rows.map((r, i) => [...r, i === 0 ? '1.5' : '']);
    t9.rows[1]![1] = `一、因公出国\u0007（境）费`;
    const wb = await load(await exportWorkbook({ document: odd, corrections: [], findings: [], plain: true }));
    const ws = wb.getWorksheet('财政拨款“三公”经费支出表')!;
    expect(cellText(ws.getCell(3, 7))).toBe('备注金额');
    expect(ws.model.merges).toContain('G3:G4');
    expect(ws.getRow(5).values).toEqual([undefined, '栏次', '1', '2', '3', '4', '5', '6']);
    expect(ws.getCell(6, 7).value).toBe(1.5);
    expect(ws.getCell(7, 2).value).toBe('一、因公出国（境）费');
  });

  it('refuses a document without tables with a bilingual reason', async () => {
    const empty: BudgetDocument = { ...doc, tables: [] };
    const err = await exportWorkbook({ document: empty, corrections: [], findings: [], plain: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unusable-input');
    expect((err as AppError).zh).toMatch(/标准表/);
  });
});

describe('export: corrections and findings', () => {
  /** The seed with two live corrections applied (and one undone), as the review screen would hand it over. */
  function corrected(): { doc: BudgetDocument; corrections: Correction[]; findings: ReviewFinding[] } {
    const doc = truthDocument('seed000');
    const t5 = doc.tables.find((t) => t.key === 't5')!;
    const t9 = doc.tables.find((t) => t.key === 't9')!;
    const rowOf = (t: StandardTable, pred: (r: string[]) => boolean): string[] => t.rows.find(pred)!;
    const r5 = rowOf(t5, (r) => r[1] === '2010301');
    const r9 = rowOf(t9, (r) => r[1]!.includes('公务接待费'));
    const base = { submissionId: 1, undoneAt: null };
    const corrections: Correction[] = [
      { ...base, id: 1, table: 't5', row: r5[0]!, column: '4', oldValue: r5[4]!, newValue: '1182.03', author: '张审计', at: '2024-05-01T09:30:00', reason: '与支出总表基本支出不符' },
      { ...base, id: 2, table: 't9', row: r9[0]!, column: '4', oldValue: r9[4]!, newValue: '0.10', author: '李复核', at: '2024-05-01T09:45:00', reason: '政府性基金漏填' },
      { ...base, id: 3, table: 't9', row: r9[0]!, column: '5', oldValue: '', newValue: '1.00', author: '李复核', at: '2024-05-01T09:40:00', reason: '试填', undoneAt: '2024-05-01T09:41:00' },
    ];
    r5[4] = '1182.03';
    r9[4] = '0.10';
    const finding = (over: Partial<ReviewFinding>): ReviewFinding => ({
      rule: 'row-sum', severity: 'error', table: 't5', row: r5[0]!, column: '3', related: [{ table: 't5', row: r5[0]!, column: '4' }],
      expected: 1292.03, actual: 1292.02, message: '2010301 行政运行 合计 1292.02 ≠ 基本支出 + 项目支出 1292.03', page: null,
      key: '', status: 'open', comment: '', ...over,
    });
    const findings = [
      finding({ key: 'a' }),
      finding({ key: 'b', rule: 'cross-table', severity: 'warning', table: 't9', row: r9[0]!, column: '2', expected: null, actual: null, message: '公务接待费 与 基本支出表 30217 不符', status: 'confirmed', comment: '已与单位核实' }),
      finding({ key: 'c', rule: 'completeness', severity: 'info', table: 'document', row: null, column: null, related: [], expected: null, actual: null, message: '缺少情况说明第五部分', status: 'dismissed' }),
    ];
    return { doc, corrections, findings };
  }

  it('fills corrected cells, annotates them, and lists findings and corrections', async () => {
    const { doc, corrections, findings } = corrected();
    const wb = await load(await exportWorkbook({ document: doc, corrections, findings, plain: false, exportedAt: '2024-05-02T08:00:00' }));
    const t5 = wb.getWorksheet('一般公共预算财政拨款支出表')!;
    const t9 = wb.getWorksheet('财政拨款“三公”经费支出表')!;
    const find = (ws: ExcelJS.Worksheet, seq: string, lane: number): ExcelJS.Cell => {
      let hit: ExcelJS.Cell | null = null;
      ws.eachRow((row) => {
        if (!hit && cellText(row.getCell(1)) === seq && row.getCell(2).border?.top) hit = row.getCell(lane + 1);
      });
      return hit!;
    };
    const c1 = find(t5, corrections[0]!.row, 4);
    const c2 = find(t9, corrections[1]!.row, 4);
    const undone = find(t9, corrections[2]!.row, 5);
    expect(c1.value).toBe(1182.03);
    expect(c2.value).toBe(0.1);
    for (const c of [c1, c2]) expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF99');
    expect(undone.fill?.type === 'pattern' && (undone.fill as ExcelJS.FillPattern).fgColor?.argb === 'FFFFFF99').toBe(false);
    expect(undone.note).toBeUndefined();
    const noteText = (cell: ExcelJS.Cell): string => {
      const n = cell.note;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    expect(noteText(c1)).toContain(`原值：${corrections[0]!.oldValue}`);
    expect(noteText(c1)).toContain('修改为：1182.03');
    expect(noteText(c1)).toContain('修改人：张审计');
    expect(noteText(c1)).toContain('修改时间：2024-05-01 09:30');
    expect(noteText(c1)).toContain('修改原因：与支出总表基本支出不符');
    expect(noteText(c2)).toContain('原值：（空）');

    // 审核意见: one row per finding, table order then severity; places, rules, statuses in the shared words, no ids.
    const fs = wb.getWorksheet(FINDINGS_SHEET)!;
    const header = (fs.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['报表', '位置', '类别', '规则', '严重程度', '问题说明', '关联单元格', '处理状态']));
    expect(header).not.toContain('规则编号');
    const col = (name: string): number => header.indexOf(name) + 1;
    const listed = [4, 5, 6].map((r) => fs.getRow(r));
    expect(listed.map((r) => cellText(r.getCell(col('报表'))))).toEqual(['一般公共预算财政拨款支出表', '财政拨款“三公”经费支出表', '全文']);
    expect(cellText(listed[0]!.getCell(col('位置')))).toBe('2010301 行政运行 · 合计');
    expect(cellText(listed[0]!.getCell(col('规则')))).toBe('行内合计');
    expect(cellText(listed[0]!.getCell(col('类别')))).toBe('表内勾稽');
    expect(cellText(listed[1]!.getCell(col('规则')))).toBe('表间勾稽');
    expect(listed.map((r) => cellText(r.getCell(col('严重程度'))))).toEqual(['错误', '警告', '提示']);
    expect(listed.map((r) => cellText(r.getCell(col('处理状态'))))).toEqual(['待处理', '已确认', '已排除']);
    expect(cellText(listed[1]!.getCell(col('审核人意见')))).toBe('已与单位核实');
    expect(cellText(listed[0]!.getCell(col('关联单元格')))).toBe('本表 2010301 行政运行 基本支出');
    expect(cellText(listed[0]!.getCell(col('问题说明')))).toContain('行政运行');
    for (const r of listed) for (const c of (r.values as unknown[]).slice(1)) expect(String(c ?? '')).not.toMatch(/\b[td]\d\b|row-sum|cross-table|completeness/);
    expect(fs.getRow(2).values).toContain('导出时间：2024-05-02 08:00');

    // 修改记录: every correction, the undone one marked as such.
    const cs = wb.getWorksheet(CORRECTIONS_SHEET)!;
    const ch = (cs.getRow(3).values as unknown[]).slice(1);
    const cc = (name: string): number => ch.indexOf(name) + 1;
    const trail = [4, 5, 6].map((r) => cs.getRow(r));
    expect(cellText(cs.getRow(7).getCell(1))).toBe('');
    expect(cellText(trail[0]!.getCell(cc('报表')))).toBe('一般公共预算财政拨款支出表');
    expect(cellText(trail[0]!.getCell(cc('项目')))).toBe('2010301 行政运行');
    expect(cellText(trail[0]!.getCell(cc('栏目')))).toBe('基本支出');
    expect(trail[0]!.getCell(cc('原值')).value).toBe(Number(corrections[0]!.oldValue));
    expect(trail[0]!.getCell(cc('修改为')).value).toBe(1182.03);
    expect(cellText(trail[0]!.getCell(cc('修改人')))).toBe('张审计');
    expect(cellText(trail[0]!.getCell(cc('状态')))).toBe('有效');
    const t9rows = trail.slice(1).map((r) => [cellText(r.getCell(cc('修改原因'))), cellText(r.getCell(cc('状态')))]);
    expect(t9rows).toEqual([['试填', '已撤销（2024-05-01 09:41）'], ['政府性基金漏填', '有效']]);
  });

  it('plain export: the corrected tables only, no highlights, notes or audit sheets', async () => {
    const { doc, corrections, findings } = corrected();
    const wb = await load(await exportWorkbook({ document: doc, corrections, findings, plain: true }));
    expect(wb.worksheets.map((w) => w.name)).not.toContain(FINDINGS_SHEET);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(CORRECTIONS_SHEET);
    expect(wb.worksheets.length).toBe(9);
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.note).toBeUndefined();
          expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFFF99');
        }),
      );
    let found = false;
    wb.getWorksheet('一般公共预算财政拨款支出表')!.eachRow((row) => {
      if (row.getCell(2).value === '2010301') found = row.getCell(5).value === 1182.03;
    });
    expect(found).toBe(true);
  });
});
