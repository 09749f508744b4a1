// The 决算 identities on real 决算 pages (test/fixtures/real/truth, two Shanghai 2024 部门决算): carry-over
// balances per fund and per row, the totals the nine 决算 tables share, and the 年初预算 held to the same-year
// 预算 of the same department — each passing on the pages as published and failing on one changed cell.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/index.js';
import { isSameYearBudget } from '../../main/checks/lib/kinds.js';
import type { BudgetDocument, StandardTable } from '../../main/model/types.js';
import { at, findingsOf, realDoc, setCell, touches } from './helpers.js';

const caizhengju = realDoc('SH-PT-caizhengju-2024-dept-final');
const shehui = realDoc('SH-PT-shehuigongzuobu-2024-dept-final');

/** The 决算 with its (empty) 政府性基金 table filled: one 项 and its 合计, balanced. */
function withFundTable(doc: BudgetDocument, rows: string[][]): BudgetDocument {
  const copy = structuredClone(doc);
  const d7 = copy.tables.find((t) => t.key === 'd7')! as StandardTable;
  d7.rows = rows;
  d7.note = null;
  d7.sources = rows.map((r) => r.map(() => null));
  return copy;
}

// 年初结转和结余 | 本年收入 | 本年支出 小计 | 基本支出 | 项目支出 | 年末结转和结余
const FUND_ROWS = [
  ['合计', '', '', '', '10.00', '5.00', '12.00', '', '12.00', '3.00'],
  ['212', '', '', '城乡社区支出', '10.00', '5.00', '12.00', '', '12.00', '3.00'],
  ['212', '08', '', '国有土地使用权出让收入安排的支出', '10.00', '5.00', '12.00', '', '12.00', '3.00'],
  ['212', '08', '03', '城市建设支出', '10.00', '5.00', '12.00', '', '12.00', '3.00'],
];

describe('balance (决算): 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余', () => {
  it('passes both real 决算 as published', () => {
    expect(findingsOf(caizhengju, 'balance')).toEqual([]);
    expect(findingsOf(shehui, 'balance')).toEqual([]);
  });

  it('per fund of the 财政拨款收入支出决算总表: the fund’s 年初 line changed breaks its column’s 总计', () => {
    const d = setCell(caizhengju, 'd4', '一、一般公共预算财政拨款21.63', 1, '21.53');
    const f = findingsOf(d, 'balance');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('一般公共预算财政拨款');
    expect(touches(f[0]!, 'd4', '总计')).toBe(true);
  });

  it('a fund column printing no 总计: its 本年支出合计 + 年末结转和结余', () => {
    const blank = setCell(caizhengju, 'd4', '总计2,961.68', 4, '');
    expect(findingsOf(blank, 'balance')).toEqual([]);
    const f = findingsOf(setCell(blank, 'd4', '一、一般公共预算财政拨款21.63', 1, '25.63'), 'balance');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('本年支出合计与结转结余之和');
  });

  it('per row of a 政府性基金 table printing the four columns', () => {
    expect(findingsOf(withFundTable(caizhengju, FUND_ROWS), 'balance')).toEqual([]);
    const rows = structuredClone(FUND_ROWS);
    rows[3]![9] = '4.00';
    const f = findingsOf(withFundTable(caizhengju, rows), 'balance');
    expect(f.map(at)).toEqual(['d7|2120803|10']);
    expect(f[0]).toMatchObject({ expected: 3, actual: 4 });
  });
});

