// A whole PDF → RawDocument: each page parsed once (text, then the operator list when the page has text),
// laid out into tables and lines, then turned into blocks. A document without text is refused with the
// reason told apart: a scan (its pages paint images), blank pages, an unknown compression filter, or text
// whose positions are not numbers. A file that takes longer than the time limit is abandoned with a clear
// error (the reading worker's deadline is the hard one: a synchronous loop inside pdf.js cannot stop itself).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { unusableInput, type AppError } from '../../model/errors.js';
import type { RawDocument } from '../raw.js';
import { toBlocks } from './blocks.js';
import { layoutPage, type PageLayout } from './layout.js';
import { openPdf, pdfError } from './load.js';
import { readPage } from './page.js';
import { collectPdfWarnings, IMAGE_SKIPPED, UNKNOWN_FILTER } from './warnings.js';

export interface ReadPdfOptions {
  /** Give up after this long (ms). Default 120 s. */
  timeoutMs?: number;
  /** Called after each page. */
  onPage?: (done: number, total: number) => void;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Fewer non-space characters than this on every page: the page is an image. */
const MIN_TEXT_CHARS = 8;

function timeoutError(ms: number) {
  return unusableInput(`PDF 读取超时（超过 ${Math.round(ms / 1000)} 秒），文件可能已损坏或过于复杂`, `reading the PDF took longer than ${Math.round(ms / 1000)} s; the file may be damaged or too complex`);
}

export async function readPdfDocument(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<RawDocument> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
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
    const layouts: PageLayout[] = [];
    let textPages = 0;
    let invalidText = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (cancelled || Date.now() > deadline) throw timeoutError(timeoutMs);
      let page;
      try {
        page = await doc.getPage(p);
      } catch (err) {
        throw pdfError(err);
      }
      try {
        const content = await readPage(page, p);
        const chars = content.runs.reduce((a, r) => a + r.text.length, 0);
        if (chars >= MIN_TEXT_CHARS) textPages++;
        invalidText += content.invalidText;
        layouts.push(layoutPage(content, layouts[layouts.length - 1]?.carry ?? null));
      } catch (err) {
        throw pdfError(err);
      } finally {
        page.cleanup();
      }
      options.onPage?.(p, doc.numPages);
    }
    if (textPages === 0) throw await withoutText(doc, invalidText, warnings.list);
    return { format: 'pdf', pageCount: doc.numPages, blocks: toBlocks(layouts) };
  })();
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancelled = true;
      reject(timeoutError(timeoutMs));
    }, timeoutMs);
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
  if (warnings.some((w) => IMAGE_SKIPPED.test(w))) {
    return unusableInput('这是扫描件或纯图像 PDF（没有文字层），暂不支持文字识别（OCR）', 'image-only (scanned) PDF without a text layer; OCR is not supported yet');
  }
  if (warnings.some((w) => UNKNOWN_FILTER.test(w))) {
    return unusableInput('PDF 文件的页面内容使用了无法识别的压缩方式（未知过滤器），文件已损坏或不受支持', 'the PDF page content uses an unknown compression filter; the file is damaged or unsupported');
  }
  if (warnings.length > 0 && drawn === 0) {
    return unusableInput('PDF 文件已损坏：页面内容无法解析', 'the PDF is damaged: its page content cannot be parsed');
  }
  return unusableInput('PDF 文件的页面是空白的（没有文字，也没有图像）', 'the PDF pages are blank (no text and no images)');
}
