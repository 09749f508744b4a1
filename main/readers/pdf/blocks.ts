// Page layouts → the RawDocument block sequence: tables with their page-edge flags, and paragraphs rebuilt
// from hard-wrapped lines (a paragraph ends at a short line, before an indented, centred or numbered line,
// at a change of font, or at a wide vertical gap; it continues over a page break when nothing says it ends).
import type { RawBlock, RawParagraphBlock, RawTableBlock } from '../raw.js';
import { joinWrapped } from './normalize.js';
import type { PageLayout, PageLine } from './layout.js';
import { round } from './ruled.js';
import { stitchCutRows } from './stitch.js';

/** Line starts that open a new paragraph: 一、 （一） (一) 1、 1. 第一部分 注： */
const OPENER = /^(第[一二三四五六七八九十百]+[部章节条]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,2}[、．.](?!\d)|注[:：])/;
const END_PUNCT = /[。！？；：:;!?]$/;

interface Margins {
  left: number;
  right: number;
}

interface Para {
  block: RawParagraphBlock;
  page: number;
  lines: PageLine[];
  /** Last line reached the right margin (the paragraph may go on). */
  open: boolean;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round((s.length - 1) * p)))]!;
}

/** Text column margins per page width (portrait and landscape pages differ). */
function marginsByWidth(pages: PageLayout[]): Map<number, Margins> {
  const byWidth = new Map<number, { x0: number[]; x1: number[] }>();
  for (const p of pages) {
    const key = Math.round(p.width);
    let m = byWidth.get(key);
    if (!m) byWidth.set(key, (m = { x0: [], x1: [] }));
    for (const it of p.items) {
      if (it.kind !== 'line') continue;
      m.x0.push(it.line.x0);
      m.x1.push(it.line.x1);
    }
  }
  const out = new Map<number, Margins>();
  for (const [w, m] of byWidth) out.set(w, { left: percentile(m.x0, 0.1), right: percentile(m.x1, 0.9) });
  return out;
}

/** The most common font size of text lines, weighted by characters: the body size. */
function bodySize(pages: PageLayout[]): number {
  const count = new Map<number, number>();
  for (const p of pages) {
    for (const it of p.items) {
      if (it.kind !== 'line') continue;
      const k = Math.round(it.line.size * 2) / 2;
      count.set(k, (count.get(k) ?? 0) + it.text.length);
    }
  }
  let best = 10.5;
  let n = -1;
  for (const [k, c] of count) if (c > n) [best, n] = [k, c];
  return best;
}

export function toBlocks(pages: PageLayout[]): RawBlock[] {
  const margins = marginsByWidth(pages);
  const body = bodySize(pages);
  const blocks: RawBlock[] = [];
  let para: Para | null = null;
  let prevPageTexts = new Set<string>();

  // Centred: clear of both margins by the same amount, to a fraction of a character (an indented line
  // that happens to stop short is almost never centred that exactly).
  const isCentred = (l: PageLine, m: Margins): boolean => {
    const leftGap = l.line.x0 - m.left;
    const rightGap = m.right - l.line.x1;
    return Math.min(leftGap, rightGap) > Math.max(1.5, l.line.size * 0.15) && Math.abs(leftGap - rightGap) < l.line.size * 0.3;
  };
  const startPara = (l: PageLine, page: number, m: Margins): Para => {
    const centered = isCentred(l, m);
    const block: RawParagraphBlock = {
      kind: 'paragraph',
      text: l.text,
      src: { page, box: [round(l.line.x0), round(l.line.top), round(l.line.x1), round(l.line.bottom)] },
      page,
      fontSize: round(l.line.size),
      bold: l.bold,
      centered,
      heading: l.line.size >= body * 1.2 || (l.bold && l.text.length <= 40),
    };
    blocks.push(block);
    return { block, page, lines: [l], open: !centered && l.line.x1 >= m.right - l.line.size * 1.5 };
  };
  const extend = (p: Para, l: PageLine, page: number): void => {
    p.block.text = joinWrapped(p.block.text, l.text);
    const box = p.block.src!.box!;
    if (page === p.page) {
      box[0] = round(Math.min(box[0], l.line.x0));
      box[2] = round(Math.max(box[2], l.line.x1));
      box[3] = round(Math.max(box[3], l.line.bottom));
    }
    p.lines.push(l);
  };

  for (const page of pages) {
    const m = margins.get(Math.round(page.width)) ?? { left: 0, right: page.width };
    const texts = new Set<string>();
    let firstOnPage = true;
    let sawTable = false;
    const aboveFirstTable: string[] = [];
    if (blocks.length > 0) blocks.push({ kind: 'page-break', page: page.page });
    for (let i = 0; i < page.items.length; i++) {
      const it = page.items[i]!;
      if (it.kind === 'table') {
        const block: RawTableBlock = {
          kind: 'table',
          rows: it.rows,
          page: page.page,
          // Nothing above it but lines the previous page printed too (a repeated caption): it may continue a table.
          atPageTop: !sawTable && aboveFirstTable.every((t) => prevPageTexts.has(t)),
          // Nothing below it on the page: its last row may be cut by the page break.
          atPageBottom: i === page.items.length - 1,
        };
        blocks.push(block);
        sawTable = true;
        para = null;
        firstOnPage = false;
        continue;
      }
      texts.add(it.text);
      if (!sawTable) aboveFirstTable.push(it.text);
      const l = it.line;
      const prev = para?.lines[para.lines.length - 1];
      let continues = false;
      if (para && prev) {
        const samePage = !firstOnPage;
        const sameFont = Math.abs(prev.line.size - l.size) <= prev.line.size * 0.1 && prev.bold === it.bold;
        const indented = l.x0 > m.left + l.size * 0.8;
        const gapOk = samePage ? l.top - prev.line.bottom < l.size * 1.2 : true;
        // A title set over two centred lines is one paragraph too.
        const centredPair = isCentred(prev, m) && isCentred(it, m) && l.top - prev.line.bottom < l.size * 0.8;
        continues = (para.open && sameFont && !indented && gapOk && !OPENER.test(it.text) && !isCentred(it, m)) || (sameFont && centredPair);
        // A line ending a sentence right at the margin may still end its paragraph; the next line's indent decides.
        if (continues && END_PUNCT.test(prev.text) && samePage === false && indented) continues = false;
      }
      if (continues && para) {
        extend(para, it, page.page);
        para.open = l.x1 >= m.right - l.size * 1.5;
      } else {
        para = startPara(it, page.page, m);
      }
      firstOnPage = false;
    }
    prevPageTexts = texts;
  }
  stitchCutRows(blocks);
  return blocks;
}
