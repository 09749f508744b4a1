// cross-table (categories) — each 支出 category of the 收支总表 (一般公共服务支出 …) = the 类 row of the 支出
// 总表; each category of the 财政拨款收支总表 per fund column = the 类 row of that fund's 支出表. Matched by
// name, by the catalogue's 类 code (former names included), or as the same amount under another wording.
import { codePanels, codeTree, type CodeRow } from '../lib/codes.js';
import { sideOf } from '../lib/facts.js';
import { checkEqual, missing, type Operand } from '../lib/identity.js';
import { normLabel } from '../lib/labels.js';
import { operand } from '../lib/ops.js';
import type { Item } from '../lib/summary.js';
import type { TableView } from '../lib/view.js';
import { tableOf } from '../lib/keys.js';
import type { CheckContext, Draft, Rule } from '../types.js';

/** The 类 rows of a 功能分类 table's first code panel. */
export function categoryRows(v: TableView | null): CodeRow[] {
  const panel = v ? codePanels(v)[0] : undefined;
  if (!v || panel === undefined) return [];
  const tree = codeTree(v, panel);
  return tree.kind === 'function' ? tree.rows.filter((r) => r.level === 0) : [];
}

/** The 类 row an item names: same name, or the catalogue's code of the name (former names too). */
export function findCategory(ctx: CheckContext, rows: CodeRow[], label: string): CodeRow | null {
  const name = normLabel(label);
  const code = ctx.catalog.categoryCode(name, ctx.year);
  return rows.find((r) => normLabel(r.name) === name) ?? rows.find((r) => r.code === code) ?? null;
}

/** The expense items of a summary table that are 功能分类 categories (one panel of its 支出 side). */
export function categoryItems(ctx: CheckContext, v: TableView, detailRows: CodeRow[]): { panel: number; items: Item[] } | null {
  const s = sideOf(v, 'expense');
  if (!s) return null;
  for (const p of s.panels) {
    const items = s.items.get(p) ?? [];
    const named = items.filter((it) => findCategory(ctx, detailRows, it.label) || ctx.catalog.categoryCode(it.label, ctx.year));
    if (named.length > 0 && named.length * 2 >= items.length) return { panel: p, items };
  }
  return null;
}

function compare(ctx: CheckContext, summary: TableView, c: number, items: Item[], detail: TableView): Draft[] {
  const out: Draft[] = [];
  const rows = categoryRows(detail);
  const dc = detail.totalColumn(codePanels(detail)[0]!);
  if (dc === null) return out;
  const matched = new Set<CodeRow>();
  const pending: { it: Item; a: Operand }[] = [];
  for (const it of items) {
    const a = operand(summary, it.r, c);
    if (!a) continue;
    const row = findCategory(ctx, rows, it.label);
    if (row) {
      matched.add(row);
      const b = operand(detail, row.r, dc);
      const d = b ? checkEqual('cross-table', b, a, () => `${it.label}：${detail.cellName(row.r, dc)}`, () => summary.cellName(it.r, c)) : null;
      if (d) out.push(d);
    } else if (a.value !== 0) pending.push({ it, a });
  }
  const unmatched = rows.filter((row) => !matched.has(row));
  for (const { it, a } of pending) {
    const label = it.label;
    // A category printed under another wording: the 类 row of the same amount sharing its first words.
    const twin = unmatched.find((row) => detail.fen(row.r, dc) === a.value && normLabel(row.name).slice(0, 2) === label.slice(0, 2));
    if (twin) {
      unmatched.splice(unmatched.indexOf(twin), 1);
      continue;
    }
    const d = checkEqual('cross-table', a, missing(detail.key, null, `${detail.title} 无“${label}”类级科目`, detail.factor), `${label}：${summary.cellName(it.r, c)}`, `${detail.title} 类级科目（缺）`);
    if (d) out.push(d);
  }
  for (const row of unmatched) {
    const b = operand(detail, row.r, dc);
    if (!b || b.value === 0) continue;
    const d = checkEqual('cross-table', b, missing(summary.key, null, `${summary.title} 无“${row.name}”支出项目`, summary.factor), `${row.code} ${row.name}：${detail.cellName(row.r, dc)}`, `${summary.title} ${summary.colName(c)}`);
    if (d) out.push(d);
  }
  return out;
}

export const crossTableCategories: Rule = {
  id: 'cross-table',
  title: '表间分类：收支总表各支出功能分类 = 支出总表/财政拨款支出表的类级科目',
  reads: '收支总表支出项目与支出总表类级科目；财政拨款收支总表各资金栏支出项目与各资金支出表类级科目',
  run: (ctx) => {
    const out: Draft[] = [];
    const summary = tableOf(ctx, 'summary');
    const expense = tableOf(ctx, 'expense');
    if (summary && expense && categoryRows(expense).length) {
      const cats = categoryItems(ctx, summary, categoryRows(expense));
      const c = cats ? summary.totalColumn(cats.panel) : null;
      if (cats && c !== null) out.push(...compare(ctx, summary, c, cats.items, expense));
    }
    const fiscal = tableOf(ctx, 'fiscal');
    if (fiscal) {
      for (const [concept, role] of [['general', 'general'], ['fund', 'fund'], ['soe', 'soe']] as const) {
        const detail = tableOf(ctx, role);
        if (!detail || !codePanels(detail).length) continue;
        const general = categoryRows(tableOf(ctx, 'general'));
        const cats = categoryItems(ctx, fiscal, general.length ? general : categoryRows(detail));
        const c = cats ? fiscal.column(concept, { panel: cats.panel }) : null;
        if (cats && c !== null) out.push(...compare(ctx, fiscal, c, cats.items, detail));
      }
    }
    return out;
  },
};
