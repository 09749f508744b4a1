// Rows of a table printed without lines. The first column (序号) starts every row with one line; the text
// of every other cell may wrap over several lines, aligned to the top, the middle or the bottom of the
// row. Column by column, the wrapped lines are split into consecutive blocks, one per row, so that each
// block sits where that alignment puts it relative to its row's 序号 (a small dynamic programme; the
// alignment that fits best wins). Lines above the first 序号 or below the last one that fit no row are a
// row cut by the page break: they come out as a row of their own with an empty 序号.
import type { TextRun } from './page.js';
import type { TextLine } from './textlines.js';
import { maxOf, minOf } from '../../model/extent.js';

export interface RowGroup {
  top: number;
  bottom: number;
  /** Runs of the row, per column. */
  cells: TextRun[][];
  /** False for the piece of a row cut by a page break (no 序号 on this page). */
  numbered: boolean;
}

interface Fragment {
  top: number;
  bottom: number;
  runs: TextRun[];
}

type Mode = 'top' | 'middle' | 'bottom';
const MODES: Mode[] = ['top', 'middle', 'bottom'];

/**
 * Groups data lines into rows. `columnOf` maps x to a column (0 = 序号); `starts` are the indices (into
 * `lines`) of the lines that hold a 序号, in order.
 */
export function groupRows(lines: readonly TextLine[], starts: readonly number[], ncol: number, columnOf: (x: number) => number, size: number): RowGroup[] {
  const anchors = starts.map((k) => {
    const runs = lines[k]!.runs.filter((r) => columnOf((r.x0 + r.x1) / 2) === 0);
    return { top: minOf(runs, (r) => r.top), bottom: maxOf(runs, (r) => r.bottom), runs };
  });
  const rows: RowGroup[] = anchors.map((a) => ({ top: a.top, bottom: a.bottom, cells: Array.from({ length: ncol }, (_, c) => (c === 0 ? [...a.runs] : [])), numbered: true }));
  const pre: RowGroup = { top: Infinity, bottom: -Infinity, cells: Array.from({ length: ncol }, () => []), numbered: false };
  const post: RowGroup = { top: Infinity, bottom: -Infinity, cells: Array.from({ length: ncol }, () => []), numbered: false };
  const startSet = new Set(starts);

  // Per column: its fragments (one per line), and the best split under each alignment.
  const perColumn: { frags: Fragment[]; results: Map<Mode, { cost: number; owner: number[] }> }[] = [];
  for (let c = 0; c < ncol; c++) {
    const frags: Fragment[] = [];
    lines.forEach((l, k) => {
      if (c === 0 && startSet.has(k)) return; // the 序号 itself
      const runs = l.runs.filter((r) => columnOf((r.x0 + r.x1) / 2) === c);
      if (runs.length > 0) frags.push({ top: minOf(runs, (r) => r.top), bottom: maxOf(runs, (r) => r.bottom), runs });
    });
    frags.sort((a, b) => a.top - b.top);
    const results = new Map<Mode, { cost: number; owner: number[] }>();
    if (frags.length > 0) for (const mode of MODES) results.set(mode, assign(frags, anchors, mode, size));
    perColumn.push({ frags, results });
  }
  // Cells of a table share one alignment as a rule: the one that fits all columns best decides ties.
  const total = (mode: Mode): number => perColumn.reduce((a, p) => a + (p.results.get(mode)?.cost ?? 0), 0);
  const tableMode = MODES.reduce((best, m) => (total(m) < total(best) - 1e-6 ? m : best), MODES[1]!);
  perColumn.forEach(({ frags, results }, c) => {
    if (frags.length === 0) return;
    let chosen = results.get(tableMode)!;
    for (const r of results.values()) if (r.cost < chosen.cost - size * 0.5) chosen = r;
    chosen.owner.forEach((o, i) => {
      const f = frags[i]!;
      const target = o < 0 ? pre : o >= rows.length ? post : rows[o]!;
      target.cells[c]!.push(...f.runs);
      target.top = Math.min(target.top, f.top);
      target.bottom = Math.max(target.bottom, f.bottom);
    });
  });
  const out = [...rows];
  if (pre.cells.some((x) => x.length > 0)) out.unshift(pre);
  if (post.cells.some((x) => x.length > 0)) out.push(post);
  return out;
}

