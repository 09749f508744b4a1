// What a format reader hands to the assembler: the document as a flat sequence of paragraphs and table
// grids, in reading order, each piece with its provenance. Format readers know files; the assembler
// (./assemble) knows disclosures: which grid is which standard table, continuations over pages,
// repeated headers, rows cut by page breaks, the narrative and the extra tables.
import type { CellSource, SourceFormat } from '../model/types.js';

/** One cell of a grid. A merged region keeps its text in the top-left cell; covered cells have `covered`. */
export interface RawCell {
  text: string;
  src: CellSource | null;
  /** Span of the merged region starting here (1 when not merged). */
  rowSpan: number;
  colSpan: number;
  /** True for a cell covered by a merge that starts elsewhere (its text is ''). */
  covered?: boolean;
}

export interface RawRow {
  cells: RawCell[];
  /** 1-based page the row sits on (PDF). */
  page?: number;
  /** Word marked this row to repeat as a header on every page (w:tblHeader). */
  repeatHeader?: boolean;
}

export interface RawTableBlock {
  kind: 'table';
  rows: RawRow[];
  /** First page of the grid (PDF); a grid never spans pages in PDF, it may in DOCX. */
  page?: number;
  /** For PDF: the grid starts at the top of its page's body (it may continue a table from the page before). */
  atPageTop?: boolean;
  /** For PDF: the grid ends at the bottom of its page's body (its last row may be cut). */
  atPageBottom?: boolean;
}

export interface RawParagraphBlock {
  kind: 'paragraph';
  text: string;
  src: CellSource | null;
  page?: number;
  /** Word outline level / heading style, bookmarks (_Toc…), or a visual cue (bold, centred, larger) when known. */
  heading?: boolean;
  bold?: boolean;
  centered?: boolean;
  fontSize?: number;
}

export interface RawPageBreakBlock {
  kind: 'page-break';
  page: number;
}

export type RawBlock = RawTableBlock | RawParagraphBlock | RawPageBreakBlock;

export interface RawDocument {
  format: SourceFormat;
  pageCount: number | null;
  blocks: RawBlock[];
}
