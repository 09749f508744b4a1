// Tables printed without lines (the "noline" style, report engines with borders off). Columns come from
// the 栏次 row (./columns.ts); rows from the first column (序号): a line with text there starts a row, and
// lines without it are wrapped parts of cells that go to the row they sit closest to (cells may be top-,
// middle- or bottom-aligned). The header above the 栏次 row is rebuilt with its spans.
import type { RawCell, RawRow } from '../raw.js';
import { chunksOf, columnOf, findColumnBorders, type Chunk } from './columns.js';
import { groupRows, type RowGroup } from './rows.js';
import type { TextRun } from './page.js';
import { round } from './ruled.js';
import { blockText, lineText, splitRunAt, type TextLine } from './textlines.js';
import { maxOf, minOf } from '../../model/extent.js';

export interface UnruledTable {
  rows: RawRow[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Lines (indices into the page's line list) that belong to the table. */
  lines: Set<number>;
}

const LANE_LABEL = /^(栏次|档次|栏目|行次|栏号|列次)$/;
const LETTER_LANE = /^[甲乙丙丁]$/;
const COLON_LABEL = /[:：]\s*\S/;
const PROSE_START = /^(注|说明|备注|数据来源|填报|制表|审核|负责人)/;

interface Lane {
  /** Column anchors (centres), left to right; index 0 is the label column. */
  anchors: number[];
  /** Right end of the printed label (栏次): text starting left of it starts in the first column. */
  labelEnd: number;
}

/** A 栏次 row: a label, then 1, 2, 3 … (letters 甲乙 allowed before the numbers). */
export function parseLane(line: TextLine): Lane | null {
  const chunks = chunksOf(line).map((c) => ({ ...c, text: c.text.replace(/\s+/g, '') }));
  if (chunks.length < 3 || !LANE_LABEL.test(chunks[0]!.text)) return null;
  let next = 1;
  for (const c of chunks.slice(1)) {
    if (LETTER_LANE.test(c.text) && next === 1) continue;
    if (c.text !== String(next)) return null;
    next++;
  }
  if (next < 3) return null;
  return { anchors: chunks.map((c) => (c.x0 + c.x1) / 2), labelEnd: chunks[0]!.x1 };
}

/**
 * Where the row numbers (序号) end: the leftmost words of the data lines that count up 1, 2, 3 … belong to
 * the first column, whatever else the page shows (a page may hold nothing else left of them).
 */
function rowNumberEnd(data: TextLine[]): number {
  const firsts = data.map((l) => chunksOf(l)[0]).filter((c): c is Chunk => !!c && /^\d{1,4}$/.test(c.text.trim()));
  // The chain of numbers that count up by one (a wrapped amount's last digits may also start a line).
  const chain: Chunk[] = [];
  for (const c of firsts) {
    const last = chain[chain.length - 1];
    if (!last || Number(c.text) === Number(last.text) + 1) chain.push(c);
  }
  if (chain.length < 3 || chain.length < firsts.length * 0.5) return -Infinity;
  // Row numbers stand in one column: drop a member far from the others (a coincidence elsewhere).
  const mid = [...chain].sort((a, b) => a.x0 + a.x1 - b.x0 - b.x1)[Math.floor(chain.length / 2)]!;
  const inColumn = chain.filter((c) => c.x0 <= mid.x1 + 1 && c.x1 >= mid.x0 - 1);
  return maxOf(inColumn, (c) => c.x1);
}

/** Cuts runs that cross a column border (an item the generator printed across two cells). */
function cutRuns(runs: TextRun[], borders: readonly number[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    let rest: TextRun | null = run;
    for (const b of borders) {
      if (rest && rest.x0 < b - 1.5 && rest.x1 > b + 1.5) {
        const [left, right] = splitRunAt(rest, b);
        if (right) {
          out.push(left);
          rest = right;
        }
      }
    }
    if (rest) out.push(rest);
  }
  return out;
}

/** What a table's columns look like, carried to the next page for a continuation printed without header. */
export interface ColumnModel {
  anchors: number[];
  borders: number[];
  left: number;
  right: number;
  size: number;
  labelEnd: number;
  /** Last row number (序号) seen, when the table numbers its rows. */
  lastNumber: number | null;
  /** The table reaches the bottom of its page (it may go on). */
  open: boolean;
}

export interface UnruledResult {
  tables: UnruledTable[];
  /** Model of the page's last table, for the next page. */
  carry: ColumnModel | null;
}

/**
 * Finds the unruled tables of a page. `lines` are the page's lines outside ruled grids, top to bottom;
 * `carry` is the last table of the previous page when it ran to the page's end.
 */
export function findUnruledTables(lines: readonly TextLine[], page: number, carry: ColumnModel | null = null): UnruledResult {
  const tables: (UnruledTable & { model: ColumnModel })[] = [];
  const taken = new Set<number>();
  const firstLane = lines.findIndex((l) => parseLane(l) !== null);
  if (carry?.open) {
    const cont = continueTable(lines, firstLane < 0 ? lines.length : firstLane, carry, page);
    if (cont) {
      tables.push(cont);
      cont.lines.forEach((k) => taken.add(k));
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i)) continue;
    const lane = parseLane(lines[i]!);
    if (!lane) continue;
    const table = buildTable(lines, i, lane, page, taken);
    tables.push(table);
    table.lines.forEach((k) => taken.add(k));
  }
  const last = tables[tables.length - 1];
  if (last) {
    const lastLine = maxOf(last.lines, (k) => k);
    last.model.open = !lines.some((_, k) => k > lastLine && !taken.has(k));
  }
  return { tables, carry: last?.model ?? null };
}

interface DataPart {
  rows: RawRow[];
  lines: number[];
  bottom: number;
  lastNumber: number | null;
}

/** Data lines from `from` on (down to a title, a 栏次 row, a wide gap or prose), grouped into rows. */
function collectData(
  lines: readonly TextLine[],
  from: number,
  to: number,
  model: Omit<ColumnModel, 'lastNumber' | 'open'>,
  page: number,
  taken: Set<number>,
  prevBottom: number,
  withRows = true,
): DataPart {
  const { borders, size } = model;
  const startsProse = (l: TextLine): boolean => {
    const first = chunksOf(l)[0];
    if (!first || first.x0 >= model.labelEnd) return false;
    const t = first.text.replace(/\s+/g, '');
    return PROSE_START.test(t) || (t.length > 12 && !/^\d+$/.test(t));
  };
  const candidates: number[] = [];
  let prev = prevBottom;
  for (let k = from; k < to; k++) {
    const l = lines[k]!;
    if (taken.has(k) || l.size > size * 1.25 || parseLane(l) || l.top - prev > size * 4 || startsProse(l)) break;
    candidates.push(k);
    prev = l.bottom;
  }
  if (!withRows) return { rows: [], lines: candidates, bottom: prevBottom, lastNumber: null };
  const firstBorder = borders[0] ?? Infinity;
  // A row starts where the first column (序号) has text; once the table numbers its rows, other text
  // there ends the table.
  const firstColText = (l: TextLine): string =>
    l.runs.filter((r) => (r.x0 + r.x1) / 2 < firstBorder).map((r) => r.text).join('');
  const numbered = candidates.some((k) => /^\d{1,4}$/.test(firstColText(lines[k]!)));
  const data: number[] = [];
  for (const k of candidates) {
    const first = firstColText(lines[k]!);
    if (first && numbered && !/^\d{1,4}$/.test(first)) break;
    data.push(k);
  }
  const starts = data.filter((k) => firstColText(lines[k]!) !== '');
  const ncol = model.anchors.length;
  const groups: RowGroup[] = numbered
    ? groupRows(data.map((k) => lines[k]!), starts.map((k) => data.indexOf(k)), ncol, (x) => columnOf(borders, x), size)
    : bandRows(lines, data, borders, ncol);
  const edges = [model.left, ...borders, model.right];
  const rows = groups.map((g) => makeRow(g.cells.map((runs) => cutRuns(runs, borders)), g.top, g.bottom, edges, page));
  const numbers = starts.map((k) => Number(firstColText(lines[k]!))).filter((n) => Number.isFinite(n));
  return {
    rows,
    lines: data,
    bottom: groups.length > 0 ? maxOf(groups, (g) => g.bottom) : prevBottom,
    lastNumber: numbers.length > 0 ? numbers[numbers.length - 1]! : null,
  };
}

function makeRow(perCol: TextRun[][], top: number, bottom: number, edges: number[], page: number): RawRow {
  const cells: RawCell[] = perCol.map((runs, c) => ({
    text: blockText(runs),
    src: { page, box: [round(edges[c]!), round(top), round(edges[c + 1]!), round(bottom)] },
    rowSpan: 1,
    colSpan: 1,
  }));
  return { cells, page };
}

function buildTable(lines: readonly TextLine[], laneIdx: number, lane: Lane, page: number, taken: Set<number>): UnruledTable & { model: ColumnModel } {
  const laneLine = lines[laneIdx]!;
  const size = laneLine.size;
  const anchors = lane.anchors;
  // Header: the lines right above the 栏次 row, up to a caption (a "label：value" line), a title or a gap.
  const header: number[] = [];
  let above = laneLine;
  for (let k = laneIdx - 1; k >= 0 && header.length < 8; k--) {
    const l = lines[k]!;
    if (taken.has(k) || l.size > size * 1.2 || COLON_LABEL.test(lineText(l)) || above.top - l.bottom > size * 2.2) break;
    header.unshift(k);
    above = l;
  }
  // Borders from the lines below that may be data (a first pass with the anchors only decides which).
  const rough = { anchors, borders: anchors.slice(1).map((a, i) => (a + anchors[i]!) / 2), left: -Infinity, right: Infinity, size, labelEnd: lane.labelEnd };
  const first = collectData(lines, laneIdx + 1, lines.length, rough, page, taken, laneLine.bottom, false);
  const candidateLines = first.lines.map((k) => lines[k]!);
  const dataChunks = [laneLine, ...candidateLines].flatMap((l) => chunksOf(l));
  const { borders, left, right } = findColumnBorders(anchors, dataChunks, rowNumberEnd(candidateLines));
  const model = { anchors, borders, left, right, size, labelEnd: lane.labelEnd };
  const data = collectData(lines, laneIdx + 1, lines.length, model, page, taken, laneLine.bottom);
  const edges = [left, ...borders, right];
  const rows: RawRow[] = header.length > 0 ? headerRows(lines, header, borders, edges, page) : [];
  rows.push(makeRow(splitColumns(laneLine.runs, borders), laneLine.top, laneLine.bottom, edges, page));
  rows.push(...data.rows);
  const top = header.length > 0 ? lines[header[0]!]!.top : laneLine.top;
  return {
    rows,
    top,
    bottom: Math.max(laneLine.bottom, data.bottom),
    x0: left,
    x1: right,
    lines: new Set([...header, laneIdx, ...data.lines]),
    model: { ...model, lastNumber: data.lastNumber, open: false },
  };
}

/**
 * A table that goes on from the previous page without repeating its header: the first lines of the page
 * are read with the previous page's columns when they fit them and go on with its row numbers.
 */
function continueTable(lines: readonly TextLine[], to: number, carry: ColumnModel, page: number): (UnruledTable & { model: ColumnModel }) | null {
  if (to === 0) return null;
  const part = collectData(lines, 0, to, carry, page, new Set(), lines[0]!.top);
  if (part.rows.length === 0) return null;
  const chunks = part.lines.flatMap((k) => chunksOf(lines[k]!));
  const outside = chunks.filter((c) => c.x0 < carry.left - carry.size || c.x1 > carry.right + carry.size).length;
  const crossing = chunks.filter((c) => carry.borders.some((b) => c.x0 < b - 0.6 && c.x1 > b + 0.6)).length;
  if (outside > 0 || crossing > chunks.length * 0.1) return null;
  // It must go on with the numbering (or carry no numbers at all when the table had none).
  const firstNumber = part.rows.map((r) => r.cells[0]?.text ?? '').find((t) => /^\d{1,4}$/.test(t));
  if (carry.lastNumber !== null) {
    if (firstNumber === undefined) return null;
    const n = Number(firstNumber);
    if (n !== carry.lastNumber && n !== carry.lastNumber + 1) return null;
  }
  const top = minOf(part.lines, (k) => lines[k]!.top);
  return {
    rows: part.rows,
    top,
    bottom: part.bottom,
    x0: carry.left,
    x1: carry.right,
    lines: new Set(part.lines),
    model: { ...carry, lastNumber: part.lastNumber ?? carry.lastNumber, open: false },
  };
}

/** Runs per column (runs that cross a border are cut there). */
function splitColumns(runs: TextRun[], borders: readonly number[]): TextRun[][] {
  const perCol: TextRun[][] = Array.from({ length: borders.length + 1 }, () => []);
  for (const r of cutRuns(runs, borders)) perCol[columnOf(borders, (r.x0 + r.x1) / 2)]!.push(r);
  return perCol;
}

/** Rows of a table without a numbered first column: lines whose boxes touch vertically are one row. */
function bandRows(lines: readonly TextLine[], data: number[], borders: readonly number[], ncol: number): RowGroup[] {
  const out: RowGroup[] = [];
  let last: { top: number; bottom: number; runs: TextRun[] } | null = null;
  const flush = (): void => {
    if (last) out.push({ top: last.top, bottom: last.bottom, cells: splitColumns(last.runs, borders).slice(0, ncol), numbered: false });
  };
  for (const k of data) {
    const l = lines[k]!;
    if (last && l.top <= last.bottom + 0.5) {
      last.bottom = Math.max(last.bottom, l.bottom);
      last.runs.push(...l.runs);
    } else {
      flush();
      last = { top: l.top, bottom: l.bottom, runs: [...l.runs] };
    }
  }
  flush();
  return out;
}

/**
 * The header block as one or two rows: words centred over several columns (功能分类科目, 本年收入) make a
 * top row with column spans; each other column's words, top to bottom, fill the row under it, or span
 * both rows where nothing spans above them (序号, 合计).
 */
function headerRows(lines: readonly TextLine[], header: number[], borders: readonly number[], edges: number[], page: number): RawRow[] {
  const ncol = borders.length + 1;
  // Letter-spaced words ("资 金 性 质") are one phrase: join chunks that the source separated by spaces.
  const phrases: (Chunk & { top: number; bottom: number })[] = [];
  for (const k of header) {
    const l = lines[k]!;
    let cur: (Chunk & { top: number; bottom: number }) | null = null;
    for (const c of chunksOf(l)) {
      const spaced = c.runs[0]!.spaceBefore && cur && c.x0 - cur.x1 < l.size * 2;
      if (cur && spaced) {
        cur.text += ' ' + c.text;
        cur.x1 = c.x1;
        cur.runs.push(...c.runs);
      } else {
        if (cur) phrases.push(cur);
        cur = { ...c, runs: [...c.runs], top: l.top, bottom: l.bottom };
      }
    }
    if (cur) phrases.push(cur);
  }
  const spanOf = (p: Chunk): [number, number] => [columnOf(borders, p.x0 + 0.6), columnOf(borders, p.x1 - 0.6)];
  const spanning = phrases.filter((p) => spanOf(p)[1] > spanOf(p)[0]);
  const single = phrases.filter((p) => spanOf(p)[1] === spanOf(p)[0]);
  const top = minOf(phrases, (p) => p.top);
  const bottom = maxOf(phrases, (p) => p.bottom);
  const split = spanning.length > 0 ? maxOf(spanning, (p) => p.bottom) : top;
  const box = (c0: number, c1: number, y0: number, y1: number): [number, number, number, number] => [round(edges[c0]!), round(y0), round(edges[c1 + 1]!), round(y1)];
  const colText = (c: number): string => blockText(single.filter((p) => spanOf(p)[0] === c).flatMap((p) => p.runs));
  if (spanning.length === 0 || split >= bottom - 0.5) {
    // One level only (or a wide word on the lowest line): each column's words, top to bottom.
    const all = (c: number): string => blockText(phrases.filter((p) => spanOf(p)[0] === c).flatMap((p) => p.runs));
    return [{ page, cells: Array.from({ length: ncol }, (_, c) => ({ text: all(c), src: { page, box: box(c, c, top, bottom) }, rowSpan: 1, colSpan: 1 })) }];
  }
  const under = new Array<boolean>(ncol).fill(false);
  const rowA: RawCell[] = Array.from({ length: ncol }, () => ({ text: '', src: null, rowSpan: 1, colSpan: 1 }));
  const rowB: RawCell[] = Array.from({ length: ncol }, () => ({ text: '', src: null, rowSpan: 1, colSpan: 1 }));
  for (const p of [...spanning].sort((a, b) => a.x0 - b.x0)) {
    const [c0, c1] = spanOf(p);
    if (under.slice(c0, c1 + 1).some(Boolean)) {
      const owner = rowA.findIndex((cell, i) => !cell.covered && i <= c0 && i + cell.colSpan > c0);
      if (owner >= 0) rowA[owner]!.text = `${rowA[owner]!.text} ${p.text}`.trim(); // a second level: keep its words
      continue;
    }
    rowA[c0] = { text: blockText(p.runs), src: { page, box: box(c0, c1, top, split) }, rowSpan: 1, colSpan: c1 - c0 + 1 };
    for (let c = c0; c <= c1; c++) {
      under[c] = true;
      if (c > c0) rowA[c] = { text: '', src: null, rowSpan: 1, colSpan: 1, covered: true };
    }
  }
  for (let c = 0; c < ncol; c++) {
    if (under[c]) rowB[c] = { text: colText(c), src: { page, box: box(c, c, split, bottom) }, rowSpan: 1, colSpan: 1 };
    else {
      rowA[c] = { text: colText(c), src: { page, box: box(c, c, top, bottom) }, rowSpan: 2, colSpan: 1 };
      rowB[c] = { text: '', src: null, rowSpan: 1, colSpan: 1, covered: true };
    }
  }
  return [
    { page, cells: rowA },
    { page, cells: rowB },
  ];
}
