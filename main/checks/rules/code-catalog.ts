// code-catalog — a 科目编码 whose 科目名称 differs from the official 政府收支分类科目 of the budget year
// (catalog/): an outdated name (医疗卫生与计划生育支出 for 210 after 2018), a name that belongs to another code
// under the same parent (款 numbered 01, 02 … in order instead of the standard codes), or another name.
// Codes the catalogue does not hold, and years it does not cover, are not judged.
import { codePanels, codeTree } from '../lib/codes.js';
import { normLabel } from '../lib/labels.js';
import type { CheckContext, Draft, Rule } from '../types.js';

function judge(ctx: CheckContext, kind: 'function' | 'economic', code: string, name: string): string | null {
  const year = ctx.year;
  const former = code.length === 3 ? ctx.catalog.formerName(code, name) : null;
  if (former) return former.until < year ? `“${name}”是 ${former.until} 年以前的科目名称` : null;
  if (!ctx.catalog.covers(year)) return null;
  const official = ctx.catalog.name(kind, code, year);
  if (!official || normLabel(official) === normLabel(name)) return null;
  const parent = code.slice(0, code.length - 2);
  const own = code.length > 3 ? ctx.catalog.codeOf(kind, name, year, parent) : null;
  if (own && own !== code) return `编码 ${code} 在 ${ctx.catalog.yearFor(year)} 年政府收支分类科目中为“${official}”，“${name}”的标准编码为 ${own}`;
  return `科目名称“${name}”与 ${ctx.catalog.yearFor(year)} 年政府收支分类科目“${official}”不一致`;
}

export const codeCatalog: Rule = {
  id: 'code-catalog',
  title: '科目名称与当年政府收支分类科目一致',
  reads: '各表的科目编码与科目名称',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const t of ctx.doc.tables) {
      const v = ctx.table(t.key);
      if (!v || v.table !== t) continue;
      for (const panel of codePanels(v)) {
        const tree = codeTree(v, panel);
        for (const row of tree.rows) {
          const why = judge(ctx, tree.kind, row.code, row.name);
          if (!why) continue;
          out.push({
            rule: 'code-catalog',
            severity: 'warning',
            cell: v.ref(row.r, tree.nameColumn),
            related: tree.codeColumns.length ? [v.ref(row.r, tree.codeColumns[tree.codeColumns.length - 1]!)] : [],
            expected: null,
            actual: null,
            message: `${v.title} ${row.code}：${why}`,
            page: v.page(row.r, tree.nameColumn),
          });
        }
      }
    }
    return out;
  },
};
