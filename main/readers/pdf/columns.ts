// Column borders of a table printed without lines. The 栏次 numbers are centred in their columns, and the
// columns tile the table, so once the table's left edge L is known every border follows: b0 = 2·a0 − L,
// b(i) = 2·a(i) − b(i−1). L is chosen so that no data text crosses a border (errors do not grow from
// column to column, they alternate). When no L fits (lane numbers not centred), the borders fall back to
// the widest white space between neighbouring anchors.
import type { TextRun } from './page.js';
import type { TextLine } from './textlines.js';

export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  runs: TextRun[];
}

/** Runs of a line merged into words: neighbours closer than a third of an em belong together. */
export function chunksOf(line: TextLine): Chunk[] {
  const out: Chunk[] = [];
  for (const r of line.runs) {
    const last = out[out.length - 1];
    if (last && !r.spaceBefore && r.x0 - last.x1 <= r.size * 0.3) {
      last.text += r.text;
      last.x1 = Math.max(last.x1, r.x1);
      last.runs.push(r);
    } else out.push({ text: r.text, x0: r.x0, x1: r.x1, runs: [r] });
  }
  return out;
}

/** How many chunks cross a border. */
function fitScore(borders: number[], chunks: readonly Chunk[]): { crossings: number } {
  let crossings = 0;
  for (const c of chunks) for (const b of borders) if (c.x0 < b - 0.6 && c.x1 > b + 0.6) crossings++;
  return { crossings };
}

function bordersFromLeft(anchors: readonly number[], left: number): number[] | null {
  const borders: number[] = [];
  let prev = left;
  for (let i = 0; i < anchors.length; i++) {
    const b = 2 * anchors[i]! - prev;
    if (b <= anchors[i]! || (i + 1 < anchors.length && b >= anchors[i + 1]!)) return null;
    borders.push(b);
    prev = b;
  }
  return borders;
}

/**
 * Borders between the columns whose centres are `anchors`, checked against the data chunks. Returns
 * the inner borders (anchors.length − 1 of them) and the table's left and right edges.
 */
export function findColumnBorders(
  anchors: readonly number[],
  chunks: readonly Chunk[],
  /** Right end of text known to be in the first column (the row numbers). */
  firstColumnEnd = -Infinity,
): { borders: number[]; left: number; right: number } {
  const minX = Math.min(anchors[0]!, ...chunks.map((c) => c.x0));
  const maxX = Math.max(anchors[anchors.length - 1]!, ...chunks.map((c) => c.x1));
  // Scan the left edge outwards from the leftmost text: the table's true edge lies a cell padding to the
  // left of it, so the first stretch of edges that no text contradicts is the one (its middle is taken).
  let best: { all: number[]; crossings: number; left: number } | null = null;
  let run: { from: number; to: number; crossings: number } | null = null;
  let found: { from: number; to: number; crossings: number } | null = null;
  const evaluate = (left: number): { all: number[]; crossings: number } | null => {
    const all = bordersFromLeft(anchors, left);
    if (!all) return null;
    const right = all[all.length - 1]!;
    if (right < maxX - 0.6) return null; // text beyond the table's right edge
    if (all[0]! < firstColumnEnd + 0.6) return null; // a row number outside the first column
    return { all, crossings: fitScore(all.slice(0, -1), chunks).crossings };
  };
  for (let left = minX; left >= minX - 60; left -= 0.25) {
    const r = evaluate(left);
    const crossings = r ? r.crossings : Infinity;
    if (run && crossings === run.crossings) run.to = left;
    else {
      if (run && (!found || run.crossings < found.crossings)) found = run;
      run = crossings < Infinity ? { from: left, to: left, crossings } : null;
    }
    if (found && found.crossings === 0) break;
  }
  if (run && (!found || run.crossings < found.crossings)) found = run;
  if (found) {
    const left = (found.from + found.to) / 2;
    const r = evaluate(left);
    if (r) best = { all: r.all, crossings: r.crossings, left };
  }
  const centred = best ? { borders: best.all.slice(0, -1), left: best.left, right: best.all[best.all.length - 1]! } : null;
  if (centred && best!.crossings === 0) return centred;
  const gap = gapBorders(anchors, chunks);
  if (centred && fitScore(gap, chunks).crossings >= best!.crossings) return centred;
  return { borders: gap, left: minX, right: maxX };
}

/** Fallback: between neighbouring anchors, the middle of the widest stretch the fewest chunks cross. */
function gapBorders(anchors: readonly number[], chunks: readonly Chunk[]): number[] {
  const borders: number[] = [];
  const step = 0.5;
  for (let i = 0; i + 1 < anchors.length; i++) {
    const a = anchors[i]!;
    const b = anchors[i + 1]!;
    const n = Math.max(1, Math.floor((b - a) / step));
    const count = new Array<number>(n).fill(0);
    for (const c of chunks) {
      if (c.x1 <= a || c.x0 >= b) continue;
      const s = Math.max(0, Math.floor((c.x0 - 0.8 - a) / step));
      const e = Math.min(n - 1, Math.ceil((c.x1 + 0.8 - a) / step));
      for (let k = s; k <= e; k++) count[k]!++;
    }
    let min = Infinity;
    for (const c of count) if (c < min) min = c;
    let best: [number, number] = [0, 0];
    for (let k = 0; k < n; ) {
      if (count[k] !== min) {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < n && count[e + 1] === min) e++;
      if (e - k > best[1] - best[0]) best = [k, e];
      k = e + 1;
    }
    borders.push(a + ((best[0] + best[1] + 1) / 2) * step);
  }
  return borders;
}

/** Index of the column that holds x. */
export function columnOf(borders: readonly number[], x: number): number {
  let c = 0;
  while (c < borders.length && x >= borders[c]!) c++;
  return c;
}
