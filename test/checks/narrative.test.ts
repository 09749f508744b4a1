// The 情况说明: figures and the concept each speaks of; amounts against their tables, percentages that do
// not compute, parts that do not add up — passing and failing.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../main/checks/engine.js';
import { tokenize } from '../../main/checks/lib/narrative/text.js';
import { findingsOf, truthDoc, withText } from './helpers.js';

const seed000 = truthDoc('seed000');
const seed001 = truthDoc('seed001');
const seed002 = truthDoc('seed002');

describe('narrative figures', () => {
  it('finds amounts with their unit, percentages and years, numbered in reading order', () => {
    const { tokens } = tokenize('2023年预算收入1,140.33万元，占预算 76.54%；≤21.5万元，截至2022年12月31日');
    expect(tokens.map((t) => [t.kind, t.value, t.ordinal])).toEqual([
      ['year', 2023, 1], ['amount', 1140.33, 2], ['percent', 76.54, 3], ['amount', 21.5, 4], ['year', 2022, 5],
    ]);
    expect(tokens[3]!.bound).toBe(true);
    expect(tokens[4]!.date).toBe(true);
  });

  it('links each amount to what it states, and changes on last year to their subject', () => {
    const ctx = createContext(seed001);
    const facts = ctx.narrative.paragraphs.flatMap((p) => p.facts).filter((f) => f.token.kind === 'amount');
    const said = facts.map((f) => `${f.concept?.id}${f.change === null ? '' : f.change > 0 ? '+' : '-'} ${f.token.value}`);
    expect(said).toEqual(expect.arrayContaining([
      'totalIncome 1140.33', 'gpbIncome 1140.33', 'fundIncome 0', 'totalExpense 1140.33', 'basic 653.82',
      'personnel 615.7', 'publicUse 38.12', 'project 486.51', 'totalBoth 1140.33', 'totalBoth- 261.88',
      'basic+ 52.2', 'project- 314.08', 'operatingCost 38.12', 'sangong 26', 'abroad 0', 'carTotal 20',
      'carBuy 0', 'carRun 20', 'reception 6', 'sangong- 2', 'procurement 0', 'assetsHeld 708.22', 'assetsPurchase 0',
    ]));
  });
});

describe('narrative-vs-table', () => {
  it('passes when every stated amount is its table figure (or its rounding: 615.7, 26)', () => {
    for (const d of [seed000, seed001]) expect(findingsOf(d, 'narrative-vs-table')).toEqual([]);
  });

  it('finds an amount that contradicts its table, with the paragraph and the quoted sentence', () => {
    const d = withText(seed000, '项目支出 110 万元', '项目支出 110.14 万元');
    const f = findingsOf(d, 'narrative-vs-table');
    expect(f).toHaveLength(1);
    expect(f[0]!.table).toBe('narrative');
    expect(f[0]!.row).toBe('二、部门预算安排的总体情况');
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.expected).toBe(110);
    expect(f[0]!.actual).toBe(110.14);
    expect(f[0]!.related).toContainEqual({ table: 't3', row: '1', column: '5' });
    expect(f[0]!.paragraph).toMatchObject({ heading: '二、部门预算安排的总体情况', index: 2, quote: '项目支出 110.14 万元，占预算 6.52%，主要包括：政府公开电话经费等。' });
  });

  it('checks 三公 parts against t9 and 人员经费 against t6', () => {
    let f = findingsOf(withText(seed002, '公务用车购置及运维费15.33万元', '公务用车购置及运维费19.70万元'), 'narrative-vs-table');
    expect(f[0]!.related).toContainEqual({ table: 't9', row: '3', column: '2' });
    f = findingsOf(withText(seed002, '人员经费1024.89万元', '人员经费1029.24万元'), 'narrative-vs-table');
    expect(f[0]!.related).toEqual([{ table: 't6', row: '1', column: '4' }]);
  });

  it('only doubts amounts said of another year, and takes amounts in 元', () => {
    let d = withText(seed001, '其中基本支出653.82万元', '其中基本支出653.82万元（2022年基本支出600万元）');
    const f = findingsOf(d, 'narrative-vs-table');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]!.message).toContain('非本预算年度');
    d = withText(seed001, '公务接待费6万元', '公务接待费60000元');
    expect(findingsOf(d, 'narrative-vs-table')).toEqual([]);
  });

  it('reads a paragraph the layout wrapped in the middle of a figure as one paragraph', () => {
    const d = structuredClone(seed001);
    const s = d.narrative.find((x) => x.heading.startsWith('二、'))!;
    const i = s.paragraphs.findIndex((p) => p.includes('一般公共预算收入1140.33万元'));
    const [a, b] = s.paragraphs[i]!.replace('1140.33万元，基金', '801.39|万元，基金').split('|') as [string, string];
    s.paragraphs.splice(i, 1, a, b);
    const f = findingsOf(d, 'narrative-vs-table');
    expect(f).toHaveLength(1);
    expect(f[0]!.actual).toBe(801.39);
    expect(f[0]!.paragraph?.index).toBe(i);
  });

  it('says when no combination of procurement lines gives the stated purchase of fixed assets (warning)', () => {
    const f = findingsOf(seed002, 'narrative-vs-table');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('452.70');
  });
});

