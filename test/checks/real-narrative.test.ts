// The narrative of real disclosures (Shanghai 编制说明 items, Jiangsu 第三部分, 决算 情况说明) and the
// reviewer rules, each passing on a document as published and failing on the slip a reviewer found there
// (or on one edit of a clean page). Findings quote the sentence; messages are Chinese.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/index.js';
import { findingsOf, realDoc, touches, withText } from './helpers.js';

const zfban = realDoc('SH-PT-zfban-2025-dept-budget');
const czj25 = realDoc('SH-PT-caizhengju-2025-dept-budget');
const fuli = realDoc('SH-PT-fuliyuan-2024-unit-budget');
const wanli23 = realDoc('SH-PT-wanli-2023-dept-budget');
const wanli24 = realDoc('SH-PT-wanli-2024-dept-budget');
const swbText = realDoc('JS-shengweiban-2019-dept-text');
const renda = realDoc('JS-renda-2019-dept-full');
const final = realDoc('SH-PT-caizhengju-2024-dept-final');
const shehui = realDoc('SH-PT-shehuigongzuobu-2024-dept-final');

describe('narrative-vs-table: 科目 items by 类/款/项 (or dashes) against their row, 万元 against 元', () => {
  it('passes items that are their row (“…-行政运行”科目1,202.95万元 = 12,029,501.84元)', () => {
    expect(findingsOf(zfban, 'narrative-vs-table')).toEqual([]);
    expect(findingsOf(zfban, 'rounding').filter((f) => f.table === 'narrative')).toEqual([]);
  });

  it('finds a stray digit (887.36万元 for 873,617元) as an error on the item’s code, quoting its sentence', () => {
    const f = findingsOf(czj25, 'narrative-vs-table');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', table: 'narrative', row: '2080506' });
    expect(f[0]!.paragraph?.quote).toContain('887.36万元');
    expect(f[0]!.related).toContainEqual({ table: 't5', row: '2080506', column: '5' });
  });

  it('reports a truncated 万元 figure (87.70 for 877,080元) as a 尾差, not an error', () => {
    const f = findingsOf(czj25, 'rounding').filter((x) => x.table === 'narrative');
    expect(f.map((x) => x.row).sort()).toEqual(['2080501', '2101101', '2210201', '2210203']);
    expect(f.every((x) => x.severity === 'warning' && x.message.includes('尾差'))).toBe(true);
  });
});

describe('narrative-item', () => {
  it('the heading amount against the body of the same item', () => {
    const f = findingsOf(wanli24, 'narrative-item');
    expect(f).toHaveLength(1);
    expect(f[0]!.paragraph?.quote).toMatch(/350\.35.*352\.67/);
    expect(findingsOf(zfban, 'narrative-item')).toEqual([]);
  });

  it('an item said to be spent on 基本支出 whose row is all 项目支出 (决算)', () => {
    const f = findingsOf(final, 'narrative-item');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('一般行政管理事务');
  });
});

describe('narrative-percent', () => {
  it('growth from the 执行数 and the budget stated in the item: 314.82% for 289.12%', () => {
    const f = findingsOf(wanli23, 'narrative-percent');
    expect(f.some((x) => x.actual === 314.82 && x.expected === 289.12)).toBe(true);
    expect(findingsOf(wanli24, 'narrative-percent').map((x) => x.actual)).toEqual([0.53]); // only the item whose body says 352.67
  });

  it('a narrative-only file: growth from the change stated beside the amount (30% for 29.15%), a last-digit slip as 尾差', () => {
    const f = findingsOf(swbText, 'narrative-percent');
    expect(f.map((x) => [x.row, x.actual])).toEqual([['221', 30]]);
    const tail = findingsOf(swbText, 'rounding').map((x) => [x.row, x.actual]);
    expect(tail).toEqual(expect.arrayContaining([['2013101', 16.07], ['2080505', 5.6], ['2080506', 5.6]]));
    // 三公 shares over the sum of the parts the text states (the 三公 table is in the other file).
    expect(findingsOf(swbText, 'rounding').some((x) => x.actual === 80.92)).toBe(true);
  });

  it('shares of a 决算 category over the spending stated before them; a completion rate against a 0 budget', () => {
    const f = findingsOf(final, 'narrative-percent');
    expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['error', 71.73, 71.65]]);
    const g = findingsOf(shehui, 'narrative-percent');
    expect(g.some((x) => x.message.includes('无法计算') && x.actual === 95.89)).toBe(true);
    expect(findingsOf(renda, 'narrative-percent')).toEqual([]);
  });
});

