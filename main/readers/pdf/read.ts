// A whole PDF → RawDocument: each page parsed once (text, then the operator list when the page has text),
// laid out into tables and lines, then turned into blocks. Image-only documents are refused, and a file
// that takes longer than the time limit is abandoned with a clear error instead of hanging.
import { unusableInput } from '../../model/errors.js';
import type { RawDocument } from '../raw.js';
import { toBlocks } from './blocks.js';
import { layoutPage, type PageLayout } from './layout.js';
import { openPdf, pdfError } from './load.js';
import { readPage } from './page.js';

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
  const doc = await openPdf(bytes);
  const work = (async (): Promise<RawDocument> => {
    const layouts: PageLayout[] = [];
    let textPages = 0;
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
        layouts.push(layoutPage(content, layouts[layouts.length - 1]?.carry ?? null));
      } catch (err) {
        throw pdfError(err);
      } finally {
        page.cleanup();
      }
      options.onPage?.(p, doc.numPages);
    }
    if (textPages === 0) {
      throw unusableInput(
        '这是扫描件或纯图像 PDF（没有文字层），暂不支持文字识别（OCR）',
        'image-only (scanned) PDF without a text layer; OCR is not supported yet',
      );
    }
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
    work.catch(() => undefined);
    void doc.destroy().catch(() => undefined);
  }
}
