// The whole engine on the real disclosures (test/fixtures/real/truth): no error that their known findings do
// not explain, most known findings raised — scored as ../shared/tools/score.mjs `findings` does (a narrative
// known finding counts only when a finding quotes its figure or phrase) — and none of the false alarms peer
// checkers had to learn to avoid, each on a real page.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/index.js';
import { tokenize } from '../../main/checks/lib/narrative/text.js';
import type { Finding } from '../../main/model/types.js';
import { findingsOf, realDoc, realTruth, touches } from './helpers.js';

const IDS = readdirSync(fileURLToPath(new URL('../fixtures/real/truth/', import.meta.url))).map((f) => f.replace(/\.json$/, '')).sort();
type Known = { rule: string; table: string; row: string | null; match?: string[] };

const squash = (s: unknown): string => String(s ?? '').replace(/\s+/g, '');
const quotes = (f: Finding, k: Known): boolean => !k.match || k.match.some((m) => squash(`${f.message}${f.paragraph?.quote ?? ''}`).includes(squash(m)));
/** A narrative known finding whose row describes a place (SCHEMA.md wants null there) is matched by its quote. */
const rowOf = (k: Known): string | null => (['narrative', 'document'].includes(k.table) && k.row && !/^\d{3,7}$/.test(k.row) ? null : k.row);
const raises = (f: Finding, k: Known): boolean => touches(f, k.table, rowOf(k)) && quotes(f, k);

describe('the engine on real disclosures', () => {
  const results = IDS.map((id) => ({ id, found: runChecks(realDoc(id)), known: (realTruth(id).known_findings ?? []) as Known[] }));

  it('raises no error its known findings do not explain', () => {
    const unexplained = results.flatMap(({ id, found, known }) => found.filter((f) => f.severity === 'error' && !known.some((k) => raises(f, k))).map((f) => `${id} ${f.rule} ${f.table} ${f.row} ${f.message}`));
    expect(unexplained).toEqual([]);
  });

  it('raises at least 80% of the known findings', () => {
    const total = results.reduce((a, r) => a + r.known.length, 0);
    const raised = results.reduce((a, r) => a + r.known.filter((k) => r.found.some((f) => raises(f, k))).length, 0);
    expect(total).toBe(59);
    expect(raised / total).toBeGreaterThanOrEqual(0.8);
  });

  it('speaks Chinese: printed table names, no table keys, lane numbers or rule ids in messages', () => {
    for (const { found } of results) {
      for (const f of found) {
        expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(f.message).not.toMatch(/\b[td][1-9]\b|第 ?\d+:\d+ 栏|\b(row|column|rounding|cross-table)\b/);
      }
    }
  });
});

describe('no false alarms on real pages', () => {
  it('amounts and codes are not years; only the years printed as years are', () => {
    const item = realDoc('SH-PT-wanli-2024-dept-budget').narrative.find((s) => s.heading.includes('编制说明'))!.paragraphs[5]!;
    expect(tokenize(item).tokens.filter((t) => t.kind === 'year').map((t) => t.value)).toEqual([2023, 2024, 2023]);
    expect(tokenize('“一般公共服务支出（类）社会工作事务（款）行政运行（项）”2013901科目20,765.62万元').tokens.filter((t) => t.kind === 'year')).toEqual([]);
  });

  it('legitimate previous-year mentions (执行数 of last year, 截至 dates, 比上年) are not year slips', () => {
    for (const id of IDS) expect(findingsOf(realDoc(id), 'year-mismatch').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a 目录 page: leader dots are neither placeholders nor punctuation slips, its numbers no figures', () => {
    const d = realDoc('SH-PT-caizhengju-2025-dept-budget');
    const toc = (f: Finding) => f.row === '目录';
    expect(runChecks(d).filter(toc)).toEqual([]);
  });

  it('tables over several pages (67 rows of split codes) check as one', () => {
    for (const id of ['SH-PT-wanli-2023-dept-budget', 'SH-PT-wanli-2024-dept-budget']) {
      expect(runChecks(realDoc(id)).filter((f) => f.severity === 'error' && /^t\d$/.test(f.table) && f.rule !== 'empty-note')).toEqual([]);
    }
  });

  it('a two-sided 收支总表 (功能分类 beside 支出用途, totals printed once) adds up on each side', () => {
    const d = realDoc('JS-gaoyuan-2019-dept-full');
    expect(runChecks(d).filter((f) => f.table === 't1')).toEqual([]);
  });

  it('mixed units: a 万元 三公 table against a 元 基本支出 table, a 万元 narrative against 元 tables', () => {
    const f = runChecks(realDoc('SH-PT-zfban-2025-dept-budget'));
    expect(f.filter((x) => x.rule !== 'code-catalog')).toEqual([]); // 213.28万元 vs 2,132,777.54元 and every item in 万元
  });

  it('blank is 0: a 公务用车 小计 over a blank 购置费, an empty fund table printed as 合计 alone', () => {
    expect(findingsOf(realDoc('SH-PT-fuliyuan-2024-unit-budget'), 'row-sum')).toEqual([]);
    expect(runChecks(realDoc('JS-renda-2019-dept-tables')).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('completeness by layout family', () => {
  it('a narrative-only file gets one remark that its tables are published elsewhere, no missing tables', () => {
    const f = findingsOf(realDoc('JS-shengweiban-2019-dept-text'), 'completeness');
    expect(f.map((x) => `${x.table} ${x.severity}`)).toEqual(['document info']);
    expect(f[0]!.message).toContain('另册公开');
  });

  it('Jiangsu prints no 国有资本经营 table: not missing; a table its family expects is', () => {
    expect(findingsOf(realDoc('JS-gaoyuan-2019-dept-full'), 'completeness')).toEqual([]);
    const d = structuredClone(realDoc('JS-gaoyuan-2019-dept-full'));
    d.tables = d.tables.filter((t) => t.key !== 't7');
    expect(findingsOf(d, 'completeness').map((x) => `${x.table} ${x.severity}`)).toEqual(['t7 error']);
  });
});
