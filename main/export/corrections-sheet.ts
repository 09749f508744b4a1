// Corrections: where each one sits in its table (by the row and column ids the review applied it with), the note a
// corrected cell carries, and the 修改记录 sheet that lists every correction, undone ones included.
import { CORRECTIONS_SHEET_NAME } from '../model/workbook.js';
import type ExcelJS from 'exceljs';
import type { Correction } from '../model/review.js';
import { locateCell } from '../model/corrections.js';
import { cellLabels } from '../model/semantics/index.js';
import type { BudgetDocument, StandardTable, TableKey } from '../model/types.js';
import { writeAuditSheet, type AuditColumn, type AuditValue } from './audit-sheet.js';
import { formatTime, tableLabel, tableOrder } from './labels.js';
import { markKey, type CellMarks } from './table-sheet.js';

export const CORRECTIONS_SHEET = CORRECTIONS_SHEET_NAME;

/** Row and column of a correction's cell in its table — found exactly as the review applied it — or null. */
function locate(doc: BudgetDocument, c: Correction): { table: StandardTable; row: number; col: number } | null {
  const at = locateCell(doc, c);
  return at ? { table: doc.tables[at.table]!, row: at.row, col: at.col } : null;
}

const live = (c: Correction): boolean => !c.undoneAt;
const shown = (v: string): string => (v.trim() === '' ? '（空）' : v);

/** The note of a corrected cell: original value, new value, who, when, why — one block per live correction. */
export function correctionNote(cs: Correction[]): string {
  return cs
    .map((c) => [`原值：${shown(c.oldValue)}`, `修改为：${shown(c.newValue)}`, `修改人：${c.author}`, `修改时间：${formatTime(c.at)}`, `修改原因：${c.reason}`].join('\n'))
    .join('\n——\n');
}

/** Marks for every table: the cells live corrections changed, each with its note. */
export function correctionMarks(doc: BudgetDocument, corrections: Correction[]): Map<TableKey, CellMarks> {
  const byCell = new Map<string, { table: TableKey; key: string; list: Correction[] }>();
  for (const c of corrections.filter(live)) {
    const at = locate(doc, c);
    if (!at) continue;
    const id = `${c.table}|${markKey(at.row, at.col)}`;
    const entry = byCell.get(id) ?? { table: c.table, key: markKey(at.row, at.col), list: [] };
    entry.list.push(c);
    byCell.set(id, entry);
  }
  const marks = new Map<TableKey, CellMarks>();
  for (const { table, key, list } of byCell.values()) {
    list.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
    const m = marks.get(table) ?? new Map();
    m.set(key, { note: correctionNote(list) });
    marks.set(table, m);
  }
  return marks;
}

const COLUMNS: AuditColumn[] = [
  { header: '编号', width: 5, kind: 'center' },
  { header: '报表', width: 15, kind: 'wrap' },
  { header: '项目', width: 28, kind: 'wrap' },
  { header: '栏目', width: 16, kind: 'wrap' },
  { header: '原值', width: 12, kind: 'amount' },
  { header: '修改为', width: 12, kind: 'amount' },
  { header: '修改人', width: 10, kind: 'center' },
  { header: '修改时间', width: 16, kind: 'center' },
  { header: '修改原因', width: 30, kind: 'wrap' },
  { header: '状态', width: 16, kind: 'wrap' },
];

/** The cell's row and column as printed: `2010301 行政运行`, `基本支出`. */
function labelsOf(doc: BudgetDocument, c: Correction): { row: string; column: string } {
  const at = locate(doc, c);
  return at ? cellLabels(at.table, at.row, at.col, doc.family) : { row: '', column: '' };
}

/** Amount text as a number, so the sheet sums and formats it; other text as printed. */
function asValue(text: string): AuditValue {
  const t = text.replace(/[\s,，]/g, '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : text;
}

export function writeCorrectionsSheet(ws: ExcelJS.Worksheet, doc: BudgetDocument, corrections: Correction[], exportedAt: string): void {
  const sorted = [...corrections].sort((a, b) => tableOrder(a.table) - tableOrder(b.table) || a.at.localeCompare(b.at) || a.id - b.id);
  const rows: AuditValue[][] = sorted.map((c, i) => {
    const found = locate(doc, c) !== null;
    const status = c.undoneAt ? `已撤销（${formatTime(c.undoneAt)}）` : found ? '有效' : '有效（表中未找到该单元格）';
    const labels = labelsOf(doc, c);
    return [i + 1, tableLabel(c.table), labels.row || c.row, labels.column || c.column, asValue(c.oldValue), asValue(c.newValue), c.author, formatTime(c.at), c.reason, status];
  });
  writeAuditSheet(ws, doc, CORRECTIONS_SHEET, exportedAt, COLUMNS, rows, '无修改。');
}
