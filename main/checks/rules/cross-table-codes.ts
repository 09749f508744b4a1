// cross-table (per 科目) — t2 合计 per code = t3 合计 per code; t2 财政拨款收入 per code = t5 + t7 + t8 合计
// per code; t3 基本支出 per code ≥ t5 基本支出 (equal, with 项目支出 and 合计, when all money is
// 一般公共预算); a code present in one table and missing from its counterpart.
import type { CellRef, TableKey } from '../../model/types.js';
import { TABLE_NAMES } from '../../model/tables.js';

/** A table as a message names it: its standard name. */
const tableName = (key: string): string => TABLE_NAMES[key as TableKey] ?? key;
import { codeTree } from '../lib/codes.js';
import { checkAtLeast, checkSum, text, type Operand } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import { carryValue, summaryIndex } from '../lib/summary.js';
import type { TableView } from '../lib/table-view.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const TOTAL = '合计';

/** Codes of a 功能分类 table, the 合计 row under the key "合计". */
function rowsByCode(v: TableView | null): Map<string, number> {
  const m = new Map<string, number>();
  if (!v) return m;
  const tree = codeTree(v);
  if (tree.totalRow !== null) m.set(TOTAL, tree.totalRow);
  for (const r of tree.rows) if (!m.has(r.code)) m.set(r.code, r.r);
  return m;
}

function nameOf(v: TableView | null, code: string, rows: Map<string, number>): string {
  if (code === TOTAL) return TOTAL;
  const r = rows.get(code);
  return r === undefined || !v ? code : `${code} ${v.text(r, 2).replace(/\s+/g, '')}`;
}

/** The cell of a code in a table, or a stand-in worth 0 that names the missing row. */
function cellOf(v: TableView | null, key: string, rows: Map<string, number>, code: string, lane: number): Operand | null {
  const r = rows.get(code);
  if (v && r !== undefined) return operand(v, r, lane);
  return { ref: { table: key, row: null, column: String(lane) } as CellRef, value: 0, label: `${tableName(key)} 无 ${code} 科目行（按 0 计）` };
}

/** 年初财政拨款结转和结余 printed in t4 (0 when absent). */
function t4CarryIn(ctx: CheckContext): number {
  const t4 = ctx.table('t4');
  if (!t4) return 0;
  return summaryIndex(t4).income.carry.reduce((a, g) => a + carryValue(t4, g, 2), 0);
}

/** A table listed by something else than 功能分类 codes (e.g. by unit) cannot be compared per code. */
const byFunctionCode = (v: TableView | null): TableView | null => {
  if (!v) return null;
  const tree = codeTree(v);
  return tree.rows.length === 0 && tree.malformed.length > 0 ? null : v;
};

