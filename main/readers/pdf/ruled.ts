// Ruled tables: rules that touch each other form a grid; the distinct x of its vertical rules and y of its
// horizontal rules cut it into elementary cells, and a border that is not drawn between two of them
// merges them (row and column spans). Text goes to the cell that holds its centre.
import type { RawCell, RawRow } from '../raw.js';
import type { TextRun } from './page.js';
import type { Rule } from './rules.js';
import { blockText, splitRunAt } from './textlines.js';
import { maxOf, minOf } from '../../model/extent.js';

/** Rules closer than this (points) are one line (double-drawn borders, adjacent cell borders). */
const SAME_LINE = 1.2;
/** Rules whose ends come this close (points) touch. */
const TOUCH = 2.5;
/** Parallel grid lines closer than this (points) are one border drawn twice (separate cell borders). */
const DOUBLE = 3.5;

export interface RuledGrid {
  xs: number[];
  ys: number[];
  rows: RawRow[];
  /** Bounding box in page coordinates. */
  x0: number;
  top: number;
  x1: number;
  bottom: number;
  /** Runs consumed by the grid (by index into the page's run list). */
  used: Set<number>;
}

/** Merges collinear rules that overlap or nearly touch. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.pos - b.pos);
  const bands: Rule[][] = [];
  for (const r of sorted) {
    const band = bands[bands.length - 1];
    if (band && r.pos - band[0]!.pos <= SAME_LINE) band.push(r);
    else bands.push([r]);
  }
  const out: Rule[] = [];
  for (const band of bands) {
    const pos = band.reduce((a, r) => a + r.pos, 0) / band.length;
    band.sort((a, b) => a.from - b.from);
    let cur: Rule | null = null;
    for (const r of band) {
      if (cur && r.from <= cur.to + TOUCH) cur.to = Math.max(cur.to, r.to);
      else {
        if (cur) out.push(cur);
        cur = { pos, from: r.from, to: r.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Share of [a, b] covered by rules at `pos`. */
function coverage(rules: readonly Rule[], pos: number, a: number, b: number): number {
  let covered = 0;
  const spans: [number, number][] = [];
  for (const r of rules) {
    if (Math.abs(r.pos - pos) > DOUBLE / 2 + 0.6) continue;
    const s = Math.max(a, r.from);
    const e = Math.min(b, r.to);
    if (e > s) spans.push([s, e]);
  }
  spans.sort((p, q) => p[0] - q[0]);
  let end = a;
  for (const [s, e] of spans) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return b > a ? covered / (b - a) : 0;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let p = this.parent[i]!;
    while (p !== this.parent[p]) p = this.parent[p] = this.parent[this.parent[p]!]!;
    this.parent[i] = p;
    return p;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

/** Groups rules into connected sets (tables) and builds a grid for each that has cells. */
export function findRuledGrids(hRaw: readonly Rule[], vRaw: readonly Rule[], runs: readonly TextRun[], page: number): RuledGrid[] {
  const hs = mergeRules(hRaw);
  const vs = mergeRules(vRaw);
  if (hs.length < 2 || vs.length < 2) return [];
  const n = hs.length + vs.length;
  const uf = new UnionFind(n);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      if (v.pos >= h.from - TOUCH && v.pos <= h.to + TOUCH && h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH) {
        uf.union(i, hs.length + j);
      }
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < hs.length) g.h.push(hs[i]!);
    else g.v.push(vs[i - hs.length]!);
  }
  const grids: RuledGrid[] = [];
  const taken = new Set<number>();
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const grid = buildGrid(g.h, g.v, runs, page, taken);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.top - b.top);
}

