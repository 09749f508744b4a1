// Print what a format reader makes of a file — paragraphs and grids with their spans — before the assembler:
//   npx tsx scripts/dump-raw.ts FILE
import { readFileSync } from 'node:fs';
import { detectFormat } from '../main/readers/detect.js';
import { readDocxRaw } from '../main/readers/docx/index.js';
import { readDocRaw } from '../main/readers/doc/index.js';
import { readXlsRaw } from '../main/readers/xls/index.js';
import { readXlsxRaw } from '../main/readers/xlsx/index.js';
import type { RawDocument } from '../main/readers/raw.js';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const format = detectFormat(bytes);
const readers: Record<string, (b: Uint8Array) => Promise<RawDocument> | RawDocument> = {
  pdf: async (b) => (await import('../main/readers/pdf/index.js')).readPdfRaw(b),
  docx: readDocxRaw,
  doc: readDocRaw,
  xls: readXlsRaw,
  xlsx: readXlsxRaw,
};
const read = readers[format];
if (!read) throw new Error(`not a readable file: ${format}`);
const raw = await read(bytes);
for (const b of raw.blocks) {
  if (b.kind === 'page-break') console.log(`---- page ${b.page}`);
  else if (b.kind === 'paragraph') console.log(`P${b.page ?? ''} ${b.bold ? 'B' : ''}${b.centered ? 'C' : ''} ${b.text}`);
  else {
    console.log(`TABLE p${b.page} top=${b.atPageTop} bottom=${b.atPageBottom} rows=${b.rows.length}`);
    for (const r of b.rows) console.log('  | ' + r.cells.map((c) => (c.covered ? '<' : c.text + (c.colSpan > 1 ? `{${c.colSpan}}` : '') + (c.rowSpan > 1 ? `[${c.rowSpan}]` : ''))).join(' | '));
  }
}
