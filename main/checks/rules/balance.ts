// balance — t1 and t4: 收入总计 = 支出总计; 本年收入合计 + 结转 = 本年支出合计 + 结转.
import { carryValue, summaryIndex } from '../lib/summary.js';
import { checkEqual, checkSum } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import type { Draft, Rule } from '../types.js';

export const balance: Rule = {
  id: 'balance',
  title: '收支平衡：收入总计 = 支出总计',
  reads: 't1、t4 的收入总计、支出总计、本年收入合计、本年支出合计与结转结余行',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const key of ['t1', 't4']) {
      const v = ctx.table(key);
      if (!v) continue;
      const { income, expenditure } = summaryIndex(v);
      const inLane = 2;
      const outLane = 4;
      if (income.grand !== null && expenditure.grand !== null) {
        const a = operand(v, income.grand, inLane, `${v.name} 收入总计`);
        const b = operand(v, expenditure.grand, outLane, `${v.name} 支出总计`);
        const d = a && b ? checkEqual('balance', a, b, `${v.name} 收入总计`, '支出总计') : null;
        if (d) out.push(d);
        continue;
      }
      // No 总计 lines printed: balance the 本年 totals with their carry-over lines.
      if (income.total !== null && expenditure.total !== null) {
        const a = operand(v, income.total, inLane, `${v.name} 本年收入合计`);
        const b = operand(v, expenditure.total, outLane, `${v.name} 本年支出合计`);
        if (!a || !b) continue;
        const carryIn = income.carry.reduce((s, g) => s + carryValue(v, g, inLane), 0);
        const carryOut = expenditure.carry.reduce((s, g) => s + carryValue(v, g, outLane), 0);
        const d = checkSum({
          rule: 'balance',
          total: { ...a, value: a.value + carryIn },
          parts: [{ ...b, value: b.value + carryOut }],
          subject: () => `${v.name} 本年收入合计+上年结转`,
          relation: '本年支出合计+年终结转',
        });
        if (d) out.push(d);
      }
    }
    return out;
  },
};