function buildGrid(h: Rule[], v: Rule[], runs: readonly TextRun[], page: number, taken: Set<number>): RuledGrid | null {
  const xs = cluster(v.map((r) => r.pos), DOUBLE);
  const ys = cluster(h.map((r) => r.pos), DOUBLE);
  // Open sides: horizontal rules reaching past the outer verticals (and vice versa) still bound cells.
  const hFrom = minOf(h, (r) => r.from);
  const hTo = maxOf(h, (r) => r.to);
  const vFrom = minOf(v, (r) => r.from);
  const vTo = maxOf(v, (r) => r.to);
  if (hFrom < xs[0]! - 3) xs.unshift(hFrom);
  if (hTo > xs[xs.length - 1]! + 3) xs.push(hTo);
  if (vFrom < ys[0]! - 3) ys.unshift(vFrom);
  if (vTo > ys[ys.length - 1]! + 3) ys.push(vTo);
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;

  const uf = new UnionFind(nr * nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && coverage(v, xs[c + 1]!, ys[r]!, ys[r + 1]!) < 0.6) uf.union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && coverage(h, ys[r + 1]!, xs[c]!, xs[c + 1]!) < 0.6) uf.union(r * nc + c, (r + 1) * nc + c);
    }
  }
  // Regions: bounding boxes of merged elementary cells.
  const region = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = uf.find(r * nc + c);
      const reg = region.get(root);
      if (!reg) region.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        reg.r0 = Math.min(reg.r0, r);
        reg.c0 = Math.min(reg.c0, c);
        reg.r1 = Math.max(reg.r1, r);
        reg.c1 = Math.max(reg.c1, c);
      }
    }
  }
  // A single box (a frame around a paragraph, a page border) or one column is not a table.
  const maxAcross = Math.max(
    ...Array.from({ length: nr }, (_, r) => new Set(Array.from({ length: nc }, (_, c) => uf.find(r * nc + c))).size),
  );
  if (maxAcross < 2) return null;

  const x0 = xs[0]!, x1 = xs[nc]!, top = ys[0]!, bottom = ys[nr]!;
  const locate = (vals: number[], p: number): number => {
    let i = 0;
    while (i < vals.length - 2 && p >= vals[i + 1]!) i++;
    return i;
  };
  const cellRuns = new Map<string, TextRun[]>();
  const used = new Set<number>();
  runs.forEach((run, idx) => {
    if (taken.has(idx)) return;
    const cy = (run.top + run.bottom) / 2;
    const cx = (run.x0 + run.x1) / 2;
    if (cx < x0 || cx > x1 || cy < top || cy > bottom) return;
    used.add(idx);
    taken.add(idx);
    const r = locate(ys, cy);
    // A run that crosses a drawn vertical border belongs to two cells: cut it there.
    let pieces: TextRun[] = [run];
    for (let c = 1; c < nc; c++) {
      const bx = xs[c]!;
      const last = pieces[pieces.length - 1]!;
      if (last.x0 < bx - 2 && last.x1 > bx + 2 && coverage(v, bx, ys[r]!, ys[r + 1]!) >= 0.6) {
        const [a, b] = splitRunAt(last, bx);
        if (b) pieces = [...pieces.slice(0, -1), a, b];
      }
    }
    for (const p of pieces) {
      const c = locate(xs, (p.x0 + p.x1) / 2);
      const root = uf.find(r * nc + c);
      const key = String(root);
      const list = cellRuns.get(key);
      if (list) list.push(p);
      else cellRuns.set(key, [p]);
    }
  });

  const rows: RawRow[] = [];
  for (let r = 0; r < nr; r++) {
    const cells: RawCell[] = [];
    for (let c = 0; c < nc; c++) {
      const root = uf.find(r * nc + c);
      const reg = region.get(root)!;
      if (reg.r0 !== r || reg.c0 !== c) {
        cells.push({ text: '', src: null, rowSpan: 1, colSpan: 1, covered: true });
        continue;
      }
      cells.push({
        text: blockText(cellRuns.get(String(root)) ?? []),
        src: { page, box: [round(xs[reg.c0]!), round(ys[reg.r0]!), round(xs[reg.c1 + 1]!), round(ys[reg.r1 + 1]!)] },
        rowSpan: reg.r1 - reg.r0 + 1,
        colSpan: reg.c1 - reg.c0 + 1,
      });
    }
    rows.push({ cells, page });
  }
  return { xs, ys, rows, x0, top, x1, bottom, used };
}

export function round(v: number): number {
  return Math.round(v * 100) / 100;
}
