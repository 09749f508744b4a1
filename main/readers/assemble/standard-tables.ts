// A standard table from its region: the header block (above a 栏次 row where one is printed, else the rows
// above the first data row), the lanes, the data rows of every grid in printed order with one cell per
// printed column, the note, the unit and the department/year printed above it.
import type { Lexicon } from '../../model/lexicon/concepts.js';
import type { StandardTable, TableKey } from '../../model/types.js';
import type { RawCell, RawRow } from '../raw.js';
import { columnMap, joinRows, mapRows, type PendingRow } from './continuation.js';
import { findLaneRow, fitRow, headerGrid, lanesOf } from './grid.js';
import { headerRowCount, headerWordTest } from './header.js';
import { rowKey, type Grid } from './items.js';
import { parseMetaLines, type TableMeta } from './metadata.js';
import type { Region } from './regions.js';
import { normalizeDataCell, squash } from './text.js';

export interface BuiltTable {
  table: StandardTable;
  meta: TableMeta;
  region: Region;
}

const blankCell = (): RawCell => ({ text: '', src: null, rowSpan: 1, colSpan: 1 });
const TOTAL = /^((本年|当年)?(收入|支出)?(合计|总计|小计)|.{1,12}(合计|总计))$/;
const ROW_START = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|其中[:：])/;
const CODE = /^\d{2,7}$/;

/** Header, lanes and where the data starts in the first grid. */
interface Head {
  rows: RawRow[];
  lanes: string[] | null;
  /** Index of the first data row in the first grid. */
  dataFrom: number;
  /** The table numbers its rows in a 序号 column. */
  numbered: boolean;
}

function headOf(first: Grid, lex: Lexicon): Head {
  const lane = findLaneRow(first.rows, 8);
  const seqHeader = (rows: RawRow[]) => rows.some((r) => /^(序号|行次)$/.test(squash(r.cells[0]?.text ?? '')));
  if (lane >= 0) {
    const lanes = lanesOf(first.rows[lane]!);
    while (lanes.length > 1 && !/^\d+$/.test(lanes[lanes.length - 1]!)) lanes.pop();
    const rows = first.rows.slice(0, lane);
    return { rows, lanes, dataFrom: lane + 1, numbered: rows.length === 0 || seqHeader(rows) };
  }
  const h = headerRowCount(first.rows, lex, { first: true });
  const rows = first.rows.slice(0, h);
  // A 序号 column numbering the rows 1, 2, 3 … (Hebei prints it even where it leaves out the 栏次 row).
  const numbered = seqHeader(rows) && first.rows.slice(h).some((r) => /^\d+$/.test(squash(r.cells[0]?.text ?? '')));
  const lanes = numbered ? ['栏次', ...Array.from({ length: first.width - 1 }, (_, i) => String(i + 1))] : null;
  return { rows, lanes, dataFrom: h, numbered };
}

/** The printed data rows of a later grid: its repeated 栏次 row and header block left out. */
function bodyOf(g: Grid, head: Head, lex: Lexicon, known: Set<string>, keys: Set<string>): RawRow[] {
  const lane = findLaneRow(g.rows, head.rows.length + 3);
  if (lane >= 0) return g.rows.slice(lane + 1);
  let start = 0;
  while (start < g.rows.length && keys.has(rowKey(g.rows[start]!))) start++;
  if (start === 0 && head.rows.length) start = headerRowCount(g.rows, lex, { first: false, known });
  return g.rows.slice(start);
}

/** Columns whose header names a code (科目编码, 类/款/项) or whose cells hold codes. */
function codeColumns(header: string[][], rows: string[][], lex: Lexicon): number[] {
  const test = headerWordTest(lex);
  const width = Math.max(0, ...header.map((r) => r.length), ...rows.map((r) => r.length));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const named = header.some((r) => /编码|代码|^[类款项]$/.test(squash(r[c] ?? '')) && test(r[c] ?? '') === 'label');
    const codes = rows.filter((r) => CODE.test(squash(r[c] ?? ''))).length;
    const filled = rows.filter((r) => squash(r[c] ?? '') !== '').length;
    if (named || (codes >= 3 && codes >= filled * 0.8 && rows.some((r) => /^\d{3}$/.test(squash(r[c] ?? ''))))) out.push(c);
  }
  return out;
}

/** A unit printed in the header cells (金额（万元）, 单位：元), when all of them that print one agree. */
function headerUnit(rows: string[][]): string | null {
  const units = new Set<string>();
  for (const r of rows) {
    for (const t of r) {
      const m = /(?:单位\s*[:：]\s*|[（(])((?:千|万|亿)?元)[)）]?/.exec(t.replace(/\s+/g, ''));
      if (m) units.add(m[1]!);
    }
  }
  return units.size === 1 ? [...units][0]! : null;
}

/** A data cell: lines joined, no spaces inside Chinese or numbers, the space after an ordinal (1. 一般…) kept. */
function dataCell(text: string): string {
  const ordinal = /^\s*(\d{1,2}[.．])\s+(?=\S)/.exec(text);
  if (!ordinal) return normalizeDataCell(text);
  return `${ordinal[1]} ${normalizeDataCell(text.slice(ordinal[0].length))}`;
}

export function buildStandardTable(region: Region, key: TableKey, lex: Lexicon, withPages: boolean, labels: string[] = []): BuiltTable {
  const first = region.grids[0]!;
  const head = headOf(first, lex);
  const width = head.lanes ? head.lanes.length : first.width;
  const headRows = head.rows.map((r) => ({ ...r, cells: fitRow(r.cells, width, blankCell()) }));
  const header = headerGrid(headRows);
  const keys = new Set(head.rows.map(rowKey));
  const known = new Set(head.rows.flatMap((r) => r.cells.filter((c) => !c.covered).map((c) => squash(c.text))).filter(Boolean));
  const identity = Array.from({ length: first.width }, (_, k) => k);
  const pending: PendingRow[] = mapRows(first.rows.slice(head.dataFrom), first, identity, width, dataCell, false);
  for (const g of region.grids.slice(1)) {
    // PDF readers say whether a grid starts at the top of a page; other formats leave it open.
    const broke = g.atPageTop !== false;
    for (const row of mapRows(bodyOf(g, head, lex, known, keys), g, columnMap(first, g), width, dataCell, broke)) pending.push(row);
  }
  const codes = head.numbered ? [] : codeColumns(header.rows, pending.map((r) => r.cells), lex);
  const startsRow = (cells: string[]) => {
    const lead = cells.find((t) => t.trim() !== '') ?? '';
    return TOTAL.test(squash(lead)) || ROW_START.test(squash(lead));
  };
  const rows = joinRows(pending, { numbered: head.numbered, codeColumns: codes, startsRow });
  const pages = new Set(region.pages);
  for (const g of region.grids) for (const r of g.rows) { const p = r.page ?? g.page; if (p !== undefined) pages.add(p); }
  const meta = parseMetaLines(region.metaLines, labels);
  return {
    table: {
      key,
      title: region.title.title,
      unit: meta.unit ?? region.title.unit ?? headerUnit(header.rows),
      header,
      lanes: head.lanes,
      rows: rows.map((r) => r.cells),
      note: region.notes.length ? region.notes.join('\n') : null,
      pages: withPages && pages.size ? [...pages].sort((a, b) => a - b) : null,
      sources: rows.map((r) => r.sources),
    },
    meta,
    region,
  };
}
