// What the review screen needs to show a table in its printed layout without knowing any layout: each column's
// role and name (from the table's semantics), the row id and row label of every row in every panel, the unit.
import { cellLabels, columnId, columnName, describeTable, rowIdAt } from '../model/semantics/index.js';
import type { BudgetDocument, TableKey } from '../model/types.js';
import type { TableLayoutView } from './types.js';

export function tableLayouts(doc: BudgetDocument): Partial<Record<TableKey, TableLayoutView>> {
  const out: Partial<Record<TableKey, TableLayoutView>> = {};
  for (const table of doc.tables) {
    const sem = describeTable(table, doc.family);
    const width = Math.max(sem.columns.length, ...table.rows.slice(0, 1).map((r) => r.length));
    const columns = Array.from({ length: width }, (_, c) => {
      const col = sem.columns[c];
      return { index: c, id: columnId(table, c), role: col?.role ?? 'amount', name: col ? columnName(col) : `第${c + 1}列`, concept: col?.concept ?? null, panel: col?.panel ?? 0 };
    });
    // One representative column per panel: ids and labels are per panel (the two halves of a 收支总表).
    const panels = sem.panels.map((p) => p.amounts[0] ?? p.columns[0] ?? 0);
    if (!panels.length) panels.push(0);
    out[table.key] = {
      unit: table.unit ?? doc.unit,
      columns,
      panelColumns: panels,
      rowIds: table.rows.map((_, r) => panels.map((c) => rowIdAt(table, r, c, doc.family))),
      rowLabels: table.rows.map((_, r) => panels.map((c) => cellLabels(table, r, c, doc.family).row)),
    };
  }
  return out;
}