describe('narrative-sum: procurement 货物 + 工程 + 服务', () => {
  it('passes a sum that holds and reports a cent off as 尾差', () => {
    expect(findingsOf(zfban, 'narrative-sum')).toEqual([]);
    const f = findingsOf(final, 'rounding').filter((x) => x.table === 'narrative');
    expect(f.some((x) => x.paragraph?.quote.includes('251.25'))).toBe(true);
    const d = withText(zfban, '政府采购服务预算34万元', '政府采购服务预算36万元');
    expect(findingsOf(d, 'narrative-sum').map((x) => x.severity)).toEqual(['error']);
  });
});

describe('narrative-consistency on a real document', () => {
  it('the same change stated in several sections must agree', () => {
    expect(findingsOf(renda, 'narrative-consistency').filter((f) => f.message.includes('2432.93'))).toEqual([]);
    // 一般公共预算: income and spending of the same money change alike (sections 一 and 七).
    const d = withText(renda, '一般公共预算财政拨款支出预算18330.37万元，与上年相比增加2432.93万元', '一般公共预算财政拨款支出预算18330.37万元，与上年相比增加2423.93万元');
    expect(findingsOf(d, 'narrative-consistency').some((f) => f.actual === 2423.93)).toBe(true);
  });
});

describe('narrative-direction', () => {
  it('an increase larger than this year’s amount (0万元, 比2022年预算增加1421.25万元)', () => {
    const f = findingsOf(wanli23, 'narrative-direction');
    expect(f.some((x) => x.severity === 'error' && x.paragraph!.quote.includes('1421.25'))).toBe(true);
  });

  it('a reason that says 增加 for a decrease, and a reason left out (“主要原因是。”)', () => {
    expect(findingsOf(wanli24, 'narrative-direction').map((x) => x.message)).toEqual([expect.stringContaining('宣传事务一般行政管理事务经费增加')]);
    const f = findingsOf(fuli, 'narrative-direction');
    expect(f.map((x) => x.paragraph!.quote)).toEqual([expect.stringContaining('主要原因是。')]);
    expect(findingsOf(zfban, 'narrative-direction')).toEqual([]);
  });

  it('持平 said of two levels that differ', () => {
    const d = withText(zfban, '（三）公务接待费28.50万元，与2024年预算持平。', '（三）2024年预算数为26.50万元，2025年预算安排28.50万元，与2024年预算持平。');
    expect(findingsOf(d, 'narrative-direction')).toEqual([]); // not a 科目 item paragraph: levels unknown
    const e = withText(wanli24, '2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，比2023年预算执行数持平', '2023年当年预算执行数为10.00万元，2024年预算安排12.00万元，比2023年预算执行数持平');
    expect(findingsOf(e, 'narrative-direction').some((x) => x.message.includes('并非持平'))).toBe(true);
  });
});

describe('narrative-count: areas and vehicle counts', () => {
  it('finds 7998 + 105 ≠ 8013 (error: the parts exceed the whole) and 8013 + 5356 ≠ 13459 (about: a warning)', () => {
    const f = findingsOf(wanli24, 'narrative-count');
    expect(f).toHaveLength(1); // one paragraph, both sums in its message
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toMatch(/13459平方米.*8013平方米/s);
  });

  it('passes vehicle counts that add up, and finds one that does not', () => {
    expect(findingsOf(zfban, 'narrative-count')).toEqual([]);
    const d = withText(wanli24, '共有车辆7辆', '共有车辆8辆');
    const f = findingsOf(d, 'narrative-count').filter((x) => x.message.includes('辆'));
    expect(f.map((x) => x.severity)).toEqual(['error']); // the list ends with 其他用车: it is complete
  });
});

