// Within-table rules: row-sum, column-sum (科目 tables, t1/t4, t9), balance, code-hierarchy, code-catalog —
// each on a passing table and a failing one.
import { describe, expect, it } from 'vitest';
import { at, doc, findingsOf, table, touches, truthDoc, withCell } from './helpers.js';

const seed000 = truthDoc('seed000');
const seed002 = truthDoc('seed002');

describe('row-sum', () => {
  it('passes on a clean document', () => {
    expect(findingsOf(seed000, 'row-sum')).toEqual([]);
    expect(findingsOf(seed002, 'row-sum')).toEqual([]);
  });

  it('finds a part that breaks its row and names that cell with the value it should have', () => {
    const d = withCell(seed000, 't3', '4', 4, '1182.52'); // 2010301 基本支出
    const f = findingsOf(d, 'row-sum');
    expect(f).toHaveLength(1);
    expect(at(f[0]!)).toBe('t3|4|4'); // the 基本支出 cell also breaks its column, so it is blamed
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.actual).toBe(1182.52);
    expect(f[0]!.expected).toBe(1182.02);
    expect(f[0]!.related).toContainEqual({ table: 't3', row: '4', column: '3' });
    expect(f[0]!.message).toContain('2010301 行政运行');
  });

  it('reports a 0.01–0.03 difference as a 尾差 warning (rule "rounding"), not an error', () => {
    const d = withCell(seed000, 't5', '4', 5, '110.02');
    const f = findingsOf(d, 'rounding').filter((x) => x.message.includes('基本支出+项目支出'));
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(f[0]!.message).toContain('尾差');
  });
});

describe('column-sum (科目 tables)', () => {
  it('raises only 尾差 warnings on a document whose 款 rows are printed rounded', () => {
    expect(findingsOf(seed002, 'column-sum')).toEqual([]);
    const f = findingsOf(seed002, 'rounding');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'warning' && x.message.includes('尾差'))).toBe(true);
    expect(f.map(at)).toContain('t2|6|3'); // 20805 行政事业单位养老支出 173.70 vs 173.69
  });

  it('finds a dropped 款 row through its 类 total, with every child in related', () => {
    const d = structuredClone(seed000);
    const t6 = d.tables.find((t) => t.key === 't6')!;
    t6.rows = t6.rows.filter((r) => r[1] !== '30108');
    const f = findingsOf(d, 'column-sum').filter((x) => x.severity === 'error');
    const parent = f.find((x) => at(x) === 't6|2|3')!;
    expect(parent.message).toContain('301 工资福利支出');
    expect(parent.expected).toBeCloseTo(980.34, 2);
    expect(parent.related.length).toBe(8);
  });

  it('names a missing 类 row when its 款 rows make up the difference', () => {
    const d = structuredClone(seed002);
    const t6 = d.tables.find((t) => t.key === 't6')!;
    t6.rows = t6.rows.filter((r) => r[1] !== '302');
    const f = findingsOf(d, 'column-sum').filter((x) => x.severity === 'error');
    expect(f.some((x) => at(x) === 't6|1|3' && x.message.includes('缺少类级科目行（302）'))).toBe(true);
  });
});

describe('column-sum (t1/t4)', () => {
  it('checks 本年支出合计 against the 支出 items and blames the item that also breaks t3', () => {
    const d = withCell(seed000, 't1', '8', 4, '322.12'); // 八、社会保障和就业支出
    const f = findingsOf(d, 'column-sum').filter((x) => x.table === 't1');
    expect(f).toHaveLength(1);
    expect(at(f[0]!)).toBe('t1|8|4');
    expect(f[0]!.related).toContainEqual({ table: 't1', row: '32', column: '4' });
  });

  it('adds 年初财政拨款结转和结余 lines into 收入总计 (t4)', () => {
    const t4 = table('t4', [
      ['1', '一、一般公共预算拨款', '100.00', '一、一般公共服务支出', '120.00', '120.00', '', ''],
      ['2', '本年收入合计', '100.00', '本年支出合计', '120.00', '120.00', '', ''],
      ['3', '年初财政拨款结转和结余', '', '年末财政拨款结转和结余', '', '', '', ''],
      ['4', '一、一般公共预算拨款', '20.00', '', '', '', '', ''],
      ['5', '收入总计', '120.00', '支出总计', '120.00', '120.00', '', ''],
    ]);
    expect(findingsOf(doc({ tables: [t4] }), 'column-sum')).toEqual([]);
    const bad = structuredClone(t4);
    bad.rows[3]![2] = '25.00';
    const f = findingsOf(doc({ tables: [bad] }), 'column-sum');
    // 收入总计 is compared; the fund's balance (支出总计 of its column) fails too, so the blame lands on the line edited.
    expect(f.some((x) => touches(x, 't4', '5') && touches(x, 't4', '4'))).toBe(true);
    expect(f.map(at)).toContain('t4|4|2');
  });
});

