// Operands from table cells, named the way an auditor reads them (printed title, row, printed column).
import { fromAmount, type Operand, type Text } from './identity.js';
import type { TableView } from './view.js';

/** An amount cell as an operand, or null when it is not a number. */
export function operand(v: TableView, r: number, c: number, label?: Text): Operand | null {
  const a = v.amount(r, c, '');
  if (!a) return null;
  return fromAmount(a, label ?? (() => v.cellName(r, c)));
}

export function operands(v: TableView, rows: number[], c: number, label?: (r: number) => Text): Operand[] | null {
  const out: Operand[] = [];
  for (const r of rows) {
    const o = operand(v, r, c, label?.(r));
    if (!o) return null;
    out.push(o);
  }
  return out;
}
