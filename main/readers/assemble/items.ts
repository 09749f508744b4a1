// The RawDocument as the assembler walks it: lines and grids in reading order. Rows of a grid that are
// really lines — a title or the department/year/unit line at its top, a note at its bottom, as
// spreadsheets and some converters print them — are peeled off into lines, so every format looks alike.
import { matchStandardTitle } from '../../model/tables.js';
import type { RawCell, RawDocument, RawParagraphBlock, RawRow, RawTableBlock } from '../raw.js';
import { clean, isPageNumber, joinLines } from './text.js';
import { maxOf } from '../extent.js';

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
export const META_TEXT = /预算年度|^\s*单位[:：]|\s单位[:：]\s*\S*元|截止(时间|日期)[:：]|^\s*(编制|预算)?(部门|单位)(名称)?[:：]/;

const cellTexts = (row: RawRow): string[] => row.cells.filter((c) => !c.covered).map((c) => joinLines(c.text)).filter((t) => t !== '');

function rowAsLine(row: RawRow, page: number | undefined): Line {
  const first = row.cells.find((c) => !c.covered && clean(c.text) !== '');
  return { kind: 'line', text: cellTexts(row).join('  '), src: first?.src ?? null, page: row.page ?? page };
}

/** A row that is a line: the meta line, a standard title, or one text spanning (nearly) the whole grid. */
function isLineRow(row: RawRow, width: number, position: 'top' | 'bottom'): boolean {
  const texts = cellTexts(row);
  if (!texts.length) return false;
  if (position === 'top' && texts.some((t) => META_TEXT.test(t)) && texts.length <= 4) return true;
  if (texts.length !== 1) return false;
  const text = texts[0]!;
  if (position === 'top' && matchStandardTitle(text)) return true;
  if (position === 'bottom') return /^(注|说明)[:：]?/.test(text);
  const cell = row.cells.find((c) => !c.covered && clean(c.text) !== '') as RawCell;
  return width > 2 && cell.colSpan >= width - 1 && cell.rowSpan === 1;
}

const rowWidth = (row: RawRow): number => row.cells.length;

export function toItems(raw: RawDocument): Item[] {
  const items: Item[] = [];
  let page: number | undefined;
  for (const b of raw.blocks) {
    if (b.kind === 'page-break') {
      page = b.page;
      continue;
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
    while (top < rows.length && isLineRow(rows[top]!, width, 'top')) top++;
    let bottom = rows.length;
    while (bottom > top && isLineRow(rows[bottom - 1]!, width, 'bottom')) bottom--;
    for (let i = 0; i < top; i++) items.push(rowAsLine(rows[i]!, b.page ?? page));
    if (bottom > top) {
      const body = rows.slice(top, bottom).map((r) => padRow(r, width));
      items.push({ kind: 'grid', rows: body, width, page: b.page ?? body[0]!.page ?? page, atPageTop: b.atPageTop, atPageBottom: b.atPageBottom });
    }
    for (let i = bottom; i < rows.length; i++) items.push(rowAsLine(rows[i]!, b.page ?? page));
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
