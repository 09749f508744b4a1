// Applying an auditor's corrections to a document: pure, so the checks can re-run on the result.
import { locateCell as locateInTable } from './semantics/index.js';
import type { BudgetDocument, TableKey } from './types.js';

export interface CellCorrection {
  table: TableKey;
  /** The row id findings use: 序号 where printed, else the 科目编码, else the row's first printed text. */
  row: string;
  /** The column id findings use: 栏次 number where printed, else the 1-based position. */
  column: string;
}

/** Index of the table, row and column a correction names, or null when the table has no such cell. */
export function locateCell(doc: BudgetDocument, ref: CellCorrection): { table: number; row: number; col: number } | null {
  const t = doc.tables.findIndex((x) => x.key === ref.table);
  if (t < 0) return null;
  const at = locateInTable(doc.tables[t]!, ref.row, ref.column, doc.family);
  return at ? { table: t, ...at } : null;
}

/** A copy of the document with each live correction's new value in its cell (later corrections win). */
export function applyCorrections(doc: BudgetDocument, corrections: readonly (CellCorrection & { newValue: string; undoneAt: string | null })[]): BudgetDocument {
  const live = corrections.filter((c) => c.undoneAt === null);
  if (live.length === 0) return doc;
  const tables = doc.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  const out: BudgetDocument = { ...doc, tables };
  for (const c of live) {
    const at = locateCell(out, c);
    if (at) tables[at.table]!.rows[at.row]![at.col] = c.newValue;
  }
  return out;
}
