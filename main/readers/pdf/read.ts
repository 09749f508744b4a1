// A whole PDF → RawDocument: each page parsed once (text, then the operator list when the page has text),
// laid out into tables and lines, then turned into blocks. Pages without a text layer whose images cover
// them are scans: they are read by OCR in worker threads (./scan.ts) and laid out like text pages. A
// document with nothing to read is refused with the reason told apart: blank pages, images that are no
// page scans, an unknown compression filter, or text whose positions are not numbers. A file that takes
// longer than the time limit (plus OCR_PAGE_MS per scanned page) is abandoned with a clear error (the
// reading worker's deadline is the hard one: a synchronous loop inside pdf.js cannot stop itself).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { unusableInput, type AppError } from '../../model/errors.js';
import { LIMITS } from '../limits.js';
import type { OcrPage } from '../ocr/page.js';
import { OCR_PAGE_MS } from '../pool.js';
import type { RawDocument } from '../raw.js';
import { toBlocks } from './blocks.js';
import { layoutPage, type PageLayout } from './layout.js';
import { openPdf, pdfError } from './load.js';
import { readPage, type PageContent } from './page.js';
import { finishOcrBlocks, ocrPageContent, readScannedPages } from './scan.js';
import { collectPdfWarnings, IMAGE_SKIPPED, UNKNOWN_FILTER } from './warnings.js';

export interface ReadPdfOptions {
  /** Give up after this long (ms), plus OCR_PAGE_MS per scanned page. Default 120 s. */
  timeoutMs?: number;
  /**
   * Called after each page. Pages are counted once read for their text; scanned pages once more when
   * recognised: `scanned` of them, reported (done = the page count) before OCR starts.
   */
  onPage?: (done: number, total: number, scanned: number) => void;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Fewer non-space characters than this on every page: the page is an image. */
const MIN_TEXT_CHARS = 8;

function timeoutError(ms: number) {
  return unusableInput(`PDF 读取超时（超过 ${Math.round(ms / 1000)} 秒），文件可能已损坏或过于复杂`, `reading the PDF took longer than ${Math.round(ms / 1000)} s; the file may be damaged or too complex`);
}

export async function readPdfDocument(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<RawDocument> {
  let timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const warnings = collectPdfWarnings();
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes);
  } catch (err) {
    warnings.stop();
    throw err;
  }
  const work = (async (): Promise<RawDocument> => {
    const contents: PageContent[] = [];
    const textless: number[] = [];
    let invalidText = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (cancelled || Date.now() > start + timeoutMs) throw timeoutError(timeoutMs);
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
        invalidText += content.invalidText;
      } catch (err) {
        throw pdfError(err);
      } finally {
        page.cleanup();
      }
      options.onPage?.(p, doc.numPages, 0);
    }
    const scanned = textless.length > 0 && invalidText === 0 ? await recognise(textless) : new Map<number, OcrPage>();
    if (textless.length === doc.numPages) {
      if (scanned.size === 0) throw await withoutText(doc, invalidText, warnings.list);
      if (![...scanned.values()].some((o) => o.words.some((w) => w.text.length > 0))) {
        throw unusableInput('扫描件中未识别出文字（图像可能过于模糊、过暗，或不是文字页面）', 'no text could be recognised in the scanned pages (too blurred, too dark, or not pages of text)');
      }
    }
    for (const [p, ocr] of scanned) contents[p - 1] = ocrPageContent(p, ocr);
    const layouts: PageLayout[] = [];
    for (const content of contents) layouts.push(layoutPage(content, layouts[layouts.length - 1]?.carry ?? null));
    const blocks = toBlocks(layouts);
    finishOcrBlocks(blocks, scanned);
    return { format: 'pdf', pageCount: doc.numPages, blocks };
  })();

  /** OCR of the pages without text, in a document of its own whose images are decoded. */
  async function recognise(pages: number[]): Promise<Map<number, OcrPage>> {
    if (pages.length > LIMITS.ocrPages) {
      throw unusableInput(
        `扫描页过多（${pages.length} 页，上限 ${LIMITS.ocrPages} 页），请拆分后分别导入`,
        `too many scanned pages to recognise (${pages.length}; the limit is ${LIMITS.ocrPages}); split the file`,
      );
    }
    timeoutMs += pages.length * OCR_PAGE_MS;
    let done = doc.numPages;
    const total = doc.numPages + pages.length;
    options.onPage?.(done, total, pages.length);
    const images = await openPdf(bytes, { decodeImages: true });
    try {
      return await readScannedPages(images, pages, { onPage: () => options.onPage?.(++done, total, pages.length), cancelled: () => cancelled });
    } finally {
      void images.destroy().catch(() => undefined);
    }
  }

  const limit = new Promise<never>((_, reject) => {
    // The limit grows when scanned pages are found: re-armed until it has really passed.
    const arm = (): void => {
      timer = setTimeout(() => {
        if (Date.now() < start + timeoutMs) return arm();
        cancelled = true;
        reject(timeoutError(timeoutMs));
      }, Math.max(10, start + timeoutMs - Date.now()));
    };
    arm();
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    warnings.stop();
    work.catch(() => undefined);
    void doc.destroy().catch(() => undefined);
  }
}

/** Pages looked at again (their drawing operators) to tell a scan from blank pages. */
const PROBED_PAGES = 3;

/** Why a document without text has none: each case its own reason. */
async function withoutText(doc: PDFDocumentProxy, invalidText: number, warnings: string[]): Promise<AppError> {
  if (invalidText > 0) {
    return unusableInput('PDF 文件已损坏：文字的位置坐标无效（不是数字），无法读取', 'the PDF is damaged: its text positions are not numbers (NaN or infinite)');
  }
  // Textless pages skipped their operator lists; a few are drawn now (images are skipped with a warning).
  // (A page scan would have been recognised: a document that gets here has no readable page at all.)
  let drawn = 0;
  for (let p = 1; p <= Math.min(doc.numPages, PROBED_PAGES); p++) {
    try {
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      drawn += ops.fnArray.length;
      page.cleanup();
    } catch {
      // a page that cannot be drawn says nothing more
    }
  }
  // Images there are, but none covers a page (a logo, a stamp): nothing to recognise.
  if (warnings.some((w) => IMAGE_SKIPPED.test(w))) {
    return unusableInput('PDF 没有文字层，页面上的图像也不是整页扫描，没有可识别的文字', 'the PDF has no text layer, and its images are not page scans to recognise');
  }
  if (warnings.some((w) => UNKNOWN_FILTER.test(w))) {
    return unusableInput('PDF 文件的页面内容使用了无法识别的压缩方式（未知过滤器），文件已损坏或不受支持', 'the PDF page content uses an unknown compression filter; the file is damaged or unsupported');
  }
  if (warnings.length > 0 && drawn === 0) {
    return unusableInput('PDF 文件已损坏：页面内容无法解析', 'the PDF is damaged: its page content cannot be parsed');
  }
  return unusableInput('PDF 文件的页面是空白的（没有文字，也没有图像）', 'the PDF pages are blank (no text and no images)');
}
