// cross-table (categories) — each t1 支出项目 (一般公共服务支出 …) = the t3 类 row of that name, and each
// t4 支出项目 per 资金栏 = the t5/t7/t8 类 row. Matched by name or by the catalogue's 类 code, never by row.
import type { CellRef } from '../../model/types.js';
import { codeTree, type CodeRow } from '../lib/codes.js';
import { checkEqual, type Operand } from '../lib/identity.js';
import { normLabel } from '../lib/labels.js';
import { operand } from '../lib/ops.js';
import { summaryIndex } from '../lib/summary.js';
import type { TableView } from '../lib/table-view.js';
import type { CheckContext, Draft, Rule } from '../types.js';

function findCategory(ctx: CheckContext, detail: TableView, label: string): CodeRow | null {
  const name = normLabel(label);
  const code = ctx.catalog.categoryCode(name, ctx.year);
  return codeTree(detail).rows.find((r) => r.level === 0 && (normLabel(r.name) === name || r.code === code)) ?? null;
}

function compareCategories(ctx: CheckContext, summary: TableView, lane: number, detail: TableView | null, detailKey: string): Draft[] {
  const out: Draft[] = [];
  const items = summaryIndex(summary).expenditure.items;
  const matched = new Set<CodeRow>();
  const missing = (table: string, column: string, label: string): Operand => ({ ref: { table, row: null, column } as CellRef, value: 0, label });
  const pending: { label: string; a: Operand }[] = [];
  for (const r of items) {
    const label = normLabel(summary.text(r, 3));
    if (!label) continue;
    const a = operand(summary, r, lane, `${summary.key} ${label} ${summary.laneName(lane)}`);
    if (!a) continue;
    const row = detail ? findCategory(ctx, detail, label) : null;
    if (row && detail) {
      matched.add(row);
      const b = operand(detail, row.r, 3, `${detailKey} ${row.code} ${row.name} 合计`);
      const d = b ? checkEqual('cross-table', b, a, `${label}：${b.label}`, a.label ?? '') : null;
      if (d) out.push(d);
    } else if (a.value !== 0) {
      pending.push({ label, a });
    }
  }
  const unmatched = detail ? codeTree(detail).rows.filter((row) => row.level === 0 && !matched.has(row)) : [];
  for (const { label, a } of pending) {
    // A category printed under another wording (文化和旅游… / 文化旅游…): the 类 row of the same amount
    // whose name shares its first words is the same line.
    const twin = detail ? unmatched.find((row) => detail.cents(row.r, 3) === a.value && normLabel(row.name).slice(0, 2) === label.slice(0, 2)) : undefined;
    if (twin) {
      unmatched.splice(unmatched.indexOf(twin), 1);
      continue;
    }
    const d = checkEqual('cross-table', a, missing(detailKey, '3', `${detailKey} 无“${label}”类级科目`), `${label}：${a.label}`, `${detailKey} 类级科目（缺）`);
    if (d) out.push(d);
  }
  if (detail) {
    for (const row of unmatched) {
      const b = operand(detail, row.r, 3, `${detailKey} ${row.code} ${row.name} 合计`);
      if (!b || b.value === 0) continue;
      const d = checkEqual('cross-table', b, missing(summary.key, String(lane), `${summary.key} 无“${row.name}”支出项目`), `${row.code} ${row.name}：${b.label}`, `${summary.key} ${summary.laneName(lane)}`);
      if (d) out.push(d);
    }
  }
  return out;
}

export const crossTableCategories: Rule = {
  id: 'cross-table',
  title: '表间分类：收支总表各支出功能分类 = 支出总表/财政拨款支出表的类级科目',
  reads: 't1 支出项目与 t3 类级科目；t4 各资金栏支出项目与 t5、t7、t8 类级科目',
  run: (ctx) => {
    const out: Draft[] = [];
    const t1 = ctx.table('t1');
    if (t1 && ctx.table('t3')) for (const item of compareCategories(ctx, t1, 4, ctx.table('t3'), 't3')) out.push(item);
    const t4 = ctx.table('t4');
    if (t4) {
      for (const [lane, key] of [[5, 't5'], [6, 't7'], [7, 't8']] as const) {
        if (t4.hasLane(lane) && ctx.table(key)) for (const item of compareCategories(ctx, t4, lane, ctx.table(key), key)) out.push(item);
      }
    }
    return out;
  },
};
