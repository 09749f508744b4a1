// Findings on a scan: before a failed reconciliation is held against the department, the cells it compared
// that were read by OCR are looked at. When one of them is a likely misreading — the recogniser was unsure
// of it, or it differs from the figure that would fit by one digit or by its decimal point — the finding
// becomes an OCR finding on that cell, "识别存疑，请核对" (a warning), which keeps the original reasoning
// for the auditor. Findings on text read from the file are left as they are.
import { isOcrCell, needsConfirmation, OCR_CONFIRM_BELOW, ocrConfusable } from '../model/ocr.js';
import { cellLabels, locateCell } from '../model/semantics/index.js';
import type { BudgetDocument, CellRef, CellSource, Finding, StandardTable } from '../model/types.js';

export const OCR_MISREAD = 'ocr-misread';

/** Rules whose findings come from the arithmetic of the figures (not from names, codes or the narrative). */
const ARITHMETIC = new Set(['row-sum', 'column-sum', 'balance', 'cross-table']);

interface OcrCell {
  ref: CellRef;
  table: StandardTable;
  row: number;
  col: number;
  text: string;
  src: CellSource & { confidence: number };
}

function ocrCell(doc: BudgetDocument, ref: CellRef): OcrCell | null {
  if (ref.row === null || ref.column === null) return null;
  const table = doc.tables.find((t) => t.key === ref.table);
  if (!table) return null;
  const at = locateCell(table, ref.row, ref.column, doc.family);
  const src = at ? table.sources?.[at.row]?.[at.col] : null;
  if (!at || !isOcrCell(src)) return null;
  return { ref, table, row: at.row, col: at.col, text: String(table.rows[at.row]?.[at.col] ?? '').trim(), src };
}

function describe(doc: BudgetDocument, c: OcrCell): string {
  const l = cellLabels(c.table, c.row, c.col, doc.family);
  return `${c.table.title} ${l.row} ${l.column}`;
}

/** The cell of a failed reconciliation most likely misread, or null when none is in doubt. */
function suspect(doc: BudgetDocument, f: Finding): { cell: OcrCell; fits: boolean } | null {
  const own = ocrCell(doc, { table: f.table, row: f.row, column: f.column });
  // The blamed cell's figure is one misreading away from the figure that would fit.
  if (own && own.text && f.expected !== null && ocrConfusable(own.text, f.expected)) return { cell: own, fits: true };
  const unsure = [own, ...f.related.map((r) => ocrCell(doc, r))]
    .filter((c): c is OcrCell => c !== null && needsConfirmation(c.src))
    .sort((a, b) => a.src.confidence - b.src.confidence);
  return unsure[0] ? { cell: unsure[0], fits: false } : null;
}

const sameCell = (a: CellRef, b: CellRef): boolean => a.table === b.table && a.row === b.row && a.column === b.column;

/** The failed reconciliation as a request to confirm its likely misread cell. */
function asMisread(doc: BudgetDocument, f: Finding, cell: OcrCell, fits: boolean): Finding {
  const pct = Math.round(cell.src.confidence * 100);
  const read = `识别为“${cell.text || '（空）'}”（识别可信度 ${pct}%${pct < OCR_CONFIRM_BELOW * 100 ? '，偏低' : ''}）`;
  const want = fits && f.expected !== null ? `，按表内勾稽应为 ${f.expected}` : '';
  const own = sameCell(cell.ref, { table: f.table, row: f.row, column: f.column });
  return {
    ...f,
    rule: OCR_MISREAD,
    severity: 'warning',
    table: cell.ref.table,
    row: cell.ref.row,
    column: cell.ref.column,
    related: [{ table: f.table, row: f.row, column: f.column }, ...f.related].filter((r) => !sameCell(r, cell.ref)),
    expected: own ? f.expected : null,
    actual: own ? f.actual : null,
    page: cell.src.page ?? f.page,
    message: `识别存疑，请核对原件（扫描件文字识别）：${describe(doc, cell)} ${read}${want}。若原件确为此数：${f.message}`,
  };
}

/** Findings with each failed reconciliation on a likely misread OCR cell turned into a "please confirm";
 *  several on one cell become one, with every reason. */
export function reviewOcrFindings(doc: BudgetDocument, findings: readonly Finding[]): Finding[] {
  if (!doc.tables.some((t) => t.sources?.some((row) => row.some(isOcrCell)))) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const s = f.severity === 'error' && ARITHMETIC.has(f.rule) ? suspect(doc, f) : null;
    if (!s) {
      out.push(f);
      continue;
    }
    const m = asMisread(doc, f, s.cell, s.fits);
    const prev = out.find((x) => x.rule === OCR_MISREAD && sameCell(x, m));
    if (!prev) {
      out.push(m);
      continue;
    }
    prev.message = `${prev.message}；${f.message}`;
    for (const r of m.related) if (!prev.related.some((x) => sameCell(x, r))) prev.related.push(r);
    if (prev.expected === null && m.expected !== null) [prev.expected, prev.actual] = [m.expected, m.actual];
  }
  return out;
}
