// The exported workbook: one sheet per standard table (in the document's order), then 审核意见 and 修改记录 unless the
// plain tables are asked for (what the department re-publishes).
import ExcelJS from 'exceljs';
import type { Correction, ReviewFinding } from '../model/review.js';
import { unusableInput } from '../model/errors.js';
import { TABLE_NAMES } from '../model/tables.js';
import type { BudgetDocument } from '../model/types.js';
import { CORRECTIONS_SHEET, correctionMarks, writeCorrectionsSheet } from './corrections-sheet.js';
import { FINDINGS_SHEET, writeFindingsSheet } from './findings-sheet.js';
import { formatTime } from './labels.js';
import { printedTitle, writeTableSheet } from './table-sheet.js';
import { BODY_FONT, TITLE_FONT } from './styles.js';
import { xmlSafeDeep } from './text.js';

export interface ExportInput {
  /** The document with the live corrections already applied. */
  document: BudgetDocument;
  corrections: Correction[];
  findings: ReviewFinding[];
  /** The nine tables only: no highlights, no notes, no audit sheets. */
  plain: boolean;
  /** ISO time printed on the audit sheets and stored as the workbook's date; now when omitted. */
  exportedAt?: string;
}

const SHEET_NAME_MAX = 31;

const COVER_SHEET = '封面';

/**
 * Where the layout prints the year and the department on its cover rather than above every table, the
 * workbook opens with a cover too: `2025年度部门预算`, `编制部门：…` — what a reader of the book (or of its
 * re-import) needs to know whose disclosure of which year it is.
 */
function writeCoverSheet(ws: ExcelJS.Worksheet, doc: BudgetDocument): void {
  ws.getColumn(1).width = 60;
  const lines = [doc.department, `${doc.year}年度${doc.scope}${doc.kind}`, `编制${doc.scope}：${doc.department}`];
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 1 ? TITLE_FONT : BODY_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(i + 1).height = i === 1 ? 36 : 22;
  });
}

/** Sheet name = the table name as printed without 部门预算/单位预算, cleaned of what Excel forbids, ≤ 31. */
export function sheetNameFor(title: string, fallback: string): string {
  const name = title.replace(/\s+/g, '').replace(/^(\d{4}年度?)?(部门|单位|预算单位)(预算|决算)?/, '').replace(/[[\]:*?/\\]/g, '').replace(/^'+|'+$/g, '');
  return [...(name || fallback)].slice(0, SHEET_NAME_MAX).join('');
}

function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) {
    const suffix = `(${i})`;
    out = [...name].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
  }
  taken.add(out.toLowerCase());
  return out;
}

export async function exportWorkbook(input: ExportInput): Promise<Uint8Array> {
  const { plain } = input;
  if (!input.document || !Array.isArray(input.document.tables) || input.document.tables.length === 0)
    throw unusableInput('文件中没有可导出的标准表', 'the document has no standard table to export');
  const doc: BudgetDocument = { ...input.document, narrative: [], extra_tables: [], findings: [] };
  Object.assign(doc, xmlSafeDeep({ department: doc.department, department_code: doc.department_code, unit: doc.unit, tables: doc.tables }));
  const corrections = xmlSafeDeep(input.corrections ?? []);
  const findings = xmlSafeDeep(input.findings ?? []);
  const exportedAt = input.exportedAt ?? new Date().toISOString();
  const when = new Date(exportedAt);
  const stamp = Number.isNaN(when.getTime()) ? new Date() : when;

  const wb = new ExcelJS.Workbook();
  wb.creator = '部门预算审核工作台';
  wb.lastModifiedBy = '部门预算审核工作台';
  wb.title = `${doc.department}${doc.year}年${doc.scope}${doc.kind}`;
  wb.subject = plain ? `${doc.scope}${doc.kind}公开表` : `${doc.scope}${doc.kind}公开表（审核后）`;
  wb.created = stamp;
  wb.modified = stamp;

  const marks = plain ? null : correctionMarks(doc, corrections);
  const taken = new Set<string>([FINDINGS_SHEET, CORRECTIONS_SHEET].map((s) => s.toLowerCase()));
  if (!doc.department_code?.trim()) writeCoverSheet(wb.addWorksheet(uniqueName(COVER_SHEET, taken)), doc);
  // In the document's own order (Shanghai prints the 基本支出 table after the fund tables).
  for (const table of doc.tables) {
    const name = TABLE_NAMES[table.key];
    const title = printedTitle(table, doc, name);
    const ws = wb.addWorksheet(uniqueName(sheetNameFor(title, name), taken), { properties: { defaultRowHeight: 16 } });
    writeTableSheet(ws, doc, table, title, marks?.get(table.key) ?? null);
  }
  if (!plain) {
    const at = formatTime(exportedAt);
    writeFindingsSheet(wb.addWorksheet(FINDINGS_SHEET), doc, findings, at);
    writeCorrectionsSheet(wb.addWorksheet(CORRECTIONS_SHEET), doc, corrections, at);
  }
  const buf = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** e.g. 434石家庄市长安区人民政府办公室_2023_部门预算.xlsx — safe on every file system. */
export function exportFileName(doc: Pick<BudgetDocument, 'department_code' | 'department' | 'year' | 'scope'> & { kind?: BudgetDocument['kind'] }): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  const dept = `${doc.department_code ?? ''}${doc.department ?? ''}`.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '').replace(/\s+/g, '').trim();
  return `${dept || '预算'}_${doc.year}_${doc.scope ?? '部门'}${doc.kind ?? '预算'}.xlsx`;
}
