// The figures a document states, by meaning rather than by place: the whole of a table in a column concept,
// the totals and items of a 收支总表's sides, a 科目 row's cell — whatever layout printed them. Cross-table
// identities and narrative statements are both stated on these.
import { codePanels, codeTree } from './codes.js';
import { fromAmount, type Operand } from './identity.js';
import { carryValue, groupedIndex, itemOf, printedTotalColumn, summaryIndex, type SummarySide } from './summary.js';
import type { TableView } from './view.js';

export interface Cell {
  view: TableView;
  r: number;
  c: number;
}

export const operandOf = (cell: Cell | null, label?: string): Operand | null => {
  if (!cell) return null;
  const a = cell.view.amount(cell.r, cell.c);
  return a ? fromAmount(a, label ?? a.label) : null;
};

/** The column of a concept in a panel ('total' → the panel's 合计 column). */
function columnOf(view: TableView, panel: number, concept: string): number | null {
  return concept === 'total' ? view.totalColumn(panel) : view.column(concept, { panel });
}

/**
 * The whole of a table in a column concept: the 合计 row of a 科目 table, the only row of a one-row table
 * (Jiangsu's 支出总表), the 总计 row of a grouped item table (Jiangsu's 收入总表).
 */
export function tableTotal(view: TableView | null, concept = 'total'): Cell | null {
  if (!view) return null;
  const code = codePanels(view)[0];
  if (code !== undefined) {
    const tree = codeTree(view, code);
    const c = columnOf(view, code, concept);
    if (tree.totalRow === null || c === null) return null;
    return { view, r: tree.totalRow, c };
  }
  if (view.isSingleRow()) {
    const c = columnOf(view, 0, concept);
    return c === null ? null : { view, r: 0, c };
  }
  const g = groupedIndex(view, 0);
  if (g && g.grand !== null) {
    const c = columnOf(view, 0, concept);
    return c === null ? null : { view, r: g.grand, c };
  }
  return null;
}

/** A table printed with no figures at all (an empty 政府性基金 table): its whole is 0. */
export const printsNothing = (view: TableView | null): boolean => !!view && view.isEmpty();

/** The cell of a 科目 code in a column concept, in the table's (first) code panel. */
export function codeCell(view: TableView | null, code: string, concept = 'total'): Cell | null {
  if (!view) return null;
  const panel = codePanels(view)[0];
  if (panel === undefined) return null;
  const row = codeTree(view, panel).byCode.get(code);
  const c = columnOf(view, panel, concept);
  return row && c !== null ? { view, r: row.r, c } : null;
}

export type SideName = 'income' | 'expense';

export const sideOf = (view: TableView | null, side: SideName): SummarySide | null => (view ? summaryIndex(view)[side] : null);

/** A total line of a side in the side's total column (or the column of a concept, e.g. a fund of t4). */
export function sideTotal(view: TableView | null, side: SideName, which: 'subtotal' | 'grand', concept = 'total'): Cell | null {
  const s = sideOf(view, side);
  if (!view || !s) return null;
  const r = which === 'subtotal' ? s.subtotal : s.grand;
  if (r === null) return null;
  for (const p of s.panels) {
    const c = concept === 'total' ? printedTotalColumn(view, s, r, p) : view.column(concept, { panel: p });
    if (c !== null) return { view, r, c };
  }
  return null;
}

/** The side's carry-over lines hold no money in a column (so 总计 is this year's money). */
export function noCarry(view: TableView, s: SummarySide, c: number): boolean {
  return s.carry.every((g) => carryValue(view, g, c) === 0);
}

/**
 * This year's total of a side: 本年收入合计 where printed, else 收入总计 when no carry-over line holds
 * money (Shanghai prints only 收入总计).
 */
export function thisYearTotal(view: TableView | null, side: SideName, concept = 'total'): Cell | null {
  const sub = sideTotal(view, side, 'subtotal', concept);
  if (sub) return sub;
  const grand = sideTotal(view, side, 'grand', concept);
  const s = sideOf(view, side);
  return grand && s && noCarry(grand.view, s, grand.c) ? grand : null;
}

/** An income (or expense) item of a 收支总表 by its row concept ('general', 'fiscal', 'business' …). */
export function sideItem(view: TableView | null, side: SideName, concept: string): Cell | null {
  const s = sideOf(view, side);
  if (!view || !s) return null;
  const hit = itemOf(view, s, concept);
  if (!hit) return null;
  const c = view.totalColumn(hit.panel);
  return c === null ? null : { view, r: hit.r, c };
}
