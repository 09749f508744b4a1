// The main story of a Word binary document ([MS-DOC]: Word 97–2003 .doc, and WPS 文字 .wps, which is the
// same format) as paragraphs with the properties a reader needs: whether the paragraph sits in a table,
// ends a cell or a row, the row's cell edges and merges, and the heading cues. The OLE container is opened
// by SheetJS's CFB (../ole.ts); this reads the streams inside: the FIB, the piece table (where each run
// of characters is stored), and the paragraph and character property pages (FKPs).
import { SPRM, i16, sprmsOf, u16, u32, type Sprm } from './sprm.js';
import { maxOf } from '../../model/extent.js';

export class WordFormatError extends Error {}

export interface RowCellDef {
  vertMerge: 'restart' | 'continue' | null;
  /** Word 97's horizontal merge: the first cell of a merged run, or a cell merged into the one before. */
  hMerge: 'first' | 'merged' | null;
}

export interface RowDef {
  /** Cell edges in twips (itcMac + 1 values, left to right). */
  edges: number[];
  cells: RowCellDef[];
  header: boolean;
}

export interface WordParagraph {
  /** The visible text without its mark: field results but not field codes, no deleted revisions. */
  text: string;
  /** Table depth (0 outside tables). */
  depth: number;
  /** Ends a cell of a depth-1 table (its mark is the cell mark 0x07). */
  cellEnd: boolean;
  /** The end-of-row mark of a depth-1 table, with the row's definition. */
  row: RowDef | null;
  /** Ends a cell / a row of a nested table. */
  innerCellEnd: boolean;
  innerRowEnd: boolean;
  heading: boolean;
  centered: boolean;
  bold: boolean;
  fontSize?: number;
}

export interface WordStreams {
  word: Uint8Array;
  table: (name: '0Table' | '1Table') => Uint8Array | undefined;
  data: Uint8Array | undefined;
}

/** FIB facts the reader needs ([MS-DOC] 2.5.1). */
export interface Fib {
  nFib: number;
  tableStream: '0Table' | '1Table';
  ccpText: number;
  fcLcb: (index: number) => { fc: number; lcb: number };
}

const WORD_IDENT = 0xa5ec;
/** Word 97 and later (0x00C1; 0x00C0 from its betas); Word 6/95 (0x65–0x69) have another FIB layout. */
const NFIB_WORD97 = 0xc0;
const FIB_CLX = 33;
const FIB_BTE_PAPX = 13;
const FIB_BTE_CHPX = 12;
const FIB_BOOKMARK_NAMES = 21;
const FIB_BOOKMARK_STARTS = 22;

/** The FibBase says whether the rest is encrypted: then all but its first 68 bytes are ciphertext. */
export function isEncrypted(word: Uint8Array): boolean {
  return u16(word, 0) === WORD_IDENT && (u16(word, 0x0a) & 0x0100) !== 0;
}

export function readFib(word: Uint8Array): Fib {
  if (word.length < 0x22 || u16(word, 0) !== WORD_IDENT) throw new WordFormatError('no Word FIB (wIdent)');
  const flags = u16(word, 0x0a);
  const nFib = u16(word, 0x02);
  let at = 0x20;
  const csw = u16(word, at);
  at += 2 + csw * 2;
  const cslw = u16(word, at);
  const rgLw = at + 2;
  at = rgLw + cslw * 4;
  const cbRgFcLcb = u16(word, at);
  const rgFcLcb = at + 2;
  if (rgLw + 16 > word.length || rgFcLcb + cbRgFcLcb * 8 > word.length) throw new WordFormatError('FIB truncated');
  return {
    nFib,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: u32(word, rgLw + 3 * 4),
    fcLcb: (i) => (i < cbRgFcLcb ? { fc: u32(word, rgFcLcb + i * 8), lcb: u32(word, rgFcLcb + i * 8 + 4) } : { fc: 0, lcb: 0 }),
  };
}

export const isWord97 = (fib: Fib): boolean => fib.nFib >= NFIB_WORD97;

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

