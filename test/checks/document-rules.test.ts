// Document rules (completeness, empty-note, year-mismatch) and extra tables (procurement-arith, 固定资产).
import { describe, expect, it } from 'vitest';
import { at, findingsOf, truthDoc, withText } from './helpers.js';

const seed000 = truthDoc('seed000');
const seed001 = truthDoc('seed001');
const seed002 = truthDoc('seed002');

describe('completeness', () => {
  it('passes when the nine tables and every required section are there', () => {
    expect(findingsOf(seed000, 'completeness')).toEqual([]);
  });

  it('reports a missing table as an error and a missing section as a warning', () => {
    const d = structuredClone(seed000);
    d.tables = d.tables.filter((t) => t.key !== 't8');
    d.narrative = d.narrative.filter((s) => !s.heading.includes('三公'));
    const f = findingsOf(d, 'completeness');
    expect(f.find((x) => x.table === 't8')?.severity).toBe('error');
    expect(f.find((x) => x.table === 'narrative')?.message).toContain('三公');
  });

  it('remarks a section heading numbered out of style (5、 among 一、二、三…)', () => {
    const f = findingsOf(seed002, 'completeness');
    expect(f).toHaveLength(1);
    expect(f[0]!.row).toBe('5、 预算绩效信息');
    expect(f[0]!.severity).toBe('warning');
  });
});

describe('empty-note', () => {
  it('passes an empty table with its 空表 note', () => {
    expect(findingsOf(seed001, 'empty-note')).toEqual([]);
  });

  it('flags a 空表列示 note under a table with figures', () => {
    const f = findingsOf(seed000, 'empty-note');
    expect(f.map((x) => x.table).sort()).toEqual(['extra:部门固定资产占用情况表', 'extra:部门政府采购预算']);
    const d = structuredClone(seed000);
    const t7 = d.tables.find((t) => t.key === 't7')!;
    t7.rows = [['1', '', '合计', '5.00', '5.00', '']];
    expect(findingsOf(d, 'empty-note').find((x) => x.table === 't7')?.severity).toBe('error');
  });

  it('flags an empty table without a note; a note naming another table beside a full one is only doubtful', () => {
    const d = structuredClone(seed000);
    d.tables.find((t) => t.key === 't8')!.note = null;
    d.tables.find((t) => t.key === 't6')!.note = '注：无国有资本经营预算财政拨款预算，空表列示。';
    const f = findingsOf(d, 'empty-note').filter((x) => !x.table.startsWith('extra:'));
    expect(f.map((x) => `${at(x)} ${x.severity}`)).toEqual(['t6|null|null warning', 't8|null|null warning']);
  });
});

describe('empty-note on a table kept as text lines', () => {
  it('reads the title line, the cell lines and the 注 line', () => {
    const d = structuredClone(seed000);
    d.extra_tables = d.extra_tables.filter((t) => !t.title.includes('固定资产'));
    const s = d.narrative.find((x) => x.heading.startsWith('七、'))!;
    s.paragraphs.push('部门固定资产占用情况表', '项 目 数 量 价 值', '车辆（台、辆） 9 191.88其他固定资产 44.75', '注：无固定资产占用情况，空表列示。');
    const f = findingsOf(d, 'empty-note').filter((x) => x.table.includes('固定资产'));
    expect(f.map(at)).toEqual(['extra:部门固定资产占用情况表|null|null']);
    s.paragraphs.splice(-2, 1, '车辆（台、辆）');
    expect(findingsOf(d, 'empty-note').filter((x) => x.table.includes('固定资产'))).toEqual([]);
  });
});

describe('year-mismatch', () => {
  it('passes comparisons with last year and dates', () => {
    expect(findingsOf(seed001, 'year-mismatch')).toEqual([]);
  });

  it('finds the 2022 of "2022 年度机关运行经费安排 244.47 万元" in a 2023 budget', () => {
    const f = findingsOf(seed000, 'year-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error'); // 244.47 is a figure of this year's tables
    expect(f[0]!.row).toBe('三、机关运行经费安排情况');
    expect(f[0]!.paragraph?.quote).toContain('2022 年度机关运行经费安排 244.47 万元');
    expect(f[0]!.expected).toBe(2023);
    expect(f[0]!.actual).toBe(2022);
  });

  it('reads the clause after "2023年，" as the one the year speaks of', () => {
    const d = withText(seed001, '2023年，我部门机关运行经费共计安排38.12万元', '2022年，我部门机关运行经费共计安排38.12万元');
    const f = findingsOf(d, 'year-mismatch');
    expect(f.map((x) => `${x.severity} ${x.row}`)).toEqual(['error 三、机关运行经费安排情况']);
  });

  it('finds a wrong year in a heading and in the 收支安排 sentence, not in 较2022年', () => {
    let d = withText(seed001, '2023年部门预算收支安排1140.33万元', '2022年部门预算收支安排1140.33万元');
    const f = findingsOf(d, 'year-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]!.paragraph?.quote).toContain('较2022年减少');
    d = structuredClone(seed001);
    d.narrative[1]!.heading = d.narrative[1]!.heading.replace('2023', '2021');
    expect(findingsOf(d, 'year-mismatch').map((x) => x.actual)).toEqual([2021]);
  });
});

describe('procurement-arith', () => {
  it('passes a procurement table whose lines and totals agree', () => {
    expect(findingsOf(seed002, 'procurement-arith')).toEqual([]);
  });

  it('finds 数量 × 单价 ≠ 金额, naming a 单价 written in 元', () => {
    const f = findingsOf(seed000, 'procurement-arith');
    expect(f.map(at)).toEqual(['extra:部门政府采购预算|1|7', 'extra:部门政府采购预算|6|7']);
    expect(f[0]!.message).toContain('单价按“元”填列');
    expect(f[1]!.message).toContain('5200');
  });

  it('checks the 合计 row against its lines', () => {
    const d = structuredClone(seed002);
    const p = d.extra_tables.find((t) => t.title.includes('政府采购'))!;
    p.rows[0]![7] = '631.00';
    const f = findingsOf(d, 'procurement-arith');
    expect(f.some((x) => at(x) === 'extra:单位政府采购预算|1|8')).toBe(true);
  });
});

describe('fixed assets (column-sum)', () => {
  it('passes when 资产总额 = the asset lines', () => {
    expect(findingsOf(seed001, 'column-sum').filter((f) => f.table.startsWith('extra:'))).toEqual([]);
  });
  it('fails when it does not', () => {
    const d = structuredClone(seed001);
    d.extra_tables.find((t) => t.title.includes('固定资产'))!.rows[0]![2] = '709.22';
    const f = findingsOf(d, 'column-sum').filter((x) => x.table.startsWith('extra:'));
    expect(f.map(at)).toEqual(['extra:部门固定资产占用情况表|1|3']);
  });
});
