// Tables inside the narrative (机构设置, 绩效目标表, 政府采购预算, 固定资产占用情况表, …): title from the line
// above, header from Word's repeat-header rows, a 栏次 row or the merges of the first row, notes below.
// A one-row goal grid (绩效目标 | text) printed right above its indicator grid is one table with it.
import type { CellSource, ExtraTable } from '../../model/types.js';
import type { RawCell, RawRow } from '../raw.js';
import { findLaneRow, fitRow, headerGrid, isBlankRow, lanesOf, mergeSource } from './grid.js';
import { rowKey, type Grid } from './items.js';
import { clean, joinCut, normalizeExtraCell, normalizeHeaderCell, squash } from './text.js';

export interface ExtraDraft {
  title: string;
  grids: Grid[];
  /** Rows of a goal grid placed above the first grid. */
  lead: RawRow[];
  notes: string[];
}

const blankCell = (): RawCell => ({ text: '', src: null, rowSpan: 1, colSpan: 1 });

/** Widen a row of a narrower grid: its last cell spans the extra columns. */
function widen(row: RawRow, width: number): RawRow {
  if (row.cells.length >= width) return row;
  const cells = row.cells.map((c) => ({ ...c }));
  const lastReal = [...cells].reverse().find((c) => !c.covered);
  if (lastReal) lastReal.colSpan += width - cells.length;
  while (cells.length < width) cells.push({ ...blankCell(), covered: true });
  return { ...row, cells };
}

const isGoalRow = (row: RawRow): boolean => squash(row.cells[0]?.text ?? '') === '绩效目标';

/** How many of the grid's first rows form its header. */
function headerRowCount(rows: RawRow[]): number {
  let repeat = 0;
  while (repeat < rows.length && rows[repeat]!.repeatHeader) repeat++;
  // Word's repeat-header rows; all rows flagged on a long table is a template slip, not a header.
  if (repeat > 0 && (repeat < rows.length || rows.length <= 3)) return repeat;
  const lane = findLaneRow(rows, 8);
  if (lane >= 0) return lane;
  let n = 0;
  let i = 0;
  // The goal row, then the indicator header row; each header row may reach down by vertical merges.
  while (i < rows.length) {
    const extent = Math.max(1, ...rows[i]!.cells.filter((c) => !c.covered).map((c) => c.rowSpan));
    n = i + extent;
    if (isGoalRow(rows[i]!) && n < rows.length) {
      i = n;
      continue;
    }
    break;
  }
  return Math.min(n, rows.length);
}

/** A goal cell keeps its paragraphs on separate lines; PDF lines are re-joined unless numbered. */
function goalText(text: string, wrapped: boolean): string {
  const lines = text.split('\n').map(clean).filter(Boolean);
  if (!wrapped) return lines.join('\n');
  const out: string[] = [];
  for (const l of lines) {
    if (out.length && !/^(\d+|[一二三四五六七八九十]+)[.、．]?/.test(l)) out[out.length - 1] += l;
    else out.push(l);
  }
  return out.join('\n');
}

interface Row {
  cells: string[];
  sources: (CellSource | null)[];
  afterBreak: boolean;
  page?: number;
}

export function buildExtraTable(d: ExtraDraft, wrapped: boolean, withPages: boolean): ExtraTable {
  const first = d.grids[0]!;
  const width = first.width;
  const all = [...d.lead.map((r) => widen(r, width)), ...first.rows];
  const h = d.lead.length + headerRowCount(first.rows);
  const headRows = all.slice(0, h).map((r) => ({ ...r, cells: fitRow(r.cells, width, blankCell()) }));
  const lane = findLaneRow(first.rows, 8);
  const hasLanes = lane >= 0 && d.lead.length + lane === h;
  const goal = (r: number) => isGoalRow(headRows[r]!);
  const header = headerGrid(headRows, (t, r) => (goal(r) ? goalText(t, wrapped) : normalizeHeaderCell(t)));
  const headerKeys = new Set(headRows.map(rowKey));
  const rows: Row[] = [];
  const push = (r: RawRow, g: Grid, afterBreak: boolean) => {
    const cells = fitRow(r.cells.map((c) => (c.covered ? '' : normalizeExtraCell(c.text))), width, '');
    rows.push({ cells, sources: fitRow(r.cells.map((c) => c.src), width, null), afterBreak, page: r.page ?? g.page });
  };
  all.slice(hasLanes ? h + 1 : h).forEach((r) => push(r, first, false));
  for (const g of d.grids.slice(1)) {
    let start = 0;
    while (start < g.rows.length && (headerKeys.has(rowKey(g.rows[start]!)) || findLaneRow([g.rows[start]!]) === 0)) start++;
    g.rows.slice(start).forEach((r, i) => push(r, g, i === 0 && g.atPageTop !== false));
  }
  const out: Row[] = [];
  for (const r of rows) {
    if (isBlankRow(r.cells)) continue;
    const prev = out[out.length - 1];
    // A row cut by a page break: a top-of-page piece with far fewer cells than the row above.
    const filled = r.cells.filter(Boolean).length;
    if (prev && r.afterBreak && wrapped && r.cells[0] === '' && filled * 2 <= prev.cells.filter(Boolean).length) {
      r.cells.forEach((t, c) => {
        if (!t) return;
        prev.cells[c] = joinCut(prev.cells[c] ?? '', t);
        prev.sources[c] = mergeSource(prev.sources[c] ?? null, r.sources[c] ?? null);
      });
      continue;
    }
    out.push(r);
  }
  const pages = new Set<number>();
  for (const g of d.grids) for (const r of g.rows) { const p = r.page ?? g.page; if (p !== undefined) pages.add(p); }
  return {
    key: null,
    title: d.title,
    header,
    lanes: hasLanes ? lanesOf(first.rows[lane]!) : null,
    rows: out.map((r) => r.cells),
    note: d.notes.length ? d.notes.join('\n') : null,
    pages: withPages && pages.size ? [...pages].sort((a, b) => a - b) : null,
    sources: out.map((r) => r.sources),
  };
}
