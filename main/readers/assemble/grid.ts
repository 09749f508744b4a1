// Grid helpers shared by standard and extra tables: the 栏次 row, the header block with its merges,
// row cleaning and provenance of joined cells.
import type { CellSource, HeaderGrid } from '../../model/types.js';
import type { RawRow } from '../raw.js';
import { clean, normalizeHeaderCell, squash } from './text.js';

/** The lane row's first cell: 栏次, or 档次 as one generator misprints it. */
const LANE_LABEL = /^(栏次|档次|栏号|列次)$/;

/** Index of the 栏次 row within the first `limit` rows, or -1. */
export function findLaneRow(rows: RawRow[], limit = rows.length): number {
  for (let i = 0; i < Math.min(rows.length, limit); i++) {
    const cells = rows[i]!.cells.map((c) => (c.covered ? '' : squash(c.text)));
    const k = cells.findIndex((t) => t !== '');
    if (k < 0 || !LANE_LABEL.test(cells[k]!)) continue;
    const rest = cells.slice(k + 1).filter((t) => t !== '');
    if (rest.length && rest.every((t) => /^\d{1,2}$/.test(t))) return i;
  }
  return -1;
}

/** The lanes as stored: '栏次' then the printed numbers (blank lanes filled by position). */
export function lanesOf(row: RawRow): string[] {
  const cells = row.cells.map((c) => (c.covered ? '' : squash(c.text)));
  const out = ['栏次'];
  for (let i = 1; i < cells.length; i++) out.push(cells[i] || String(i));
  return out;
}

/** Header rows as a grid of normalised texts with the merges that lie inside it. */
export function headerGrid(rows: RawRow[], normalize: (text: string, r: number, c: number) => string = (t) => normalizeHeaderCell(t)): HeaderGrid {
  const grid = rows.map((row, r) => row.cells.map((c, k) => (c.covered ? '' : normalize(c.text, r, k))));
  const merges: [number, number, number, number][] = [];
  rows.forEach((row, r) =>
    row.cells.forEach((c, k) => {
      if (c.covered) return;
      const r2 = Math.min(rows.length - 1, r + c.rowSpan - 1);
      const c2 = Math.min(row.cells.length - 1, k + c.colSpan - 1);
      if (r2 > r || c2 > k) merges.push([r, k, r2, c2]);
    }),
  );
  merges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { rows: grid, merges };
}

export const isBlankRow = (cells: string[]): boolean => cells.every((t) => clean(t) === '');

/** Provenance of a cell joined from two fragments: the first page's source, boxes united on one page. */
export function mergeSource(a: CellSource | null, b: CellSource | null): CellSource | null {
  if (!a) return b;
  if (!b) return a;
  if (a.page !== undefined && a.page === b.page && a.box && b.box) {
    return { ...a, box: [Math.min(a.box[0], b.box[0]), Math.min(a.box[1], b.box[1]), Math.max(a.box[2], b.box[2]), Math.max(a.box[3], b.box[3])] };
  }
  return a;
}

/** Fit a row to `width` cells (pad with blanks, drop trailing extras). */
export function fitRow<T>(cells: T[], width: number, blank: T): T[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  return [...cells, ...new Array<T>(width - cells.length).fill(blank)];
}
