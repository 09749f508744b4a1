// The 情况说明 of a 决算 (Shanghai's 第三部分 … 决算情况说明), on the two real 2024 部门决算: 决算数 vs 预算数
// wording, 三公 execution against the “三公” table, completion rates from their own statement, contracts won by
// 中小企业 within the 政府采购, a 科目 described with another's purpose, 人员经费 lists against the 基本支出 table —
// each passing on the text as published (or as corrected) and failing on the slip printed or one edit.
import { describe, expect, it } from 'vitest';
import { continues } from '../../main/checks/lib/narrative/index.js';
import { findingsOf, fresh, realDoc, withText } from './helpers.js';

const caizhengju = realDoc('SH-PT-caizhengju-2024-dept-final');
const shehui = realDoc('SH-PT-shehuigongzuobu-2024-dept-final');

describe('narrative-direction (决算): 决算数大于/小于/等于预算数 against the figures', () => {
  it('passes the real texts (年初预算 0 and 全年预算 321.02: “小于预算数” speaks of the 全年)', () => {
    expect(findingsOf(caizhengju, 'narrative-direction')).toEqual([]);
    expect(findingsOf(shehui, 'narrative-direction')).toEqual([]);
  });

  it('a 决算 below its 年初预算 said to be above it is an error, quoting the statement', () => {
    const d = withText(caizhengju, '支出决算为1511.89万元。决算数小于', '支出决算为1511.89万元。决算数大于');
    const f = findingsOf(d, 'narrative-direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', table: 'narrative', row: '2010601' });
    expect(f[0]!.paragraph?.quote).toMatch(/1560\.05万元.*1511\.89万元.*决算数大于预算数/);
  });

  it('the “三公” statement: “决算数小于预算数” after the lines of its parts speaks of the “三公” total', () => {
    const d = withText(caizhengju, '“三公”经费支出决算数小于预算数', '“三公”经费支出决算数大于预算数');
    const f = findingsOf(d, 'narrative-direction');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/决算 0\.00万元小于预算 0\.95万元/);
  });

  it('“基本持平” a fifth apart, and “持平” with the 全年预算 when they differ', () => {
    const d = withText(caizhengju, '支出决算为10.00万元。决算数与预算数基本持平', '支出决算为8.00万元。决算数与预算数基本持平');
    expect(findingsOf(d, 'narrative-direction').map((x) => [x.row, x.severity])).toEqual([['2010602', 'warning']]);
    const e = withText(shehui, '支出决算为11.72万元。决算数与全年预算数持平', '支出决算为10.72万元。决算数与全年预算数持平');
    expect(findingsOf(e, 'narrative-direction').map((x) => [x.row, x.severity])).toEqual([['2210203', 'error']]);
  });
});

describe('narrative-vs-table (决算 execution): 三公 and totals against the 决算 tables', () => {
  it('passes the real texts', () => {
    expect(findingsOf(caizhengju, 'narrative-vs-table').filter((f) => !f.message.includes('0.3万元'))).toEqual([]);
    expect(findingsOf(shehui, 'narrative-vs-table')).toEqual([]);
  });

  it('the “三公” 决算 stated against the table’s 决算数 (an error), its 年初预算 against an unqualified 预算数 (a warning)', () => {
    const d = withText(caizhengju, '支出决算为0.00万元，完成预算的0%', '支出决算为0.10万元，完成预算的0%');
    const f = fresh(findingsOf(caizhengju, 'narrative-vs-table'), findingsOf(d, 'narrative-vs-table'));
    expect(f.map((x) => [x.severity, x.expected, x.actual])).toEqual([['error', 0, 0.1]]);
    expect(f[0]!.related).toContainEqual({ table: 'd9', row: '0.95', column: '2' });
    const g = fresh(findingsOf(caizhengju, 'narrative-vs-table'), findingsOf(withText(caizhengju, '年初预算为0.95万元', '年初预算为0.75万元'), 'narrative-vs-table'));
    expect(g.map((x) => [x.severity, x.expected, x.actual])).toEqual([['warning', 0.95, 0.75]]);
  });

  it('the 一般公共预算财政拨款支出 决算 against the 一般公共预算财政拨款支出决算表', () => {
    const d = withText(caizhengju, '支出决算为2940.05万元，完成', '支出决算为2941.05万元，完成');
    const f = findingsOf(d, 'narrative-vs-table').filter((x) => x.message.includes('2941.05'));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
  });
});

describe('narrative-percent: a completion rate from its own statement', () => {
  it('a part stating only its 决算 (“因公出国（境）费决算为0.00万元，完成预算的0%”) is not divided by the whole’s budget', () => {
    const d = withText(caizhengju, '支出决算为0.00万元，完成预算的0%', '支出决算为0.10万元，完成预算的0%');
    const f = fresh(findingsOf(caizhengju, 'narrative-percent'), findingsOf(d, 'narrative-percent'));
    expect(f.map((x) => [x.expected, x.actual])).toEqual([[10.53, 0]]);
    expect(findingsOf(caizhengju, 'narrative-percent').some((x) => x.message.includes('完成'))).toBe(false);
  });
});

