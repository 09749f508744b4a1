// A table that runs over several grids (one per page). Each later grid loses what it prints again (the
// 栏次 row, the header block), its columns are mapped onto the table's (a page whose grid splits or merges
// columns differently is matched by position), and a row that the page break really cut is joined into
// the row it continues. Two complete rows are never joined: only a piece without its own row identity
// (no 序号 where the table numbers its rows; no code where the table codes them) continues the row above.
import type { CellSource } from '../../model/types.js';
import type { RawCell, RawRow } from '../raw.js';
import { isBlankRow, mergeSource } from './grid.js';
import type { Grid } from './items.js';
import { joinCut, joinPieces, squash } from './text.js';

export interface DataRow {
  cells: string[];
  sources: (CellSource | null)[];
  page?: number;
}

export interface PendingRow extends DataRow {
  /** First data row of a grid that continues the table on a new page. */
  afterBreak: boolean;
}

/** Column x-ranges of a grid from its cells' boxes (PDF), or null. */
export function columnRanges(g: Grid): ([number, number] | null)[] | null {
  const lefts: number[][] = Array.from({ length: g.width }, () => []);
  const rights: number[][] = Array.from({ length: g.width }, () => []);
  for (const r of g.rows) {
    r.cells.forEach((c, k) => {
      const b = c.src?.box;
      if (c.covered || !b) return;
      lefts[k]?.push(b[0]);
      rights[k + c.colSpan - 1]?.push(b[2]);
    });
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const out = lefts.map((l, k) => (l.length && rights[k]!.length ? ([median(l), median(rights[k]!)] as [number, number]) : null));
  return out.some(Boolean) ? out : null;
}

/**
 * For each column of `g`, the column of the table's first grid it prints (by position on the page): the first
 * column it covers (a label merged across the code and name columns sits in the first of them).
 */
export function columnMap(first: Grid, g: Grid): number[] {
  const identity = Array.from({ length: g.width }, (_, k) => Math.min(k, first.width - 1));
  if (g.width === first.width) return identity;
  const a = columnRanges(first);
  const b = columnRanges(g);
  if (!a || !b) return identity;
  return b.map((range, k) => {
    if (!range) return identity[k]!;
    const covered = a.findIndex((r) => !!r && Math.min(r[1], range[1]) - Math.max(r[0], range[0]) >= 0.5 * Math.min(r[1] - r[0], range[1] - range[0]));
    if (covered >= 0) return covered;
    const centre = (range[0] + range[1]) / 2;
    let best = identity[k]!;
    let dist = Infinity;
    a.forEach((r, j) => {
      if (!r) return;
      const d = Math.min(Math.abs(centre - r[0]), Math.abs(centre - r[1]));
      if (d < dist) {
        dist = d;
        best = j;
      }
    });
    return best;
  });
}

/** Rows of a grid as table rows: cells mapped onto the table's columns (cells landing together are joined). */
export function mapRows(rows: RawRow[], g: Grid, map: number[], width: number, cell: (text: string) => string, breakFirst: boolean): PendingRow[] {
  return rows.map((row, i) => {
    const cells = new Array<string>(width).fill('');
    const sources = new Array<CellSource | null>(width).fill(null);
    row.cells.forEach((c, k) => {
      if (c.covered) return;
      const to = map[k] ?? k;
      if (to >= width) return;
      const text = cell(c.text);
      if (!text) {
        sources[to] ??= c.src;
        return;
      }
      cells[to] = cells[to] ? joinPieces(cells[to]!, text) : text;
      sources[to] = cells[to] === text ? c.src : mergeSource(sources[to] ?? null, c.src);
    });
    return { cells, sources, page: row.page ?? g.page, afterBreak: breakFirst && i === 0 };
  });
}

export interface JoinOptions {
  /** The table numbers its rows in column 0 (序号): rows without one are pieces of the row above. */
  numbered: boolean;
  /** Columns that hold a row's code (科目编码, 类/款/项): a coded table's row piece has none. */
  codeColumns: number[];
  /** Whether a row's first text starts a row of its own (合计, 一、…, 其中：…). */
  startsRow: (row: string[]) => boolean;
}

/** Cell-wise join of a row piece into the row above. */
function joinInto(prev: DataRow, piece: PendingRow, skipFirst: boolean): void {
  for (let c = skipFirst ? 1 : 0; c < prev.cells.length; c++) {
    const b = piece.cells[c] ?? '';
    if (!b) continue;
    prev.cells[c] = piece.afterBreak ? joinCut(prev.cells[c]!, b) : joinPieces(prev.cells[c]!, b);
    prev.sources[c] = mergeSource(prev.sources[c] ?? null, piece.sources[c] ?? null);
  }
}

/** The table's rows: blank rows dropped, pieces of rows cut by a page break (or a wrap) joined. */
export function joinRows(pending: PendingRow[], opts: JoinOptions): DataRow[] {
  const out: DataRow[] = [];
  const hasCode = (cells: string[]) => opts.codeColumns.some((c) => /^\d+$/.test(squash(cells[c] ?? '')));
  for (const row of pending) {
    if (isBlankRow(row.cells)) continue;
    const prev = out[out.length - 1];
    if (prev && opts.numbered) {
      if (row.cells[0] === '') {
        joinInto(prev, row, false);
        continue;
      }
      if (row.afterBreak && row.cells[0] === prev.cells[0]) {
        joinInto(prev, row, true);
        continue;
      }
    }
    if (prev && !opts.numbered && row.afterBreak && opts.codeColumns.length && hasCode(prev.cells) && !hasCode(row.cells) && !opts.startsRow(row.cells)) {
      joinInto(prev, row, false);
      continue;
    }
    out.push({ cells: row.cells, sources: row.sources, page: row.page });
  }
  return out;
}

/**
 * The rows of grid `from` laid on the columns of grid `to` (PDF boxes): each cell goes to the columns whose
 * centres it covers, spanning them. Null when the boxes are unknown.
 */
export function regrid(from: Grid, to: Grid): RawRow[] | null {
  const ranges = columnRanges(to);
  if (!ranges || ranges.some((r) => !r)) return null;
  const centres = ranges.map((r) => (r![0] + r![1]) / 2);
  const out: RawRow[] = [];
  for (const row of from.rows) {
    const cells: RawCell[] = Array.from({ length: to.width }, () => ({ text: '', src: null, rowSpan: 1, colSpan: 1, covered: true }));
    for (const c of row.cells) {
      const b = c.src?.box;
      if (c.covered || !b) continue;
      const cols = centres.map((x, k) => (x >= b[0] && x <= b[2] ? k : -1)).filter((k) => k >= 0);
      if (!cols.length) continue;
      cells[cols[0]!] = { ...c, colSpan: cols.length };
    }
    // Columns no cell of this row reaches (a rule the other page does not draw) are blank cells of their own.
    let reach = -1;
    cells.forEach((cell, k) => {
      if (!cell.covered) reach = Math.max(reach, k + cell.colSpan - 1);
      else if (k > reach) cells[k] = { text: '', src: null, rowSpan: 1, colSpan: 1 };
    });
    out.push({ ...row, cells });
  }
  return out;
}