describe('column-sum (t9 三公)', () => {
  it('finds the blank 一般公共预算 cell of 公务用车购置及运维费 (seed001 known finding)', () => {
    const f = findingsOf(truthDoc('seed001')).filter((x) => x.table === 't9');
    expect(f.some((x) => x.rule === 'column-sum' && at(x) === 't9|6|3')).toBe(true);
    expect(f.some((x) => x.rule === 'row-sum' && at(x) === 't9|6|3')).toBe(true);
  });

  it('takes the 2024 layout with 四、会议费 and 五、培训费 in its stride', () => {
    const rows = [
      ['1', '合计', '30.00', '30.00', '', ''],
      ['2', '一、因公出国（境）费', '', '', '', ''],
      ['3', '二、公务用车购置及运维费', '10.00', '10.00', '', ''],
      ['4', '其中：公务用车购置费', '', '', '', ''],
      ['5', '公务用车运行维护费', '10.00', '10.00', '', ''],
      ['6', '三、公务接待费', '5.00', '5.00', '', ''],
      ['7', '四、会议费', '8.00', '8.00', '', ''],
      ['8', '五、培训费', '7.00', '7.00', '', ''],
    ];
    expect(findingsOf(doc({ tables: [table('t9', rows)] }), 'column-sum')).toEqual([]);
    rows[7]![2] = '9.00';
    rows[7]![3] = '9.00';
    const f = findingsOf(doc({ tables: [table('t9', rows)] }), 'column-sum');
    expect(f.map(at)).toEqual(['t9|1|2', 't9|1|3']);
    expect(f[0]!.related).toContainEqual({ table: 't9', row: '8', column: '2' });
  });
});

describe('balance', () => {
  const t1 = (outTotal: string) => table('t1', [
    ['1', '一、一般公共预算拨款收入', '50.00', '一、一般公共服务支出', '50.00'],
    ['2', '本年收入合计', '50.00', '本年支出合计', '50.00'],
    ['3', '上年结转结余', '', '年终结转结余', ''],
    ['4', '收入总计', '50.00', '支出总计', outTotal],
  ]);
  it('passes when 收入总计 = 支出总计', () => expect(findingsOf(doc({ tables: [t1('50.00')] }), 'balance')).toEqual([]));
  it('fails when they differ', () => {
    const f = findingsOf(doc({ tables: [t1('52.00')] }), 'balance');
    expect(f).toHaveLength(1);
    // 支出总计 also breaks its own column (本年支出合计 + 结转), so it is the cell blamed.
    expect(at(f[0]!)).toBe('t1|4|4');
    expect(f[0]!.related).toContainEqual({ table: 't1', row: '4', column: '2' });
    expect(f[0]!.message).toContain('收入总计');
  });
});

describe('code-hierarchy', () => {
  it('passes on a clean document', () => expect(findingsOf(seed000, 'code-hierarchy')).toEqual([]));

  it('reports a code of the wrong length (code-format) and a 项 without its 款', () => {
    let d = withCell(seed000, 't5', '11', 1, '210111'); // 6 digits
    expect(findingsOf(d, 'code-format').map(at)).toEqual(['t5|11|1']);
    d = structuredClone(seed000);
    const t3 = d.tables.find((t) => t.key === 't3')!;
    t3.rows = t3.rows.filter((r) => r[1] !== '20805');
    const f = findingsOf(d, 'code-hierarchy');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('缺少上级款级科目 20805');
  });
});

describe('code-hierarchy (a 类 left without its 款)', () => {
  it('names a 类 row with no row under it when the table lists 款 elsewhere', () => {
    const d = structuredClone(seed000);
    const t6 = d.tables.find((t) => t.key === 't6')!;
    t6.rows = t6.rows.filter((r) => r[1] !== '31002');
    const f = findingsOf(d, 'code-hierarchy');
    expect(f.map(at)).toEqual(['t6|32|1']);
    expect(f[0]!.message).toContain('310 资本性支出：没有下级款级科目行');
  });
});

describe('code-catalog', () => {
  it('passes when names are the official ones (parenthesis widths do not matter)', () => {
    expect(findingsOf(seed000, 'code-catalog')).toEqual([]);
  });

  it('flags a name that differs from the official name of that year', () => {
    const d = withCell(seed000, 't5', '8', 2, '机关事业单位单位基本养老保险缴费支出');
    const f = findingsOf(d, 'code-catalog');
    expect(f).toHaveLength(1);
    expect(at(f[0]!)).toBe('t5|8|2');
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('机关事业单位基本养老保险缴费支出');
  });
});
