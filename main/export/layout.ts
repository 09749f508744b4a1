// How one standard table is laid out on its sheet, in the document's own layout family: the Hebei standard
// header where the table prints the standard 栏次 columns, else the document's own header block; what each
// column holds comes from the table's semantics (code parts, names, items, amounts); column widths and page
// orientation from the content.
import { toCents } from '../model/amount.js';
import { describeTable } from '../model/semantics/index.js';
import { hebeiLayout, type ColumnKind } from '../model/tables.js';
import type { HeaderGrid, Scope, StandardTable } from '../model/types.js';
import { cellTextWidth } from './styles.js';

export type CellKind = 'seq' | ColumnKind | 'text';

export interface TableLayout {
  /** Columns on the sheet, the 序号 column included. */
  width: number;
  header: HeaderGrid;
  kinds: CellKind[];
  /** Excel column widths (character units). */
  widths: number[];
  landscape: boolean;
}

/** Tables with more columns, or wider than this in character units (portrait A4 holds ~100 at 100 %), print landscape. */
const PORTRAIT_COLUMNS = 8;
const PORTRAIT_UNITS = 130;
/** Header labels render narrower than body text width estimates (measured with LibreOffice, 宋体 10 pt). */
const HEADER_FACTOR = 0.725;

const WIDTH_LIMITS: Record<CellKind, [number, number]> = {
  seq: [5, 8],
  code: [10.5, 14],
  name: [16, 40],
  item: [16, 36],
  text: [10, 36],
  amount: [11, 16],
};

export function layoutTable(table: StandardTable, scope: Scope, family: string | null = null): TableLayout {
  const def = hebeiLayout(table.key);
  const lanes = table.lanes ?? [];
  let rowWidth = lanes.length;
  for (const r of table.rows) rowWidth = Math.max(rowWidth, r.length);
  const standard = def !== null && lanes.length === def.columns.length + 1 && rowWidth === lanes.length;
  const width = Math.max(rowWidth, table.header.rows[0]?.length ?? 0, 1);
  const header = standard ? standardHeader(def.header, scope) : ownHeader(table.header, width) ?? laneHeader(table, width);
  const sem = describeTable(table, family);
  const kinds: CellKind[] = [];
  for (let c = 0; c < width; c++) {
    if (standard) kinds.push(c === 0 ? 'seq' : def.columns[c - 1]!.kind);
    else kinds.push(kindOf(sem.columns[c]?.role) ?? inferKind(table.rows, c));
  }
  const widths = kinds.map((kind, c) => columnWidth(kind, c, table, header));
  const landscape = width > PORTRAIT_COLUMNS || widths.reduce((a, b) => a + b, 0) > PORTRAIT_UNITS;
  return { width, header, kinds, widths, landscape };
}

function standardHeader(h: HeaderGrid, scope: Scope): HeaderGrid {
  return { rows: h.rows.map((r) => r.map((t) => t.replace('{scope}', scope))), merges: h.merges.map((m) => [...m]) };
}

/** The document's header when it is a well-formed grid as wide as the table. */
function ownHeader(h: HeaderGrid | undefined, width: number): HeaderGrid | null {
  if (!h || h.rows.length === 0 || h.rows.some((r) => r.length !== width)) return null;
  const taken = new Set<string>();
  for (const [r1, c1, r2, c2] of h.merges) {
    if (r1 < 0 || c1 < 0 || r2 >= h.rows.length || c2 >= width || r1 > r2 || c1 > c2) return null;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        if (taken.has(`${r}:${c}`)) return null; // overlapping merges
        taken.add(`${r}:${c}`);
      }
  }
  return { rows: h.rows.map((r) => [...r]), merges: h.merges.filter(([r1, c1, r2, c2]) => r1 !== r2 || c1 !== c2).map((m) => [...m]) };
}

/** Last resort: one header row naming each column by the Hebei definition's column of the same 栏次. */
function laneHeader(table: StandardTable, width: number): HeaderGrid {
  const def = hebeiLayout(table.key);
  const row = Array.from({ length: width }, (_, c) => {
    if (c === 0 && table.lanes) return '序号';
    const lane = Number(table.lanes?.[c]);
    return def?.columns.find((col) => col.lane === lane)?.name ?? '';
  });
  return { rows: [row], merges: [] };
}

/** A column's kind on the sheet from its meaning (code parts and names are text, never numbers). */
function kindOf(role: string | undefined): CellKind | null {
  if (!role) return null;
  if (role === 'seq') return 'seq';
  if (role.startsWith('code')) return 'code';
  if (role === 'name' || role === 'item') return role;
  return role === 'amount' ? 'amount' : null;
}

function inferKind(rows: string[][], c: number): CellKind {
  const cells = rows.map((r) => (r[c] ?? '').trim()).filter((t) => t !== '');
  if (cells.length === 0) return 'amount';
  if (cells.every((t) => /^\d{1,7}$/.test(t)) && cells.some((t) => /^0\d$|^\d{3,}$/.test(t))) return 'code';
  if (cells.every((t) => toCents(t) !== null)) return 'amount';
  return 'text';
}

/** Widest content (header cells that are not merged across columns count at half: they may wrap). */
function columnWidth(kind: CellKind, c: number, table: StandardTable, header: HeaderGrid): number {
  const [min, max] = WIDTH_LIMITS[kind];
  let content = 0;
  for (const row of table.rows) {
    const t = row[c] ?? '';
    content = Math.max(content, kind === 'amount' ? amountWidth(t) : cellTextWidth(t));
  }
  let label = 0;
  header.rows.forEach((r, ri) => {
    const spansColumns = header.merges.some(([r1, c1, r2, c2]) => r1 <= ri && ri <= r2 && c1 <= c && c <= c2 && c1 !== c2);
    if (!spansColumns) label = Math.max(label, cellTextWidth(r[c] ?? ''));
  });
  // A column label on one line where the column may be that wide, else on two even lines.
  const oneLine = label * HEADER_FACTOR + 1.5;
  const labelWidth = oneLine <= max ? oneLine : (label / 2) * HEADER_FACTOR + 2;
  return Math.round(Math.min(max, Math.max(min, content + 2, labelWidth)) * 100) / 100;
}

/** An amount as it will be displayed: with thousands separators and two decimals. */
function amountWidth(text: string): number {
  const cents = toCents(text);
  if (cents === null) return cellTextWidth(text);
  const digits = String(Math.abs(Math.trunc(cents / 100))).length;
  return digits + Math.floor((digits - 1) / 3) + 3 + (cents < 0 ? 1 : 0);
}
