// The RawDocument as the assembler walks it: lines and grids in reading order. Rows of a grid that are
// really lines — a title or the department/year/unit line at its top, a note at its bottom, as
// spreadsheets and some converters print them — are peeled off into lines, so every format looks alike.
import type { RawCell, RawDocument, RawParagraphBlock, RawRow, RawTableBlock } from '../raw.js';
import { clean, isPageNumber, joinLines } from './text.js';
import { isTableLabel, parseTableTitle } from './titles.js';
import { maxOf } from '../../model/extent.js';

/** A paragraph of the RawDocument (or a grid row that is really a line). */
export interface Line extends Omit<RawParagraphBlock, 'kind'> {
  kind: 'line';
}

/** A table grid of the RawDocument, with its width in columns. */
export interface Grid extends Omit<RawTableBlock, 'kind'> {
  kind: 'grid';
  width: number;
}

export type Item = Line | Grid;

/** The department / 预算年度 / 单位 line printed above every standard table (and some extra tables). */
export const META_TEXT = /预算年度|^\s*(金额)?单位\s*[:：]|\s(金额)?单位\s*[:：]\s*\S*元|截止(时间|日期)[:：]|^\s*(编制|预算|填报|编报|公开)?(主管)?(部门|单位)([（(]单位[)）])?(名称)?\s*[:：]/;

const cellTexts = (row: RawRow): string[] => row.cells.filter((c) => !c.covered).map((c) => joinLines(c.text)).filter((t) => t !== '');

/** A table's caption: its title or its number label (公开01表). */
const isCaption = (text: string): boolean => !!(parseTableTitle(text) || isTableLabel(text));

/** A row peeled off a grid as lines: one line, or one per cell when it holds a caption (title | 公开01表). */
function rowAsLines(row: RawRow, page: number | undefined): Line[] {
  const cells = row.cells.filter((c) => !c.covered && clean(joinLines(c.text)) !== '');
  const line = (text: string, c: RawCell | undefined): Line => ({ kind: 'line', text, src: c?.src ?? null, page: row.page ?? page });
  if (cells.length > 1 && cells.some((c) => isCaption(joinLines(c.text)))) return cells.map((c) => line(joinLines(c.text), c));
  return [line(cellTexts(row).join('  '), cells[0])];
}

/** A row that is a line: the meta line, a table title or label, or one text spanning (nearly) the whole grid. */
function isLineRow(row: RawRow, width: number, position: 'top' | 'bottom', next?: RawRow): boolean {
  const texts = cellTexts(row);
  if (!texts.length) return false;
  if (position === 'top' && texts.some((t) => META_TEXT.test(t)) && texts.length <= 4) return true;
  if (position === 'top' && texts.length <= 3 && texts.some(isCaption) && texts.every((t) => isCaption(t) || META_TEXT.test(t))) return true;
  if (texts.length !== 1) return false;
  const text = texts[0]!;
  if (position === 'bottom') return /^(注|说明)[:：]?/.test(text);
  const cell = row.cells.find((c) => !c.covered && clean(c.text) !== '') as RawCell;
  if (!(width > 2 && cell.colSpan >= width - 1 && cell.rowSpan === 1)) return false;
  // A caption over the whole header (财政拨款“三公”经费 over its parts) is header; a sheet title has a line below it.
  return !next || isLineRow(next, width, 'top');
}

const rowWidth = (row: RawRow): number => row.cells.length;

/** The sheet a block comes from (spreadsheets), from its provenance. */
function sheetOf(b: RawDocument['blocks'][number]): string | undefined {
  if (b.kind === 'paragraph') return b.src?.sheet;
  if (b.kind === 'table') return b.rows[0]?.cells.find((c) => c.src?.sheet)?.src?.sheet;
  return undefined;
}

/** A sheet's tab name as a title line (`01 收支总表`, `表3-一般公共预算支出表`), when it names a table. */
function sheetTitle(name: string): Line | null {
  const text = name.replace(/^[\d０-９]{1,3}[\s_\-.、．]*/, '');
  return parseTableTitle(text) ? { kind: 'line', text, src: { sheet: name }, page: undefined } : null;
}

export function toItems(raw: RawDocument): Item[] {
  const items: Item[] = [];
  let page: number | undefined;
  let sheet: string | undefined;
  let sheetStart = 0;
  let sheetTitled = true;
  const titled = (from: number) => items.slice(from).some((it) => it.kind === 'line' && parseTableTitle(it.text));
  for (const b of raw.blocks) {
    if (b.kind === 'page-break') {
      page = b.page;
      continue;
    }
    // A sheet whose table has no title printed above it: its tab name is the title, before the sheet's lines.
    const bSheet = sheetOf(b);
    if (bSheet !== undefined && bSheet !== sheet) {
      sheet = bSheet;
      sheetStart = items.length;
      sheetTitled = false;
    }
    if (b.kind === 'paragraph') {
      const text = clean(b.text);
      if (!text || isPageNumber(text)) continue;
      items.push({ kind: 'line', text, src: b.src, page: b.page ?? page, heading: b.heading, bold: b.bold, centered: b.centered, fontSize: b.fontSize });
      continue;
    }
    const rows = b.rows.filter((r) => r.cells.length > 0);
    if (!rows.length) continue;
    const width = maxOf(rows, rowWidth);
    let top = 0;
    while (top < rows.length && isLineRow(rows[top]!, width, 'top', rows[top + 1])) top++;
    let bottom = rows.length;
    while (bottom > top && isLineRow(rows[bottom - 1]!, width, 'bottom')) bottom--;
    for (let i = 0; i < top; i++) for (const line of rowAsLines(rows[i]!, b.page ?? page)) items.push(line);
    if (bottom > top) {
      if (sheet !== undefined && !sheetTitled) {
        sheetTitled = true;
        const title = titled(sheetStart) ? null : sheetTitle(sheet);
        if (title) items.splice(sheetStart, 0, title);
      }
      const body = rows.slice(top, bottom).map((r) => padRow(r, width));
      items.push({ kind: 'grid', rows: body, width, page: b.page ?? body[0]!.page ?? page, atPageTop: b.atPageTop, atPageBottom: b.atPageBottom });
    }
    for (let i = bottom; i < rows.length; i++) for (const line of rowAsLines(rows[i]!, b.page ?? page)) items.push(line);
  }
  return items;
}

function padRow(row: RawRow, width: number): RawRow {
  if (row.cells.length >= width) return row;
  const cells = [...row.cells];
  while (cells.length < width) cells.push({ text: '', src: null, rowSpan: 1, colSpan: 1 });
  return { ...row, cells };
}

/** The text of a grid row, whitespace-free, for comparing repeated header rows. */
export const rowKey = (row: RawRow): string => row.cells.map((c) => (c.covered ? '' : c.text.replace(/\s+/g, ''))).join('|');