describe('narrative-sum (中小企业): contracts won by 中小企业 within the 政府采购', () => {
  it('21.07 won in reserved projects and 21.07 more in other projects exceed a 21.07 total (real)', () => {
    const f = findingsOf(shehui, 'narrative-sum');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 21.07, actual: 42.14 });
    expect(f[0]!.paragraph?.quote).toContain('在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额21.07万元');
  });

  it('passes when the other projects won nothing; 0.01 over the total is a 尾差 (real)', () => {
    expect(findingsOf(withText(shehui, '在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额21.07万元', '在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额0万元'), 'narrative-sum')).toEqual([]);
    expect(findingsOf(caizhengju, 'narrative-sum')).toEqual([]);
    expect(findingsOf(caizhengju, 'rounding').some((x) => x.message.includes('中小企业') && x.message.includes('251.26'))).toBe(true);
  });
});

describe('narrative-sum (中小企业), in the national wording', () => {
  const shanghai = caizhengju.narrative.flatMap((x) => x.paragraphs).find((x) => x.startsWith('2024年度本部门面向中小企业预留'))!;
  const national = (sme: string, small: string) => withText(caizhengju, shanghai,
    `授予中小企业合同金额${sme}万元，占政府采购支出总额的98.09%，其中：授予小微企业合同金额${small}万元。预留给中小企业的合同金额246.47万元。`);
  it('授予小微企业 is a part of 授予中小企业, both within the 政府采购; a 预留 amount is not added again', () => {
    expect(fresh(findingsOf(caizhengju, 'narrative-sum'), findingsOf(national('246.47', '100.00'), 'narrative-sum'))).toEqual([]);
    const f = fresh(findingsOf(caizhengju, 'narrative-sum'), findingsOf(national('246.47', '300.00'), 'narrative-sum'));
    expect(f.map((x) => [x.expected, x.actual])).toEqual([[246.47, 300]]);
  });
});

describe('narrative-purpose: a 科目 described with another 科目’s purpose', () => {
  it('住房公积金 “主要用于：事业单位医疗保险支出” (real)', () => {
    const f = findingsOf(shehui, 'narrative-purpose');
    expect(f.map((x) => [x.row, x.severity])).toEqual([['2210201', 'warning']]);
    expect(f[0]!.paragraph?.quote).toContain('医疗保险');
  });

  it('passes its own purpose, and a purpose the catalogue does not fix', () => {
    expect(findingsOf(caizhengju, 'narrative-purpose')).toEqual([]);
    expect(findingsOf(withText(shehui, '住房公积金（项）。主要用于：事业单位医疗保险支出', '住房公积金（项）。主要用于：缴纳住房公积金'), 'narrative-purpose')).toEqual([]);
    expect(findingsOf(withText(shehui, '住房公积金（项）。主要用于：事业单位医疗保险支出', '住房公积金（项）。主要用于：人员支出'), 'narrative-purpose')).toEqual([]);
  });
});

describe('narrative-lines: 人员经费 “主要包括” against the 基本支出 table', () => {
  it('names 个人农业生产补贴 (blank) and not 奖励金 (0.31) (real)', () => {
    const f = findingsOf(caizhengju, 'narrative-lines');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/个人农业生产补贴.*30309 奖励金 0\.31/);
    expect(f[0]!.related).toContainEqual({ table: 'd6', row: '30310', column: '4' });
  });

  it('passes a list whose blank line leaves no line with money unnamed, and the corrected list', () => {
    expect(findingsOf(shehui, 'narrative-lines')).toEqual([]); // 邮电费 0.00 named, every line with money named too
    expect(findingsOf(withText(caizhengju, '退休费、个人农业生产补贴', '退休费、奖励金'), 'narrative-lines')).toEqual([]);
  });
});

describe('机关运行经费 and vehicle counts in a 决算 (narrative-vs-table, narrative-count)', () => {
  it('机关运行经费 against the 公用经费合计 of the 基本支出决算表', () => {
    expect(findingsOf(caizhengju, 'narrative-vs-table').some((x) => x.message.includes('机关运行经费'))).toBe(false);
    const f = findingsOf(withText(caizhengju, '机关运行经费支出184.65万元', '机关运行经费支出194.65万元'), 'narrative-vs-table');
    expect(f.some((x) => x.message.includes('194.65') && x.related.some((r) => r.table === 'd6'))).toBe(true);
  });

  it('共有车辆 n 辆 against the vehicles listed by category', () => {
    expect(findingsOf(caizhengju, 'narrative-count')).toEqual([]);
    const f = findingsOf(withText(caizhengju, '其他用车0辆', '其他用车1辆'), 'narrative-count');
    expect(f.map((x) => x.severity)).toEqual(['error']);
  });
});

describe('wrapped lines of a PDF narrative', () => {
  it('a line ending on “主要用于：” goes on with the next unless a numbered item starts', () => {
    expect(continues('2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：', '局财政业务指导与宣传等基本支出。')).toBe(true);
    expect(continues('2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：', '3、一般公共服务支出（类）财政事务（款）信息化建设（项）。')).toBe(false);
  });
});
