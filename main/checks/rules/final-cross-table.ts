// cross-table (决算) — the totals the nine 决算 tables share, stated on meanings: 收入决算表 合计 by source
// (本年收入合计, 财政拨款收入 = the three funds' lines, 上级补助/事业/经营/附属单位上缴/其他收入) = the 收入支出决算
// 总表's income lines; 支出决算表 合计 (本年支出合计, and 基本/项目/上缴上级/经营/对附属单位补助 where the 总表
// prints them as lines) = the 总表's; each fund's 本年收入 line alike in both 总表s; 财政拨款收入支出决算总表
// 本年收入合计 = 收入决算表 财政拨款收入; each fund's column of that 总表 (本年支出合计, 年末结转和结余) and its
// 本年收入 and 年初 lines = the fund's own table (一般公共预算/政府性基金/国有资本经营), an empty table counting 0.
// The 类 rows: see cross-table (categories); 基本支出 against the 基本支出决算表: see cross-table (totals).
import { operandOf, printsNothing, sideItem, sideOf, sideTotal, tableTotal, type Cell } from '../lib/facts.js';
import { checkBalance, checkEqual, missing, type Operand } from '../lib/identity.js';
import { isFinal, tableOf, type Role } from '../lib/keys.js';
import { fundCarryLine } from '../lib/summary.js';
import type { TableView } from '../lib/view.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const text = (o: Operand): string => (typeof o.label === 'function' ? o.label() : (o.label ?? ''));

/** A fund table's figure of a concept on its 合计 row; a table printed with no figures counts 0. */
function fundFigure(v: TableView | null, concepts: string[]): Operand | null {
  if (!v) return null;
  for (const c of concepts) {
    const o = operandOf(tableTotal(v, c));
    if (o) return o;
  }
  const has = concepts.some((c) => c === 'total' ? v.panels.some((p) => v.totalColumn(p.index) !== null) : v.column(c) !== null);
  return has && printsNothing(v) ? missing(v.key, null, `${v.title}（空表）`, v.factor) : null;
}

/** The income side's 年初 line of a fund in a 财政拨款 总表 (after 本年收入合计). */
function carryInLine(v: TableView, concept: string): Cell | null {
  const s = sideOf(v, 'income');
  const r = s && s.subtotal !== null ? fundCarryLine(v, s, concept) : null;
  const c = r === null ? null : v.totalColumn(s!.panels.find((p) => v.entriesAt(r).some((e) => e.panel === p && e.concept === concept)) ?? s!.panels[0]!);
  return r === null || c === null ? null : { view: v, r, c };
}

/** A cell of the expense side's line (subtotal, or a carry line of a concept) in a fund's column. */
function expenseCell(v: TableView, line: 'subtotal' | 'carryOut', fund: string): Cell | null {
  const s = sideOf(v, 'expense');
  if (!s) return null;
  const col = s.panels.map((p) => v.column(fund, { panel: p })).find((c) => c !== null) ?? null;
  if (col === null) return null;
  if (line === 'subtotal') return s.subtotal === null ? null : { view: v, r: s.subtotal, c: col };
  for (const g of s.carry) if (v.entriesAt(g.head).some((e) => e.concept === 'carryOut')) return { view: v, r: g.head, c: col };
  return null;
}

const FUNDS: [string, Role, string][] = [['general', 'general', '一般公共预算财政拨款'], ['fund', 'fund', '政府性基金预算财政拨款'], ['soe', 'soe', '国有资本经营预算财政拨款']];
const SOURCES: [string, string][] = [['superior', '上级补助收入'], ['business', '事业收入'], ['operating', '经营收入'], ['affiliated', '附属单位上缴收入'], ['otherIncome', '其他收入']];
const USES: [string, string][] = [['basic', '基本支出'], ['project', '项目支出'], ['remitUp', '上缴上级支出'], ['operatingExp', '经营支出'], ['subsidyAffiliated', '对附属单位补助支出']];

export function finalTotals(ctx: CheckContext): Draft[] {
  const out: Draft[] = [];
  if (!isFinal(ctx)) return out;
  const push = (d: Draft | null): void => void (d && out.push(d));
  const eq = (a: Operand | null, b: Operand | null, subject: string): void => {
    if (a && b) push(checkEqual('cross-table', a, b, `${subject}：${text(a)}`, text(b)));
  };
  const [d1, d2, d3, d4] = [tableOf(ctx, 'summary'), tableOf(ctx, 'income'), tableOf(ctx, 'expense'), tableOf(ctx, 'fiscal')] as const;
  // 收入决算表 ↔ 收入支出决算总表, by source.
  eq(operandOf(tableTotal(d2, 'income')), operandOf(sideTotal(d1, 'income', 'subtotal')), '本年收入合计');
  for (const [concept, name] of SOURCES) eq(operandOf(tableTotal(d2, concept)), operandOf(sideItem(d1, 'income', concept)), name);
  const fiscal = operandOf(tableTotal(d2, 'fiscal'));
  const lines = FUNDS.map(([c]) => operandOf(sideItem(d1, 'income', c)));
  if (fiscal && operandOf(sideItem(d1, 'income', 'fiscal'))) eq(fiscal, operandOf(sideItem(d1, 'income', 'fiscal')), '财政拨款收入');
  else if (fiscal && lines[0]) {
    const parts = lines.filter((o): o is Operand => o !== null);
    push(checkBalance({ rule: 'cross-table', left: parts, right: [fiscal], subject: `财政拨款收入：${d1!.title} 各项财政拨款收入之和`, relation: text(fiscal) }));
  }
  // 支出决算表 ↔ 收入支出决算总表.
  eq(operandOf(tableTotal(d3, 'expense')) ?? operandOf(tableTotal(d3)), operandOf(sideTotal(d1, 'expense', 'subtotal')), '本年支出合计');
  for (const [concept, name] of USES) eq(operandOf(tableTotal(d3, concept)), operandOf(sideItem(d1, 'expense', concept)), name);
  // 财政拨款收入支出决算总表 ↔ 收入支出决算总表 and 收入决算表.
  for (const [concept, , name] of FUNDS) eq(operandOf(sideItem(d4, 'income', concept)), operandOf(sideItem(d1, 'income', concept)), `${name}收入`);
  eq(operandOf(sideTotal(d4, 'income', 'subtotal')), fiscal, '财政拨款本年收入合计');
  // Each fund of the 财政拨款 总表 ↔ the fund's own table.
  for (const [concept, role, name] of FUNDS) {
    const detail = tableOf(ctx, role);
    if (!d4 || !detail) continue;
    eq(operandOf(expenseCell(d4, 'subtotal', concept)), fundFigure(detail, ['expense', 'total']), `${name}本年支出`);
    eq(operandOf(sideItem(d4, 'income', concept)), fundFigure(detail, ['income']), `${name}本年收入`);
    eq(operandOf(carryInLine(d4, concept)), fundFigure(detail, ['carryIn']), `${name}年初结转和结余`);
    eq(operandOf(expenseCell(d4, 'carryOut', concept)), fundFigure(detail, ['carryOut']), `${name}年末结转和结余`);
  }
  return out;
}

export const finalCrossTable: Rule = {
  id: 'cross-table',
  title: '决算表间总数：收入决算表、支出决算表、财政拨款收入支出决算总表与收入支出决算总表及各资金决算表一致',
  reads: '收入支出决算总表各收入来源与本年收支合计；收入决算表、支出决算表合计行；财政拨款收入支出决算总表各资金收入、年初与年末结转和结余、本年支出；一般公共预算、政府性基金、国有资本经营预算财政拨款决算表合计行',
  run: finalTotals,
};
