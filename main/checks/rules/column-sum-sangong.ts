// column-sum (t9 “三公”经费) — 小计 = 一 + 二 + 三 (+ 四 会议费 + 五 培训费 where the table adds them),
// 合计 = 小计 (+ 四 + 五), each item = its 其中 lines.
import { sum } from '../lib/amounts.js';
import { checkSum } from '../lib/identity.js';
import { operand, operands } from '../lib/ops.js';
import { SANGONG_KINDS, sangongIndex } from '../lib/sangong.js';
import type { TableView } from '../lib/table-view.js';
import type { Draft, Rule } from '../types.js';

function sangongSums(v: TableView): Draft[] {
  const idx = sangongIndex(v);
  const out: Draft[] = [];
  const core = idx.items.filter((i) => SANGONG_KINDS.includes(i.kind)).map((i) => i.r);
  const extra = idx.items.filter((i) => !SANGONG_KINDS.includes(i.kind)).map((i) => i.r);
  for (const lane of [2, 3, 4, 5].filter((l) => v.hasLane(l))) {
    const get = (rows: number[]) => operands(v, rows, lane);
    const add = (totalRow: number | null, rows: number[], alt: number[] | null, subject: string, relation: string): void => {
      if (totalRow === null) return;
      const total = operand(v, totalRow, lane);
      const parts = get(rows);
      if (!total || !parts) return;
      // A total that matches the other reading of the table (with or without 四、五) holds.
      const altParts = alt ? get(alt) : null;
      if (altParts && sum(altParts.map((p) => p.value)) === total.value) return;
      const d = checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.name} ${subject} ${v.laneName(lane)}`, relation });
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
      add(item.r, item.parts.map((p) => p.r), null, v.label(item.r, 1), '其中各项之和');
    }
  }
  return out;
}

export const columnSumSangong: Rule = {
  id: 'column-sum',
  title: '“三公”经费表纵向合计：小计 = 各项之和，各项 = 其中明细之和',
  reads: 't9 合计、“三公”经费小计、一至五项及其中行，每个金额栏',
  run: (ctx) => {
    const v = ctx.table('t9');
    return v ? sangongSums(v) : [];
  },
};