describe('the identities within 决算 tables (row-sum, column-sum, cross-table totals) on a real 决算', () => {
  it('收入支出决算总表: 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计; 本年支出合计 + 结余分配 + 年末结转和结余 = 总计', () => {
    expect(findingsOf(caizhengju, 'column-sum')).toEqual([]);
    const income = findingsOf(setCell(caizhengju, 'd1', '年初结转和结余', 1, '50.14'), 'column-sum');
    expect(income.some((x) => touches(x, 'd1', '总计') && touches(x, 'd1', '年初结转和结余'))).toBe(true);
    const expense = findingsOf(setCell(caizhengju, 'd1', '使用非财政拨款结余', 3, '1.00'), 'column-sum');
    expect(expense.some((x) => x.message.includes('支出总计'))).toBe(true);
  });

  it('支出决算表: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出', () => {
    expect(findingsOf(caizhengju, 'row-sum')).toEqual([]);
    const f = findingsOf(setCell(caizhengju, 'd3', '2010601', 7, '1.00'), 'row-sum');
    expect(f.map(at)).toContain('d3|2010601|8');
    expect(f[0]!.message).toContain('上缴上级支出');
  });

  it('基本支出 = 人员经费合计 + 公用经费合计 (基本支出决算表 against the 一般公共预算财政拨款支出决算表)', () => {
    const f = findingsOf(setCell(caizhengju, 'd6', '人员经费合计', 3, '2,162.26'), 'cross-table');
    expect(f.some((x) => touches(x, 'd6', '人员经费合计') && touches(x, 'd5', '合计'))).toBe(true);
  });

  it('“三公”经费支出决算表: each stage’s 合计 = its parts', () => {
    const f = findingsOf(setCell(caizhengju, 'd9', '0.95', 0, '1.95'), 'row-sum');
    expect(f.map(at)).toEqual(['d9|1.95|1']);
    expect(f[0]!.message).toContain('预算数');
  });
});

describe('cross-table (决算 totals)', () => {
  it('passes both real 决算 as published (their 0.01 differences are 尾差)', () => {
    expect(findingsOf(caizhengju, 'cross-table')).toEqual([]);
    expect(findingsOf(shehui, 'cross-table')).toEqual([]);
  });

  it('收入决算表 by source against the 收入支出决算总表: 其他收入', () => {
    const f = findingsOf(setCell(caizhengju, 'd1', '八、其他收入', 1, '6.30'), 'cross-table');
    expect(f).toHaveLength(1);
    expect(touches(f[0]!, 'd1', '八、其他收入') && touches(f[0]!, 'd2', '合计')).toBe(true);
  });

  it('支出决算表 本年支出合计 against the 总表', () => {
    const d = setCell(shehui, 'd3', '合计', 2, '308.82');
    const f = findingsOf(d, 'cross-table');
    expect(f.map(at)).toEqual(['d3|合计|3']);
    expect(touches(f[0]!, 'd1', '本年收入合计')).toBe(true); // the row of 本年支出合计 is named by its first printed label
  });

  it('a fund’s column of the 财政拨款 总表 against the fund’s own table (an empty table counts 0)', () => {
    // The 政府性基金 table now holds money the 财政拨款 总表 does not show.
    const d = withFundTable(caizhengju, FUND_ROWS);
    expect(findingsOf(d, 'column-sum')).toEqual([]);
    const f = findingsOf(d, 'cross-table');
    expect(f.length).toBeGreaterThanOrEqual(3);
    expect(f.every((x) => touches(x, 'd7', '合计') && touches(x, 'd4', null))).toBe(true);
    const said = f.map((x) => x.message).join();
    for (const line of ['本年支出', '本年收入', '年初结转和结余', '年末结转和结余']) expect(said).toContain(`政府性基金预算财政拨款${line}`);
  });
});

/** The department's 2025 budget as the budget of the 决算's year (its 上年 2024 → 2023). */
function sameYearBudget(sangong: string | null = null): BudgetDocument {
  const b = structuredClone(realDoc('SH-PT-caizhengju-2025-dept-budget'));
  b.year = 2024;
  for (const t of b.tables) t.title = t.title.replace('2025', '2024');
  if (sangong !== null) {
    const t9 = b.tables.find((t) => t.key === 't9')!;
    t9.rows[0] = [sangong, '', sangong, '', '', '', t9.rows[0]![6]!];
  }
  return b;
}

