// Seeded defects on real layouts: every non-zero amount of every standard table of the real truths (预算 t1–t9
// and 决算 d1–d9, split code columns, thousands separators, 元 and 万元) changed one at a time, and the checks
// asked whether a new finding names that table and row — as ../shared/tools/score.mjs scores a mutant. A
// cell no identity covers (a table with one figure, a line printed nowhere else) cannot be caught; the list of
// misses says which.
//
//   npx tsx scripts/seed-defects-real.ts [--truth DIR] [--match final] [--sample 1] [--misses]
import fs from 'node:fs';
import path from 'node:path';
import { documentFromTruth, runChecks, type TruthJson } from '../main/checks/index.js';
import type { Finding } from '../main/model/types.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const truthDir = opt('truth', path.resolve('..', 'shared', 'corpus', 'real', 'truth'));
const match = opt('match', '');
const sample = Number(opt('sample', '1'));
const showMisses = argv.includes('--misses');

let seed = 11;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const key = (f: Finding): string => `${f.rule}|${f.table}|${f.row}|${f.column}`;
const AMOUNT = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

/** The row id of CONTRACT v2 for the cell at `ci`: the 序号 where printed (Hebei: numbered lanes); else the code
 *  parts of the half of the row the cell is in (a table printed as two halves side by side), joined; else the
 *  first text cell (the 类/款/项 words a 合计 row prints under its code columns are headings, not its name). */
function rowId(row: string[], ci: number, numbered: boolean): string {
  if (numbered) return row[0] ?? '';
  const cells = row.map((c) => c.replace(/\s+/g, ''));
  let start = -1;
  for (let j = ci; j >= 0 && start < 0; j--) if (/^\d{3,7}$/.test(cells[j]!)) start = j;
  if (start >= 0) {
    let id = cells[start]!;
    for (let j = start + 1; j < start + 3 && /^\d{2}$/.test(cells[j] ?? ''); j++) id += cells[j];
    return id;
  }
  // A row of amounts only (a 三公 table printed as one row) is named by its first cell, as printed.
  const at = cells.findIndex((c) => c !== '' && !AMOUNT.test(c) && !/^(类|款|项)$/.test(c));
  return (at >= 0 ? row[at]! : (row.find((c) => c.trim() !== '') ?? '')).trim();
}

/** A code part (类 201, 款 06, an economic 30101) rather than an amount. */
const isCodePart = (text: string): boolean => /^\d{2,7}$/.test(text);

/** A different amount printed the way the original is (separators and decimals kept). */
function changed(old: string): string {
  const v = Number(old.replace(/,/g, ''));
  let n = v * (0.6 + rnd() * 0.8);
  if (Math.abs(n - v) < 0.05) n = v + 1.23;
  const decimals = /\.(\d+)$/.exec(old)?.[1]?.length ?? 0;
  const s = n.toFixed(decimals);
  return old.includes(',') ? Number(s).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : s;
}

const totals: Record<string, [number, number]> = {};
const misses: string[] = [];
for (const file of fs
  .readdirSync(truthDir)
  .filter((f) => f.endsWith('.json') && f.includes(match))
  .sort()) {
  const truth = JSON.parse(fs.readFileSync(path.join(truthDir, file), 'utf8')) as TruthJson;
  if (!truth.tables?.length) continue;
  const base = new Set(runChecks(documentFromTruth(truth)).map(key));
  let n = 0;
  let caught = 0;
  for (const t of truth.tables) {
    const numbered = Array.isArray(t.lanes) && t.lanes.length > 0;
    t.rows.forEach((row, ri) => {
      row.forEach((cell, ci) => {
        const text = cell.replace(/\s+/g, '');
        if (!AMOUNT.test(text) || Number(text.replace(/,/g, '')) === 0 || (numbered && ci === 0) || isCodePart(text) || rnd() > sample) return;
        const m = structuredClone(truth);
        const seeded = m.tables.find((x) => x.key === t.key)!.rows[ri]!;
        seeded[ci] = changed(text);
        const id = rowId(seeded, ci, numbered);
        const fresh = runChecks(documentFromTruth(m)).filter((f) => !base.has(key(f)));
        const ok = fresh.some((f) => [f, ...f.related].some((x) => x.table === t.key && String(x.row) === id));
        n++;
        if (ok) caught++;
        else misses.push(`${truth.id ?? file} ${t.key} ${id} col ${ci + 1} ${cell}`);
        const k = `${t.key}`;
        const s = (totals[k] ??= [0, 0]);
        s[0]++;
        if (ok) s[1]++;
      });
    });
  }
  console.log(`${file}\t${truth.kind ?? '预算'}\tseeded ${n}\tcaught ${caught} (${((100 * caught) / (n || 1)).toFixed(1)}%)`);
}
console.log(
  Object.entries(totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, [n, c]]) => `${k} ${c}/${n}`)
    .join('  '),
);
if (showMisses) console.log(`MISSED\n${misses.join('\n')}`);
