// cross-table (totals) — t1 收入总计 = t2 合计; t1 本年收入合计 = t2 本年收入小计; t1 本年支出合计 = t3 合计;
// t2 财政拨款收入合计 = t4 本年收入合计; t1 一般公共预算/政府性基金/国有资本经营 收入 = t4 同名收入;
// t4 各资金栏本年支出合计 = t5/t7/t8 合计; t5 基本支出合计 = t6 合计.
import type { CellRef } from '../../model/types.js';
import { codeTree } from '../lib/codes.js';
import { checkEqual, type Operand } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import { incomeRow, summaryIndex, type IncomeKind } from '../lib/summary.js';
import type { TableView } from '../lib/table-view.js';
import type { CheckContext, Draft, Rule } from '../types.js';

/** The 合计 row of a 科目 table; an empty table (t7/t8 with no rows) totals 0. */
function tableTotal(v: TableView | null, lane: number, key: string): Operand | null {
  if (!v) return null;
  const r = codeTree(v).totalRow;
  if (r !== null) return operand(v, r, lane, `${v.name} 合计 ${v.laneName(lane)}`);
  if (v.isEmpty()) return { ref: { table: key, row: null, column: String(lane) } as CellRef, value: 0, label: `${v.name}（空表）` };
  return null;
}

function summaryCell(v: TableView | null, side: 'income' | 'expenditure', which: 'total' | 'grand', lane: number, label: string): Operand | null {
  if (!v) return null;
  const r = summaryIndex(v)[side][which];
  return r === null ? null : operand(v, r, lane, `${v.name} ${label}`);
}

function incomeCell(v: TableView | null, kind: IncomeKind, label: string): Operand | null {
  if (!v) return null;
  const r = incomeRow(v, kind);
  return r === null ? null : operand(v, r, 2, `${v.name} ${label}`);
}

export function totalIdentities(ctx: CheckContext): Draft[] {
  const [t1, t2, t3, t4, t5, t6, t7, t8] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'].map((k) => ctx.table(k));
  const out: Draft[] = [];
  const eq = (a: Operand | null, b: Operand | null, subject: string): void => {
    if (!a || !b) return;
    const d = checkEqual('cross-table', a, b, `${subject}：${a.label}`, `${b.label}`);
    if (d) out.push(d);
  };
  eq(tableTotal(t2 ?? null, 3, 't2'), summaryCell(t1 ?? null, 'income', 'grand', 2, '收入总计'), '收入总计');
  eq(tableTotal(t2 ?? null, 4, 't2'), summaryCell(t1 ?? null, 'income', 'total', 2, '本年收入合计'), '本年收入合计');
  eq(tableTotal(t3 ?? null, 3, 't3'), summaryCell(t1 ?? null, 'expenditure', 'total', 4, '本年支出合计'), '本年支出合计');
  eq(tableTotal(t2 ?? null, 5, 't2'), summaryCell(t4 ?? null, 'income', 'total', 2, '本年收入合计'), '财政拨款收入');
  const funds: [IncomeKind, string, number, TableView | null, string][] = [
    ['gpb', '一般公共预算拨款收入', 5, t5 ?? null, 't5'],
    ['fund', '政府性基金预算拨款收入', 6, t7 ?? null, 't7'],
    ['soc', '国有资本经营预算拨款收入', 7, t8 ?? null, 't8'],
  ];
  for (const [kind, label, lane, detail, key] of funds) {
    eq(incomeCell(t1 ?? null, kind, label), incomeCell(t4 ?? null, kind, label), label);
    if (t4 && t4.hasLane(lane)) eq(tableTotal(detail, 3, key), summaryCell(t4, 'expenditure', 'total', lane, `本年支出合计 ${t4.laneName(lane)}`), `${t4.laneName(lane)}支出`);
  }
  eq(tableTotal(t6 ?? null, 3, 't6'), tableTotal(t5 ?? null, 4, 't5'), '一般公共预算基本支出');
  return out;
}

export const crossTableTotals: Rule = {
  id: 'cross-table',
  title: '表间总数：收支总表、收入总表、支出总表、财政拨款各表的合计相互一致',
  reads: 't1 本年收入/支出合计与总计，t2/t3/t5/t6/t7/t8 合计行，t4 收入项目与各资金栏本年支出合计',
  run: totalIdentities,
};