/** A 一般公共预算支出决算表 that also prints each row's 年初预算数 (some provinces do). */
function withInitialColumn(doc: BudgetDocument, value: (code: string) => string): BudgetDocument {
  const copy = structuredClone(doc);
  const d5 = copy.tables.find((t) => t.key === 'd5')!;
  const w = d5.header.rows[0]!.length;
  d5.header.rows.forEach((r, i) => r.push(i === 0 ? '年初预算数' : ''));
  d5.header.merges.push([0, w, d5.header.rows.length - 1, w]);
  d5.rows.forEach((r) => r.push(value(r.slice(0, 3).join(''))));
  return copy;
}

describe('final-vs-budget: the 年初预算 of a 决算 against the same-year 预算', () => {
  it('holds only for a 预算 of the same department, scope and year', () => {
    const b = sameYearBudget();
    expect(isSameYearBudget(caizhengju, b)).toBe(true);
    expect(isSameYearBudget(caizhengju, { ...b, year: 2025 })).toBe(false);
    expect(isSameYearBudget(caizhengju, { ...b, scope: '单位' })).toBe(false);
    expect(isSameYearBudget(caizhengju, { ...b, department: '上海市普陀区审计局' })).toBe(false);
    expect(runChecks(caizhengju, { budget: { ...b, department: '上海市普陀区审计局' } }).filter((f) => f.rule === 'final-vs-budget')).toEqual([]);
  });

  it('the “三公” table’s 预算数 (the 年初 one, as the narrative says) against the budget’s “三公” table', () => {
    const agree = runChecks(caizhengju, { budget: sameYearBudget('0.95') }).filter((f) => f.rule === 'final-vs-budget' && f.table === 'd9');
    expect(agree).toEqual([]);
    const f = runChecks(caizhengju, { budget: sameYearBudget('1.20') }).filter((x) => x.rule === 'final-vs-budget' && x.table === 'd9');
    expect(f.map((x) => [x.column, x.severity, x.expected, x.actual])).toEqual([['1', 'error', 1.2, 0.95], ['11', 'error', 1.2, 0.95]]);
    expect(f[1]!.message).toContain('公务接待费');
    expect(f[0]!.related).toEqual([]); // the budget's cells are another document's
  });

  it('the narrative’s 年初预算 against the budget’s 一般公共预算 table, by 科目', () => {
    const f = runChecks(caizhengju, { budget: sameYearBudget('0.95') }).filter((x) => x.rule === 'final-vs-budget' && x.table === 'narrative');
    // 一般行政管理事务: 年初预算 10.00 = 100,000.00 元 in the budget; the others were budgeted otherwise.
    expect(f.some((x) => x.row === '2010602')).toBe(false);
    expect(f.find((x) => x.row === '2010601')).toMatchObject({ severity: 'error', actual: 1560.05, expected: 1623.18 });
    expect(f.some((x) => x.paragraph?.quote.includes('年初预算为2993.92万元'))).toBe(true);
  });

  it('a 年初预算数 column of a 科目 table, row by row', () => {
    const budget = sameYearBudget('0.95');
    const t5 = budget.tables.find((t) => t.key === 't5')!;
    const yuan = new Map(t5.rows.map((r) => [r.slice(0, 3).join('') || '合计', r[4]!]));
    const inWan = (code: string): string => (Number((yuan.get(code || '合计') ?? '0').replace(/,/g, '')) / 10_000).toFixed(2);
    const same = withInitialColumn(caizhengju, inWan);
    expect(runChecks(same, { budget }).filter((x) => x.rule === 'final-vs-budget' && x.table === 'd5')).toEqual([]);
    const off = withInitialColumn(caizhengju, (code) => (code === '2010607' ? '170.00' : inWan(code)));
    const f = runChecks(off, { budget }).filter((x) => x.rule === 'final-vs-budget' && x.table === 'd5');
    expect(f.map(at)).toEqual(['d5|2010607|8']);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 166.66, actual: 170 });
  });
});
