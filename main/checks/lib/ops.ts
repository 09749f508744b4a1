// Operands from table cells, with a label that names the cell the way an auditor would.
import type { TableView } from './table-view.js';
import type { Operand, Text } from './identity.js';
import { normLabel, squash } from './labels.js';

/** "2101102 事业单位医疗" or the row's item label ("本年收入合计", "一、因公出国(境)费"). */
export function rowName(v: TableView, r: number): string {
  const code = squash(v.text(r, 1));
  const name = squash(v.text(r, 2));
  if (['t2', 't3', 't5', 't6', 't7', 't8'].includes(v.key)) {
    if (!code && /^(合计|总计)$/.test(name)) return `${name}行`;
    return [code, name].filter(Boolean).join(' ') || `第${v.rowId(r)}行`;
  }
  if (v.key === 't9') return normLabel(v.text(r, 1)) || `第${v.rowId(r)}行`;
  return `第${v.rowId(r)}行`;
}

/** An amount cell as an operand, or null when it is not a number. */
export function operand(v: TableView, r: number, lane: number, label?: Text): Operand | null {
  const value = v.cents(r, lane);
  if (value === null) return null;
  return { ref: v.ref(r, lane), value, label: label ?? (() => `${v.name} ${rowName(v, r)} ${v.laneName(lane)}`) };
}

export function operands(v: TableView, rows: number[], lane: number, label?: (r: number) => Text): Operand[] | null {
  const out: Operand[] = [];
  for (const r of rows) {
    const o = operand(v, r, lane, label?.(r));
    if (!o) return null;
    out.push(o);
  }
  return out;
}
