// Across tables: totals, categories by name/code, per-科目 identities, 三公 vs 基本支出 — passing and failing.
import { describe, expect, it } from 'vitest';
import { at, doc, findingsOf, table, truthDoc, withCell } from './helpers.js';

const seed000 = truthDoc('seed000');
const seed002 = truthDoc('seed002');

describe('cross-table', () => {
  it('passes on clean documents', () => {
    for (const id of ['seed000', 'seed001', 'seed002']) {
      expect(findingsOf(truthDoc(id), 'cross-table').filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('t5 基本支出合计 = t6 合计', () => {
    const d = withCell(seed002, 't6', '1', 3, '1335.40');
    const f = findingsOf(d, 'cross-table');
    expect(f.map(at)).toContain('t6|1|3');
    const hit = f.find((x) => at(x) === 't6|1|3')!;
    expect(hit.related).toContainEqual({ table: 't5', row: '1', column: '4' });
    expect(hit.expected).toBe(1331.05);
  });

  it('t4 支出 categories per 资金栏 = t5 类 rows, matched by name', () => {
    const d = withCell(seed000, 't4', '10', 5, '75.91'); // 十、卫生健康支出, 一般公共预算
    const f = findingsOf(d, 'cross-table');
    const hit = f.find((x) => x.related.some((r) => r.table === 't5' && r.row === '9'));
    expect(hit).toBeDefined();
    expect(at(hit!)).toBe('t4|10|5'); // also breaks its own row (合计 = 5+6+7), so it is blamed
  });

  it('pairs a category printed under another wording with the 类 row of the same amount', () => {
    const d = withCell(seed000, 't1', '10', 3, '十、卫生与健康支出');
    expect(findingsOf(d, 'cross-table')).toEqual([]);
  });

  it('t1 本年支出合计 = t3 合计 and t2 合计 = t3 合计 per code', () => {
    const d = withCell(seed000, 't3', '1', 3, '1688.94');
    const f = findingsOf(d, 'cross-table');
    expect(f.map(at)).toContain('t3|1|3');
    const hit = f.find((x) => at(x) === 't3|1|3')!;
    expect(hit.related).toEqual(expect.arrayContaining([{ table: 't1', row: '32', column: '4' }, { table: 't2', row: '1', column: '3' }]));
  });

  it('a code in t2 and t5 missing from t3 is named, the missing side related as table t3', () => {
    const d = structuredClone(seed002);
    const t3 = d.tables.find((t) => t.key === 't3')!;
    t3.rows = t3.rows.filter((r) => r[1] !== '21102');
    const f = findingsOf(d, 'cross-table').filter((x) => x.message.includes('21102'));
    expect(f.length).toBeGreaterThan(0);
    expect(f.some((x) => [x, ...x.related].some((r) => r.table === 't3' && r.row === null))).toBe(true);
    expect(f[0]!.message).toContain('单位预算支出总表 无 21102 科目行');
  });

  it('t3 基本支出 ≥ t5 基本支出 per code when other money is present', () => {
    const fn = (key: 't3' | 't5', rows: string[][]) => table(key, rows);
    const t3 = fn('t3', [
      ['1', '', '合计', '100.00', '60.00', '40.00'],
      ['2', '201', '一般公共服务支出', '100.00', '60.00', '40.00'],
      ['3', '20103', '政府办公厅（室）及相关机构事务', '100.00', '60.00', '40.00'],
      ['4', '2010301', '行政运行', '100.00', '60.00', '40.00'],
    ]);
    const t5ok = fn('t5', [
      ['1', '', '合计', '80.00', '60.00', '20.00'],
      ['2', '201', '一般公共服务支出', '80.00', '60.00', '20.00'],
      ['3', '20103', '政府办公厅（室）及相关机构事务', '80.00', '60.00', '20.00'],
      ['4', '2010301', '行政运行', '80.00', '60.00', '20.00'],
    ]);
    expect(findingsOf(doc({ tables: [t3, t5ok] }), 'cross-table')).toEqual([]);
    const t5bad = structuredClone(t5ok);
    for (const r of t5bad.rows) { r[3] = '90.00'; r[4] = '70.00'; }
    const f = findingsOf(doc({ tables: [t3, t5bad] }), 'cross-table');
    expect(f.map(at).sort()).toEqual(['t3|2|4', 't3|3|4', 't3|4|4']);
    expect(f[0]!.message).toContain('<');
  });

  it('三公 lines of t9 below the same basic-expenditure lines of t6 are a warning', () => {
    expect(findingsOf(seed000, 'cross-table').filter((f) => f.table === 't9')).toEqual([]);
    const d = withCell(seed000, 't6', '20', 3, '0.80'); // 30217 公务接待费 0.60 → 0.80
    const f = findingsOf(d, 'cross-table').filter((x) => [x, ...x.related].some((c) => c.table === 't9'));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    // The t6 cell also breaks its own row and column, so the blame moves to it; t9 stays related.
    expect(at(f[0]!)).toBe('t6|20|3');
    expect(f[0]!.related).toContainEqual({ table: 't9', row: '8', column: '3' });
  });
});