/**
 * Splits the fragments of one column into consecutive blocks, one per anchor at most (in order), plus
 * an optional leading block before the first anchor (owner −1) and trailing block after the last (owner
 * = anchors.length). Cost: how far each block sits from where `mode` puts it, plus loose line spacing.
 */
function assign(frags: Fragment[], anchors: { top: number; bottom: number }[], mode: Mode, size: number): { cost: number; owner: number[] } {
  const m = frags.length;
  const K = anchors.length;
  // Slots: 0 = before the first anchor, 1..K = anchors, K+1 = after the last.
  const S = K + 2;
  const edgePenalty = size * 0.5;
  // Wrapped lines of one cell sit closer together than rows do (rows carry their cell padding): a gap
  // inside a block wider than the tightest gaps of the column costs extra (prefix sums).
  const gaps = frags.slice(1).map((f, k) => f.top - frags[k]!.bottom);
  const tight = gaps.length > 0 ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.1)]! + Math.max(1, size * 0.1) : 0;
  const loosePrefix = [0];
  for (let k = 1; k < m; k++) loosePrefix.push(loosePrefix[k - 1]! + Math.max(0, gaps[k - 1]! - tight));
  const blockCost = (i: number, j: number, s: number): number => {
    // fragments i..j (inclusive) in slot s
    const top = frags[i]!.top;
    const bottom = frags[j]!.bottom;
    const loose = (loosePrefix[j]! - loosePrefix[i]!) * 4;
    if (s === 0 || s === S - 1) {
      // Outside every row: only for a piece of a cut row, never across a 序号, and set apart from the
      // next (previous) line by more than wrapped lines of a cell are.
      if (s === 0 && K > 0 && bottom > anchors[0]!.top) return Infinity;
      if (s === S - 1 && K > 0 && top < anchors[K - 1]!.bottom) return Infinity;
      if (s === 0 && j + 1 < m && gaps[j]! <= tight) return Infinity;
      if (s === S - 1 && i > 0 && gaps[i - 1]! <= tight) return Infinity;
      return edgePenalty * (j - i + 1) + loose;
    }
    const a = anchors[s - 1]!;
    // A cell lies inside its row, and rows do not overlap: never above the 序号 of the row before nor
    // below the 序号 of the row after.
    if (s >= 2 && top < anchors[s - 2]!.bottom) return Infinity;
    if (s <= K - 1 && bottom > anchors[s]!.top) return Infinity;
    const off = mode === 'top' ? top - a.top : mode === 'bottom' ? bottom - a.bottom : (top + bottom) / 2 - (a.top + a.bottom) / 2;
    return Math.abs(off) + loose;
  };
  // dp[i][s]: best cost of placing the first i fragments into slots < s (slot s-1 may hold the last ones).
  const dp: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(S + 1).fill(Infinity));
  const from: [number, number][][] = Array.from({ length: m + 1 }, () => new Array<[number, number]>(S + 1).fill([-1, -1]));
  for (let s = 0; s <= S; s++) dp[0]![s] = 0;
  for (let s = 1; s <= S; s++) {
    for (let i = 1; i <= m; i++) {
      // slot s-1 empty
      let bestCost = dp[i]![s - 1]!;
      let bestFrom: [number, number] = [i, s - 1];
      for (let j = 0; j < i; j++) {
        const prev = dp[j]![s - 1]!;
        if (prev === Infinity) continue;
        const cost = prev + blockCost(j, i - 1, s - 1);
        if (cost < bestCost) {
          bestCost = cost;
          bestFrom = [j, s - 1];
        }
      }
      dp[i]![s] = bestCost;
      from[i]![s] = bestFrom;
    }
  }
  const owner = new Array<number>(m).fill(0);
  let i = m;
  let s = S;
  while (i > 0 && s > 0) {
    const [j, ps] = from[i]![s]!;
    if (j === i) {
      s = ps; // slot left empty
      continue;
    }
    for (let k = j; k < i; k++) owner[k] = ps - 1; // slot ps → owner ps-1 (slot 0 → −1)
    i = j;
    s = ps;
  }
  return { cost: dp[m]![S]!, owner };
}
