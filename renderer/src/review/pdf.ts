// pdfjs in the renderer: loaded on first use (opening a submission must not wait for it), its worker and
// CMaps served from the app itself (CSP: same origin only, no eval), one parsed document per submission.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { api } from '../bridge';
import { base64ToBytes } from '../lib/bytes';

type PdfLib = typeof import('pdfjs-dist');
let lib: Promise<PdfLib> | null = null;

function pdfjs(): Promise<PdfLib> {
  lib ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([m, worker]) => {
    m.GlobalWorkerOptions.workerSrc = worker.default;
    return m;
  });
  return lib;
}

/** Loads pdfjs while the auditor is still on the archive, so opening a PDF submission does not wait for it. */
export function preloadPdfjs(): void {
  const go = () => void pdfjs().catch(() => (lib = null));
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 3000 });
  else setTimeout(go, 500);
}

const cache = new Map<string, { submissionId: number; doc: Promise<PDFDocumentProxy> }>();

/** A PDF of the submission (its first file, or the further file with this hash), fetched and parsed once. */
export function sourcePdf(submissionId: number, sha256: string | null = null): Promise<PDFDocumentProxy> {
  const key = `${submissionId}|${sha256 ?? ''}`;
  let p = cache.get(key)?.doc;
  if (!p) {
    p = (async () => {
      const [m, src] = await Promise.all([pdfjs(), api('submission.source', sha256 ? { id: submissionId, sha256 } : { id: submissionId })]);
      const assets = new URL('./pdfjs/', document.baseURI).href;
      return m.getDocument({
        data: base64ToBytes(src.dataBase64),
        cMapUrl: `${assets}cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${assets}standard_fonts/`,
        isEvalSupported: false,
        enableXfa: false,
      }).promise;
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, { submissionId, doc: p });
  }
  return p;
}

/** Forget a submission's parsed PDFs (leaving the review screen). */
export function releasePdf(submissionId: number): void {
  for (const [key, entry] of cache) {
    if (entry.submissionId !== submissionId) continue;
    cache.delete(key);
    void entry.doc.then((d) => d.destroy()).catch(() => {});
  }
}
