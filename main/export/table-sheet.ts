// One standard table on its own sheet, as the budget system exports it: title, department / year / unit line,
// header block with its merges, 栏次 row, data rows, note. Amounts are numbers, codes and names text.
import type ExcelJS from 'exceljs';
import type { BudgetDocument, StandardTable } from '../model/types.js';
import { layoutTable, type CellKind, type TableLayout } from './layout.js';
import {
  BODY_FONT, CENTER, CORRECTED_FILL, LEFT, RIGHT, THIN_BORDER, TITLE_FONT, amountFormat, cellTextWidth, printSetup,
} from './styles.js';

/** A cell the audit changed: filled and annotated. Keyed by `${rowIndex}:${columnIndex}` of table.rows. */
export type CellMarks = Map<string, { note: string }>;

export const markKey = (row: number, col: number): string => `${row}:${col}`;

const TITLE_ROW = 1;
const INFO_ROW = 2;
const HEADER_TOP = 3;
/** Line height of 10-pt 宋体 in points, for rows whose text wraps. */
const LINE_HEIGHT = 13.5;

export function printedTitle(table: StandardTable, doc: BudgetDocument, defName: string): string {
  return table.title.trim() || `${doc.scope}预算${defName}`;
}

export function writeTableSheet(ws: ExcelJS.Worksheet, doc: BudgetDocument, table: StandardTable, title: string, marks: CellMarks | null): TableLayout {
  const layout = layoutTable(table, doc.scope, doc.family);
  const { width, header, kinds, widths } = layout;
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  // Title: merged over the whole width, 黑体, centred.
  const titleCell = ws.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  if (width > 1) ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  ws.getRow(TITLE_ROW).height = 30;

  writeInfoRow(ws, INFO_ROW, width, doc, `单位：${table.unit || doc.unit || '万元'}`);

  // Header block with its merges, then the 栏次 row.
  header.rows.forEach((cells, r) => {
    const row = ws.getRow(HEADER_TOP + r);
    for (let c = 0; c < width; c++) styleCell(row.getCell(c + 1), cells[c] ?? '', CENTER);
  });
  for (const [r1, c1, r2, c2] of header.merges) ws.mergeCells(HEADER_TOP + r1, c1 + 1, HEADER_TOP + r2, c2 + 1);
  fitHeaderHeights(ws, header, widths);
  // The 栏次 row where the layout prints one; the data follow the header directly where it does not.
  const printsLanes = table.lanes !== null;
  const lanesRow = HEADER_TOP + header.rows.length - (printsLanes ? 0 : 1);
  if (printsLanes) {
    const lanes = ws.getRow(lanesRow);
    for (let c = 0; c < width; c++) styleCell(lanes.getCell(c + 1), c === 0 ? '栏次' : (table.lanes?.[c] ?? String(c)), CENTER);
  }

  // Data rows.
  table.rows.forEach((cells, r) => {
    const row = ws.getRow(lanesRow + 1 + r);
    let lines = 1;
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      const text = String(cells[c] ?? '').trim();
      writeValue(cell, kinds[c]!, text);
      const mark = marks?.get(markKey(r, c));
      if (mark) {
        cell.fill = CORRECTED_FILL;
        cell.note = { texts: [{ text: mark.note }], margins: { insetmode: 'auto' }, editAs: 'oneCells' };
      }
      if (kinds[c] !== 'amount') lines = Math.max(lines, wrappedLines(text, widths[c]!));
    }
    if (lines > 1) row.height = lines * LINE_HEIGHT + 3;
  });

  // The note (e.g. 注：无政府性基金预算财政拨款预算，空表列示。) under the table, merged over the width.
  const lastRow = lanesRow + table.rows.length;
  if (table.note && table.note.trim()) {
    const noteRow = lastRow + 1;
    const cell = ws.getCell(noteRow, 1);
    cell.value = table.note.trim();
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    if (width > 1) ws.mergeCells(noteRow, 1, noteRow, width);
    const total = widths.reduce((a, b) => a + b, 0);
    const lines = wrappedLines(table.note.trim(), total);
    if (lines > 1) ws.getRow(noteRow).height = lines * LINE_HEIGHT + 3;
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: lanesRow, showGridLines: false }];
  printSetup(ws, { landscape: layout.landscape, repeatRows: [INFO_ROW, lanesRow] });
  return layout;
}

