// column-sum (t1 收支总表, t4 财政拨款收支总表) — 本年收入合计 = Σ 收入项目, 本年支出合计 = Σ 支出项目,
// 收入总计 = 本年收入合计 + 结转结余 lines (t4: + 年初财政拨款结转和结余), 支出总计 likewise.
import { checkSum, type Operand } from '../lib/identity.js';
import { operand, operands } from '../lib/ops.js';
import { summaryIndex, type Side } from '../lib/summary.js';
import type { TableView } from '../lib/table-view.js';
import type { Draft, Rule } from '../types.js';

function sideSums(v: TableView, s: Side, names: [string, string, string]): Draft[] {
  const out: Draft[] = [];
  const [itemsWord, totalWord, grandWord] = names;
  for (const lane of s.lanes) {
    const label = (r: number): string => `${v.key} ${v.label(r, s.labelLane)} ${v.laneName(lane)}`;
    if (s.total !== null) {
      const total = operand(v, s.total, lane, label(s.total));
      const parts = operands(v, s.items, lane, label);
      if (total && parts) {
        const d = checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.key} ${totalWord} ${v.laneName(lane)}`, relation: () => `${itemsWord}之和` });
        if (d) out.push(d);
      }
    }
    if (s.grand !== null && s.total !== null) {
      const grand = operand(v, s.grand, lane, label(s.grand));
      const total = operand(v, s.total, lane, label(s.total));
      const carry: Operand[] = [];
      for (const g of s.carry) {
        // A carry line printed blank but itemised below: its items count instead.
        const rows = v.isBlank(g.head, lane) && g.parts.length > 0 ? g.parts : [g.head];
        const ops = operands(v, rows, lane, label);
        if (ops) for (const item of ops) carry.push(item);
        if (!v.isBlank(g.head, lane) && g.parts.length > 0) {
          const head = operand(v, g.head, lane, label(g.head));
          const items = operands(v, g.parts, lane, label);
          if (head && items && items.some((i) => i.value !== 0)) {
            const d = checkSum({ rule: 'column-sum', total: head, parts: items, subject: () => `${v.key} ${v.label(g.head, s.labelLane)} ${v.laneName(lane)}`, relation: '其明细之和' });
            if (d) out.push(d);
          }
        }
      }
      if (grand && total) {
        const d = checkSum({ rule: 'column-sum', total: grand, parts: [total, ...carry], subject: () => `${v.key} ${grandWord} ${v.laneName(lane)}`, relation: () => `${totalWord}与结转结余之和` });
        if (d) out.push(d);
      }
    }
  }
  return out;
}

export const columnSumSummary: Rule = {
  id: 'column-sum',
  title: '收支总表纵向合计：本年合计 = 各项目之和，总计 = 本年合计 + 结转结余',
  reads: 't1、t4 的收入项目、支出项目、本年合计、结转结余与总计行',
  run: (ctx) => ['t1', 't4'].flatMap((k) => {
    const v = ctx.table(k);
    if (!v) return [];
    const s = summaryIndex(v);
    return [
      ...sideSums(v, s.income, ['收入项目', '本年收入合计', '收入总计']),
      ...sideSums(v, s.expenditure, ['支出项目', '本年支出合计', '支出总计']),
    ];
  }),
};