export function codeIdentities(ctx: CheckContext): Draft[] {
  const out: Draft[] = [];
  const [t2, t3, t5, t7, t8] = ['t2', 't3', 't5', 't7', 't8'].map((k) => byFunctionCode(ctx.table(k)));
  const rows = { t2: rowsByCode(t2 ?? null), t3: rowsByCode(t3 ?? null), t5: rowsByCode(t5 ?? null), t7: rowsByCode(t7 ?? null), t8: rowsByCode(t8 ?? null) };
  const label = (code: string): string => {
    for (const [v, m] of [[t2, rows.t2], [t3, rows.t3], [t5, rows.t5], [t7, rows.t7], [t8, rows.t8]] as const) if (v && m.has(code)) return nameOf(v, code, m);
    return code;
  };

  // t2 合计 = t3 合计, per code.
  if (t2 && t3) {
    for (const code of new Set([...rows.t2.keys(), ...rows.t3.keys()])) {
      const a = cellOf(t3, 't3', rows.t3, code, 3);
      const b = cellOf(t2, 't2', rows.t2, code, 3);
      if (!a || !b || (a.value === 0 && b.value === 0)) continue;
      // The table that has the row is named first when the other lacks it.
      const [x, y] = a.ref.row === null ? [b, a] : [a, b];
      const d = checkSum({ rule: 'cross-table', total: x, parts: [y], subject: () => `${label(code)}：${tableName(x.ref.table)} 合计`, relation: () => (y.ref.row === null ? text(y.label) : `${tableName(y.ref.table)} 合计`) });
      if (d) out.push(d);
    }
  }
  // t2 财政拨款收入 = t5 + t7 + t8 合计, per code — when no 财政拨款结转 is spent this year (spending
  // from carried-over money shows in t5 but not in t2's 财政拨款收入 column).
  const carried = (t2 && rows.t2.has(TOTAL) ? (t2.cents(rows.t2.get(TOTAL)!, 12) ?? 0) : 0) !== 0 || t4CarryIn(ctx) !== 0;
  if (t2 && t5 && !carried) {
    const details = [['t5', t5, rows.t5], ['t7', t7 ?? null, rows.t7], ['t8', t8 ?? null, rows.t8]] as const;
    const codes = new Set([...rows.t2.keys(), ...rows.t5.keys(), ...rows.t7.keys(), ...rows.t8.keys()]);
    for (const code of codes) {
      const income = cellOf(t2, 't2', rows.t2, code, 5);
      const present = details.filter(([, v, m]) => v && m.has(code));
      const parts = present.map(([k, v, m]) => cellOf(v, k, m, code, 3));
      if (!income || parts.some((p) => !p)) continue;
      const ops = (parts.length ? parts : [cellOf(t5, 't5', rows.t5, code, 3)]) as Operand[];
      if (income.value === 0 && ops.every((p) => p.value === 0)) continue;
      const [total, rest] = income.ref.row === null ? [ops[0]!, [income, ...ops.slice(1)]] : [income, ops];
      const d = income.ref.row === null
        ? checkSum({ rule: 'cross-table', total, parts: [income], subject: () => `${label(code)}：${tableName(total.ref.table)} 合计`, relation: () => text(income.label) })
        : checkSum({ rule: 'cross-table', total, parts: rest, subject: () => `${label(code)}：${tableName('t2')} 财政拨款收入`, relation: () => `${present.map(([k]) => tableName(k)).join('+') || tableName('t5')} 合计` });
      if (d) out.push(d);
    }
  }
  // t3 ≥ t5 per code (基本支出); all money 一般公共预算 → equal in 合计, 基本支出, 项目支出.
  if (t3 && t5) {
    const t3Total = rows.t3.has(TOTAL) ? t3.cents(rows.t3.get(TOTAL)!, 3) : null;
    const t5Total = rows.t5.has(TOTAL) ? t5.cents(rows.t5.get(TOTAL)!, 3) : null;
    const allGpb = t3Total !== null && t3Total === t5Total;
    for (const code of new Set([...rows.t3.keys(), ...rows.t5.keys()])) {
      if (code === TOTAL && !allGpb) continue;
      for (const lane of allGpb ? [3, 4, 5] : [4]) {
        const a = cellOf(t3, 't3', rows.t3, code, lane);
        const b = cellOf(t5, 't5', rows.t5, code, lane);
        if (!a || !b || (a.value === 0 && b.value === 0)) continue;
        const laneName = t3.laneName(lane);
        let d: Draft | null;
        if (allGpb) {
          if (lane === 3 && t2) continue; // already compared through t2 (t2 = t3, t2 = t5+t7+t8)
          const [x, y] = a.ref.row === null ? [b, a] : [a, b];
          d = checkSum({ rule: 'cross-table', total: x, parts: [y], subject: () => `${label(code)}：${tableName(x.ref.table)} ${laneName}`, relation: () => (y.ref.row === null ? text(y.label) : `${tableName(y.ref.table)} ${laneName}`) });
        } else {
          d = checkAtLeast('cross-table', a, b, `${label(code)}：${tableName('t3')} ${laneName}`, `${tableName('t5')} ${laneName}`, 'error');
        }
        if (d) out.push(d);
      }
    }
  }
  return out;
}

export const crossTableCodes: Rule = {
  id: 'cross-table',
  title: '表间科目：收入总表、支出总表、财政拨款支出表按科目编码逐行一致',
  reads: 't2 合计与财政拨款收入栏、t3 合计/基本/项目栏、t5/t7/t8 合计栏，按科目编码',
  run: codeIdentities,
};