describe('year-mismatch: a budget compared with its own year', () => {
  it('is silent on 比上一年 comparisons, dates and 执行数 of last year; finds 比2024年 in a 2024 budget', () => {
    expect(findingsOf(wanli24, 'year-mismatch')).toEqual([]);
    const d = withText(wanli24, '财政拨款收入15621.11万元，比2023年预算减少876.75万元', '财政拨款收入15621.11万元，比2024年预算减少876.75万元');
    const f = findingsOf(d, 'year-mismatch');
    expect(f.map((x) => [x.severity, x.actual, x.expected])).toEqual([['error', 2024, 2023]]);
  });
});

describe('year-over-year with last year’s real submission', () => {
  it('the stated 比2023年预算减少876.75万元 is the 2023 tables’ total minus 2024’s', () => {
    const yoy = (doc: typeof wanli24) => runChecks(doc, { previousYear: wanli23 }).filter((f) => f.rule === 'year-over-year');
    expect(yoy(wanli24).filter((f) => f.message.includes('876.75'))).toEqual([]);
    const d = withText(wanli24, '比2023年预算减少876.75万元；事业收入', '比2023年预算减少867.75万元；事业收入');
    expect(yoy(d).some((f) => f.actual === -867.75 && f.expected === -876.75)).toBe(true);
  });
});

describe('reviewer rules', () => {
  it('placeholder: （增加内容）, 增加（减少） and a template instruction kept under a 决算 table', () => {
    expect(findingsOf(fuli, 'placeholder').map((x) => x.paragraph?.quote)).toEqual([expect.stringContaining('（增加内容）')]);
    expect(findingsOf(renda, 'placeholder').length).toBeGreaterThan(0);
    expect(findingsOf(shehui, 'placeholder').map((x) => x.table)).toEqual(['d7', 'd8']);
    expect(findingsOf(zfban, 'placeholder')).toEqual([]);
  });

  it('punctuation: a full stop that cuts “…1.35万元。比2023年预算持平”; 目录 leader dots are not slips', () => {
    const f = findingsOf(wanli24, 'punctuation');
    expect(f.map((x) => x.paragraph?.quote)).toEqual([expect.stringContaining('1.35万元。比2023年预算持平')]);
    expect(findingsOf(zfban, 'punctuation')).toEqual([]);
    const d = withText(zfban, '与2024年预算持平。其中：', '与2024年预算持平。。其中：');
    const f2 = findingsOf(d, 'punctuation');
    expect(f2.length).toBeGreaterThan(0);
    expect(f2.every((x) => x.message.includes('重复的标点'))).toBe(true);
  });

  it('admin-level: 市级 definitions in a 区级 document', () => {
    const f = findingsOf(wanli24, 'admin-level');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]!.paragraph?.quote).toContain('市级');
    expect(findingsOf(wanli23, 'admin-level')).toEqual([]);
  });

  it('organisation-name: another organisation in a 预算单位 line; a 单位 disclosure calling itself 部门', () => {
    const unit = realDoc('SH-PT-zfban-2025-unit-budget');
    expect(findingsOf(unit, 'organisation-name')).toEqual([]);
    let d = structuredClone(unit);
    d.narrative[1]!.heading = '预算单位：上海市普陀区社会福利院';
    expect(findingsOf(d, 'organisation-name').map((x) => x.message)).toEqual([expect.stringContaining('上海市普陀区人民政府办公室')]);
    d = withText(unit, '2025年度本单位政府采购预算', '2025年度本部门政府采购预算');
    expect(findingsOf(d, 'organisation-name').map((x) => x.message)).toEqual([expect.stringContaining('本部门')]);
  });

  it('performance: 绩效 money above 项目支出 is a warning', () => {
    expect(findingsOf(czj25, 'performance')).toEqual([]);
    const d = withText(czj25, '涉及项目预算资金598.46万元', '涉及项目预算资金5984.60万元');
    const f = findingsOf(d, 'performance');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(touches(f[0]!, 't3', '合计')).toBe(true);
  });
});
