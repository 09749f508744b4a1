// A table that runs over several grids (one per page): the repeated department line, header rows and
// 栏次 row of each later grid are dropped, and a row cut by the page break — the top row of the next
// grid with an empty 序号, or its 序号 printed again — is joined into the row it continues.
import type { CellSource } from '../../model/types.js';
import type { RawRow } from '../raw.js';
import { findLaneRow, fitRow, isBlankRow, mergeSource } from './grid.js';
import { rowKey, type Grid } from './items.js';
import { joinCut, joinPieces } from './text.js';

export interface DataRow {
  cells: string[];
  sources: (CellSource | null)[];
  page?: number;
}

interface PendingRow extends DataRow {
  /** First data row of a grid that continues the table on a new page. */
  afterBreak: boolean;
}

export interface ContinuationOptions {
  width: number;
  /** Keys of the header rows (and 栏次 row) that later grids repeat. */
  headerKeys: Set<string>;
  headerRowCount: number;
  /** The table numbers its rows in column 0 (序号): rows without one are pieces of the row above. */
  numbered: boolean;
  cell: (text: string) => string;
}

/** The data rows of a grid after its repeated header block. */
export function stripRepeatedHeader(g: Grid, opts: ContinuationOptions): RawRow[] {
  const lane = findLaneRow(g.rows, opts.headerRowCount + 3);
  if (lane >= 0) return g.rows.slice(lane + 1);
  let start = 0;
  while (start < g.rows.length && opts.headerKeys.has(rowKey(g.rows[start]!))) start++;
  return g.rows.slice(start);
}

function toDataRow(row: RawRow, g: Grid, opts: ContinuationOptions, afterBreak: boolean): PendingRow {
  const cells = fitRow(row.cells.map((c) => (c.covered ? '' : opts.cell(c.text))), opts.width, '');
  const sources = fitRow(row.cells.map((c) => c.src), opts.width, null);
  return { cells, sources, page: row.page ?? g.page, afterBreak };
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

/**
 * Collect the data rows of a table from its grids: `first` are the rows below the 栏次 row of the first
 * grid, `more` the later grids of the same table.
 */
export function collectRows(firstGrid: Grid, first: RawRow[], more: Grid[], opts: ContinuationOptions): DataRow[] {
  const pending: PendingRow[] = [];
  first.forEach((r) => pending.push(toDataRow(r, firstGrid, opts, false)));
  for (const g of more) {
    // PDF readers say whether a grid starts at the top of a page; other formats leave it open.
    const broke = g.atPageTop !== false;
    stripRepeatedHeader(g, opts).forEach((r, i) => pending.push(toDataRow(r, g, opts, broke && i === 0)));
  }
  const out: DataRow[] = [];
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
    out.push({ cells: row.cells, sources: row.sources, page: row.page });
  }
  return out;
}
