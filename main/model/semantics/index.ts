// The semantic view of a standard table: what each column and each row means, computed once per table from
// its printed header and rows with the lexicon of its layout family. Readers use it to recognise a table,
// checks to state every identity on meanings instead of column numbers, the review screen and the export to
// name rows and columns as an auditor reads them.
import { familyById, lexiconFor } from '../families/index.js';
import type { HeaderGrid } from '../types.js';
import { describeColumns, type ColumnMeaning, type Panel, type TableLayout } from './columns.js';
import { describeEntries, firstText, type Entry } from './entries.js';

export type { ColumnMeaning, ColumnRole, Panel, TableLayout } from './columns.js';
export type { Entry } from './entries.js';
export { describeColumns, describeEntries, firstText };

/** The part of a table the semantics read. */
export interface TableShape {
  header: HeaderGrid;
  rows: string[][];
  lanes: string[] | null;
}

export interface TableSemantics extends TableLayout {
  entries: Entry[];
  /** Entries of each row, one per panel that holds something on it. */
  byRow: Entry[][];
}

const memo = new WeakMap<string[][], { header: HeaderGrid; family: string | null; sem: TableSemantics }>();

/** Columns, panels and entries of a table (memoised on its rows array: a correction replaces the array). */
export function describeTable(table: TableShape, family: string | null = null): TableSemantics {
  const hit = memo.get(table.rows);
  if (hit && hit.header === table.header && hit.family === family) return hit.sem;
  const lex = lexiconFor(familyById(family));
  const layout = describeColumns(table.header, table.rows, lex);
  const entries = describeEntries(table.rows, layout, lex);
  const byRow: Entry[][] = table.rows.map(() => []);
  for (const e of entries) byRow[e.row]?.push(e);
  const sem: TableSemantics = { ...layout, entries, byRow };
  memo.set(table.rows, { header: table.header, family, sem });
  return sem;
}

/** A finding's column id: the 栏次 number where a 栏次 row is printed, else the 1-based position. */
export function columnId(table: Pick<TableShape, 'lanes'>, index: number): string {
  const lane = table.lanes?.[index];
  return lane && /^\d+$/.test(lane.trim()) ? lane.trim() : String(index + 1);
}

/** The printed column index of a finding's column id. */
export function columnIndex(table: Pick<TableShape, 'lanes'>, id: string): number | null {
  if (table.lanes) {
    const i = table.lanes.findIndex((l, k) => k > 0 && l.trim() === id);
    if (i > 0) return i;
  }
  const n = Number(id);
  return Number.isInteger(n) && n >= 1 ? n - 1 : null;
}

/** How a column reads in a message: its lowest header text, else its concept's printed name. */
export function columnName(col: ColumnMeaning): string {
  const leaf = col.path[col.path.length - 1];
  if (leaf && !/^(合计|小计|预算数|决算数|金额)$/.test(leaf.replace(/\s+/g, '')) ) return leaf.replace(/\s+/g, '');
  const named = col.path.map((p) => p.replace(/\s+/g, '')).filter(Boolean);
  return named.slice(-2).join('') || `第${col.index + 1}列`;
}

/** The panel whose amount columns include a column. */
export const panelOf = (sem: TableLayout, column: number): Panel | null => sem.panels.find((p) => p.columns.includes(column)) ?? null;

/** The row id a finding or a correction names for cell (r, c): the entry of the column's panel, else the row's. */
export function rowIdAt(table: TableShape, r: number, c: number | null, family: string | null = null): string {
  const sem = describeTable(table, family);
  const panel = c === null ? null : sem.columns[c]?.panel ?? null;
  const here = sem.byRow[r] ?? [];
  const entry = here.find((e) => panel === null || panel < 0 || e.panel === panel) ?? here[0];
  if (entry) return entry.id;
  const row = table.rows[r] ?? [];
  return sem.seq !== null && String(row[sem.seq] ?? '').trim() ? String(row[sem.seq]).trim() : firstText(row);
}

/** The cell a (row id, column id) pair names, or null. */
export function locateCell(table: TableShape, rowId: string, colId: string, family: string | null = null): { row: number; col: number } | null {
  const col = columnIndex(table, colId);
  if (col === null) return null;
  for (let r = 0; r < table.rows.length; r++) if (rowIdAt(table, r, col, family) === rowId) return { row: r, col };
  return null;
}

/** How an auditor names a cell: its row (`2010301 行政运行`, `一、财政拨款收入`, `合计`) and its column (`基本支出`). */
export function cellLabels(table: TableShape, r: number, c: number, family: string | null = null): { row: string; column: string } {
  const sem = describeTable(table, family);
  const col = sem.columns[c];
  const here = sem.byRow[r] ?? [];
  const entry = here.find((e) => col && e.panel === col.panel) ?? here[0];
  const row = entry ? [entry.fullCode ?? entry.code, entry.label].filter(Boolean).join(' ') : firstText(table.rows[r] ?? []);
  return { row, column: col ? columnName(col) : `第${c + 1}列` };
}
