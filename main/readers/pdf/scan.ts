// Scanned pages of a PDF: pages without a text layer whose images cover the page are read by OCR (worker
// threads, ../ocr), and each recognised page becomes the same PageContent a text page gives — words as text
// runs, ruling lines found in the image as rules — so that one layout and one assembler serve both. After
// layout, every cell and paragraph read by OCR carries the confidence of its least certain character, and
// boxes go back from the upright (deskewed) page to the page as printed.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError, unusableInput } from '../../model/errors.js';
import { setConfidence } from '../../model/ocr.js';
import type { CellSource } from '../../model/types.js';
import { boxOnPage, type OcrPage, type OcrWord } from '../ocr/page.js';
import { ocrPool } from '../ocr/pool.js';
import type { RawBlock } from '../raw.js';
import { imageCoverage, pageImages } from './images.js';
import { isCjk } from './normalize.js';
import type { PageContent, TextRun } from './page.js';
import { round } from './ruled.js';

/** Images covering less of a page than this are a logo or a stamp, not a scan of the page. */
const MIN_COVERAGE = 0.3;
/** Ink height of a glyph as a share of its font size: CJK fill the em square, digits and Latin about 0.7. */
const CJK_INK = 0.88;
const LATIN_INK = 0.72;

export interface ScanOptions {
  /** Called as each scanned page is read (pages in the order they finish). */
  onPage?: (page: number) => void;
  /** Checked between pages: true stops the reading. */
  cancelled?: () => boolean;
}

/**
 * OCR of the given pages (1-based). Pages without images covering them are left out (blank pages).
 * A page scanned below the readable resolution fails the document only when no other page could be read.
 */
export async function readScannedPages(doc: PDFDocumentProxy, pages: readonly number[], options: ScanOptions = {}): Promise<Map<number, OcrPage>> {
  const pool = ocrPool();
  const out = new Map<number, OcrPage>();
  const failures: AppError[] = [];
  const inFlight = new Set<Promise<void>>();
  for (const p of pages) {
    if (options.cancelled?.()) break;
    const page = await doc.getPage(p);
    let images;
    try {
      images = await pageImages(page);
    } finally {
      page.cleanup();
    }
    const viewport = page.getViewport({ scale: 1 });
    if (images.length === 0 || imageCoverage(images, viewport.width, viewport.height) < MIN_COVERAGE) continue;
    const job = pool
      .read({ width: viewport.width, height: viewport.height, images })
      .then(
        (ocr) => void out.set(p, ocr),
        (err: unknown) =>
          void failures.push(err instanceof AppError ? err : unusableInput('扫描页无法识别', `a scanned page could not be read: ${String(err)}`)),
      )
      .finally(() => {
        inFlight.delete(job);
        options.onPage?.(p);
      });
    inFlight.add(job);
    // Keep every worker busy and the next page's image ready, no more (images are large).
    if (inFlight.size > pool.size) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const internal = failures.find((e) => e.code === 'internal');
  if (internal) throw internal;
  if (out.size === 0 && failures.length > 0) throw failures[0]!;
  return out;
}

function fontSize(w: OcrWord): number {
  const ink = w.bottom - w.top;
  return Array.from(w.text).some(isCjk) ? ink / CJK_INK : ink / LATIN_INK;
}

/** A recognised page as the text and rules a text PDF page would give. */
export function ocrPageContent(page: number, ocr: OcrPage): PageContent {
  const runs: TextRun[] = [];
  for (const w of ocr.words) {
    if (!w.text) continue;
    const size = fontSize(w);
    const cjk = Array.from(w.text).some(isCjk);
    runs.push({
      text: w.text,
      x0: w.x0,
      x1: w.x1,
      top: w.top,
      bottom: w.bottom,
      // CJK glyphs reach a little below the baseline; digits sit on it.
      baseline: cjk ? w.bottom - size * 0.08 : w.bottom,
      size,
      bold: false,
      spaceBefore: false,
      order: runs.length,
    });
  }
  return { page, width: ocr.width, height: ocr.height, runs, rules: { horizontal: ocr.horizontal, vertical: ocr.vertical }, invalidText: 0 };
}

/** The least certain character of the words whose centre lies in the box (undefined: no word there). */
function confidenceIn(ocr: OcrPage, box: readonly number[]): number | undefined {
  let min: number | undefined;
  for (const w of ocr.words) {
    const cx = (w.x0 + w.x1) / 2,
      cy = (w.top + w.bottom) / 2;
    if (cx < box[0]! || cx > box[2]! || cy < box[1]! || cy > box[3]!) continue;
    // A box the recogniser could read nothing in is as unsure as can be.
    const p = w.probs.length ? Math.min(...w.probs) : 0;
    min = min === undefined ? p : Math.min(min, p);
  }
  return min;
}

/** Confidence on every OCR cell and paragraph; boxes back on the printed page. */
export function finishOcrBlocks(blocks: RawBlock[], ocrPages: ReadonlyMap<number, OcrPage>): void {
  if (ocrPages.size === 0) return;
  const done = new Set<CellSource>();
  const finish = (src: CellSource | null): void => {
    const ocr = src?.page !== undefined ? ocrPages.get(src.page) : undefined;
    if (!src?.box || !ocr || done.has(src)) return;
    done.add(src);
    const c = confidenceIn(ocr, src.box);
    if (c !== undefined) setConfidence(src, c);
    src.box = boxOnPage(ocr.toPage, src.box).map(round) as [number, number, number, number];
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') finish(b.src);
    else if (b.kind === 'table') for (const row of b.rows) for (const cell of row.cells) finish(cell.src);
  }
}
