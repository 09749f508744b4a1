// cross-table (per 科目) — 收入总表 合计 = 支出总表 合计 per code; 收入总表 财政拨款收入 = 一般公共预算 +
// 政府性基金 + 国有资本经营 支出表 per code (when no carried-over money is spent); 支出总表 基本支出 ≥ 一般公共
// 预算支出表 基本支出 per code (equal in 合计, 基本支出 and 项目支出 when all money is 一般公共预算); a code
// present in one table and missing from its counterpart. Columns by concept, codes split or joined.
import { codePanels, codeTree } from '../lib/codes.js';
import { sideOf, tableTotal } from '../lib/facts.js';
import { checkAtLeast, checkSum, missing, text, type Operand } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import { carryValue } from '../lib/summary.js';
import type { TableView } from '../lib/view.js';
import type { CheckContext, Draft, Rule } from '../types.js';
import { allGeneral } from './cross-table-totals.js';

const TOTAL = '合计';

interface Coded {
  key: string;
  view: TableView;
  panel: number;
  rows: Map<string, number>;
}

/** A 功能分类 table listed by code (its first code panel), with the 合计 row under "合计". */
function coded(ctx: CheckContext, key: string): Coded | null {
  const view = ctx.table(key);
  const panel = view ? codePanels(view)[0] : undefined;
  if (!view || panel === undefined) return null;
  const tree = codeTree(view, panel);
  if (tree.kind !== 'function' || tree.rows.length === 0 && tree.misprints.length > 0) return null;
  const rows = new Map<string, number>();
  if (tree.totalRow !== null) rows.set(TOTAL, tree.totalRow);
  for (const r of tree.rows) if (!rows.has(r.code)) rows.set(r.code, r.r);
  return { key, view, panel, rows };
}

function col(t: Coded, concept: string): number | null {
  return concept === 'total' ? t.view.totalColumn(t.panel) : t.view.column(concept, { panel: t.panel });
}

/** The cell of a code in a table, or a stand-in worth 0 that names the missing row. */
function cellOf(t: Coded, code: string, concept: string): Operand | null {
  const c = col(t, concept);
  if (c === null) return null;
  const r = t.rows.get(code);
  if (r !== undefined) return operand(t.view, r, c);
  return missing(t.key, t.view.ref(null, c).column, `${t.view.title} 无 ${code} 科目行（按 0 计）`, t.view.factor);
}

function nameOf(tables: (Coded | null)[], code: string): string {
  if (code === TOTAL) return TOTAL;
  for (const t of tables) {
    const r = t?.rows.get(code);
    if (t && r !== undefined) return t.view.rowName(r, col(t, 'total'));
  }
  return code;
}

/** Carried-over money is spent this year (a 上年结转 column or line holds money). */
function carried(ctx: CheckContext, t2: Coded | null): boolean {
  const c2 = tableTotal(t2?.view ?? null, 'carryIn');
  if (c2 && (c2.view.fen(c2.r, c2.c) ?? 0) !== 0) return true;
  for (const key of ['t1', 't4']) {
    const v = ctx.table(key);
    const s = sideOf(v, 'income');
    const c = v && s ? v.totalColumn(s.panels[0]!) : null;
    if (v && s && c !== null && s.carry.some((g) => carryValue(v, g, c) !== 0)) return true;
  }
  return false;
}

export function codeIdentities(ctx: CheckContext): Draft[] {
  const out: Draft[] = [];
  const [t2, t3, t5, t7, t8] = ['t2', 't3', 't5', 't7', 't8'].map((k) => coded(ctx, k)) as (Coded | null)[];
  const all = [t2, t3, t5, t7, t8].map((t) => t ?? null);
  const label = (code: string): string => nameOf(all, code);
  const pair = (a: Operand, b: Operand, code: string, _word: string): Draft | null => {
    // The table that has the row is named first when the other lacks it.
    const [x, y] = a.ref.row === null ? [b, a] : [a, b];
    return checkSum({ rule: 'cross-table', total: x, parts: [y], subject: () => `${label(code)}：${text(x.label)}`, relation: () => (y.ref.row === null ? text(y.label) : `${text(y.label)}`) });
  };

  if (t2 && t3) {
    for (const code of new Set([...t2.rows.keys(), ...t3.rows.keys()])) {
      const a = cellOf(t3, code, 'total');
      const b = cellOf(t2, code, 'total');
      if (!a || !b || (a.value === 0 && b.value === 0)) continue;
      const d = pair(a, b, code, '合计');
      if (d) out.push(d);
    }
  }
  if (t2 && t5 && col(t2, 'fiscal') !== null && !carried(ctx, t2)) {
    const details = [t5, t7, t8].filter((t): t is Coded => t !== null);
    const codes = new Set([...t2.rows.keys(), ...details.flatMap((t) => [...t.rows.keys()])]);
    for (const code of codes) {
      const income = cellOf(t2, code, 'fiscal');
      const present = details.filter((t) => t.rows.has(code));
      const parts = (present.length ? present : [t5]).map((t) => cellOf(t, code, 'total'));
      if (!income || parts.some((p) => !p)) continue;
      const ops = parts as Operand[];
      if (income.value === 0 && ops.every((p) => p.value === 0)) continue;
      const d = income.ref.row === null
        ? checkSum({ rule: 'cross-table', total: ops[0]!, parts: [income], subject: () => `${label(code)}：${text(ops[0]!.label)}`, relation: () => text(income.label) })
        : checkSum({ rule: 'cross-table', total: income, parts: ops, subject: () => `${label(code)}：${text(income.label)}`, relation: () => `${(present.length ? present : [t5]).map((t) => t.view.title).join('+')} 合计` });
      if (d) out.push(d);
    }
  }
  if (t3 && t5) {
    // All money 一般公共预算 (the 收支总表 says so, or the two tables' 合计 agree): equal in every column.
    const t3Total = t3.rows.has(TOTAL) ? cellOf(t3, TOTAL, 'total')?.value : undefined;
    const t5Total = t5.rows.has(TOTAL) ? cellOf(t5, TOTAL, 'total')?.value : undefined;
    const equal = allGeneral(ctx) || (t3Total !== undefined && t3Total === t5Total);
    const concepts = equal ? ['total', 'basic', 'project'] : ['basic'];
    for (const code of new Set([...t3.rows.keys(), ...t5.rows.keys()])) {
      if (code === TOTAL && !equal) continue;
      for (const concept of concepts) {
        if (concept === 'total' && t2) continue; // compared through 收入总表 already (t2 = t3, t2 = t5+t7+t8)
        const a = cellOf(t3, code, concept);
        const b = cellOf(t5, code, concept);
        if (!a || !b || (a.value === 0 && b.value === 0)) continue;
        const d = equal ? pair(a, b, code, concept) : checkAtLeast('cross-table', a, b, `${label(code)}：${text(a.label)}`, text(b.label), 'error');
        if (d) out.push(d);
      }
    }
  }
  return out;
}

export const crossTableCodes: Rule = {
  id: 'cross-table',
  title: '表间科目：收入总表、支出总表、财政拨款支出表按科目编码逐行一致',
  reads: '收入总表合计与财政拨款收入栏、支出总表合计/基本支出/项目支出栏、财政拨款各支出表合计栏，按科目编码',
  run: codeIdentities,
};
