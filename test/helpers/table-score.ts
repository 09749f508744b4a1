// The cell-level score of ../shared/tools/score.mjs (`tables` mode), for files that scorer's name filter
// does not take (.xls/.et/.doc/.wps): the nine tables' non-empty cells against the truth, rows aligned by
// LCS so that one dropped row costs one row; numbers compared as numbers; metadata compared as the scorer does.
import type { BudgetDocument, ContractDocument } from '../../main/model/types.js';

const squash = (s: unknown) => String(s ?? '').replace(/\s+/g, '');
const asNumber = (s: unknown) => {
  const t = squash(s).replace(/,/g, '');
  return /^-?\d+(\.\d+)?$|^-?\.\d+$/.test(t) ? Number(t) : null;
};
export function same(a: unknown, b: unknown): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return Math.abs(x - y) < 0.005;
  return squash(a) === squash(b);
}

function align(tr: string[][], orows: string[][]): [number, number][] {
  const n = tr.length;
  const m = orows.length;
  const sim = (a: string[], b: string[]) => {
    let s = 0;
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (squash(a[i]) && same(a[i], b[i])) s++;
    return s;
  };
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(tr[i]!, orows[j]!);
      dp[i]![j] = Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!, s > 0 ? s + dp[i + 1]![j + 1]! : 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sim(tr[i]!, orows[j]!);
    if (s > 0 && dp[i]![j] === s + dp[i + 1]![j + 1]!) pairs.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export interface TableScore {
  f1: number;
  tp: number;
  fn: number;
  fp: number;
  misses: string[];
  /** Metadata fields that differ from the truth. */
  meta: string[];
}

export function scoreTables(truth: ContractDocument, doc: BudgetDocument): TableScore {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const misses: string[] = [];
  const out = new Map(doc.tables.map((t) => [t.key, t]));
  for (const t of truth.tables) {
    const o = out.get(t.key);
    const orows = o?.rows ?? [];
    const pairs = o ? align(t.rows, orows) : [];
    const pairedT = new Map(pairs);
    const pairedO = new Set(pairs.map(([, j]) => j));
    t.rows.forEach((row, i) => {
      const j = pairedT.get(i);
      const orow = j === undefined ? null : orows[j]!;
      row.forEach((cell, c) => {
        const got = orow?.[c];
        if (squash(cell)) {
          if (orow && same(cell, got)) tp++;
          else {
            fn++;
            misses.push(`${t.key} r${row[0]} c${c}: want ${JSON.stringify(cell)} got ${JSON.stringify(got ?? null)}`);
          }
        } else if (squash(got)) {
          fp++;
          misses.push(`${t.key} r${row[0]} c${c}: want "" got ${JSON.stringify(got)}`);
        }
      });
    });
    orows.forEach((row, j) => {
      if (pairedO.has(j)) return;
      for (const cell of row) if (squash(cell)) fp++;
      misses.push(`${t.key}: extra row ${JSON.stringify(row)}`);
    });
    if (!o) misses.unshift(`${t.key}: table not found`);
  }
  const meta = (['department', 'department_code', 'year', 'scope'] as const).filter((k) => !same(truth[k], doc[k]));
  return { f1: (2 * tp) / (2 * tp + fn + fp || 1), tp, fn, fp, misses, meta };
}
