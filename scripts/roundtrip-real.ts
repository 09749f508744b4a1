// Export round trip on real documents: read each file, export its standard tables to .xlsx (in the document's
// own layout and units), read the workbook back and score it against the file's truth as score.mjs does.
//   npx tsx scripts/roundtrip-real.ts [--truth DIR] [--docs DIR]
import fs from 'node:fs';
import path from 'node:path';
import { exportWorkbook } from '../main/export/index.js';
import { readDisclosure } from '../main/readers/index.js';
import { tableDifferences, type Truth } from '../test/helpers/truth-tables.js';

const opt = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1]!;
};
const truthDir = opt('truth', '../shared/corpus/real/truth');
const docsDir = opt('docs', '../shared/corpus/real/docs');
let failed = 0;
for (const name of fs.readdirSync(docsDir).filter((f) => /\.(pdf|docx|xlsx)$/i.test(f)).sort()) {
  const truthFile = path.join(truthDir, `${name.split('.')[0]}.json`);
  if (!fs.existsSync(truthFile)) continue;
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as Truth;
  const doc = await readDisclosure(new Uint8Array(fs.readFileSync(path.join(docsDir, name))), name);
  if (!doc.tables.length) {
    console.log(`${name}\tno tables (narrative only): nothing to export`);
    continue;
  }
  const book = await exportWorkbook({ document: doc, corrections: [], findings: [], plain: true });
  const back = await readDisclosure(book, `${name}.xlsx`);
  const diffs = tableDifferences(truth, back).filter((d) => !/ pages: /.test(d));
  if (diffs.length) failed++;
  console.log(`${name}\t${diffs.length ? `DIFFERENT (${diffs.length})` : 'exact'}\tkind ${back.kind} year ${back.year} scope ${back.scope} unit ${back.unit}`);
  for (const d of diffs.slice(0, 12)) console.log(`   ${d}`);
}
process.exit(failed ? 1 : 0);
