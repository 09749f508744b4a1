// column-sum (科目 tables) — down each amount column of a code panel: 合计 = Σ 类; each 类 = Σ its 款; each
// 款 = Σ its 项. Children are found by code prefix, split or joined code columns alike; a missing level is
// named in the message. Any table with 科目编码 rows (收入总表, 支出总表, 财政拨款各表, 决算表 …).
import { fmtIn, sum } from '../lib/amounts.js';
import { codePanels, codeTree, LEVEL_WORD, topRows, type CodeRow } from '../lib/codes.js';
import { checkSum } from '../lib/identity.js';
import { operand, operands } from '../lib/ops.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

function columnSums(v: TableView, panel: number): Draft[] {
  const tree = codeTree(v, panel);
  const out: Draft[] = [];
  for (const c of v.amountColumns(panel)) {
    const col = v.colName(c);
    const tops = topRows(tree);
    if (tree.totalRow !== null && tree.rows.length > 0) {
      const total = operand(v, tree.totalRow, c);
      const parts = operands(v, tops.map((t) => t.r), c);
      if (total && parts) {
        const orphans = tree.rows.filter((x) => x.parent === null && x.level > 0);
        const orphanSum = sum(orphans.map((o) => v.fen(o.r, c) ?? 0));
        const gap = total.value - sum(parts.map((p) => p.value));
        const note = orphans.length > 0 && gap === orphanSum
          ? `缺少类级科目行（${orphans.map((o) => o.code.slice(0, 3)).filter((x, i, a) => a.indexOf(x) === i).join('、')}），其下级科目合计 ${fmtIn(orphanSum, v.factor)} 正好补足差额`
          : undefined;
        const d = checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.title} 合计行 ${col}`, relation: '各类级科目之和', note });
        if (d) out.push(d);
      }
    }
    for (const p of tree.rows) {
      if (p.nearest.length === 0) continue;
      const total = operand(v, p.r, c);
      const parts = operands(v, p.children.map((x) => x.r), c);
      if (!total || !parts) continue;
      const skipped = p.nearest.filter((x) => x.level > p.level + 1);
      const skippedSum = sum(skipped.map((x) => v.fen(x.r, c) ?? 0));
      const gap = total.value - sum(parts.map((x) => x.value));
      const note = skipped.length > 0
        ? `${skipped.map((x: CodeRow) => x.code).join('、')} 缺少上级${LEVEL_WORD[p.level + 1]}级科目行${gap === skippedSum ? `，其金额 ${fmtIn(skippedSum, v.factor)} 正好补足差额` : ''}`
        : undefined;
      const d = checkSum({
        rule: 'column-sum',
        total,
        parts,
        subject: () => `${v.title} ${p.code} ${p.name} ${col}`,
        relation: () => `下级${LEVEL_WORD[p.level + 1]}级科目之和`,
        note,
      });
      if (d) out.push(d);
    }
  }
  return out;
}

export const columnSumCodes: Rule = {
  id: 'column-sum',
  title: '列内合计：合计 = 类之和，类 = 款之和，款 = 项之和',
  reads: '各表科目编码行（类/款/项分栏或合并编码），每个金额栏',
  run: (ctx) => ctx.doc.tables.flatMap((t) => {
    const v = ctx.table(t.key);
    return v && v.table === t ? codePanels(v).flatMap((p) => columnSums(v, p)) : [];
  }),
};
