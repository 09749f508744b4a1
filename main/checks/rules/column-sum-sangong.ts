// column-sum (“三公”经费 printed as rows) — 小计 = 一 + 二 + 三 (+ 四 会议费 + 五 培训费 where the table adds
// them), 合计 = 小计 (+ 四 + 五), each item = its 其中 lines; in every fund column. A 三公 table printed as
// one row is summed across by row-sum (its header groups the parts).
import { sum } from '../lib/amounts.js';
import { checkSum } from '../lib/identity.js';
import { operand, operands } from '../lib/ops.js';
import { isVertical, SANGONG_KINDS, sangongRows } from '../lib/sangong.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

function sangongSums(v: TableView): Draft[] {
  const idx = sangongRows(v);
  const out: Draft[] = [];
  const core = idx.items.filter((i) => SANGONG_KINDS.includes(i.kind)).map((i) => i.r);
  const extra = idx.items.filter((i) => !SANGONG_KINDS.includes(i.kind)).map((i) => i.r);
  for (const c of v.amountColumns(0)) {
    const col = v.colName(c);
    const add = (totalRow: number | null, rows: number[], alt: number[] | null, subject: string, relation: string): void => {
      if (totalRow === null) return;
      const total = operand(v, totalRow, c);
      const parts = operands(v, rows, c);
      if (!total || !parts) return;
      // A total that matches the other reading of the table (with or without 四、五) holds.
      const altParts = alt ? operands(v, alt, c) : null;
      if (altParts && sum(altParts.map((p) => p.value)) === total.value) return;
      const d = checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.title} ${subject} ${col}`, relation });
      if (d) out.push(d);
    };
    if (idx.subtotal !== null) {
      add(idx.subtotal, core, extra.length ? [...core, ...extra] : null, '“三公”经费小计', '各项之和');
      add(idx.total, [idx.subtotal, ...extra], null, '合计', '“三公”经费小计与其他项目之和');
    } else {
      add(idx.total, [...core, ...extra], extra.length ? core : null, '合计', '各项之和');
    }
    for (const item of idx.items) {
      if (item.parts.length === 0) continue;
      add(item.r, item.parts.map((p) => p.r), null, v.rowName(item.r, c), '其中各项之和');
    }
  }
  return out;
}

export const columnSumSangong: Rule = {
  id: 'column-sum',
  title: '“三公”经费表纵向合计：小计 = 各项之和，各项 = 其中明细之和',
  reads: '“三公”经费表（按行列示时）的合计、“三公”经费小计、各项及其中行，每个金额栏',
  run: (ctx) => ['t9', 'd9'].flatMap((k) => {
    const v = ctx.table(k);
    return v && isVertical(v) ? sangongSums(v) : [];
  }),
};
