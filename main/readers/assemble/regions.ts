// Where each titled table lies in the document: its title line, the lines between title and grid (label
// 公开01表, 编制部门/单位 line, 单位：元), its grids (one per page, the later ones continuing it with or without
// the title and header printed again), and the notes under it (注：…, 说明：…, several lines). Nothing here
// depends on a table's position or number: a title followed by a grid is a table.
import type { LayoutFamily } from '../../model/families/index.js';
import { findLaneRow } from './grid.js';
import { META_TEXT, type Grid, type Item, type Line } from './items.js';
import { isTableLabel, parseTableTitle, sameTitle, type TableTitle } from './titles.js';
import { clean } from './text.js';

export interface Region {
  title: TableTitle;
  /** Item index of the title line, and of the first item after the region. */
  titleAt: number;
  end: number;
  /** Lines between the title and the first grid (department, unit), labels left out. */
  metaLines: string[];
  grids: Grid[];
  notes: string[];
  pages: Set<number>;
}

/** A note under a table: 注：…, 说明：…, 备注… */
export const isNote = (text: string): boolean => /^(注|说明|备注)\s*[:：\d１-９一二三]/.test(clean(text)) || /^注[^册意重]/.test(clean(text));

/** A line that opens a part or section of the narrative: never part of a table's notes. */
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;
const headingLine = (l: Line): boolean => HEADING.test(clean(l.text)) || !!l.heading;

/** A short line without sentence punctuation: a department name wrapped off its meta line. */
const metaLike = (l: Line): boolean => META_TEXT.test(l.text) || (clean(l.text).length <= 40 && !/[。；;！？]/.test(l.text));

/** The grid's left and right edge (PDF boxes), when known. */
function extent(g: Grid): [number, number] | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const r of g.rows) {
    for (const c of r.cells) {
      const b = c.src?.box;
      if (!b) continue;
      x0 = Math.min(x0, b[0]);
      x1 = Math.max(x1, b[2]);
    }
  }
  return x0 < x1 ? [x0, x1] : null;
}

/** A grid that goes on with the table of `first` (same columns, or the same span across the page). */
function continues(first: Grid, last: Grid, g: Grid): boolean {
  if (g.atPageTop === false) return false;
  if (g.page !== undefined && last.page !== undefined && g.page <= last.page) return false;
  if (g.width === first.width) return true;
  if (findLaneRow(g.rows, 8) >= 0 && findLaneRow(first.rows, 8) >= 0) return true;
  const a = extent(first);
  const b = extent(g);
  if (!a || !b) return false;
  const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return overlap > 0.85 * Math.max(a[1] - a[0], b[1] - b[0]);
}

function scanRegion(items: Item[], titles: (TableTitle | null)[], at: number): Region | null {
  const title = titles[at]!;
  const line = items[at] as Line;
  const region: Region = { title, titleAt: at, end: at + 1, metaLines: [], grids: [], notes: [], pages: new Set() };
  if (line.page !== undefined) region.pages.add(line.page);
  let i = at + 1;
  // Between the title and the grid: labels, meta lines, a department name wrapped off its line.
  for (; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'grid') break;
    if (isTableLabel(it.text)) continue;
    // Another title before any grid: this line was a part title or a contents entry; the later title is the table's.
    if (titles[i]) return null;
    if (!metaLike(it) || region.metaLines.length >= 4) return null;
    region.metaLines.push(it.text);
  }
  if (i >= items.length) return null;
  region.grids.push(items[i] as Grid);
  region.end = ++i;
  for (; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'grid') {
      const last = region.grids[region.grids.length - 1]!;
      if (region.notes.length || !continues(region.grids[0]!, last, it)) break;
      region.grids.push(it);
      region.end = i + 1;
      continue;
    }
    const other = titles[i];
    if (other) {
      if (sameTitle(other, title) && !region.notes.length) continue; // printed again over the continuation
      break;
    }
    if (!region.notes.length && (isTableLabel(it.text) || (META_TEXT.test(it.text) && !isNote(it.text)))) continue;
    if (isNote(it.text)) {
      region.notes.push(clean(it.text));
      region.end = i + 1;
      continue;
    }
    // Short lines after a note, up to a heading, are more of it (a template instruction, a wrapped line): on the
    // note's page, or — where there are no pages — when the note runs on or another note line follows.
    const prev = region.notes[region.notes.length - 1];
    const notePage = (items[region.end - 1] as Line).page;
    const next = items[i + 1];
    const belongs =
      notePage !== undefined ? it.page === notePage : !/[。！!]$/.test(prev ?? '') || (next?.kind === 'line' && isNote(next.text));
    if (prev !== undefined && belongs && clean(it.text).length <= 120 && !headingLine(it)) {
      if (/[。！!：:]$/.test(prev)) region.notes.push(clean(it.text));
      else region.notes[region.notes.length - 1] = prev + clean(it.text);
      region.end = i + 1;
      continue;
    }
    break;
  }
  for (const g of region.grids) {
    if (g.page !== undefined) region.pages.add(g.page);
    for (const r of g.rows) if (r.page !== undefined) region.pages.add(r.page);
  }
  return region;
}

/** Every titled table of the document, in document order; a title printed again over a continuation joins its table. */
export function findRegions(items: Item[], family: LayoutFamily | null): Region[] {
  const titles = items.map((it) => (it.kind === 'line' ? parseTableTitle(it.text, family) : null));
  const regions: Region[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!titles[i]) continue;
    const r = scanRegion(items, titles, i);
    if (!r) continue;
    const prev = regions[regions.length - 1];
    if (prev && r.title.continued && prev.title.number === r.title.number && prev.title.number !== null && !prev.notes.length) {
      prev.grids.push(...r.grids);
      prev.notes.push(...r.notes);
      r.pages.forEach((p) => prev.pages.add(p));
      prev.end = r.end;
    } else regions.push(r);
    i = r.end - 1;
  }
  return regions;
}
