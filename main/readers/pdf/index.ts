// The PDF reader: bytes → RawDocument (paragraphs and table grids with page provenance) for the shared
// assembler. Works for text PDFs from any generator, ruled or not; image-only PDFs are refused.
import type { RawDocument } from '../raw.js';
import { readPdfDocument, type ReadPdfOptions } from './read.js';

export type { ReadPdfOptions } from './read.js';
export { DEFAULT_TIMEOUT_MS } from './read.js';

export async function readPdfRaw(bytes: Uint8Array, options?: ReadPdfOptions): Promise<RawDocument> {
  return readPdfDocument(bytes, options);
}
