// Tables without lines and without a 栏次 row (机构设置, 政府采购, 固定资产, 绩效目标 tables printed
// borderless inside the narrative). A run of lines whose words stand apart in columns is a table: its
// columns are the vertical strips of white space that no word crosses (words spanning several columns,
// like a group heading, are left out when finding them), its rows the lines that touch vertically (cells
// wrapped over several lines, centred or not).
import type { RawCell, RawRow } from '../raw.js';
import { chunksOf, columnOf, type Chunk } from './columns.js';
import type { TextRun } from './page.js';
import { round } from './ruled.js';
import { blockText, type TextLine } from './textlines.js';
import type { UnruledTable } from './unruled.js';
import { maxOf, minOf } from '../../model/extent.js';

const SENTENCE = /[。；;！？]/;
const OPENER = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|注[:：])/;

interface LineInfo {
  line: TextLine;
  chunks: Chunk[];
  /** Words set clearly apart (a table row). */
  tabular: boolean;
  /** Words apart by more than a space (a row of a tightly packed table). */
  spread: boolean;
  prose: boolean;
}

function describe(line: TextLine, textWidth: number): LineInfo {
  const chunks = chunksOf(line);
  let maxGap = 0;
  for (let i = 1; i < chunks.length; i++) maxGap = Math.max(maxGap, chunks[i]!.x0 - chunks[i - 1]!.x1);
  const text = chunks.map((c) => c.text).join('');
  const tabular = chunks.length >= 2 && maxGap >= line.size * 1.5;
  const spread = chunks.length >= 2 && maxGap >= line.size * 0.4;
  const wide = line.x1 - line.x0 > textWidth * 0.6;
  const prose = OPENER.test(text) || (!tabular && (wide || (SENTENCE.test(text) && text.length > 15)));
  return { line, chunks, tabular, spread, prose };
}

/** Finds borderless tables among `lines` (those not yet used), top to bottom; indices in `lines`. */
export function findTextTables(lines: readonly TextLine[], used: ReadonlySet<number>, page: number): UnruledTable[] {
  const free = lines.map((_, k) => k).filter((k) => !used.has(k));
  if (free.length < 2) return [];
  const left = minOf(free, (k) => lines[k]!.x0);
  const right = maxOf(free, (k) => lines[k]!.x1);
  const info = new Map(free.map((k) => [k, describe(lines[k]!, right - left)]));
  const tables: UnruledTable[] = [];
  for (let i = 0; i < free.length; i++) {
    const first = info.get(free[i]!)!;
    if (!first.tabular) continue;
    // Extend the zone: tabular lines and short cell-like lines close below, never prose.
    const zone = [free[i]!];
    let prev = first.line;
    for (let j = i + 1; j < free.length; j++) {
      const k = free[j]!;
      const d = info.get(k)!;
      if (d.prose || d.line.top - prev.bottom > prev.size * 1.6 || Math.abs(d.line.size - prev.size) > prev.size * 0.2) break;
      if (!d.spread && d.chunks.map((c) => c.text).join('').length > 14) break;
      zone.push(k);
      prev = d.line;
    }
    // Trailing cell-like lines belong only when something tabular follows them.
    while (zone.length > 0 && !info.get(zone[zone.length - 1]!)!.tabular && zone.length > 1) {
      const last = lines[zone[zone.length - 1]!]!;
      const before = lines[zone[zone.length - 2]!]!;
      if (last.top - before.bottom <= 0.5) break; // it touches the row above: a wrapped cell
      zone.pop();
    }
    if (zone.filter((k) => info.get(k)!.tabular).length >= 2) {
      const t = buildTextTable(zone.map((k) => info.get(k)!), zone, page);
      if (t) {
        tables.push(t);
        i = free.indexOf(zone[zone.length - 1]!);
      }
    }
  }
  return tables;
}

