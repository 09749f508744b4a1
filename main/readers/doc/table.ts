// Rows of a Word binary table → rectangular grids. A row's definition gives its cell edges (twips) and
// merge flags; the table's columns are all its rows' edges together, so a cell as wide as two columns
// below it spans two (this is how Word stores a horizontally merged header). Vertical merges come from
// the cells' restart/continue flags. Word keeps two tables that touch as one run of rows; rows whose
// edges do not line up at all (the borderless department/year/unit line above a ruled grid) start a new grid.
import type { RawCell, RawRow, RawTableBlock } from '../raw.js';
import type { RowDef } from './word-binary.js';

export interface DocRow {
  /** The text of each cell (lines joined by \n). */
  cells: string[];
  def: RowDef | null;
}

/** Edges closer than this (twips; 1/20 pt) are one column edge. */
const EDGE_TOLERANCE = 40;

const near = (a: number, b: number) => Math.abs(a - b) <= EDGE_TOLERANCE;
const within = (a: number[], b: number[]) => a.every((x) => b.some((y) => near(x, y)));

/** Two consecutive rows belong to one grid when one's edges are a subset of the other's. */
function aligned(a: RowDef | null, b: RowDef | null): boolean {
  if (!a || !b || a.edges.length < 2 || b.edges.length < 2) return true;
  return within(a.edges, b.edges) || within(b.edges, a.edges);
}

export function splitGrids(rows: DocRow[]): DocRow[][] {
  const grids: DocRow[][] = [];
  for (const row of rows) {
    const current = grids[grids.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && aligned(last.def, row.def)) current.push(row);
    else grids.push([row]);
  }
  return grids;
}

/** The table's column edges: every row's edges, clustered. */
function columnEdges(rows: DocRow[]): number[] {
  const all = rows.flatMap((r) => r.def?.edges ?? []).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of all) if (!edges.length || x - edges[edges.length - 1]! > EDGE_TOLERANCE) edges.push(x);
  return edges;
}

function edgeIndex(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x)) best = i;
  return best;
}

interface Placed {
  text: string;
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMerged: boolean;
}

/** Where each cell of a row sits in the grid's columns. */
function placeRow(row: DocRow, edges: number[]): Placed[] {
  const def = row.def;
  const placed: Placed[] = [];
  let col = 0;
  row.cells.forEach((text, k) => {
    const cd = def?.cells[k];
    let start = col;
    let span = 1;
    if (def && k + 1 < def.edges.length && edges.length > 1) {
      start = Math.max(col, edgeIndex(edges, def.edges[k]!));
      span = Math.max(1, edgeIndex(edges, def.edges[k + 1]!) - start);
    }
    placed.push({ text, col: start, span, vMerge: cd?.vertMerge ?? null, hMerged: cd?.hMerge === 'merged' });
    col = start + span;
  });
  return placed;
}

/** One grid; `index` is its position among the document's tables (provenance, as for .docx). */
export function gridBlock(rows: DocRow[], index: number): RawTableBlock {
  const edges = columnEdges(rows);
  const layout = rows.map((r) => placeRow(r, edges));
  const width = Math.max(edges.length - 1, ...layout.map((cells) => cells.reduce((w, c) => Math.max(w, c.col + c.span), 0)), 1);
  const out: RawRow[] = [];
  // The merge open in each column: the row and column of its top-left cell.
  const vOpen: ({ row: number; col: number } | null)[] = new Array(width).fill(null);
  layout.forEach((placed, r) => {
    const cells: RawCell[] = Array.from({ length: width }, (_, c) => ({ text: '', src: { table: index, row: r, col: c }, rowSpan: 1, colSpan: 1 }));
    const cover = (from: number, span: number) => {
      for (let k = from; k < Math.min(width, from + span); k++) cells[k] = { ...cells[k]!, covered: true };
    };
    let hMaster: RawCell | null = null;
    const reached = new Set<number>();
    for (const p of placed) {
      if (p.col >= width) break;
      for (let k = p.col; k < p.col + p.span; k++) reached.add(k);
      const open = vOpen[p.col];
      if (p.hMerged && hMaster) {
        hMaster.colSpan += p.span;
        cover(p.col, p.span);
      } else if (p.vMerge === 'continue' && open) {
        out[open.row]!.cells[open.col]!.rowSpan = r - open.row + 1;
        cover(p.col, p.span);
        hMaster = null;
      } else {
        const cell = cells[p.col]!;
        cell.text = p.text;
        cell.colSpan = Math.min(p.span, width - p.col);
        cover(p.col + 1, p.span - 1);
        for (let k = p.col; k < p.col + p.span; k++) vOpen[k] = p.vMerge === 'restart' ? { row: r, col: p.col } : null;
        hMaster = cell;
      }
    }
    // A column this row does not reach ends the merge above it.
    for (let k = 0; k < width; k++) if (!reached.has(k)) vOpen[k] = null;
    out.push(rows[r]!.def?.header ? { cells, repeatHeader: true } : { cells });
  });
  return { kind: 'table', rows: out };
}
