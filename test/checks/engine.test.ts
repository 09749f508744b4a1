// The whole engine on the corpus fixtures, scored as ../shared/tools/score.mjs `findings` does: the
// mutants' injected cells are caught by a finding absent from the original, clean documents have no
// error that their known_findings do not explain, and the known findings are raised.
import { describe, expect, it } from 'vitest';
import { addCatalogEntries, loadCatalogFile, ruleCatalogue, runChecks } from '../../main/checks/index.js';
import { AppError } from '../../main/model/errors.js';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { doc, findingsOf, fresh, MUTANTS, mutantDoc, table, touches, truth, truthDoc, withCell } from './helpers.js';

const CLEAN = ['seed000', 'seed001', 'seed002'];
const original = new Map(CLEAN.map((id) => [id, runChecks(truthDoc(id))]));

describe('the engine on the corpus fixtures', () => {
  it('catches every mutant at its injected cell', () => {
    const missed: string[] = [];
    for (const m of MUTANTS) {
      const found = fresh(original.get(m.base)!, runChecks(mutantDoc(m)));
      const inj = m.injected;
      const rows = ['leaf-value', 'total-value'].includes(inj.kind) ? [String(inj.row)]
        : inj.kind === 'cross-table' ? [String(inj.row), ...(inj.changes ?? []).map((c) => String(c.row))] : null;
      const ok = found.some((f) => (rows ?? [null]).some((r) => touches(f, inj.table, r)));
      if (!ok) missed.push(`${m.id} ${inj.kind} ${inj.table} r${inj.row}`);
    }
    expect(MUTANTS.length).toBe(24);
    expect(missed).toEqual([]);
  });

  it('raises no error on clean documents that known_findings do not explain, and raises the known ones', () => {
    let known = 0;
    let raised = 0;
    for (const id of CLEAN) {
      const found = original.get(id)!;
      const kf = truth(id).known_findings ?? [];
      const unexplained = found.filter((f) => f.severity === 'error' && !kf.some((k) => touches(f, k.table, k.row)));
      expect(unexplained.map((f) => `${id} ${f.rule} ${f.table} ${f.row} ${f.message}`)).toEqual([]);
      known += kf.length;
      raised += kf.filter((k) => found.some((f) => touches(f, k.table, k.row))).length;
    }
    expect(raised / known).toBeGreaterThanOrEqual(0.8);
  });

  it('gives every finding a unique key, a Chinese message and contract fields', () => {
    for (const id of CLEAN) {
      const found = original.get(id)!;
      const keys = found.map((f) => `${f.rule}|${f.table}|${f.row}|${f.column}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of found) {
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(/^(t[1-9]|narrative|document|extra:.+)$/.test(f.table)).toBe(true);
        expect(Array.isArray(f.related)).toBe(true);
      }
    }
  });

  it('blames the cell that fails several identities, not the total', () => {
    const d = withCell(truthDoc('seed002'), 't6', '11', 4, '0.53'); // 30199 人员经费
    const f = findingsOf(d).filter((x) => x.severity === 'error');
    expect(f.map((x) => `${x.rule}|${x.table}|${x.row}|${x.column}`).sort()).toEqual(['column-sum|t6|11|4', 'row-sum|t6|11|4']);
    expect(f.every((x) => x.expected === 0.65 && x.actual === 0.53)).toBe(true);
  });

  it('takes damaged input in its stride: missing tables, text in amount cells, no narrative', () => {
    const d = doc({
      tables: [table('t3', [['1', '', '合计', '十万', '5', ''], ['2', '201', '一般公共服务支出', '5', '5', '']])],
    });
    const f = runChecks(d);
    expect(f.filter((x) => x.rule === 'completeness' && x.severity === 'error')).toHaveLength(8);
    expect(f.some((x) => x.rule === 'engine')).toBe(false);
  });
});

describe('tables not read cell by cell', () => {
  it('are named once (warning) instead of failing every identity', () => {
    const d = structuredClone(truthDoc('seed001'));
    const t3 = d.tables.find((t) => t.key === 't3')!;
    t3.rows[0]![3] = '1140.331072.8342.00';
    t3.rows[1]![1] = '20120101201010120103';
    const f = findingsOf(d).filter((x) => x.table === 't3' || x.related.some((r) => r.table === 't3'));
    expect(f.map((x) => `${x.rule}|${x.severity}`)).toEqual(['completeness|warning']);
    expect(f[0]!.message).toContain('未能逐格读取');
  });
});

describe('rule catalogue and 科目 catalogue', () => {
  it('lists every rule with a Chinese title and the cells it reads', () => {
    const rules = ruleCatalogue();
    expect(new Set(rules.map((r) => r.id))).toEqual(new Set([
      'completeness', 'empty-note', 'row-sum', 'column-sum', 'balance', 'code-hierarchy', 'code-format', 'code-catalog', 'category-name', 'cross-table',
      'year-mismatch', 'narrative-vs-table', 'narrative-percent', 'narrative-sum', 'narrative-consistency', 'narrative-item', 'narrative-direction',
      'narrative-count', 'procurement-arith', 'rounding', 'year-over-year', 'placeholder', 'punctuation', 'organisation-name', 'performance', 'admin-level',
      'final-vs-budget', 'narrative-purpose', 'narrative-lines', 'ocr-misread', 'form-sum',
    ]));
    // Every rule has a Chinese name an auditor reads (rounding → 尾差), never its id.
    for (const r of rules) {
      expect(r.title + r.reads).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.name).toMatch(/^[\u4e00-\u9fa5“”/、（）]+$/);
    }
    expect(rules.find((r) => r.id === 'rounding')?.name).toBe('尾差');
  });

  it('takes user entries, from code or from a JSON file, and refuses a malformed file', () => {
    const d = withCell(truthDoc('seed000'), 't5', '4', 2, '行政运行（本级）');
    expect(findingsOf(d, 'code-catalog')).toHaveLength(1);
    addCatalogEntries([{ kind: 'function', code: '2999901', name: '测试科目', year: 2023 }]);
    const file = path.join(os.tmpdir(), `catalog-${process.pid}.json`);
    writeFileSync(file, JSON.stringify([{ kind: 'function', code: '2010301', name: '行政运行（本级）', year: 2023 }]));
    expect(loadCatalogFile(file)).toBe(1);
    // Now t5 prints the catalogue's name, and t2/t3 (still 行政运行) are the ones that differ.
    expect(findingsOf(d, 'code-catalog').map((f) => f.table).sort()).toEqual(['t2', 't3']);
    addCatalogEntries([{ kind: 'function', code: '2010301', name: '行政运行', year: 2023 }]);
    writeFileSync(file, '{"not": "a list"}');
    expect(() => loadCatalogFile(file)).toThrow(AppError);
  });
});
