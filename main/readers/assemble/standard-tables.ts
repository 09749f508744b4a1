// The nine standard tables: found by their printed title, confirmed by the grid under it (a 栏次 row or
// the table's column count), never by position. Each gets its header block, lanes, data rows (joined
// over pages), note, pages, provenance and the department/year/unit printed above it.
import { matchStandardTitle, tableDef } from '../../model/tables.js';
import type { Scope, StandardTable, TableKey } from '../../model/types.js';
import { collectRows, type ContinuationOptions } from './continuation.js';
import { findLaneRow, fitRow, headerGrid, lanesOf } from './grid.js';
import { META_TEXT, rowKey, type Grid, type Item, type Line } from './items.js';
import { parseMetaLines, type TableMeta } from './metadata.js';
import { clean, normalizeDataCell, squash } from './text.js';

export interface TitleMatch {
  key: TableKey;
  scope: Scope;
  title: string;
}

/** Prefixes a title may carry: 表一、 附表3 公开表 2 2023年 … */
const TITLE_PREFIX = /^((附|公开)?表\s*[\d一二三四五六七八九十]*\s*[、.．:：\-—]?|\d{4}\s*年度?)?$/;
const TITLE_SUFFIX = /[（(]续(表)?[)）]$|续表$/;

/** A line that is a standard table's title, as printed (whitespace removed). */
export function standardTitle(text: string): TitleMatch | null {
  const t = squash(text).replace(TITLE_SUFFIX, '');
  const at = t.search(/(部门|单位)预算/);
  if (at < 0) return null;
  if (!TITLE_PREFIX.test(t.slice(0, at))) return null;
  const title = t.slice(at);
  const m = matchStandardTitle(title);
  return m ? { ...m, title } : null;
}

export const isNote = (text: string): boolean => /^(注|说明)\s*[:：\d１-９一二三]/.test(clean(text)) || /^注[^册]/.test(clean(text));

interface Found {
  match: TitleMatch;
  /** Item index of the title line and of the first item after the table. */
  titleAt: number;
  end: number;
  grids: Grid[];
  notes: Line[];
  metaLines: string[];
  pages: Set<number>;
}

const expectedWidth = (key: TableKey) => tableDef(key).columns.length + 1;

/** A grid that can hold (part of) this table. */
function fits(g: Grid, key: TableKey, width: number | null): boolean {
  if (findLaneRow(g.rows, 8) >= 0) return true;
  return g.width === (width ?? expectedWidth(key));
}

/**
 * Scan the items after a title: meta lines and the grids of the table, its notes; stops at the next
 * title of another table, or — when `strict` — at the first item that is not part of a table.
 */
function scanTable(items: Item[], titleAt: number, match: TitleMatch, stopAt: number, strict: boolean): Found | null {
  const found: Found = { match, titleAt, end: titleAt + 1, grids: [], notes: [], metaLines: [], pages: new Set() };
  const title = items[titleAt] as Line;
  if (title.page !== undefined) found.pages.add(title.page);
  let i = titleAt + 1;
  for (; i < stopAt; i++) {
    const it = items[i]!;
    if (it.kind === 'grid') {
      if (!fits(it, match.key, found.grids.length ? found.grids[0]!.width : null)) {
        if (strict || !found.grids.length) break;
        continue;
      }
      found.grids.push(it);
      continue;
    }
    const again = standardTitle(it.text);
    if (again && again.key === match.key) continue; // the title repeated on a continuation page
    if (META_TEXT.test(it.text) && !isNote(it.text)) {
      if (!found.grids.length) found.metaLines.push(it.text);
      continue;
    }
    if (isNote(it.text) && found.grids.length) {
      found.notes.push(it);
      continue;
    }
    const lastNote = found.notes[found.notes.length - 1];
    if (lastNote && items[i - 1] === lastNote && !/[。.！!]$/.test(lastNote.text) && it.text.length < 60 && !it.heading) {
      lastNote.text += it.text; // a note wrapped onto a second line
      continue;
    }
    if (!found.grids.length) {
      // Lines between the title and the grid: the department name wrapped off the meta line.
      if (it.text.length <= 40 && !/[。；;]/.test(it.text)) found.metaLines.push(it.text);
      else if (strict) break;
      continue;
    }
    if (strict) break;
  }
  found.end = i;
  return found.grids.length ? found : null;
}

