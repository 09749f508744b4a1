// Compare what the readers produce with corpus truth beyond the scorer's cells: titles, headers,
// lanes, notes, the narrative and the extra tables. Development aid, not a test.
//   npx tsx scripts/compare-truth.ts [--docs DIR] [--truth DIR] [--match TEXT] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { readDisclosure } from '../main/readers/index.js';
import { toContract, type ContractDocument } from '../main/model/types.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? dflt : (argv[i + 1] ?? dflt);
};
const docsDir = opt('docs', '../shared/corpus/docs');
const truthDir = opt('truth', '../shared/corpus/truth');
const match = opt('match', '');
const verbose = argv.includes('--verbose');

interface Truth extends ContractDocument {
  injected?: unknown;
}

const j = (x: unknown) => JSON.stringify(x);
const sortMerges = (m: number[][]) => [...m].map((x) => j(x)).sort().join();

function compare(truth: Truth, doc: ContractDocument): string[] {
  const out: string[] = [];
  for (const t of truth.tables) {
    const o = doc.tables.find((x) => x.key === t.key);
    if (!o) {
      out.push(`${t.key}: missing`);
      continue;
    }
    if (o.title !== t.title) out.push(`${t.key} title ${j(o.title)} ≠ ${j(t.title)}`);
    if (j(o.header.rows) !== j(t.header.rows)) out.push(`${t.key} header rows ${j(o.header.rows)} ≠ ${j(t.header.rows)}`);
    if (sortMerges(o.header.merges) !== sortMerges(t.header.merges)) out.push(`${t.key} merges ${j(o.header.merges)} ≠ ${j(t.header.merges)}`);
    if (j(o.lanes) !== j(t.lanes)) out.push(`${t.key} lanes ${j(o.lanes)} ≠ ${j(t.lanes)}`);
    if (o.note !== t.note) out.push(`${t.key} note ${j(o.note)} ≠ ${j(t.note)}`);
    if (j(o.rows) !== j(t.rows)) out.push(`${t.key} rows differ (exact)`);
  }
  // Narrative: headings in order, then paragraphs per section.
  const th = truth.narrative.map((s) => s.heading);
  const oh = doc.narrative.map((s) => s.heading);
  if (j(th) !== j(oh)) out.push(`narrative headings ${j(oh)} ≠ ${j(th)}`);
  let paraTotal = 0;
  let paraSame = 0;
  truth.narrative.forEach((s) => {
    const o = doc.narrative.find((x) => x.heading === s.heading);
    paraTotal += s.paragraphs.length;
    if (!o) return;
    const ops = new Set(o.paragraphs);
    s.paragraphs.forEach((p) => (ops.has(p) ? paraSame++ : out.push(`  para missing in ${s.heading}: ${j(p.slice(0, 60))}`)));
    const tps = new Set(s.paragraphs);
    o.paragraphs.forEach((p) => tps.has(p) || out.push(`  para extra in ${s.heading}: ${j(p.slice(0, 60))}`));
  });
  out.push(`narrative paragraphs ${paraSame}/${paraTotal} exact`);
  let exSame = 0;
  truth.extra_tables.forEach((t, i) => {
    const o = doc.extra_tables.find((x) => x.title === t.title) ?? doc.extra_tables[i];
    if (!o) return void out.push(`extra ${j(t.title)} missing`);
    const diffs: string[] = [];
    if (o.title !== t.title) diffs.push(`title ${j(o.title)}`);
    if (j(o.header.rows) !== j(t.header.rows)) diffs.push(`header ${j(o.header.rows).slice(0, 300)} ≠ ${j(t.header.rows).slice(0, 300)}`);
    if (sortMerges(o.header.merges) !== sortMerges(t.header.merges)) diffs.push(`merges ${j(o.header.merges)} ≠ ${j(t.header.merges)}`);
    if (j(o.lanes) !== j(t.lanes)) diffs.push(`lanes ${j(o.lanes)}`);
    if (j(o.rows) !== j(t.rows)) diffs.push(`rows ${o.rows.length} vs ${t.rows.length}${verbose ? ' ' + j(o.rows).slice(0, 400) + ' ≠ ' + j(t.rows).slice(0, 400) : ''}`);
    if (o.note !== t.note) diffs.push(`note ${j(o.note)} ≠ ${j(t.note)}`);
    if (diffs.length) out.push(`extra ${j(t.title)}: ${diffs.join('; ')}`);
    else exSame++;
  });
  if (doc.extra_tables.length !== truth.extra_tables.length) out.push(`extra tables: ${doc.extra_tables.length} found, truth ${truth.extra_tables.length}`);
  out.push(`extra tables ${exSame}/${truth.extra_tables.length} exact`);
  return out;
}

const files = fs.readdirSync(docsDir).filter((f) => /\.(docx|xlsx|pdf)$/.test(f) && f.includes(match)).sort();
for (const f of files) {
  const truthPath = path.join(truthDir, `${f.split('.')[0]}.json`);
  if (!fs.existsSync(truthPath)) continue;
  const truth = JSON.parse(fs.readFileSync(truthPath, 'utf8')) as Truth;
  try {
    const doc = toContract(await readDisclosure(new Uint8Array(fs.readFileSync(path.join(docsDir, f))), f));
    const lines = compare(truth, doc);
    console.log(`== ${f}`);
    for (const l of lines) if (verbose || !l.startsWith('  ')) console.log('  ' + l);
  } catch (err) {
    console.log(`== ${f}\tERROR ${(err as Error).message}`);
  }
}
