// Beyond the 24 corpus mutants: mutants of the same kinds generated on the corpus truths (every leaf and
// total cell, every 科目 row dropped, every cross-table carry, every budget year and narrative amount),
// scored like ../shared/tools/score.mjs (a new finding touching the injected table/row). A check on how
// the engine generalises; nothing here is tuned to a document.
//
//   npx tsx scripts/simulate-check-mutants.ts [--truth DIR] [--sample 0.35]
import fs from 'node:fs';
import path from 'node:path';
import { documentFromTruth, runChecks, type TruthJson } from '../main/checks/index.js';
import { tokenize } from '../main/checks/lib/narrative/text.js';
import type { Finding } from '../main/model/types.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const truthDir = opt('truth', path.resolve('..', 'shared', 'corpus', 'truth'));
const sample = Number(opt('sample', '0.35'));

let seed = 7;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const key = (f: Finding): string => `${f.rule}|${f.table}|${f.row}|${f.column}`;
const touches = (f: Finding, table: string, rows: string[] | null): boolean =>
  [f, ...f.related].some((x) => String(x.table).replace(/^extra:/, '') === table && (rows === null || rows.includes(String(x.row))));
const stats: Record<string, [number, number]> = {};
const misses: string[] = [];

function score(kind: string, base: Finding[], mutant: TruthJson, table: string, rows: string[] | null, what: string): void {
  const before = new Set(base.map(key));
  const fresh = runChecks(documentFromTruth(mutant)).filter((f) => !before.has(key(f)));
  const ok = fresh.some((f) => touches(f, table, rows));
  const s = (stats[kind] ??= [0, 0]);
  s[0]++;
  if (ok) s[1]++;
  else misses.push(`${kind}\t${what}`);
}

const changed = (old: string): string => {
  const v = Number(old) || 10;
  let n = v * (0.6 + rnd() * 0.8);
  if (Math.abs(n - v) < 0.05) n = v + 1.23;
  return n.toFixed(2);
};

/** Lanes a cross-table mutant carries a change into (the row's own totals), by table and lane. */
const CARRY: Record<string, Record<number, number[]>> = {
  t2: { 5: [5, 4, 3], 12: [12, 3] }, t3: { 4: [4, 3], 5: [5, 3] }, t5: { 4: [4, 3], 5: [5, 3] }, t6: { 4: [4, 3], 5: [5, 3] },
};

for (const file of fs.readdirSync(truthDir).filter((f) => /^[^-]+\.json$/.test(f)).sort()) {
  const truth = JSON.parse(fs.readFileSync(path.join(truthDir, file), 'utf8')) as TruthJson;
  const id = truth.id;
  const base = runChecks(documentFromTruth(truth));
  for (const t of truth.tables) {
    t.rows.forEach((row, ri) => row.forEach((cell, ci) => {
      if (ci < 2 || !/^\d+(\.\d+)?$/.test(cell) || Number(cell) === 0 || rnd() > sample) return;
      const m = structuredClone(truth);
      m.tables.find((x) => x.key === t.key)!.rows[ri]![ci] = changed(cell);
      const kind = row[2] === '合计' || /合计|总计|小计/.test(row[1] ?? '') ? 'total-value' : 'leaf-value';
      score(kind, base, m, t.key, [row[0]!], `${id} ${t.key} r${row[0]} c${ci} ${row[1]} ${row[2]} ${cell}`);
    }));
    const carry = CARRY[t.key];
    if (carry) {
      const codes = t.rows.map((r) => r[1] ?? '');
      for (const row of t.rows) {
        const code = row[1] ?? '';
        if (!code || codes.some((c) => c !== code && c.startsWith(code))) continue;
        for (const [lane, lanes] of Object.entries(carry)) {
          if (!/\d/.test(row[Number(lane)] ?? '')) continue;
          const delta = Math.round((rnd() * 8 - 4) * 100) / 100 || 1.11;
          const m = structuredClone(truth);
          const rowsHit: string[] = [];
          m.tables.find((x) => x.key === t.key)!.rows.forEach((r, i) => {
            const c = r[1] ?? '';
            if (!(c === '' && i === 0) && !(c && code.startsWith(c))) return;
            rowsHit.push(r[0]!);
            for (const l of lanes) r[l] = (Number(r[l] || 0) + delta).toFixed(2);
          });
          score('cross-table', base, m, t.key, rowsHit, `${id} ${t.key} ${code} lane ${lane} ${delta}`);
        }
      }
    }
    if (['t2', 't3', 't5', 't6'].includes(t.key)) {
      t.rows.forEach((row, ri) => {
        if (ri === 0) return;
        const m = structuredClone(truth);
        const mt = m.tables.find((x) => x.key === t.key)!;
        mt.rows.splice(ri, 1);
        mt.rows.forEach((r, i) => (r[0] = String(i + 1)));
        score('drop-row', base, m, t.key, null, `${id} ${t.key} ${row[1]} ${row[2]}`);
      });
    }
  }
  (truth.narrative ?? []).forEach((s, si) => {
    if (/职责|机构设置|绩效|名词解释/.test(s.heading)) return;
    s.paragraphs.forEach((p, pi) => {
      for (const tok of tokenize(p).tokens) {
        const m = structuredClone(truth);
        const put = (text: string, len: number): void => { m.narrative![si]!.paragraphs[pi] = p.slice(0, tok.start) + text + p.slice(tok.start + len); };
        if (tok.kind === 'year' && tok.value === truth.year) {
          put(String(truth.year - 1), 4);
          score('year', base, m, 'narrative', null, `${id} ${s.heading} ¶${pi} "${p.slice(tok.start, tok.start + 30)}"`);
        } else if (tok.kind === 'percent' && !tok.bound && tok.value !== 0 && tok.value !== 100) {
          put(changed(String(tok.value)), p.slice(tok.start, tok.end).match(/[\d.]+/)![0].length);
          score('narrative-percent', base, m, 'narrative', null, `${id} ${s.heading.slice(0, 10)} ¶${pi} "${p.slice(Math.max(0, tok.start - 14), tok.end)}"`);
        } else if (tok.kind === 'amount' && !tok.bound && tok.value !== 0) {
          put(changed(String(tok.value)), p.slice(tok.start, tok.end).match(/[\d,.]+/)![0].length);
          score('narrative-number', base, m, 'narrative', null, `${id} ${s.heading.slice(0, 10)} ¶${pi} "${p.slice(Math.max(0, tok.start - 14), tok.end)}"`);
        }
      }
    });
  });
}
for (const [kind, [n, caught]] of Object.entries(stats)) console.log(`${kind}\t${caught}/${n}\t${(100 * caught / n).toFixed(1)}%`);
if (misses.length) console.log(`MISSED\n${misses.join('\n')}`);
