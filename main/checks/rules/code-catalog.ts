// code-catalog — a 科目编码 whose 科目名称 differs from the official 政府收支分类科目 name of the budget
// year (catalog/). Codes the catalogue does not hold are not judged.
import { codeTree } from '../lib/codes.js';
import { normLabel } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

export const codeCatalog: Rule = {
  id: 'code-catalog',
  title: '科目名称与当年政府收支分类科目一致',
  reads: 't2、t3、t5、t6、t7、t8 的科目编码与科目名称',
  run: (ctx) => {
    const out: Draft[] = [];
    const year = ctx.catalog.yearFor(ctx.year);
    for (const key of ['t2', 't3', 't5', 't6', 't7', 't8']) {
      const v = ctx.table(key);
      if (!v) continue;
      const tree = codeTree(v);
      for (const row of tree.rows) {
        const official = ctx.catalog.name(tree.kind, row.code, ctx.year);
        if (!official || normLabel(official) === normLabel(row.name)) continue;
        out.push({
          rule: 'code-catalog',
          severity: 'warning',
          cell: v.ref(row.r, 2),
          related: [v.ref(row.r, 1)],
          expected: null,
          actual: null,
          message: `${v.name} ${row.code} 科目名称“${row.name}”与 ${year ?? ctx.year} 年政府收支分类科目“${official}”不一致`,
          page: v.page(row.r, 2),
        });
      }
    }
    return out;
  },
};