/** The piece table of the CLX ([MS-DOC] 2.9.38): where each run of character positions is stored. */
function readPieces(table: Uint8Array, fib: Fib): Piece[] {
  const { fc, lcb } = fib.fcLcb(FIB_CLX);
  if (!lcb || fc + lcb > table.length) throw new WordFormatError('no piece table (CLX)');
  let at = fc;
  while (table[at] === 0x01) at += 3 + u16(table, at + 1); // Prc: property modifiers for pieces (skipped)
  if (table[at] !== 0x02) throw new WordFormatError('piece table (Pcdt) missing');
  const size = u32(table, at + 1);
  const plc = at + 5;
  const n = Math.floor((size - 4) / 12);
  if (n <= 0 || plc + size > table.length) throw new WordFormatError('piece table truncated');
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const raw = u32(table, plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fcRaw = raw & 0x3fffffff;
    pieces.push({ cpStart: u32(table, plc + i * 4), cpEnd: u32(table, plc + (i + 1) * 4), fc: compressed ? fcRaw / 2 : fcRaw, compressed });
  }
  return pieces;
}

interface Run {
  fcStart: number;
  fcEnd: number;
  sprms: Sprm[];
  istd: number;
}

/**
 * The property runs of a PlcBte (paragraphs or characters): each FKP page lists file-offset ranges and
 * the property modifiers that apply to them ([MS-DOC] 2.9.178, 2.9.43).
 */
