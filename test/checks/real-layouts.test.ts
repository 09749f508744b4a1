// The table rules on real layouts (test/fixtures/real/truth, published Shanghai and Jiangsu disclosures):
// split 类/款/项 code columns, 合计 last, amounts in 元 and the 三公 table in 万元, Jiangsu's three-panel
// 收支总表, item-style 收入总表 and one-row 支出总表 — each rule passing on the page as printed and failing on
// one changed cell, named by its contract-v2 ids (row: 科目编码 or first printed text; column: position).
import { describe, expect, it } from 'vitest';
import { at, findingsOf, realDoc, setCell, touches } from './helpers.js';

const fuli = realDoc('SH-PT-fuliyuan-2024-unit-budget');
const zfban = realDoc('SH-PT-zfban-2025-dept-budget');
const gaoyuan = realDoc('JS-gaoyuan-2019-dept-full');
const final = realDoc('SH-PT-caizhengju-2024-dept-final');

describe('row-sum on real layouts', () => {
  it('passes the printed tables', () => {
    for (const d of [fuli, zfban, gaoyuan]) expect(findingsOf(d, 'row-sum')).toEqual([]);
  });

  it('split code columns: a 基本支出 that breaks 合计 = 基本 + 项目 is named by its code and position, in 元', () => {
    const d = setCell(fuli, 't3', '2080502', 5, '538,400');
    const f = findingsOf(d, 'row-sum');
    expect(f.map(at)).toEqual(['t3|2080502|6']);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 538440, actual: 538400 });
    expect(f[0]!.message).toContain('2024年预算单位支出预算总表 2080502 事业单位离退休');
    expect(f[0]!.message).not.toMatch(/\bt\d\b|栏/);
  });

  it('a 单位 收支总表 whose expense side splits 合计 into 人员经费, 公用经费, 项目支出', () => {
    const d = setCell(fuli, 't1', '二、社会保障和就业支出', 4, '6,540,000');
    const f = findingsOf(d, 'row-sum');
    expect(f.some((x) => touches(x, 't1', '1、一般公共预算资金'))).toBe(true);
  });

  it('a horizontal 三公 table (Jiangsu, with 会议费 and 培训费): 三公 小计 = 出国 + 公务用车 + 接待', () => {
    const d = setCell(gaoyuan, 't9', '2,382.02', 6, '96.95');
    const f = findingsOf(d, 'row-sum');
    expect(f).toHaveLength(1);
    expect(f[0]!.related).toContainEqual({ table: 't9', row: '2,382.02', column: '7' });
    expect(f[0]!.message).toContain('公务接待费');
  });
});

describe('column-sum on real layouts', () => {
  it('split codes: a 项 changed breaks its 款; 决算 totals one cent off are 尾差 on the 合计 row', () => {
    const d = setCell(zfban, 't3', '2010301', 4, '12,029,500.84');
    expect(findingsOf(d, 'column-sum').some((x) => touches(x, 't3', '20103'))).toBe(true);
    const r = findingsOf(final, 'rounding').map(at);
    expect(r).toEqual(expect.arrayContaining(['d2|合计|5', 'd2|合计|6', 'd6|301|4', 'd6|302|8']));
  });

  it('Jiangsu 收支总表: 功能分类 categories add up to the 当年支出小计 printed once, beside 支出用途', () => {
    expect(findingsOf(gaoyuan, 'column-sum')).toEqual([]);
    const d = setCell(gaoyuan, 't1', '十八、住房保障支出', 3, '7,344.00');
    const f = findingsOf(d, 'column-sum');
    expect(f).toHaveLength(1);
    expect(at(f[0]!)).toBe('t1|当年收入小计|6');
    expect(f[0]!.related).toContainEqual({ table: 't1', row: '十八、住房保障支出', column: '4' });
  });

  it('Jiangsu item-style 收入总表: each group 小计 = its lines', () => {
    const d = setCell(gaoyuan, 't2', '公共财政拨款（补助）资金', 2, '37,100.00');
    expect(findingsOf(d, 'column-sum').some((x) => touches(x, 't2', '一般公共预算资金'))).toBe(true);
  });
});

describe('balance on a real layout', () => {
  it('财政拨款收支总表: 收入总计 = 支出总计', () => {
    expect(findingsOf(fuli, 'balance')).toEqual([]);
    const d = setCell(fuli, 't4', '支出总计', 3, '9,501,000');
    const f = findingsOf(d, 'balance');
    expect(f).toHaveLength(1);
    expect(touches(f[0]!, 't4', '收入总计')).toBe(true);
  });
});

describe('codes on real layouts', () => {
  it('code-format: a 类 printed “7” is an error under the code its neighbours give; a 款 “2” for “02” a warning', () => {
    const f = findingsOf(fuli, 'code-format');
    expect(f.map((x) => `${at(x)} ${x.severity}`)).toEqual(['t3|71102|1 error', 't5|71102|1 error']);
    expect(f[0]!.message).toContain('应为“210”');
    const g = findingsOf(realDoc('SH-PT-wanli-2024-dept-budget'), 'code-format');
    expect(g.map((x) => `${at(x)} ${x.severity}`)).toEqual(['t6|3012|2 warning', 't6|3017|2 warning']);
    expect(findingsOf(zfban, 'code-format')).toEqual([]);
  });

  it('the row the misprint belongs to still counts in its 款 (no column-sum error follows from it)', () => {
    expect(findingsOf(fuli, 'column-sum')).toEqual([]);
  });

  it('code-hierarchy: a 项 printed without its 款 row', () => {
    expect(findingsOf(zfban, 'code-hierarchy')).toEqual([]);
    const d = structuredClone(zfban);
    const t3 = d.tables.find((t) => t.key === 't3')!;
    t3.rows = t3.rows.filter((r) => r.join('') !== t3.rows.find((x) => x[0] === '210' && x[1] === '11' && x[2] === '')!.join(''));
    const f = findingsOf(d, 'code-hierarchy');
    expect(f.some((x) => x.message.includes('缺少上级款级科目 21011 行'))).toBe(true);
  });

  it('code-catalog: 款 numbered 01, 02 … in order instead of the standard 经济分类 codes', () => {
    const f = findingsOf(fuli, 'code-catalog');
    const hit = f.find((x) => x.row === '30202')!;
    expect(hit.severity).toBe('warning');
    expect(hit.message).toContain('“咨询费”的标准编码为 30203');
    expect(findingsOf(zfban, 'code-catalog')).toEqual([]);
  });
});

