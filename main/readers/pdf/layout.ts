// One page → its tables (ruled grids first, then tables found from text positions) and the lines of text
// that remain, in reading order. Page numbers in the margins are dropped here.
import type { RawRow } from '../raw.js';
import type { PageContent, TextRun } from './page.js';
import { findRuledGrids } from './ruled.js';
import { groupLines, lineText, type TextLine } from './textlines.js';
import { findTextTables } from './texttables.js';
import { findUnruledTables, type ColumnModel } from './unruled.js';

export interface PageTable {
  kind: 'table';
  rows: RawRow[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  ruled: boolean;
}

export interface PageLine {
  kind: 'line';
  line: TextLine;
  text: string;
  bold: boolean;
}

export type PageItem = PageTable | PageLine;

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  /** Tables and lines, top to bottom. */
  items: PageItem[];
  /** The columns of a table without lines that runs to the page's end, for the next page. */
  carry: ColumnModel | null;
}

const PAGE_NUMBER = /^[-—–─\s]*(第\s*)?\d{1,4}(\s*页)?(\s*(\/|of|共)\s*\d{1,4}\s*页?)?[-—–─\s]*$/i;

/**
 * Page numbers (and the like) alone on the first or last line of the page, in the margin and set apart
 * from the text (a number wrapped out of a table cell sits right under its row).
 */
function isFurniture(lines: readonly TextLine[], index: number, height: number): boolean {
  const line = lines[index]!;
  if (!PAGE_NUMBER.test(lineText(line))) return false;
  if (index === lines.length - 1 && line.top > height * 0.75) {
    const prev = lines[index - 1];
    return !prev || line.top - prev.bottom > line.size * 1.2;
  }
  if (index === 0 && line.bottom < height * 0.25) {
    const next = lines[1];
    return !next || next.top - line.bottom > line.size * 1.2;
  }
  return false;
}

/** `carry`: the previous page's open table without lines (see PageLayout.carry). */
export function layoutPage(pc: PageContent, carry: ColumnModel | null = null): PageLayout {
  const grids = findRuledGrids(pc.rules.horizontal, pc.rules.vertical, pc.runs, pc.page);
  const usedRuns = new Set<number>();
  for (const g of grids) g.used.forEach((i) => usedRuns.add(i));
  const restRuns: TextRun[] = pc.runs.filter((_, i) => !usedRuns.has(i));
  const allLines = groupLines(restRuns);
  const lines = allLines.filter((_, i) => !isFurniture(allLines, i, pc.height));
  const { tables: unruled, carry: next } = findUnruledTables(lines, pc.page, carry && Math.abs(carry.right - carry.left) < pc.width ? carry : null);
  const usedLines = new Set<number>();
  for (const t of unruled) t.lines.forEach((k) => usedLines.add(k));
  // Borderless tables without a 栏次 row (inside the narrative).
  const textTables = findTextTables(lines, usedLines, pc.page);
  for (const t of textTables) t.lines.forEach((k) => usedLines.add(k));

  const items: PageItem[] = [];
  for (const g of grids) items.push({ kind: 'table', rows: g.rows, top: g.top, bottom: g.bottom, x0: g.x0, x1: g.x1, ruled: true });
  for (const t of [...unruled, ...textTables]) items.push({ kind: 'table', rows: t.rows, top: t.top, bottom: t.bottom, x0: t.x0, x1: t.x1, ruled: false });
  lines.forEach((line, k) => {
    if (usedLines.has(k)) return;
    const chars = line.runs.reduce((a, r) => a + r.text.length, 0);
    const boldChars = line.runs.reduce((a, r) => a + (r.bold ? r.text.length : 0), 0);
    items.push({ kind: 'line', line, text: lineText(line), bold: boldChars * 2 > chars });
  });
  items.sort((a, b) => topOf(a) - topOf(b));
  // A ruled grid below the last unruled table ends it.
  const lastUnruled = unruled[unruled.length - 1];
  const open = !!next?.open && !grids.some((g) => lastUnruled && g.top > lastUnruled.bottom);
  return { page: pc.page, width: pc.width, height: pc.height, items, carry: open && next ? next : null };
}

export function topOf(item: PageItem): number {
  return item.kind === 'table' ? item.top : item.line.top;
}