/** Find every standard table; returns them in document order with the item span they occupy. */
export function findStandardTables(items: Item[]): Found[] {
  const titles: { at: number; match: TitleMatch }[] = [];
  items.forEach((it, at) => {
    if (it.kind !== 'line') return;
    const match = standardTitle(it.text);
    if (match) titles.push({ at, match });
  });
  const found: Found[] = [];
  titles.forEach((t, n) => {
    const next = titles[n + 1]?.at ?? items.length;
    const prev = found[found.length - 1];
    if (prev && prev.end > t.at) return;
    const f = scanTable(items, t.at, t.match, next, false);
    if (!f) return; // a title with no table under it: a table of contents entry, a mention
    if (found.some((x) => x.match.key === f.match.key)) {
      const same = found[found.length - 1]!;
      if (same.match.key === f.match.key) {
        // The same table titled again further on (continued on a new page): one table.
        same.grids.push(...f.grids);
        same.notes.push(...f.notes);
        same.end = f.end;
      }
      return;
    }
    found.push(f);
  });
  // The last table ends where its own items end: what follows is the narrative, not part of it.
  const last = found[found.length - 1];
  if (last) {
    const strict = scanTable(items, last.titleAt, last.match, items.length, true);
    if (strict && strict.end < last.end) found[found.length - 1] = strict;
  }
  return found;
}

export interface BuiltTable {
  table: StandardTable;
  meta: TableMeta;
  end: number;
  titleAt: number;
}

export function buildStandardTable(f: Found, withPages: boolean): BuiltTable {
  const { key, title } = f.match;
  const main = f.grids[0]!;
  let lane = findLaneRow(main.rows, 8);
  let lanes: string[];
  let headerRows = main.rows.slice(0, Math.max(0, lane));
  if (lane >= 0) {
    lanes = lanesOf(main.rows[lane]!);
    while (lanes.length > 1 && !/^\d+$/.test(lanes[lanes.length - 1]!) ) lanes.pop();
  } else {
    // No 栏次 row printed: the header ends at the first row numbered in 序号.
    const firstData = main.rows.findIndex((r) => /^\d+$/.test(squash(r.cells[0]?.text ?? '')));
    lane = firstData > 0 ? firstData - 1 : -1;
    headerRows = main.rows.slice(0, Math.max(0, firstData));
    lanes = ['栏次', ...Array.from({ length: main.width - 1 }, (_, i) => String(i + 1))];
  }
  const width = lanes.length;
  const header = headerGrid(headerRows.map((r) => ({ ...r, cells: fitRow(r.cells, width, { text: '', src: null, rowSpan: 1, colSpan: 1 }) })));
  const headerKeys = new Set(headerRows.map(rowKey));
  const opts: ContinuationOptions = {
    width,
    headerKeys,
    headerRowCount: headerRows.length,
    numbered: width === expectedWidth(key) && (header.rows.length === 0 || header.rows.some((r) => squash(r[0] ?? '') === '序号')),
    cell: normalizeDataCell,
  };
  const rows = collectRows(main, main.rows.slice(lane + 1), f.grids.slice(1), opts);
  const pages = new Set(f.pages);
  for (const g of f.grids) for (const r of g.rows) { const p = r.page ?? g.page; if (p !== undefined) pages.add(p); }
  const note = f.notes.length ? f.notes.map((n) => clean(n.text)).join('\n') : null;
  return {
    table: {
      key,
      title,
      unit: parseMetaLines(f.metaLines).unit ?? null,
      header,
      lanes,
      rows: rows.map((r) => r.cells),
      note,
      pages: withPages && pages.size ? [...pages].sort((a, b) => a - b) : null,
      sources: rows.map((r) => r.sources),
    },
    meta: parseMetaLines(f.metaLines),
    end: f.end,
    titleAt: f.titleAt,
  };
}

export type { Found };
