// year-over-year: the 比上年 changes of the 情况说明 against last year's submission from the archive.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/index.js';
import type { BudgetDocument } from '../../main/model/types.js';
import { truthDoc, withCell } from './helpers.js';

/** seed000 says 收支 1688.05, 较 2022 年减少 117.26, 其中基本支出减少 17.08, 项目支出减少 100. */
function lastYear(total: string, basic: string, project: string): BudgetDocument {
  let prev = structuredClone(truthDoc('seed000'));
  prev.year = 2022;
  for (const [key, row, lane] of [['t1', '32', 2], ['t1', '34', 2], ['t1', '32', 4], ['t1', '34', 4], ['t2', '1', 3], ['t2', '1', 4], ['t3', '1', 3]] as const) {
    prev = withCell(prev, key, row, lane, total);
  }
  prev = withCell(prev, 't3', '1', 4, basic);
  return withCell(prev, 't3', '1', 5, project);
}

const yoy = (doc: BudgetDocument, prev?: BudgetDocument) => runChecks(doc, { previousYear: prev }).filter((f) => f.rule === 'year-over-year');

describe('year-over-year', () => {
  const doc = truthDoc('seed000');

  it('is silent without last year in the archive', () => {
    expect(yoy(doc)).toEqual([]);
  });

  it('passes when last year\'s tables give the stated changes', () => {
    // 1805.31 − 1688.05 = 117.26; 1595.13 − 1578.05 = 17.08; 210.00 − 110.00 = 100.
    expect(yoy(doc, lastYear('1805.31', '1595.13', '210.00'))).toEqual([]);
  });

  it('flags a stated change that last year\'s tables do not give, on the narrative figure', () => {
    const found = yoy(doc, lastYear('1800.00', '1595.13', '210.00'));
    expect(found.length).toBeGreaterThan(0);
    const income = found.find((f) => /收入/.test(f.message))!;
    expect(income).toMatchObject({ severity: 'error', table: 'narrative', expected: -111.95, actual: -117.26 });
    expect(income.paragraph?.quote).toMatch(/117\.26/);
    expect(income.message).toMatch(/2022 年档案/);
  });

  it('ignores a "previous" submission that is not of an earlier year', () => {
    const same = structuredClone(lastYear('1800.00', '1595.13', '210.00'));
    same.year = 2023;
    expect(yoy(doc, same)).toEqual([]);
  });
});
