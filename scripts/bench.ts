// `npm run bench [-- FOLDER…]`: the speed figures of the workstation, printed (no timed tests). Without a folder:
// the real published disclosures (../shared/corpus/real/docs), then the Hebei corpus.
// 1. PDF reading: per file and in total, pages/s of our reader and of bare pdfjs (getTextContent +
//    getOperatorList of every page, the same work pdfjs does for us) in the same run, and their ratio.
// 2. PDF reading memory: the peak RSS of a plain Node process reading one PDF in a reading worker, as the
//    workstation does (budget: 250 MB for a ~30-page disclosure).
// 3. The check engine on long tables (5k–100k rows): time grows linearly with the rows.
// 4. The review path: opening a submission, a correction re-checked, the Excel export (a 40-row one too).
// 5. The archive as it grows to 10,000 submissions: the overview's page, a search, opening a submission.
// 6. OCR of the scanned PDFs (*.scan.pdf) through the reading pool: pages/s, s/page, peak memory.
// `npm run bench -- --archive` runs only the fifth part, `npm run bench -- --ocr` only the sixth.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../main/readers/pdf/load.js';
import { readDisclosure } from '../main/readers/index.js';
import { toErrorData } from '../main/model/errors.js';
import { benchReview } from './bench-review.js';
import { benchArchive } from './bench-archive.js';
import { benchOcr } from './bench-ocr.js';
import { READER_LIMITS } from '../main/readers/pool.js';
import { documentFromTruth, runChecks, type TruthJson } from '../main/checks/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, '..', 'shared', 'corpus');
const archiveOnly = process.argv.includes('--archive');
const ocrOnly = process.argv.includes('--ocr');
const args = process.argv.slice(2).filter((a) => a !== '--archive' && a !== '--ocr');
const folders = (args.length ? args : [path.join(corpus, 'real', 'docs'), path.join(corpus, 'docs')])
  .map((f) => path.resolve(f))
  .filter((f) => fs.existsSync(f));

/** What pdfjs alone costs: every page's text content and operator list. */
async function barePdfjs(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      await page.getTextContent();
      await page.getOperatorList();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

async function benchPdf(files: string[]): Promise<void> {
  console.log('== PDF reading: our reader (read + assemble) vs bare pdfjs (text + operator list), same run ==');
  console.log(['file', 'pages', 'pdfjs ms', 'ours ms', 'pdfjs p/s', 'ours p/s', 'ratio'].join('\t'));
  // Warm both paths once so the first file does not pay for loading pdfjs.
  if (files[0]) {
    const warm = new Uint8Array(fs.readFileSync(files[0]));
    await barePdfjs(warm).catch(() => 0);
    await readDisclosure(warm, 'warm.pdf').catch(() => null);
  }
  let pages = 0, bareMs = 0, oursMs = 0;
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let n = 0, tBare = 0, tOurs = 0, note = '';
    try {
      // Alternate the order per file so neither side always runs on a warmer cache.
      const t0 = performance.now();
      n = await barePdfjs(bytes);
      tBare = performance.now() - t0;
      const t1 = performance.now();
      await readDisclosure(bytes, path.basename(file));
      tOurs = performance.now() - t1;
    } catch (err) {
      note = ` (${toErrorData(err).en})`;
    }
    if (!n || !tOurs) {
      console.log(`${path.basename(file)}\t${n}\t${tBare.toFixed(0)}\t—\t\t\t${note || 'not read'}`);
      continue;
    }
    pages += n; bareMs += tBare; oursMs += tOurs;
    console.log([path.basename(file), n, tBare.toFixed(0), tOurs.toFixed(0), (n / tBare * 1000).toFixed(1), (n / tOurs * 1000).toFixed(1), (tOurs / tBare).toFixed(2)].join('\t'));
  }
  if (pages) {
    console.log(['TOTAL', pages, bareMs.toFixed(0), oursMs.toFixed(0), (pages / bareMs * 1000).toFixed(1), (pages / oursMs * 1000).toFixed(1), (oursMs / bareMs).toFixed(2)].join('\t'));
  }
}

const MEMORY_BUDGET_MB = 250;

