// The columns of a table as the review grid lays them out, from the layout the core sends (what each printed
// column is): the label columns (序号, 科目编码 or 类/款/项, 科目名称, 项目) of the first block stay frozen on the
// left, the 审核提示 column stays on the right, the amounts scroll between them. No layout is assumed.
import type { HeaderGrid, TableLayoutView } from '../../../main/api/types';

export type ColumnKind = 'seq' | 'code' | 'name' | 'item' | 'amount';

export interface Column {
  index: number;
  /** The id findings and corrections use (栏次 where printed, else the 1-based position). */
  id: string;
  kind: ColumnKind;
  /** The header's name for it (基本支出, 公务接待费 …). */
  name: string;
  /** Its side-by-side block (the income or expenditure half of a 收支总表); 0 for the 序号. */
  panel: number;
  width: number;
  /** Left offset when frozen, else null. */
  frozenLeft: number | null;
}

/** The 审核提示 column takes what is left, at least this much. */
export const MESSAGE_WIDTH = 220;
const AMOUNT_WIDTH = 90;
/** The severity dot before the first column's text. */
const DOT = 14;

/** Pixels a text takes at the grid's 13 px font: CJK characters about a full em, others about half. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 13 : 7.6;
  return w;
}

function kindOf(role: string): ColumnKind {
  if (role === 'seq') return 'seq';
  if (role.startsWith('code')) return 'code';
  if (role === 'name') return 'name';
  if (role === 'item') return 'item';
  return 'amount';
}

/** Width from the widest text the column holds (a 10,000-row table prints five-digit 序号, a 合计 may sit in
 *  a 类 column, an amount in 元 runs to 14 characters), within bounds. */
function widthOf(kind: ColumnKind, widest: number, role: string): number {
  const fit = 14 + widest;
  switch (kind) {
    case 'seq':
      return Math.max(44, fit);
    case 'code':
      return role === 'code' ? Math.max(64, Math.min(110, fit)) : Math.max(36, Math.min(80, fit));
    case 'name':
    case 'item':
      return Math.max(110, Math.min(230, fit));
    default:
      return Math.max(AMOUNT_WIDTH, Math.min(150, fit + 4));
  }
}

export function columnsOf(layout: TableLayoutView, rows: string[][]): Column[] {
  const firstAmount = layout.columns.findIndex((c) => c.role === 'amount');
  let left = 0;
  return layout.columns.map((c) => {
    const kind = kindOf(c.role);
    let widest = 0;
    // Enough rows to see the widest figures of a long table without measuring every one of 10,000.
    const step = Math.max(1, Math.floor(rows.length / 2000));
    for (let r = 0; r < rows.length; r += step) widest = Math.max(widest, textWidth(String(rows[r]![c.index] ?? '').trim()));
    if (c.index === 0) widest += DOT;
    const width = Math.round(widthOf(kind, widest, c.role));
    // Labels before the first amount column are the row's name: they stay in view while the amounts scroll.
    const frozen = kind !== 'amount' && (firstAmount < 0 || c.index < firstAmount);
    const col: Column = { index: c.index, id: c.id, kind, name: c.name, panel: Math.max(0, c.panel), width, frozenLeft: frozen ? left : null };
    if (frozen) left += width;
    return col;
  });
}

export const frozenWidth = (cols: Column[]): number => cols.reduce((s, c) => s + (c.frozenLeft !== null ? c.width : 0), 0);
export const gridTemplate = (cols: Column[]): string => `${cols.map((c) => `${c.width}px`).join(' ')} minmax(${MESSAGE_WIDTH}px, 1fr)`;
export const totalWidth = (cols: Column[]): number => cols.reduce((s, c) => s + c.width, 0) + MESSAGE_WIDTH;

/** Depth of a 功能/经济分类 code (201 → 0, 20103 → 1, 2010301 → 2), for indenting the name. */
export function codeDepth(code: string): number {
  const c = code.trim();
  if (!/^\d{3,}$/.test(c)) return 0;
  return Math.max(0, Math.floor((c.length - 3) / 2));
}

/** The row id of a cell: the id of its block's row (the two halves of a 收支总表 name their rows apart). */
export const rowIdOf = (layout: TableLayoutView, row: number, col: Pick<Column, 'panel'> | null): string => {
  const ids = layout.rowIds[row] ?? [];
  return (col ? ids[col.panel] : undefined) ?? ids[0] ?? '';
};

/** How the row is named, for the panel of a column. */
export const rowLabelOf = (layout: TableLayoutView, row: number, col: Pick<Column, 'panel'> | null): string => {
  const labels = layout.rowLabels[row] ?? [];
  return (col ? labels[col.panel] : undefined) ?? labels[0] ?? '';
};

/** The printed header block's merges as spans: the start cell of each merge with its row and column span, and
 *  the cells a merge covers (skipped when the block is drawn). Rows without cells are dropped. */
export function headerSpans(header: HeaderGrid, width: number): { rows: string[][]; spans: Map<string, { rs: number; cs: number }>; covered: Set<string> } {
  const rows = header.rows.filter((r) => r.length > 0);
  const covered = new Set<string>();
  const spans = new Map<string, { rs: number; cs: number }>();
  for (const [r1, c1, r2, c2] of header.merges) {
    if (r1 >= rows.length || c1 >= width) continue;
    const re = Math.min(r2, rows.length - 1);
    const ce = Math.min(c2, width - 1);
    spans.set(`${r1},${c1}`, { rs: re - r1 + 1, cs: ce - c1 + 1 });
    for (let r = r1; r <= re; r++) for (let c = c1; c <= ce; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  }
  return { rows, spans, covered };
}
