// Column layout of the standard tables: which 栏次 hold row labels (code, name, item) and which hold amounts,
// and how wide each is. The nine layouts are fixed by the disclosure standard (TABLES.md).
import type { StandardTable, TableKey } from '../../../main/api/types';

export type ColumnKind = 'seq' | 'code' | 'name' | 'item' | 'amount';

const LABEL_LANES: Partial<Record<TableKey, Record<number, ColumnKind>>> = {
  t1: { 1: 'item', 3: 'item' },
  t2: { 1: 'code', 2: 'name' },
  t3: { 1: 'code', 2: 'name' },
  t4: { 1: 'item', 3: 'item' },
  t5: { 1: 'code', 2: 'name' },
  t6: { 1: 'code', 2: 'name' },
  t7: { 1: 'code', 2: 'name' },
  t8: { 1: 'code', 2: 'name' },
  t9: { 1: 'item' },
};

const WIDTH: Record<ColumnKind, number> = { seq: 46, code: 76, name: 190, item: 210, amount: 98 };
/** The 审核提示 column takes what is left, at least this much. */
export const MESSAGE_WIDTH = 260;

export interface Column {
  index: number;
  lane: string;
  kind: ColumnKind;
  width: number;
}

export function columnsOf(table: StandardTable): Column[] {
  // The 序号 column grows with the longest 序号 (a 10,000-row table prints five digits).
  let seqChars = 0;
  for (const r of table.rows) seqChars = Math.max(seqChars, (r[0] ?? '').length);
  return (table.lanes ?? []).map((lane, index) => {
    const kind: ColumnKind = index === 0 ? 'seq' : (LABEL_LANES[table.key]?.[Number(lane)] ?? 'amount');
    const width = kind === 'seq' ? Math.max(WIDTH.seq, 26 + seqChars * 8) : WIDTH[kind];
    return { index, lane, kind, width };
  });
}

export const gridTemplate = (cols: Column[]): string => `${cols.map((c) => `${c.width}px`).join(' ')} minmax(${MESSAGE_WIDTH}px, 1fr)`;
export const totalWidth = (cols: Column[]): number => cols.reduce((s, c) => s + c.width, 0) + MESSAGE_WIDTH;

/** Depth of a 功能/经济分类 code (201 → 0, 20103 → 1, 2010301 → 2), for indenting the name. */
export function codeDepth(code: string): number {
  const c = code.trim();
  if (!/^\d{3,}$/.test(c)) return 0;
  return Math.max(0, Math.floor((c.length - 3) / 2));
}
