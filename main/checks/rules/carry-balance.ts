// balance (结转结余) — money carried over balances: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
// Per row of any table that prints the four as columns (政府性基金/国有资本经营预算财政拨款收入支出决算表), and
// per fund of a two-sided 财政拨款收入支出决算总表, whose income side lists each fund's 本年收入 and its 年初
// line while the expense side prints each fund as a column: the fund's 总计 there = its 本年收入 + its 年初
// 结转和结余. A fund whose 年初 line is not printed apart is checked only when no carry-over is printed at all.
import { checkBalance, type Operand } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import { fundCarryLine, itemOf, summaryIndex, type SummarySide } from '../lib/summary.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

const FUNDS: [string, string][] = [['general', '一般公共预算财政拨款'], ['fund', '政府性基金预算财政拨款'], ['soe', '国有资本经营预算财政拨款']];

/** Rows of a table printing 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余: each row balances. */
function rowBalances(v: TableView): Draft[] {
  const out: Draft[] = [];
  for (const p of v.panels) {
    const [cin, inc, exp, cout] = ['carryIn', 'income', 'expense', 'carryOut'].map((c) => v.column(c, { panel: p.index }));
    if (cin == null || inc == null || exp == null || cout == null) continue;
    for (let r = 0; r < v.rowCount; r++) {
      if ([cin, inc, exp, cout].every((c) => v.isBlank(r, c))) continue;
      const [a, b, c, d] = [cin, inc, exp, cout].map((col) => operand(v, r, col));
      if (!a || !b || !c || !d) continue;
      const draft = checkBalance({
        rule: 'balance', left: [a, b], right: [d, c],
        subject: () => `${v.title} ${v.rowName(r, cin)}：${v.colName(cin)}+${v.colName(inc)}`,
        relation: () => `${v.colName(exp)}+${v.colName(cout)}`,
      });
      if (draft) out.push(draft);
    }
  }
  return out;
}

/** The expense side of a fund's column: its 总计 where printed, else 本年支出合计 + the carry lines (年末, 结余分配). */
function spentSide(v: TableView, s: SummarySide, col: number): Operand[] | null {
  if (s.grand !== null && !v.isBlank(s.grand, col)) {
    const grand = operand(v, s.grand, col);
    return grand ? [grand] : null;
  }
  const rows = [s.subtotal, ...s.carry.map((g) => g.head)].filter((r): r is number => r !== null);
  const ops = rows.map((r) => operand(v, r, col));
  return rows.length && ops.every((o) => o) ? (ops as Operand[]) : null;
}

function fundBalances(v: TableView): Draft[] {
  const out: Draft[] = [];
  const { income, expense } = summaryIndex(v);
  if (!income || !expense || income.subtotal === null || (expense.grand === null && expense.subtotal === null)) return out;
  for (const [concept, name] of FUNDS) {
    const col = expense.panels.map((p) => v.column(concept, { panel: p })).find((c) => c !== null) ?? null;
    const item = itemOf(v, income, concept);
    const inCol = item ? v.totalColumn(item.panel) : null;
    if (col === null || !item || inCol === null) continue;
    const got = operand(v, item.r, inCol);
    const spent = spentSide(v, expense, col);
    if (!got || !spent) continue;
    const left: Operand[] = [got];
    const line = fundCarryLine(v, income, concept);
    if (line !== null) {
      const carry = operand(v, line, inCol);
      if (!carry) continue;
      left.push(carry);
    } else if (income.carry.some((g) => (v.fen(g.head, inCol) ?? 0) !== 0)) continue; // carried money not split by fund
    if ([...left, ...spent].every((o) => o.value === 0)) continue;
    const d = checkBalance({
      rule: 'balance', left, right: spent,
      subject: () => `${v.title} ${name}：该资金本年收入${left.length > 1 ? '与年初结转和结余之和' : ''}`,
      relation: () => (spent.length > 1 ? `${v.colName(col)}栏本年支出合计与结转结余之和` : `支出总计 ${v.colName(col)}`),
    });
    if (d) out.push(d);
  }
  return out;
}

export const carryBalance: Rule = {
  id: 'balance',
  title: '结转结余平衡：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余（逐行、逐项资金）',
  reads: '列有年初结转和结余、本年收入、本年支出、年末结转和结余各栏的表（逐行）；财政拨款收入支出总表各资金的本年收入、年初结转和结余与该资金栏的支出总计',
  run: (ctx) => ctx.doc.tables.flatMap((t) => {
    const v = ctx.table(t.key);
    return v && v.table === t ? [...rowBalances(v), ...fundBalances(v)] : [];
  }),
};