function readRuns(word: Uint8Array, table: Uint8Array, fib: Fib, paragraphs: boolean, data: Uint8Array | undefined): Run[] {
  const { fc, lcb } = fib.fcLcb(paragraphs ? FIB_BTE_PAPX : FIB_BTE_CHPX);
  if (!lcb || fc + lcb > table.length) return [];
  const n = Math.floor((lcb - 4) / 8);
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const pn = u32(table, fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = word.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) continue;
    const crun = page[511]!;
    for (let j = 0; j < crun; j++) {
      const fcStart = u32(page, j * 4);
      const fcEnd = u32(page, (j + 1) * 4);
      if (paragraphs) {
        const offset = page[(crun + 1) * 4 + j * 13]! * 2;
        if (!offset) {
          runs.push({ fcStart, fcEnd, sprms: [], istd: 0 });
          continue;
        }
        const cb = page[offset]!;
        const body = cb ? page.subarray(offset + 1, offset + 1 + 2 * cb - 1) : page.subarray(offset + 2, offset + 2 + 2 * page[offset + 1]!);
        runs.push({ fcStart, fcEnd, sprms: withHugePapx(sprmsOf(body, 2), data), istd: u16(body, 0) });
      } else {
        const offset = page[(crun + 1) * 4 + j]! * 2;
        const sprms = offset ? sprmsOf(page.subarray(offset + 1, offset + 1 + page[offset]!)) : [];
        runs.push({ fcStart, fcEnd, sprms, istd: 0 });
      }
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** Paragraph properties that did not fit the FKP page live in the Data stream (sprmPHugePapx). */
function withHugePapx(sprms: Sprm[], data: Uint8Array | undefined): Sprm[] {
  const huge = sprms.find((s) => s.code === SPRM.PHugePapx);
  if (!huge || !data) return sprms;
  const at = u32(huge.arg, 0);
  const cb = u16(data, at);
  return [...sprms.filter((s) => s !== huge), ...sprmsOf(data.subarray(at + 2, at + 2 + cb))];
}

/**
 * Where the bookmarks Word sets on headings for its table of contents (_Toc…) start, as character
 * positions: the same heading cue the .docx reader takes from w:bookmarkStart.
 */
function tocBookmarkStarts(table: Uint8Array, fib: Fib): number[] {
  const names = fib.fcLcb(FIB_BOOKMARK_NAMES);
  const starts = fib.fcLcb(FIB_BOOKMARK_STARTS);
  if (!names.lcb || !starts.lcb || names.fc + names.lcb > table.length || starts.fc + starts.lcb > table.length) return [];
  // SttbfBkmk: extended (UTF-16) strings, each a 16-bit length and its characters.
  if (u16(table, names.fc) !== 0xffff) return [];
  const count = u16(table, names.fc + 2);
  const n = Math.floor((starts.lcb - 4) / 8); // PlcfBkf: n + 1 positions, n 4-byte FBKFs
  const out: number[] = [];
  let at = names.fc + 6;
  for (let i = 0; i < Math.min(count, n); i++) {
    const cch = u16(table, at);
    const name = new TextDecoder('utf-16le').decode(table.subarray(at + 2, at + 2 + cch * 2));
    at += 2 + cch * 2;
    if (/^_Toc/i.test(name)) out.push(u32(table, starts.fc + i * 4));
  }
  return out;
}

function runAt(runs: Run[], fc: number): Run | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

function rowDef(sprms: Sprm[]): RowDef | null {
  let def: RowDef | null = null;
  let header = false;
  for (const s of sprms) {
    if (s.code === SPRM.TDefTable) {
      const itcMac = s.arg[2] ?? 0;
      const edges: number[] = [];
      for (let k = 0; k <= itcMac; k++) edges.push(i16(s.arg, 3 + 2 * k));
      const tcAt = 3 + 2 * (itcMac + 1);
      const cells: RowCellDef[] = [];
      for (let k = 0; k < itcMac; k++) {
        const flags = tcAt + 20 * k + 2 <= s.arg.length ? u16(s.arg, tcAt + 20 * k) : 0;
        cells.push({
          vertMerge: flags & 0x20 ? (flags & 0x40 ? 'restart' : 'continue') : null,
          hMerge: flags & 0x01 ? 'first' : flags & 0x02 ? 'merged' : null,
        });
      }
      def = { edges, cells, header };
    } else if (s.code === SPRM.TVertMerge && def) {
      const cell = def.cells[s.arg[1] ?? -1];
      const v = s.arg[2] ?? 0;
      if (cell) cell.vertMerge = v === 3 ? 'restart' : v === 1 ? 'continue' : null;
    } else if ((s.code === SPRM.TMerge || s.code === SPRM.TSplit) && def) {
      for (let k = s.arg[0]!; k < Math.min(s.arg[1]!, def.cells.length); k++) {
        def.cells[k]!.hMerge = s.code === SPRM.TSplit ? null : k === s.arg[0] ? 'first' : 'merged';
      }
    } else if (s.code === SPRM.TTableHeader) header = s.arg[0] !== 0;
  }
  if (def) def.header = header;
  return def;
}

interface ParagraphProps {
  depth: number;
  ttp: boolean;
  innerCell: boolean;
  innerTtp: boolean;
  centered: boolean;
  outline: number | null;
  istd: number;
  sprms: Sprm[];
}

function paragraphProps(run: Run | undefined): ParagraphProps {
  const p: ParagraphProps = { depth: 0, ttp: false, innerCell: false, innerTtp: false, centered: false, outline: null, istd: run?.istd ?? 0, sprms: run?.sprms ?? [] };
  let inTable = false;
  let itap: number | null = null;
  for (const s of p.sprms) {
    if (s.code === SPRM.PFInTable) inTable = s.arg[0] !== 0;
    else if (s.code === SPRM.PItap) itap = u32(s.arg, 0);
    else if (s.code === SPRM.PFTtp) p.ttp = s.arg[0] !== 0;
    else if (s.code === SPRM.PFInnerTableCell) p.innerCell = s.arg[0] !== 0;
    else if (s.code === SPRM.PFInnerTtp) p.innerTtp = s.arg[0] !== 0;
    else if (s.code === SPRM.PJc || s.code === SPRM.PJc80) p.centered = s.arg[0] === 1;
    else if (s.code === SPRM.POutLvl) p.outline = s.arg[0]!;
  }
  p.depth = itap ?? (inTable ? 1 : 0);
  return p;
}

interface CharProps {
  bold: boolean;
  size?: number;
  deleted: boolean;
}

function charProps(run: Run | undefined): CharProps {
  const c: CharProps = { bold: false, deleted: false };
  for (const s of run?.sprms ?? []) {
    if (s.code === SPRM.CFBold) c.bold = s.arg[0] === 1;
    else if (s.code === SPRM.CHps) c.size = u16(s.arg, 0) / 2;
    else if (s.code === SPRM.CFRMarkDel) c.deleted = s.arg[0] === 1;
  }
  return c;
}

const cp1252 = new TextDecoder('windows-1252');

/** Characters that carry no text: anchors of pictures, drawn objects, footnote and comment marks, soft hyphens. */
const DROPPED = new Set([0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x1f]);

/** The main document story as paragraphs, in order. */
export function readMainStory(s: WordStreams, fib: Fib): WordParagraph[] {
  const table = s.table(fib.tableStream);
  if (!table) throw new WordFormatError(`table stream ${fib.tableStream} missing`);
  const pieces = readPieces(table, fib);
  const papx = readRuns(s.word, table, fib, true, s.data);
  const chpx = readRuns(s.word, table, fib, false, s.data);
  const tocStarts = tocBookmarkStarts(table, fib);
  // Character properties per FKP run, decoded once.
  const charCache = new Map<Run | undefined, CharProps>();
  const charAt = (fc: number): CharProps => {
    const run = runAt(chpx, fc);
    let c = charCache.get(run);
    if (!c) charCache.set(run, (c = charProps(run)));
    return c;
  };

  const out: WordParagraph[] = [];
  let text = '';
  let paragraphStart = 0;
  const runs: { text: string; bold: boolean; size?: number }[] = [];
  // Open fields: whether each is still in its code part, and whether its result is shown (not a TOC).
  const fields: { inCode: boolean; code: string; hideResult: boolean }[] = [];
  const hidden = () => fields.some((f) => f.inCode || f.hideResult);

  const endParagraph = (mark: number, fc: number, cp: number) => {
    const p = paragraphProps(runAt(papx, fc));
    const tocHeading = tocStarts.some((x) => x >= paragraphStart && x <= cp);
    paragraphStart = cp + 1;
    const visible = runs.filter((r) => r.text.trim() !== '');
    const sizes = visible.map((r) => r.size).filter((x): x is number => x !== undefined);
    out.push({
      text,
      depth: p.depth,
      cellEnd: p.depth === 1 && !p.ttp && mark === 0x07,
      row: p.depth === 1 && p.ttp ? rowDef(p.sprms) : null,
      innerCellEnd: p.depth > 1 && (p.innerCell || mark === 0x07) && !p.innerTtp,
      innerRowEnd: p.depth > 1 && p.innerTtp,
      heading: (p.outline !== null && p.outline < 9) || (p.istd >= 1 && p.istd <= 9) || tocHeading,
      centered: p.centered,
      bold: visible.length > 0 && visible.every((r) => r.bold),
      fontSize: sizes.length ? maxOf(sizes, (x) => x) : undefined,
    });
    text = '';
    runs.length = 0;
  };

  for (const piece of pieces) {
    const start = Math.max(piece.cpStart, 0);
    const end = Math.min(piece.cpEnd, fib.ccpText);
    if (start >= end) continue;
    const width = piece.compressed ? 1 : 2;
    const bytes = s.word.subarray(piece.fc + (start - piece.cpStart) * width, piece.fc + (end - piece.cpStart) * width);
    const chars = piece.compressed ? cp1252.decode(bytes) : new TextDecoder('utf-16le').decode(bytes);
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      const fc = piece.fc + (start - piece.cpStart + i) * width;
      if (code === 0x0d || code === 0x07 || code === 0x0c) {
        endParagraph(code, fc, start + i);
        continue;
      }
      if (code === 0x13) fields.push({ inCode: true, code: '', hideResult: false });
      else if (code === 0x14 && fields.length) {
        const f = fields[fields.length - 1]!;
        f.inCode = false;
        f.hideResult = /^\s*TOC\b/i.test(f.code); // a table of contents is not the document's text
      } else if (code === 0x15) fields.pop();
      else if (fields.length && fields[fields.length - 1]!.inCode) fields[fields.length - 1]!.code += chars[i];
      if (code === 0x13 || code === 0x14 || code === 0x15 || hidden() || DROPPED.has(code)) continue;
      const chp = charAt(fc);
      if (chp.deleted) continue;
      const ch = code === 0x0b ? '\n' : code === 0x1e ? '-' : chars[i]!;
      text += ch;
      const last = runs[runs.length - 1];
      if (last && last.bold === chp.bold && last.size === chp.size) last.text += ch;
      else runs.push({ text: ch, bold: chp.bold, size: chp.size });
    }
  }
  if (text.trim()) endParagraph(0x0d, -1, fib.ccpText);
  return out;
}
