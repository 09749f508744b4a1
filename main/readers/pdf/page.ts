// One page of a PDF as plain geometry: text runs and ruling lines in top-left page coordinates (points).
// Each page is parsed once: getTextContent for the text, getOperatorList for the lines and the font names.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { normalizeText, isCjk } from './normalize.js';
import { extractRules, type PageRules } from './rules.js';

/** Where a piece of text sits on its page (points, top-left origin) and how large it is. */
export interface TextBox {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** Font size in points (for a line: its largest). */
  size: number;
}

/** A piece of text on one baseline with no wide gap inside (a word, a number, a run of CJK). */
export interface TextRun extends TextBox {
  text: string;
  bold: boolean;
  /** The source put a space character right before this run. */
  spaceBefore: boolean;
  /** Text content order on the page, to keep ties stable. */
  order: number;
}

export interface PageContent {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: PageRules;
  /** Text items dropped because their position is not a number (a damaged page, not an image). */
  invalidText: number;
}

type Matrix = [number, number, number, number, number, number];

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

function multiply(m: Matrix, n: number[]): Matrix {
  return [
    m[0] * n[0]! + m[2] * n[1]!,
    m[1] * n[0]! + m[3] * n[1]!,
    m[0] * n[2]! + m[2] * n[3]!,
    m[1] * n[2]! + m[3] * n[3]!,
    m[0] * n[4]! + m[2] * n[5]! + m[4],
    m[1] * n[4]! + m[3] * n[5]! + m[5],
  ];
}

/** Relative advance of a character, to split an item at its inner spaces (items carry one width only). */
function advance(ch: string): number {
  if (isCjk(ch)) return 1;
  if (ch === ' ') return 0.3;
  return 0.55;
}

const BOLD_NAME = /bold|heavy|black|semibold|demi|黑体|粗|hei(?!ght)/i;

/** Reads text and rules of one page. */
export async function readPage(page: PDFPageProxy, pageNumber: number): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const text = await page.getTextContent();
  // A page without text (an image, a blank page) has nothing to place in a grid: skip its operator list.
  const hasText = text.items.some((it) => 'str' in it && it.str.trim() !== '');
  let rules: PageRules = { horizontal: [], vertical: [] };
  if (hasText) {
    const ops = await page.getOperatorList();
    rules = extractRules(ops.fnArray, ops.argsArray, vt);
  }

  const boldCache = new Map<string, boolean>();
  const isBold = (fontName: string): boolean => {
    let b = boldCache.get(fontName);
    if (b === undefined) {
      let name = '';
      try {
        const f = page.commonObjs.has(fontName) ? (page.commonObjs.get(fontName) as { name?: unknown } | null) : null;
        name = typeof f?.name === 'string' ? f.name : '';
      } catch {
        name = '';
      }
      b = BOLD_NAME.test(name);
      boldCache.set(fontName, b);
    }
    return b;
  };

  const runs: TextRun[] = [];
  let invalidText = 0;
  let pendingSpace = false;
  let order = 0;
  for (const raw of text.items) {
    if (!('str' in raw)) continue;
    const item = raw as PdfTextItem;
    const str = normalizeText(item.str);
    const m = multiply(vt, item.transform);
    const size = Math.hypot(m[2], m[3]);
    if (!(size > 0.5) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) {
      if (str.trim() !== '' && !(Number.isFinite(size) && Number.isFinite(m[4]) && Number.isFinite(m[5]))) invalidText++;
      continue;
    }
    if (str.trim() === '') {
      // A space item: a real space when narrow, a column gap when wide (it is then only a gap).
      if (str.length > 0 && item.width < size * 1.5) pendingSpace = true;
      else if (str.length > 0) pendingSpace = false;
      continue;
    }
    const style = text.styles[item.fontName];
    const ascent = style && style.ascent > 0.3 && style.ascent < 1.3 ? style.ascent : 0.88;
    const descent = style && style.descent < 0 && style.descent > -0.6 ? -style.descent : 0.12;
    const dirLen = Math.hypot(m[0], m[1]) || 1;
    const ux = m[0] / dirLen;
    const uy = m[1] / dirLen;
    const bold = isBold(item.fontName);
    // Split the item at inner whitespace so that every run is one word, number or CJK run.
    const chars = Array.from(str);
    const total = chars.reduce((a, c) => a + advance(c), 0) || 1;
    const unit = item.width / total;
    let offset = 0;
    let piece = '';
    let pieceStart = 0;
    let spaceBefore = pendingSpace;
    const emit = (): void => {
      if (!piece) return;
      const hadSpace = spaceBefore;
      spaceBefore = false;
      const w = Array.from(piece).reduce((a, c) => a + advance(c), 0) * unit;
      const ox = m[4] + ux * pieceStart;
      const oy = m[5] + uy * pieceStart;
      const ex = ox + ux * w;
      const ey = oy + uy * w;
      // Glyph box: along the up vector (m[2], m[3]) by ascent, against it by descent.
      const upx = m[2] / size;
      const upy = m[3] / size;
      const xs = [ox + upx * size * ascent, ex + upx * size * ascent, ox - upx * size * descent, ex - upx * size * descent];
      const ys = [oy + upy * size * ascent, ey + upy * size * ascent, oy - upy * size * descent, ey - upy * size * descent];
      runs.push({
        text: piece,
        x0: Math.min(...xs),
        x1: Math.max(...xs),
        top: Math.min(...ys),
        bottom: Math.max(...ys),
        baseline: (oy + ey) / 2,
        size,
        bold,
        spaceBefore: hadSpace,
        order: order++,
      });
      piece = '';
    };
    for (const ch of chars) {
      if (/\s/.test(ch)) {
        emit();
        spaceBefore = true;
      } else {
        if (!piece) pieceStart = offset;
        piece += ch;
      }
      offset += advance(ch) * unit;
    }
    emit();
    pendingSpace = false;
  }
  return { page: pageNumber, width: viewport.width, height: viewport.height, runs, rules, invalidText };
}
