// Opening a PDF with pdfjs-dist (legacy build, runs in plain Node and in Electron's main process), offline:
// CMaps, standard fonts and wasm decoders come from node_modules/pdfjs-dist on disk, never the network;
// no eval; the worker runs in-thread (pdfjs's "fake worker", loaded here so bundlers see it).
// Every failure becomes an AppError with a Chinese and an English reason.
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError, unusableInput } from '../../model/errors.js';
import { LIMITS } from '../limits.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<Pdfjs> | null = null;
let assetDir: string | null = null;

/** Loads pdfjs and its worker code once per process. */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

function assets(): string {
  if (!assetDir) {
    const require = createRequire(import.meta.url);
    assetDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  }
  return assetDir;
}

/** pdfjs wants directory "URLs" with a trailing separator; on Node these are plain file paths. */
function dirUrl(name: string): string {
  return path.join(assets(), name) + path.sep;
}

export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024))).toString('latin1');
  return head.includes('%PDF-');
}

export interface OpenPdfOptions {
  /** Decode images at any size (scanned pages are read from them by OCR). */
  decodeImages?: boolean;
}

/** Opens a document; the caller must `destroy()` it. */
export async function openPdf(bytes: Uint8Array, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) throw unusableInput('文件为空', 'the file is empty');
  if (!looksLikePdf(bytes)) {
    throw unusableInput('不是 PDF 文件（缺少 %PDF- 文件头）', 'not a PDF file (no %PDF- header)');
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdfjs may transfer (detach) the buffer it is given
    cMapUrl: dirUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dirUrl('standard_fonts'),
    wasmUrl: dirUrl('wasm'),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    // Images are not drawn to read text: skipped without decoding (time and memory), and reported as a
    // warning that tells a scan from a blank page (./warnings.ts). Warnings are collected, not printed.
    // Scanned pages are read from a document of their own whose images are decoded (to pixels, not
    // ImageBitmaps: there is no canvas in Node).
    maxImageSize: options.decodeImages ? LIMITS.ocrImagePixels : 1,
    isOffscreenCanvasSupported: false,
    verbosity: pdfjs.VerbosityLevel.WARNINGS,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) {
      await doc.destroy();
      throw unusableInput('PDF 文件没有页面', 'the PDF has no pages');
    }
    return doc;
  } catch (err) {
    void task.destroy();
    throw pdfError(err);
  }
}

/** Maps a pdfjs exception to an AppError (AppErrors pass through). */
export function pdfError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return unusableInput('PDF 文件已加密，需要密码才能打开', 'the PDF is encrypted and needs a password');
  }
  const details = { cause: `${name}: ${message}` };
  if (name === 'InvalidPDFException') {
    return unusableInput('PDF 文件已损坏或格式无效', 'the PDF is damaged or invalid (its structure cannot be read)', details);
  }
  if (name === 'XRefEntryException' || name === 'XRefParseException' || /xref/i.test(message)) {
    return unusableInput('PDF 文件已损坏（交叉引用表不一致）', 'the PDF is damaged (its cross-reference table is inconsistent)', details);
  }
  if (name === 'ParserEOFException' || name === 'MissingDataException') {
    return unusableInput('PDF 文件不完整（内容提前结束）', 'the PDF is truncated (its content ends early)', details);
  }
  if (name === 'UnknownErrorException' || name === 'FormatError' || name === 'UnexpectedResponseException') {
    return unusableInput('PDF 文件已损坏，无法解析', 'the PDF is damaged and cannot be parsed', details);
  }
  if (err instanceof RangeError) {
    return unusableInput('PDF 文件中的尺寸或数量异常，文件已损坏', 'the PDF declares an impossible size or count; it is damaged', details);
  }
  return unusableInput('PDF 文件无法读取（可能已损坏）', 'the PDF cannot be read; it may be damaged', details);
}
