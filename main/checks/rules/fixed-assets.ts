// column-sum (固定资产占用情况表) — 资产总额 = Σ the numbered asset lines (房屋, 车辆, 设备, 其他), the
// 其中 lines not counted twice.
import { isFixedAssets } from '../lib/extra.js';
import { checkSum, type Operand } from '../lib/identity.js';
import { normLabel } from '../lib/labels.js';
import { assetValueColumn } from '../lib/narrative/targets.js';
import type { Draft, Rule } from '../types.js';

export const fixedAssets: Rule = {
  id: 'column-sum',
  title: '固定资产占用情况表：资产总额 = 各类资产之和',
  reads: '固定资产占用情况表的价值栏',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const v of ctx.extras.filter(isFixedAssets)) {
      const c = assetValueColumn(v);
      if (c === null) continue;
      const totalRow = v.rows.findIndex((_, r) => /资产总额|^合计$|^总计$/.test(normLabel(v.text(r, 0))));
      if (totalRow < 0) continue;
      const op = (r: number): Operand | null => {
        const value = v.cents(r, c);
        return value === null ? null : { ref: v.ref(r, c), value, step: 1, factor: 1, label: `${v.title} ${normLabel(v.text(r, 0))}` };
      };
      const total = op(totalRow);
      const parts = v.rows
        .map((_, r) => r)
        .filter((r) => r !== totalRow && !/^其中/.test(v.text(r, 0).replace(/\s/g, '')))
        .map(op)
        .filter((x): x is Operand => x !== null);
      if (!total || parts.length === 0) continue;
      const d = checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.title} ${normLabel(v.text(totalRow, 0))}`, relation: '各类资产之和' });
      if (d) out.push(d);
    }
    return out;
  },
};
