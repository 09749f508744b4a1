// A whole PDF → RawDocument: each page parsed once (text, then the operator list when the page has text),
// laid out into tables and lines, then turned into blocks. Pages without a text layer whose images cover
// them are scans: they are read by OCR in worker threads (./scan.ts) and laid out like text pages. A file
// that takes longer than the time limit is abandoned with a clear error instead of hanging; every scanned
// page adds OCR_PAGE_MS to the limit.
import { unusableInput } from '../../model/errors.js';
import type { OcrPage } from '../ocr/page.js';
import type { RawDocument } from '../raw.js';
import { toBlocks } from './blocks.js';
import { layoutPage, type PageLayout } from './layout.js';
import { openPdf, pdfError } from './load.js';
import { readPage, type PageContent } from './page.js';
import { finishOcrBlocks, ocrPageContent, readScannedPages } from './scan.js';

export interface ReadPdfOptions {
  /** Give up after this long (ms), plus OCR_PAGE_MS per scanned page. Default 120 s. */
  timeoutMs?: number;
  /** Called after each page; `scanned` is the number of pages read by OCR (known once the text is read). */
  onPage?: (done: number, total: number, scanned: number) => void;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
/** Time a scanned page may add to the limit: OCR reads a page in seconds; this leaves room for a busy machine. */
export const OCR_PAGE_MS = 30_000;

/** Fewer non-space characters than this on a page: the page has no text layer. */
const MIN_TEXT_CHARS = 8;

function timeoutError(ms: number) {
  return unusableInput(`PDF 读取超时（超过 ${Math.round(ms / 1000)} 秒），文件可能已损坏或过于复杂`, `reading the PDF took longer than ${Math.round(ms / 1000)} s; the file may be damaged or too complex`);
}

export async function readPdfDocument(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<RawDocument> {
  let limitMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const doc = await openPdf(bytes);
  const work = (async (): Promise<RawDocument> => {
    const contents: PageContent[] = [];
    const textless: number[] = [];
    let done = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (cancelled || Date.now() > start + limitMs) throw timeoutError(limitMs);
      let page;
      try {
        page = await doc.getPage(p);
      } catch (err) {
        throw pdfError(err);
      }
      try {
        const content = await readPage(page, p);
        contents.push(content);
        const chars = content.runs.reduce((a, r) => a + r.text.length, 0);
        if (chars < MIN_TEXT_CHARS) textless.push(p);
        else options.onPage?.(++done, doc.numPages, 0);
      } catch (err) {
        throw pdfError(err);
      } finally {
        page.cleanup();
      }
    }
    let scanned = new Map<number, OcrPage>();
    if (textless.length > 0) {
      limitMs += textless.length * OCR_PAGE_MS;
      // A document of its own whose images are decoded (reading text never needs the pixels).
      const images = await openPdf(bytes, { decodeImages: true });
      try {
        scanned = await readScannedPages(images, textless, {
          onPage: () => options.onPage?.(++done, doc.numPages, textless.length),
          cancelled: () => cancelled,
        });
      } finally {
        void images.destroy().catch(() => undefined);
      }
      for (const [p, ocr] of scanned) contents[p - 1] = ocrPageContent(p, ocr);
    }
    if (textless.length === doc.numPages) {
      if (scanned.size === 0) {
        throw unusableInput('PDF 没有文字层，也没有可识别的扫描图像（页面空白）', 'the PDF has neither a text layer nor scanned page images to recognise (blank pages)');
      }
      if (![...scanned.values()].some((o) => o.words.some((w) => w.text.length > 0))) {
        throw unusableInput('扫描件中未识别出文字（图像可能过于模糊、过暗，或不是文字页面）', 'no text could be recognised in the scanned pages (too blurred, too dark, or not pages of text)');
      }
    }
    const layouts: PageLayout[] = [];
    for (const content of contents) layouts.push(layoutPage(content, layouts[layouts.length - 1]?.carry ?? null));
    const blocks = toBlocks(layouts);
    finishOcrBlocks(blocks, scanned);
    return { format: 'pdf', pageCount: doc.numPages, blocks };
  })();
  const limit = new Promise<never>((_, reject) => {
    // The limit grows when scanned pages are found: re-armed until it has really passed.
    const arm = (): void => {
      timer = setTimeout(() => {
        if (Date.now() < start + limitMs) return arm();
        cancelled = true;
        reject(timeoutError(limitMs));
      }, Math.max(10, start + limitMs - Date.now()));
    };
    arm();
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    void doc.destroy().catch(() => undefined);
  }
}
