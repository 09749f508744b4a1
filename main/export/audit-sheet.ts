// The frame shared by the audit sheets (审核意见, 修改记录): title, department line, a bordered list with
// a header row that repeats on every printed page and an auto-filter.
import type ExcelJS from 'exceljs';
import type { BudgetDocument } from '../model/types.js';
import { BODY_FONT, CENTER, HEADER_FILL, HEADING_FONT, LEFT, RIGHT, THIN_BORDER, TITLE_FONT, amountFormat, cellTextWidth, printSetup } from './styles.js';
import { writeInfoRow } from './table-sheet.js';

export interface AuditColumn {
  header: string;
  width: number;
  kind: 'text' | 'center' | 'amount' | 'wrap';
}

export type AuditValue = string | number | null;

const LINE_HEIGHT = 13.5;

export function writeAuditSheet(
  ws: ExcelJS.Worksheet,
  doc: BudgetDocument,
  title: string,
  exportedAt: string,
  columns: AuditColumn[],
  rows: AuditValue[][],
  emptyText: string,
): void {
  const width = columns.length;
  columns.forEach((col, c) => (ws.getColumn(c + 1).width = col.width));

  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 30;
  writeInfoRow(ws, 2, width, doc, `导出时间：${exportedAt}`);

  const headerRow = ws.getRow(3);
  columns.forEach((col, c) => {
    const cell = headerRow.getCell(c + 1);
    cell.value = col.header;
    cell.font = HEADING_FONT;
    cell.alignment = CENTER;
    cell.border = THIN_BORDER;
    cell.fill = HEADER_FILL;
  });
  headerRow.height = 20;

  rows.forEach((values, r) => {
    const row = ws.getRow(4 + r);
    let lines = 1;
    columns.forEach((col, c) => {
      const cell = row.getCell(c + 1);
      const v = values[c] ?? null;
      cell.font = BODY_FONT;
      cell.border = THIN_BORDER;
      if (col.kind === 'amount') {
        if (typeof v === 'number') {
          cell.value = v;
          cell.numFmt = amountFormat(2);
        } else if (v !== null && v !== '') cell.value = v;
        cell.alignment = RIGHT;
        return;
      }
      if (v !== null && v !== '') cell.value = typeof v === 'number' ? v : String(v);
      cell.alignment = col.kind === 'center' ? CENTER : LEFT;
      if (typeof v === 'string' && v) {
        const perLine = Math.max(1, col.width - 1.5);
        lines = Math.max(lines, v.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(cellTextWidth(l) / perLine)), 0));
      }
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT + 3;
  });

  if (rows.length === 0) {
    const cell = ws.getCell(4, 1);
    cell.value = emptyText;
    cell.font = BODY_FONT;
    cell.alignment = LEFT;
    ws.mergeCells(4, 1, 4, width);
  } else {
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + rows.length, column: width } };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 3, showGridLines: false }];
  printSetup(ws, { landscape: true, repeatRows: [3, 3] });
}
