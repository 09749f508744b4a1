// Applying an auditor's corrections to a document: pure, so the checks can re-run on the result.
import type { BudgetDocument, TableKey } from './types.js';

export interface CellCorrection {
  table: TableKey;
  /** 序号 as printed. */
  row: string;
  /** 栏次 number as printed. */
  column: string;
}

/** Index of a 序号 row and a 栏次 column in a table, or null when the table has no such cell. */
export function locateCell(doc: BudgetDocument, ref: CellCorrection): { table: number; row: number; col: number } | null {
  const t = doc.tables.findIndex((x) => x.key === ref.table);
  if (t < 0) return null;
  const table = doc.tables[t]!;
  const row = table.rows.findIndex((r) => r[0] === ref.row);
  const col = table.lanes.findIndex((l, i) => i > 0 && l === ref.column);
  if (row < 0 || col < 1) return null;
  return { table: t, row, col };
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
