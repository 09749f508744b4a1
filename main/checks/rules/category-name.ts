// category-name — a 功能分类 科目 printed under another name than elsewhere in the document: the same code
// named otherwise in two 功能分类 tables; a 收支总表 or
// 财政拨款收支总表 category, or a 类 named in the narrative (“医疗卫生与计划生育支出（类）”), that is the same
// 类 (same code through the catalogue's current and former names) as the 支出总表 row printed under another
// name (卫生健康支出). An outdated official name is said as such.
import { codePanels, codeTree } from '../lib/codes.js';
import { sideOf } from '../lib/facts.js';
import { tableOf } from '../lib/keys.js';
import { normLabel, squash } from '../lib/labels.js';
import { key } from '../lib/narrative/items.js';
import type { CheckContext, Draft, Rule } from '../types.js';
import { categoryRows } from './cross-table-categories.js';

/** The 类 rows printed in the code tables: code → name as printed (the first table that prints it). */
function printedCategories(ctx: CheckContext): Map<string, { name: string; where: string }> {
  const out = new Map<string, { name: string; where: string }>();
  for (const role of ['expense', 'general', 'income'] as const) {
    const v = tableOf(ctx, role);
    if (!v || !codePanels(v).length) continue;
    for (const row of categoryRows(v)) if (!out.has(row.code)) out.set(row.code, { name: row.name, where: v.title });
  }
  return out;
}

function why(ctx: CheckContext, code: string, printed: string, theirs: { name: string; where: string }): string {
  const former = ctx.catalog.formerName(code, printed);
  const old = former && former.until < ctx.year ? `（“${printed}”是 ${former.until} 年以前的科目名称）` : '';
  return `类级科目 ${code} 在${theirs.where}中为“${theirs.name}”，此处为“${printed}”${old}`;
}

export const categoryName: Rule = {
  id: 'category-name',
  title: '类级科目名称在各表和说明中一致、为当年名称',
  reads: '收支总表、财政拨款收支总表的支出功能分类项目；情况说明中的“（类）”科目名称；支出总表等的类级科目名称',
  run: (ctx) => {
    const out: Draft[] = [];
    const printed = printedCategories(ctx);
    if (printed.size === 0) return out;
    const codeOf = (name: string): string | null => {
      const n = normLabel(name);
      for (const [code, p] of printed) if (normLabel(p.name) === n) return code;
      return ctx.catalog.categoryCode(name, ctx.year);
    };
    for (const role of ['summary', 'fiscal'] as const) {
      const v = tableOf(ctx, role);
      const s = sideOf(v, 'expense');
      if (!v || !s) continue;
      for (const p of s.panels) {
        const label = v.panels[p]!.labels.find((c) => !v.panels[p]!.codes.includes(c)) ?? null;
        for (const it of s.items.get(p) ?? []) {
          const code = codeOf(it.label);
          const theirs = code ? printed.get(code) : undefined;
          if (!code || !theirs || normLabel(theirs.name) === it.label) continue;
          out.push({
            rule: 'category-name', severity: 'warning', cell: v.ref(it.r, label), related: [], expected: null, actual: null,
            message: `${v.title} 支出项目“${squash(v.text(it.r, label ?? 0))}”：${why(ctx, code, it.label, theirs)}`, page: v.page(it.r, label),
          });
        }
      }
    }
    // The same code under another name in another 功能分类 table (款 and 项 too).
    const seen = new Map<string, { name: string; where: string }>();
    for (const role of ['expense', 'income', 'general', 'fund', 'soe'] as const) {
      const v = tableOf(ctx, role);
      const panel = v ? codePanels(v)[0] : undefined;
      if (!v || panel === undefined) continue;
      const tree = codeTree(v, panel);
      if (tree.kind !== 'function') continue;
      for (const row of tree.rows) {
        const first = seen.get(row.code);
        if (!first) {
          seen.set(row.code, { name: row.name, where: v.title });
          continue;
        }
        if (normLabel(first.name).replace(/其它/g, '其他') === normLabel(row.name).replace(/其它/g, '其他')) continue;
        out.push({
          rule: 'category-name', severity: 'warning', cell: v.ref(row.r, tree.nameColumn), related: [], expected: null, actual: null,
          message: `${v.title} ${row.code}“${row.name}”在${first.where}中为“${first.name}”`, page: v.page(row.r, tree.nameColumn),
        });
      }
    }
    for (const p of ctx.narrative.all) {
      for (const { mention, item } of p.items) {
        // A 项 named otherwise than its row (一般行政事务管理 for 一般行政管理事务).
        const row = item && mention.xiang ? seen.get(item.code) : undefined;
        if (row && item && mention.xiang && key(row.name) !== key(mention.xiang)) {
          out.push({
            rule: 'category-name', severity: 'warning', cell: { table: 'narrative', row: item.code, column: String(p.index) }, related: [], expected: null, actual: null,
            message: `情况说明“${squash(p.heading)}”：“${mention.xiang}（项）”在${row.where}中为 ${item.code}“${row.name}”`,
            page: p.page, paragraph: { heading: p.heading, index: p.index, quote: mention.text },
          });
        }
        if (!mention.lei || !item) continue;
        const theirs = printed.get(item.leiCode);
        const name = normLabel(mention.lei);
        // Jiangsu writes the 类 without 支出 ("一般公共服务（类）"): the same name.
        if (!theirs || normLabel(theirs.name) === name || normLabel(theirs.name) === `${name}支出`) continue;
        out.push({
          rule: 'category-name', severity: 'warning', cell: { table: 'narrative', row: item.code, column: String(p.index) }, related: [], expected: null, actual: null,
          message: `情况说明“${squash(p.heading)}”：“${mention.text}”——${why(ctx, item.leiCode, name, theirs)}`,
          page: p.page, paragraph: { heading: p.heading, index: p.index, quote: mention.text },
        });
      }
    }
    return out;
  },
};