describe('cross-table on real layouts', () => {
  it('holds on documents whose tables agree, whatever the layout', () => {
    for (const d of [fuli, zfban, gaoyuan]) expect(findingsOf(d, 'cross-table').filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a unit with 事业收入: the 一般公共预算 table is not held to the whole 收支总表 (no false alarm)', () => {
    // 收支总表 12,121,164 元 in all; 一般公共预算 9,501,164 元; 事业收入 2,620,000 元.
    const f = findingsOf(fuli, 'cross-table');
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('基本支出 table 合计 = 一般公共预算支出表 基本支出 合计 (元)', () => {
    const d = setCell(zfban, 't6', '合计', 3, '24,606,000.00');
    const f = findingsOf(d, 'cross-table');
    expect(f.some((x) => touches(x, 't6', '合计') && touches(x, 't5', '合计'))).toBe(true);
  });

  it('a category printed under its pre-2019 name is the same 类 by code: amounts compared, not missed', () => {
    const d = setCell(fuli, 't1', '三、医疗卫生与计划生育支出', 3, '503,000');
    const f = findingsOf(d, 'cross-table');
    expect(f.some((x) => touches(x, 't1', '2、政府性基金') && touches(x, 't3', '210'))).toBe(true);
  });

  it('per code: 收入总表 合计 = 支出总表 合计', () => {
    const d = setCell(zfban, 't2', '2080599', 4, '14,000.00');
    const f = findingsOf(d, 'cross-table');
    expect(f.some((x) => touches(x, 't2', '2080599') && touches(x, 't3', '2080599'))).toBe(true);
  });

  it('三公 (万元) against the 基本支出 line (元): converted exactly, a warning when the line is larger', () => {
    const d = setCell(zfban, 't6', '30217', 3, '385,000.00');
    const f = findingsOf(d, 'cross-table').filter((x) => touches(x, 't9', null));
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
  });

  it('决算: a category one cent apart between the 总表 and the 支出决算表 is a 尾差 on both', () => {
    const f = findingsOf(final, 'rounding');
    expect(f.some((x) => touches(x, 'd1', '八、其他收入'))).toBe(true);
    expect(f.some((x) => touches(x, 'd4', '八、社会保障和就业支出'))).toBe(true);
  });
});

describe('category-name', () => {
  it('flags a 类 printed under its former name in the 收支总表 and the narrative, by code', () => {
    const f = findingsOf(fuli, 'category-name');
    expect(f.map((x) => x.table).sort()).toEqual(['narrative', 't1', 't4']);
    expect(f.find((x) => x.table === 't1')!.row).toBe('2、政府性基金');
    expect(f.find((x) => x.table === 'narrative')!.message).toContain('2018 年以前的科目名称');
    expect(findingsOf(zfban, 'category-name')).toEqual([]);
  });

  it('a narrative 项 named with its words in another order is still resolved, and its name flagged', () => {
    const f = findingsOf(gaoyuan, 'category-name');
    expect(f.map((x) => `${x.table} ${x.row}`)).toEqual(['narrative 2040502']);
    expect(f[0]!.message).toContain('“一般行政管理事务”');
  });

  it('flags a 项 named otherwise in another table (same code)', () => {
    const d = setCell(zfban, 't5', '2101101', 3, '行政单位医疗保险');
    const f = findingsOf(d, 'category-name');
    expect(f.map(at)).toEqual(['t5|2101101|4']);
    expect(f[0]!.message).toContain('“行政单位医疗”');
  });
});

describe('empty-note on real layouts', () => {
  it('a note naming another fund, and a 空表 note under a table with figures', () => {
    const f = findingsOf(realDoc('SH-PT-caizhengju-2025-dept-budget'), 'empty-note');
    expect(f.map((x) => `${x.table} ${x.severity}`)).toEqual(['t8 warning']);
    expect(f[0]!.message).toContain('政府性基金');
    const g = findingsOf(realDoc('SH-PT-wanli-2024-dept-budget'), 'empty-note');
    expect(g.map((x) => `${x.table} ${x.severity}`)).toEqual(['t9 error']);
    expect(findingsOf(zfban, 'empty-note')).toEqual([]);
  });
});

describe('procurement-arith on a nested procurement table (Jiangsu: 品目大类 › 专项 › 经济科目 › 采购物品)', () => {
  it('each row adds up the rows directly beneath it; a changed line is a warning on its group', () => {
    expect(findingsOf(gaoyuan, 'procurement-arith')).toEqual([]);
    const d = structuredClone(gaoyuan);
    const t = d.extra_tables.find((x) => x.title.includes('政府采购'))!;
    t.rows.find((r) => r[3] === 'PC服务器')![5] = '78.00';
    const f = findingsOf(d, 'procurement-arith');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(f.some((x) => x.message.includes('信息网络及软件购置更新'))).toBe(true);
  });
});