function benchPdfMemory(files: string[]): void {
  console.log(`\n== PDF reading memory: peak RSS of one read in a reading worker (plain Node, budget ${MEMORY_BUDGET_MB} MB for ~30 pages) ==`);
  console.log(['file', 'pages', 'ms', 'peak MB', 'result'].join('\t'));
  let worst = 0;
  for (const file of files) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'measure-read.mjs'), file, JSON.stringify(READER_LIMITS)], { encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').pop();
    if (!line) {
      console.log(`${path.basename(file)}\t\t\t\tfailed: ${r.stderr.trim().split('\n')[0] ?? r.status}`);
      continue;
    }
    const m = JSON.parse(line) as { file: string; pages: number; ms: number; peakRssMb: number; ok: boolean; reason?: string };
    if (m.pages >= 20 && m.pages <= 40) worst = Math.max(worst, m.peakRssMb);
    console.log([m.file, m.pages, m.ms, m.peakRssMb, m.ok ? 'read' : `refused: ${m.reason}`].join('\t'));
  }
  if (worst) console.log(`largest peak for a 20–40 page PDF: ${worst} MB (${worst <= MEMORY_BUDGET_MB ? 'within' : 'OVER'} the ${MEMORY_BUDGET_MB} MB budget)`);
}

/** The seed000 truth with its t2 and t6 grown to `rows` rows of varied amounts (many findings, long related lists). */
function longTables(rows: number): ReturnType<typeof documentFromTruth> {
  const truth = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'truth', 'seed000.json'), 'utf8')) as TruthJson;
  for (const table of truth.tables.filter((t) => t.key === 't2' || t.key === 't6')) {
    const width = table.rows[0]!.length;
    const grown = [table.rows[0]!];
    for (let i = 1; i < rows; i++) {
      const r = new Array<string>(width).fill('');
      r[0] = String(i + 1);
      r[1] = `${table.key === 't2' ? '2010' : '30'}${String(i % 99).padStart(3, '0')}`;
      r[2] = `项目${i}`;
      for (let c = 3; c < Math.min(width, 6); c++) r[c] = (((i * 37 + c) % 1000) / 10).toFixed(2);
      grown.push(r);
    }
    table.rows = grown;
  }
  return documentFromTruth(truth);
}

function benchLongTables(): void {
  console.log('\n== Check engine on long tables (t2 and t6 grown; findings merged in linear time) ==');
  console.log(['rows', 'ms', 'findings', 'µs/row'].join('\t'));
  for (const rows of [5_000, 10_000, 20_000, 100_000]) {
    const doc = longTables(rows);
    const t0 = performance.now();
    const findings = runChecks(doc);
    const ms = performance.now() - t0;
    console.log([rows, ms.toFixed(0), findings.length, ((ms * 1000) / rows).toFixed(0)].join('\t'));
  }
}

const entries = folders.flatMap((folder) => fs.readdirSync(folder).sort().map((f) => path.join(folder, f)));
for (const folder of archiveOnly || ocrOnly ? [] : folders) {
  console.log(`\n# ${path.relative(root, folder)}`);
  await benchPdf(entries.filter((f) => path.dirname(f) === folder && /\.pdf$/i.test(f) && !/\.scan\./.test(f)));
}
if (!archiveOnly && !ocrOnly) {
  const pdfsRead = entries.filter((f) => /\.pdf$/i.test(f) && !/\.scan\./.test(f) && (path.dirname(f).endsWith(path.join('real', 'docs')) || /^[^-.]+\.[a-z]+\.pdf$/.test(path.basename(f))));
  benchPdfMemory(pdfsRead);
  benchLongTables();
}
// The review path on one document per format (the originals, not their mutants).
const originals = entries.filter((f) => /^[^-.]+\.(word\.docx|excel\.xlsx|word\.pdf)$/.test(path.basename(f))).slice(0, 3);
if (!archiveOnly && !ocrOnly) await benchReview(originals.length ? originals : entries.filter((f) => /\.(docx|xlsx)$/.test(f)).slice(0, 2));
// The archive is grown from the project's own Hebei fixtures (a clone has them; the shared corpus may be absent).
const fixtures = path.join(root, 'test', 'fixtures', 'docs');
if (!ocrOnly) await benchArchive(['seed000.word.docx', 'seed001.excel.xlsx', 'seed002.excel.xlsx', 'seed001.excel.pdf'].map((f) => path.join(fixtures, f)).filter((f) => fs.existsSync(f)));
// Scanned PDFs of the folders; without any, the project's own scan fixture.
const scans = entries.filter((f) => /\.scan\.pdf$/i.test(f));
const scanFixture = path.join(fixtures, 'seed000-p1-5.scan.pdf');
if (ocrOnly) await benchOcr(scans.length ? scans : [scanFixture].filter((f) => fs.existsSync(f)));
// After the other parts, in a process of its own: its peak memory is then the OCR's, not what the archive
// and the long tables left in this one.
else if (!archiveOnly) spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--ocr', ...args], { stdio: 'inherit' });