function buildTextTable(zone: LineInfo[], idx: number[], page: number): UnruledTable | null {
  const x0 = minOf(zone, (z) => z.line.x0);
  const x1 = maxOf(zone, (z) => z.line.x1);
  const size = maxOf(zone, (z) => z.line.size);
  // Column strips: where (almost) no line prints a word. Words wider than a third of the table, and in a
  // long table a word on one line only (a group heading over several columns), do not close a strip.
  const step = 0.5;
  const n = Math.ceil((x1 - x0) / step) + 1;
  const cover = new Uint16Array(n);
  for (const z of zone) {
    const mark = new Uint8Array(n);
    for (const c of z.chunks) {
      if (c.x1 - c.x0 > (x1 - x0) / 3) continue;
      for (let k = Math.max(0, Math.floor((c.x0 - x0) / step)); k <= Math.min(n - 1, Math.ceil((c.x1 - x0) / step)); k++) mark[k] = 1;
    }
    for (let k = 0; k < n; k++) cover[k]! += mark[k]!;
  }
  const allowed = Math.floor(zone.length * 0.12);
  const borders: number[] = [];
  for (let k = 0; k < n; ) {
    if (cover[k]! > allowed) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < n && cover[e + 1]! <= allowed) e++;
    if ((e - k + 1) * step >= size * 0.32 && k > 0 && e < n - 1) {
      // Inside the strip, the border goes through the widest stretch that the fewest lines cross.
      let min = Infinity;
      for (let q = k; q <= e; q++) min = Math.min(min, cover[q]!);
      let best: [number, number] = [k, k];
      for (let q = k; q <= e; ) {
        if (cover[q] !== min) {
          q++;
          continue;
        }
        let r = q;
        while (r + 1 <= e && cover[r + 1] === min) r++;
        if (r - q > best[1] - best[0]) best = [q, r];
        q = r + 1;
      }
      borders.push(x0 + ((best[0] + best[1] + 1) / 2) * step);
    }
    k = e + 1;
  }
  if (borders.length < 1) return null;
  const ncol = borders.length + 1;
  // Rows: lines that overlap vertically (or sit as close as wrapped lines do) are one row.
  const order = zone.map((z, i) => ({ z, k: idx[i]! })).sort((a, b) => a.z.line.top - b.z.line.top);
  const gaps = order.slice(1).map((o, i) => o.z.line.top - order[i]!.z.line.bottom).filter((g) => g > 0);
  const sorted = [...gaps].sort((a, b) => a - b);
  const minGap = sorted[0] ?? 0;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const join = median - minGap > 1.5 ? (minGap + median) / 2 : 0.5;
  const bands: { top: number; bottom: number; lines: LineInfo[] }[] = [];
  for (const { z } of order) {
    const last = bands[bands.length - 1];
    if (last && z.line.top - last.bottom < join) {
      last.lines.push(z);
      last.bottom = Math.max(last.bottom, z.line.bottom);
    } else bands.push({ top: z.line.top, bottom: z.line.bottom, lines: [z] });
  }
  const edges = [x0, ...borders, x1];
  const rows: RawRow[] = bands.map((b) => {
    const perCol: TextRun[][] = Array.from({ length: ncol }, () => []);
    const spans = new Array<number>(ncol).fill(1);
    for (const c of b.lines.flatMap((z) => z.chunks)) {
      const c0 = columnOf(borders, c.x0 + 0.5);
      const c1 = columnOf(borders, c.x1 - 0.5);
      perCol[c0]!.push(...c.runs);
      if (c1 > c0) spans[c0] = Math.max(spans[c0]!, c1 - c0 + 1);
    }
    const cells: RawCell[] = [];
    for (let c = 0; c < ncol; c++) {
      const covered = cells.some((cell, i) => !cell.covered && i < c && i + cell.colSpan > c);
      if (covered) {
        cells.push({ text: '', src: null, rowSpan: 1, colSpan: 1, covered: true });
        perCol[cells.findLastIndex((cell) => !cell.covered)]!.push(...perCol[c]!);
        continue;
      }
      cells.push({ text: '', src: { page, box: [round(edges[c]!), round(b.top), round(edges[Math.min(ncol, c + spans[c]!)]!), round(b.bottom)] }, rowSpan: 1, colSpan: spans[c]! });
    }
    cells.forEach((cell, c) => {
      if (!cell.covered) cell.text = blockText(perCol[c]!);
    });
    return { cells, page };
  });
  return { rows, top: bands[0]!.top, bottom: bands[bands.length - 1]!.bottom, x0, x1, lines: new Set(idx) };
}
