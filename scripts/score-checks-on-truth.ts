// Scores the check engine on the corpus truth files themselves (the truths are canonical documents; the
// mutants hold the mutated tables and narrative), with exactly the `findings` logic of
// ../shared/tools/score.mjs: a mutant is caught when a finding absent from its original touches the
// injected table and row (the finding or one of its related cells); on an original, error findings not
// explained by a known finding (its table/row touched and, where it names one, its `match` figure or
// phrase quoted) are unexplained. `--lenient` also prints the count where a narrative known finding whose
// row is a description rather than a row id (SCHEMA.md wants null there) is matched by its quote alone.
//
//   npx tsx scripts/score-checks-on-truth.ts [--truth DIR] [--verbose] [--only ID] [--lenient]
//   npx tsx scripts/score-checks-on-truth.ts --truth ../shared/corpus/real/truth
import fs from 'node:fs';
import path from 'node:path';
import { documentFromTruth, measureChecks, runChecks, type TruthJson } from '../main/checks/index.js';
import type { Finding } from '../main/model/types.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? dflt : argv[i + 1]!;
};
const truthDir = opt('truth', path.resolve('..', 'shared', 'corpus', 'truth'));
const verbose = argv.includes('--verbose');
const only = opt('only', '');

type Injected = { kind: string; table: string; row: string | null; column: string | null; old?: unknown; new?: unknown; changes?: { row: string }[] };
type Known = NonNullable<TruthJson['known_findings']>[number] & { match?: string[] };
const lenient = argv.includes('--lenient');

const key = (f: Finding): string => `${f.rule}|${f.table}|${f.row}|${f.column}`;
const sameTable = (a: unknown, b: unknown): boolean => String(a ?? '').replace(/^extra:/, '') === String(b ?? '').replace(/^extra:/, '');
const touches = (f: Finding, table: string, rows: string[] | null): boolean =>
  [f, ...(f.related ?? [])].some((x) => sameTable(x.table, table) && (rows === null || rows.includes(String(x.row))));

const squashText = (x: unknown): string => String(x ?? '').replace(/\s+/g, '');
const quotes = (f: Finding, k: Known): boolean => !k.match || k.match.some((m) => squashText(JSON.stringify([f.message, f.paragraph?.quote ?? null, null])).includes(squashText(m)));
/** A row id, or a description written where SCHEMA.md wants null (narrative/document findings). */
const describedRow = (k: Known): boolean => ['narrative', 'document'].includes(k.table) && !!k.row && !/^\d{3,7}$/.test(String(k.row));
const raises = (f: Finding, k: Known, loose = false): boolean =>
  touches(f, k.table, k.row && !(loose && describedRow(k)) ? [String(k.row)] : null) && quotes(f, k);

const files = fs.readdirSync(truthDir).filter((f) => f.endsWith('.json') && f.includes(only)).sort();
const load = (f: string): TruthJson => JSON.parse(fs.readFileSync(path.join(truthDir, f), 'utf8'));
const cache = new Map<string, Finding[]>();
const findingsOf = (f: string): Finding[] => {
  if (!cache.has(f)) cache.set(f, runChecks(documentFromTruth(load(f))));
  return cache.get(f)!;
};

let mutants = 0, caught = 0, cleanDocs = 0, unexplained = 0, missedKnown = 0, knownTotal = 0, missedLoose = 0, unexplainedLoose = 0;
for (const f of files) {
  const truth = load(f);
  const found = findingsOf(f);
  const injected = truth.injected as Injected | undefined;
  if (!injected) {
    cleanDocs++;
    const known: Known[] = truth.known_findings ?? [];
    const bad = found.filter((x) => x.severity === 'error' && !known.some((k) => raises(x, k)));
    const miss = known.filter((k) => !found.some((x) => raises(x, k)));
    unexplained += bad.length; missedKnown += miss.length; knownTotal += known.length;
    missedLoose += known.filter((k) => !found.some((x) => raises(x, k, true))).length;
    unexplainedLoose += found.filter((x) => x.severity === 'error' && !known.some((k) => raises(x, k, true))).length;
    const ms = verbose ? 0 : measureChecks(documentFromTruth(truth), 5);
    console.log(`${f}\tclean\terror findings not in known_findings: ${bad.length}\tknown_findings not raised: ${miss.length}/${known.length}\tfindings ${found.length}\t${ms.toFixed(2)} ms/run`);
    if (verbose) {
      bad.forEach((x) => console.log(`   unexplained ${key(x)} ${x.message}`));
      miss.filter((k) => !lenient || !found.some((x) => raises(x, k, true))).forEach((k) => console.log(`   not raised ${k.rule} ${k.table} r${k.row} ${JSON.stringify(k.match ?? null)} ${(k.detail ?? '').slice(0, 160)}`));
      found.forEach((x) => console.log(`   [${x.severity}] ${key(x)} ${x.message}`));
    }
    continue;
  }
  mutants++;
  const base = f.replace(/-m\d+\.json$/, '.json');
  const before = new Set(fs.existsSync(path.join(truthDir, base)) ? findingsOf(base).map(key) : []);
  const fresh = found.filter((x) => !before.has(key(x)));
  let rowsHit: string[] | null = null;
  if (['leaf-value', 'total-value'].includes(injected.kind)) rowsHit = [String(injected.row)];
  if (injected.kind === 'cross-table') rowsHit = [String(injected.row), ...(injected.changes ?? []).map((c) => String(c.row))];
  const ok = fresh.some((x) => touches(x, injected.table, rowsHit));
  if (ok) caught++;
  console.log(`${f}\t${ok ? 'caught' : 'MISSED'}\t${injected.kind} ${injected.table} r${injected.row} c${injected.column} ${JSON.stringify(injected.old)}->${JSON.stringify(injected.new)}\tnew findings ${fresh.length}`);
  if (verbose || !ok) fresh.forEach((x) => console.log(`   new [${x.severity}] ${key(x)} ${x.message}`));
}
if (lenient) console.log(`LENIENT\tunexplained errors ${unexplainedLoose}\tknown findings raised ${knownTotal - missedLoose}/${knownTotal} (narrative rows that describe a place matched by quote)`);
console.log(`TOTAL\tmutants ${mutants}\tcaught ${caught} (${(100 * caught / (mutants || 1)).toFixed(1)}%)\tclean docs ${cleanDocs}\tunexplained errors ${unexplained}\tknown findings raised ${knownTotal - missedKnown}/${knownTotal}`);
