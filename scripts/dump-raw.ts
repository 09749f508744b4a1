import { readFileSync } from 'node:fs';
import { readPdfRaw } from '../main/readers/pdf/index.js';
const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const raw = await readPdfRaw(bytes);
for (const b of raw.blocks) {
  if (b.kind === 'page-break') console.log(`---- page ${b.page}`);
  else if (b.kind === 'paragraph') console.log(`P${b.page} ${b.bold?'B':''}${b.centered?'C':''} ${b.text}`);
  else { console.log(`TABLE p${b.page} top=${b.atPageTop} bottom=${b.atPageBottom} rows=${b.rows.length}`); for (const r of b.rows) console.log('  | ' + r.cells.map(c => c.covered ? '<' : c.text + (c.colSpan>1?`{${c.colSpan}}`:'') + (c.rowSpan>1?`[${c.rowSpan}]`:'')).join(' | ')); }
}
