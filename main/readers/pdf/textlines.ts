// Text runs → lines → text. A line is a set of runs that share a baseline; a cell or a paragraph is a set
// of lines joined without spaces inside CJK or numbers (wrapped names and amounts become whole again).
import { isCjk, joinWrapped } from './normalize.js';
import type { TextBox, TextRun } from './page.js';

/** Runs sharing a baseline; its box spans them, its size is the largest. */
export interface TextLine extends TextBox {
  runs: TextRun[];
}

function lineOf(runs: TextRun[]): TextLine {
  runs.sort((a, b) => a.x0 - b.x0 || a.order - b.order);
  let x0 = Infinity, x1 = -Infinity, top = Infinity, bottom = -Infinity, size = 0, base = 0, weight = 0;
  for (const r of runs) {
    x0 = Math.min(x0, r.x0);
    x1 = Math.max(x1, r.x1);
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
    size = Math.max(size, r.size);
    const w = r.x1 - r.x0 + 0.01;
    base += r.baseline * w;
    weight += w;
  }
  return { runs, x0, x1, top, bottom, baseline: base / weight, size };
}

/** Groups runs into lines: same baseline within a third of the font size, or mostly overlapping vertically. */
export function groupLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let base = -Infinity;
  let size = 0;
  for (const r of sorted) {
    const tol = Math.min(size || r.size, r.size) * 0.35;
    if (current.length > 0 && r.baseline - base <= tol) {
      current.push(r);
    } else {
      if (current.length > 0) groups.push(current);
      current = [r];
      base = r.baseline;
      size = r.size;
    }
  }
  if (current.length > 0) groups.push(current);
  // Runs of one line printed left-to-right may overlap in x after a tolerance merge: keep them as one line.
  return groups.map(lineOf);
}

/** Whether two neighbouring runs on one line are separated by a space in the source. */
function spaced(a: TextRun, b: TextRun): boolean {
  if (b.spaceBefore) return true;
  return b.x0 - a.x1 > Math.min(a.size, b.size) * 0.35;
}

/** The text of one line: runs in x order, a space where the source had one (or a visible gap). */
export function lineText(line: TextLine): string {
  let out = '';
  let prev: TextRun | null = null;
  for (const r of line.runs) {
    if (prev && spaced(prev, r)) out += ' ';
    out += r.text;
    prev = r;
  }
  return out.trim();
}

/** The text of a block of runs that may span several lines (a cell, a paragraph). */
export function blockText(runs: readonly TextRun[]): string {
  if (runs.length === 0) return '';
  let out = '';
  for (const line of groupLines(runs)) out = joinWrapped(out, lineText(line));
  return out;
}

export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export function boxOf(runs: readonly { x0: number; x1: number; top: number; bottom: number }[]): Box {
  let x0 = Infinity, x1 = -Infinity, top = Infinity, bottom = -Infinity;
  for (const r of runs) {
    x0 = Math.min(x0, r.x0);
    x1 = Math.max(x1, r.x1);
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return { x0, top, x1, bottom };
}

/** Characters of a printed number: a cut never falls between two of them. */
const NUMBER_CHAR = /[\d.,，%]/;

/** Relative advance of a character: CJK full width, Latin letters and digits about half. */
const advanceOf = (ch: string): number => (isCjk(ch) ? 1 : 0.5);

/**
 * Splits a run at x (a column border it crosses), estimating character positions from the run's width
 * (CJK characters twice as wide as digits). A cut that would fall inside a number moves to the number's end:
 * a digit that overflows a narrow cell's border stays with the number it began in (`1688.05` printed with the
 * `5` past the border is one amount). Returns the run unchanged (as the left part) when there is no cut.
 */
export function splitRunAt(run: TextRun, x: number): [TextRun, TextRun | null] {
  if (x <= run.x0 || x >= run.x1) return [run, null];
  const chars = Array.from(run.text);
  if (chars.length < 2) return [run, null];
  const total = chars.reduce((a, ch) => a + advanceOf(ch), 0);
  const unit = (run.x1 - run.x0) / total;
  const edges = [run.x0];
  for (const ch of chars) edges.push(edges[edges.length - 1]! + advanceOf(ch) * unit);
  let k = 0;
  let best = Infinity;
  edges.forEach((e, i) => {
    if (Math.abs(e - x) < best) {
      best = Math.abs(e - x);
      k = i;
    }
  });
  if (k > 0 && k < chars.length && NUMBER_CHAR.test(chars[k - 1]!) && NUMBER_CHAR.test(chars[k]!)) {
    // Inside a number: cut at its end. Amounts that touch (an overflowing one runs into the next) end two
    // digits after their decimal point.
    let start = k;
    while (start > 0 && NUMBER_CHAR.test(chars[start - 1]!)) start--;
    let end = k;
    while (end < chars.length && NUMBER_CHAR.test(chars[end]!)) end++;
    const dot = chars.indexOf('.', start);
    k = dot >= 0 && dot < end ? Math.min(dot + 3, end) : end;
  }
  if (k <= 0 || k >= chars.length) return [run, null];
  const cut = edges[k]!;
  return [
    { ...run, text: chars.slice(0, k).join(''), x1: cut },
    { ...run, text: chars.slice(k).join(''), x0: cut, spaceBefore: false },
  ];
}
