// cross-table (totals), stated on meanings: 收支总表 收入总计 = 收入总表 合计; 本年收入合计 = 收入总表 本年
// 收入; 本年支出合计 = 支出总表 合计 (and its 基本支出/项目支出/预留机动经费 where the 收支总表 lists 支出用途);
// 收入总表 财政拨款 = 财政拨款收支总表 本年收入; each fund's income line alike in both 收支总表; 财政拨款收支
// 总表 each fund's 本年支出 = that fund's 支出表 合计; 一般公共预算 基本支出 合计 = 基本支出表 合计. When all
// money is 一般公共预算 (no other income, no carry-over), 收支总表 = 一般公共预算支出表 too.
import { printsNothing, sideItem, sideOf, sideTotal, tableTotal, thisYearTotal, operandOf, type Cell } from '../lib/facts.js';
import { codePanels, codeTree } from '../lib/codes.js';
import { checkEqual, missing, type Operand } from '../lib/identity.js';
import { isFinal, tableOf } from '../lib/keys.js';
import { carryValue } from '../lib/summary.js';
import type { TableView } from '../lib/view.js';
import type { CheckContext, Draft, Rule } from '../types.js';

/** The whole of a fund's 支出表; a table printed with no figures at all counts 0. */
function fundTotal(v: TableView | null, key: string): Operand | null {
  const cell = tableTotal(v);
  if (cell) return operandOf(cell);
  return v && printsNothing(v) ? missing(key, null, `${v.title}（空表）`, v.factor) : null;
}

const FUNDS: [string, string][] = [['general', 't5'], ['fund', 't7'], ['soe', 't8']];

/** Every income line other than 一般公共预算 is blank or 0, and no carry-over is printed: all money is 一般公共预算. */
export function allGeneral(ctx: CheckContext): boolean {
  const t1 = ctx.table('t1');
  const s = sideOf(t1, 'income');
  if (!t1 || !s) return false;
  const generalCell = sideItem(t1, 'income', 'general');
  if (!generalCell) return false;
  const general = t1.fen(generalCell.r, generalCell.c) ?? 0;
  const total = thisYearTotal(t1, 'income') ?? sideTotal(t1, 'income', 'grand');
  if (!total) return false;
  const sum = t1.fen(total.r, total.c) ?? 0;
  const carry = s.carry.reduce((a, g) => a + carryValue(t1, g, total.c), 0);
  const outSide = sideOf(t1, 'expense');
  const carryOut = outSide ? outSide.carry.reduce((a, g) => a + carryValue(t1, g, sideTotal(t1, 'expense', 'grand')?.c ?? total.c), 0) : 0;
  return general !== 0 && general === sum && carry === 0 && carryOut === 0;
}

/** The whole of a 基本支出 table: its 合计, or the sum of its panels' totals (人员经费合计 + 公用经费合计). */
function basicWhole(v: TableView | null): Operand | null {
  if (!v) return null;
  const panels = codePanels(v);
  if (panels.length <= 1) return operandOf(tableTotal(v));
  const parts = panels.map((p) => {
    const r = codeTree(v, p).totalRow;
    const c = v.totalColumn(p);
    return r === null || c === null ? null : operandOf({ view: v, r, c });
  });
  if (parts.some((x) => !x)) return null;
  const ops = parts as Operand[];
  return { ...ops[0]!, value: ops.reduce((a, o) => a + o.value, 0), step: Math.max(...ops.map((o) => o.step)), label: `${v.title} 人员经费合计与公用经费合计之和` };
}

export function totalIdentities(ctx: CheckContext): Draft[] {
  const out: Draft[] = [];
  const eq = (a: Operand | null, b: Operand | null, subject: string): void => {
    if (!a || !b) return;
    const d = checkEqual('cross-table', a, b, `${subject}：${typeof a.label === 'function' ? a.label() : a.label}`, `${typeof b.label === 'function' ? b.label() : b.label}`);
    if (d) out.push(d);
  };
  const op = (c: Cell | null) => operandOf(c);
  // 一般公共预算 基本支出 = the 基本支出 table, in a 预算 and a 决算 alike.
  eq(basicWhole(tableOf(ctx, 'basic')), op(tableTotal(tableOf(ctx, 'general'), 'basic')), '一般公共预算基本支出');
  if (isFinal(ctx)) return out; // the 决算 identities of income, carry-over and funds: see the 决算 rules
  const [t1, t2, t3, t4, t5] = ['t1', 't2', 't3', 't4', 't5'].map((k) => ctx.table(k));
  // 收入总表 ↔ 收支总表
  eq(op(tableTotal(t2 ?? null)), op(sideTotal(t1 ?? null, 'income', 'grand')), '收入总计');
  eq(op(tableTotal(t2 ?? null, 'income')), op(sideTotal(t1 ?? null, 'income', 'subtotal')), '本年收入合计');
  // 支出总表 ↔ 收支总表
  eq(op(tableTotal(t3 ?? null)), op(thisYearTotal(t1 ?? null, 'expense')), '本年支出合计');
  for (const concept of ['basic', 'project', 'reserve']) eq(op(tableTotal(t3 ?? null, concept)), op(sideItem(t1 ?? null, 'expense', concept)), concept === 'basic' ? '基本支出' : concept === 'project' ? '项目支出' : '单位预留机动经费');
  // 财政拨款: 收入总表 ↔ 财政拨款收支总表 ↔ 收支总表
  const t4In = thisYearTotal(t4 ?? null, 'income');
  eq(op(tableTotal(t2 ?? null, 'fiscal')), op(t4In), '财政拨款收入');
  eq(op(sideItem(t1 ?? null, 'income', 'fiscal')), op(t4In), '财政拨款收入');
  for (const [concept, key] of FUNDS) {
    const label = concept === 'general' ? '一般公共预算拨款收入' : concept === 'fund' ? '政府性基金预算拨款收入' : '国有资本经营预算拨款收入';
    eq(op(sideItem(t1 ?? null, 'income', concept)), op(sideItem(t4 ?? null, 'income', concept)), label);
    const spent = thisYearTotal(t4 ?? null, 'expense', concept);
    if (spent) eq(fundTotal(ctx.table(key), key), op(spent), `${label.replace('拨款收入', '')}支出`);
  }
  // All money 一般公共预算: the 收支总表's year equals the 一般公共预算支出表.
  if (allGeneral(ctx)) eq(op(tableTotal(t5 ?? null)), op(thisYearTotal(t1 ?? null, 'expense')), '一般公共预算支出（全部为一般公共预算资金）');
  return out;
}

export const crossTableTotals: Rule = {
  id: 'cross-table',
  title: '表间总数：收支总表、收入总表、支出总表、财政拨款各表的合计相互一致',
  reads: '收支总表本年收入/支出合计与总计，收入总表、支出总表、财政拨款各表的合计，财政拨款收支总表收入项目与各资金栏本年支出',
  run: totalIdentities,
};
