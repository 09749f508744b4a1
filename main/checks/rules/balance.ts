// balance — a table of 收入 and 支出 sides (收支总表, 财政拨款收支总表): 收入总计 = 支出总计; where no 总计
// lines are printed, 本年收入合计 + 结转 = 本年支出合计 + 结转.
import { sideTotal } from '../lib/facts.js';
import { checkEqual, checkSum, fromAmount } from '../lib/identity.js';
import { carryValue, summaryIndex } from '../lib/summary.js';
import type { Draft, Rule } from '../types.js';

export const balance: Rule = {
  id: 'balance',
  title: '收支平衡：收入总计 = 支出总计',
  reads: '收支总表、财政拨款收支总表的收入总计、支出总计、本年收入合计、本年支出合计与结转结余行',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const t of ctx.doc.tables) {
      const v = ctx.table(t.key);
      if (!v || v.table !== t) continue;
      const { income, expense } = summaryIndex(v);
      if (!income || !expense) continue;
      const inGrand = sideTotal(v, 'income', 'grand');
      const outGrand = sideTotal(v, 'expense', 'grand');
      if (inGrand && outGrand) {
        const a = v.amount(inGrand.r, inGrand.c);
        const b = v.amount(outGrand.r, outGrand.c);
        const d = a && b ? checkEqual('balance', fromAmount(a), fromAmount(b), `${v.title} 收入总计`, '支出总计') : null;
        if (d) out.push(d);
        continue;
      }
      const inSub = sideTotal(v, 'income', 'subtotal');
      const outSub = sideTotal(v, 'expense', 'subtotal');
      if (!inSub || !outSub) continue;
      const a = v.amount(inSub.r, inSub.c);
      const b = v.amount(outSub.r, outSub.c);
      if (!a || !b) continue;
      const carryIn = income.carry.reduce((s, g) => s + carryValue(v, g, inSub.c), 0);
      const carryOut = expense.carry.reduce((s, g) => s + carryValue(v, g, outSub.c), 0);
      const d = checkSum({
        rule: 'balance',
        total: { ...fromAmount(a), value: a.fen + carryIn },
        parts: [{ ...fromAmount(b), value: b.fen + carryOut }],
        subject: () => `${v.title} 本年收入合计+上年结转`,
        relation: '本年支出合计+年终结转',
      });
      if (d) out.push(d);
    }
    return out;
  },
};