describe('narrative-consistency', () => {
  it('passes when the same change is stated alike everywhere', () => {
    expect(findingsOf(seed000, 'narrative-consistency')).toEqual([]);
  });
  it('names the statement that differs from the others', () => {
    const d = withText(seed000, '支出预算 1688.05 万元，比去年减少 117.26 万元', '支出预算 1688.05 万元，比去年减少 171.26 万元');
    const f = findingsOf(d, 'narrative-consistency');
    expect(f).toHaveLength(1);
    expect(f[0]!.column).toBe('2:3');
    expect(f[0]!.expected).toBe(-117.26);
  });
});

describe('narrative-percent', () => {
  it('passes percentages that compute', () => {
    expect(findingsOf(seed001, 'narrative-percent')).toEqual([]);
    const ok = withText(seed000, '下降 7%。按照收入来源', '下降 6.5%。按照收入来源');
    expect(findingsOf(ok, 'narrative-percent').filter((f) => f.row === '二、部门预算安排的总体情况' && f.column === '1:4')).toEqual([]);
  });

  it('finds a fall taken over this year instead of last year, and a share that does not compute', () => {
    const f = findingsOf(seed000, 'narrative-percent');
    expect(f).toHaveLength(3);
    expect(f[0]!.message).toContain('以本年数为基数');
    expect(f[0]!.expected).toBe(6.5);
    const d = withText(seed000, '占预算 76.54%', '占预算 80.54%');
    const g = findingsOf(d, 'narrative-percent').find((x) => x.actual === 80.54)!;
    expect(g.severity).toBe('error');
    expect(g.expected).toBe(76.54);
  });
});

describe('narrative-sum', () => {
  it('passes parts that add up (seed001: 52.2 − 314.08 = −261.88; 615.7 + 38.12 = 653.82)', () => {
    expect(findingsOf(seed001, 'narrative-sum')).toEqual([]);
  });

  it('finds 比上年增减 parts that do not add up (−17.08 − 100 ≠ −117.26)', () => {
    const f = findingsOf(seed000, 'narrative-sum');
    expect(f).toHaveLength(1);
    expect(f[0]!.expected).toBe(-117.08);
    expect(f[0]!.actual).toBe(-117.26);
    expect(f[0]!.severity).toBe('error');
  });

  it('adds up a complete list (…及其他费用 x 万元, no 等) against the amount it details', () => {
    expect(findingsOf(seed000, 'narrative-sum').filter((f) => f.row?.startsWith('三、'))).toEqual([]);
    const d = withText(seed000, '其他费用 27.47 万元', '其他费用 29.47 万元');
    const f = findingsOf(d, 'narrative-sum').filter((x) => x.row?.startsWith('三、'));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('所列各项之和 246.47');
  });

  it('finds 三公 parts that do not add up to the stated 三公 total', () => {
    const d = withText(seed002, '公务接待费76万元', '公务接待费70万元');
    const f = findingsOf(d, 'narrative-sum');
    expect(f.some((x) => x.message.includes('“三公”经费各项之和'))).toBe(true);
  });
});