/**
 * The line above a table, as the document's layout prints it: `434 石家庄市…  预算年度：2023  单位：万元` where a
 * department code is printed (the budget system's layout), else `编制部门：…  单位：元` (the year is in the titles
 * and on the cover sheet).
 */
export function writeInfoRow(ws: ExcelJS.Worksheet, rowNo: number, width: number, doc: BudgetDocument, right?: string): void {
  const coded = !!doc.department_code?.trim();
  const dept = coded ? [doc.department_code, doc.department].filter((s) => s && s.trim()).join(' ') : `编制${doc.scope}：${doc.department}`;
  const year = coded ? `${doc.kind === '决算' ? '决算' : '预算'}年度：${doc.year}` : '';
  const unit = right ?? `单位：${doc.unit || '万元'}`;
  const parts: [string, number, Partial<ExcelJS.Alignment>][] =
    width >= 3
      ? (() => {
          const unitSpan = Math.max(1, Math.floor(width / 4));
          const deptSpan = Math.max(1, Math.ceil((width - unitSpan) / 2));
          const yearSpan = Math.max(1, width - deptSpan - unitSpan);
          return [
            [dept, deptSpan, { horizontal: 'left', vertical: 'middle' }],
            [year, yearSpan, { horizontal: 'center', vertical: 'middle' }],
            [unit, width - deptSpan - yearSpan, { horizontal: 'right', vertical: 'middle' }],
          ];
        })()
      : [[`${dept}  ${year}  ${unit}`, width, { horizontal: 'left', vertical: 'middle' }]];
  let col = 1;
  for (const [text, span, alignment] of parts) {
    const cell = ws.getCell(rowNo, col);
    cell.value = text;
    cell.font = BODY_FONT;
    cell.alignment = alignment;
    if (span > 1) ws.mergeCells(rowNo, col, rowNo, col + span - 1);
    col += span;
  }
}

function styleCell(cell: ExcelJS.Cell, text: string, alignment: Partial<ExcelJS.Alignment>): void {
  cell.value = text;
  cell.font = BODY_FONT;
  cell.alignment = alignment;
  cell.border = THIN_BORDER;
}

/** Amounts as numbers (blank stays blank), 序号 as a number like the budget system, codes and names as text. */
function writeValue(cell: ExcelJS.Cell, kind: CellKind, text: string): void {
  cell.font = BODY_FONT;
  cell.border = THIN_BORDER;
  if (text === '') {
    cell.alignment = kind === 'amount' ? RIGHT : LEFT;
    return;
  }
  if (kind === 'amount') {
    const plain = text.replace(/[\s,，]/g, '');
    if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
      cell.value = Number(plain);
      cell.numFmt = amountFormat((plain.split('.')[1] ?? '').length);
    } else cell.value = text; // printed "-" or a remark: kept as printed
    cell.alignment = RIGHT;
    return;
  }
  if (kind === 'seq') {
    cell.value = /^[1-9]\d{0,8}$/.test(text) ? Number(text) : text;
    cell.alignment = CENTER;
    return;
  }
  cell.value = text;
  cell.alignment = LEFT;
}

/** Lines a text wraps to in a column of the given width. */
function wrappedLines(text: string, width: number): number {
  if (!text) return 1;
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(cellTextWidth(line) / Math.max(1, width - 1.5))), 0);
}

/** Header rows get the height their longest wrapped label needs (merged labels use their merged width). */
function fitHeaderHeights(ws: ExcelJS.Worksheet, header: TableLayout['header'], widths: number[]): void {
  const need = header.rows.map(() => 1);
  header.rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const merge = header.merges.find(([r1, c1]) => r1 === r && c1 === c);
      if (header.merges.some(([r1, c1, r2, c2]) => r1 <= r && r <= r2 && c1 <= c && c <= c2 && (r1 !== r || c1 !== c))) return;
      const w = merge ? widths.slice(merge[1], merge[3] + 1).reduce((a, b) => a + b, 0) : widths[c] ?? 10;
      const rows = merge ? merge[2] - merge[0] + 1 : 1;
      const lines = Math.ceil(wrappedLines(text, w) / rows);
      need[r] = Math.max(need[r]!, lines);
    });
  });
  need.forEach((lines, r) => (ws.getRow(HEADER_TOP + r).height = Math.max(18, lines * LINE_HEIGHT + 4)));
}
