// column-sum (科目 tables t2/t3/t5/t6/t7/t8) — down each amount column: 合计 = Σ 类; each 类 = Σ its 款;
// each 款 = Σ its 项. Children are found by code prefix; a missing level is named in the message.
import { fmt, sum } from '../lib/amounts.js';
import { codeTree, topRows, type CodeRow } from '../lib/codes.js';
import { checkSum } from '../lib/identity.js';
import { operand, operands } from '../lib/ops.js';
import type { TableView } from '../lib/table-view.js';
import type { Draft, Rule } from '../types.js';

const LEVEL_WORD = ['类', '款', '项'];

function columnSums(v: TableView): Draft[] {
  const tree = codeTree(v);
  const out: Draft[] = [];
  const lanes = v.amountLanes();
  for (const lane of lanes) {
    // 合计 = Σ 类
    const tops = topRows(tree);
    if (tree.totalRow !== null && (tops.length > 0 || tree.rows.length > 0)) {
      const total = operand(v, tree.totalRow, lane);
      const parts = operands(v, tops.map((t) => t.r), lane);
      if (total && parts) {
        const orphans = tree.rows.filter((x) => x.parent === null && x.level > 0);
        const orphanSum = sum(orphans.map((o) => v.cents(o.r, lane) ?? 0));
        const gap = total.value - sum(parts.map((p) => p.value));
        const note = orphans.length > 0 && gap === orphanSum
          ? `缺少类级科目行（${orphans.map((o) => o.code.slice(0, 3)).filter((c, i, a) => a.indexOf(c) === i).join('、')}），其下级科目合计 ${fmt(orphanSum)} 正好补足差额`
          : undefined;
        const d = checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.name} 合计行 ${v.laneName(lane)}`, relation: '各类级科目之和', note });
        if (d) out.push(d);
      }
    }
    // parent = Σ children (next level)
    for (const p of tree.rows) {
      if (p.nearest.length === 0) continue;
      const total = operand(v, p.r, lane);
      const parts = operands(v, p.children.map((c) => c.r), lane);
      if (!total || !parts) continue;
      const skipped = p.nearest.filter((c) => c.level > p.level + 1);
      const skippedSum = sum(skipped.map((c) => v.cents(c.r, lane) ?? 0));
      const gap = total.value - sum(parts.map((x) => x.value));
      const note = skipped.length > 0
        ? `${skipped.map((c: CodeRow) => c.code).join('、')} 缺少上级${LEVEL_WORD[p.level + 1]}级科目行${gap === skippedSum ? `，其金额 ${fmt(skippedSum)} 正好补足差额` : ''}`
        : undefined;
      const d = checkSum({
        rule: 'column-sum',
        total,
        parts,
        subject: () => `${v.name} ${p.code} ${p.name} ${v.laneName(lane)}`,
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
  reads: 't2、t3、t5、t6、t7、t8 的科目编码行，每个金额栏',
  run: (ctx) => ['t2', 't3', 't5', 't6', 't7', 't8'].flatMap((k) => {
    const v = ctx.table(k);
    return v ? columnSums(v) : [];
  }),
};
