// The office's workflow through the API: stored findings stay what a fresh check gives while the archive
// around a submission changes; the state of a review moves from 未开始 to 已办结 and the overview filters on
// it; one decision for many findings; redo after undo; finding places and rules in words, never ids.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createApi, type ApiInstance } from '../main/api/index.js';
import { currentDocument } from '../main/api/documents.js';
import { findingKey, openArchive } from '../main/store/index.js';
import { lastYearWorkbook } from './helpers/last-year.js';
import { fixture, tempDir } from './helpers/paths.js';

let dir: string;
let api: ApiInstance;
beforeEach(() => {
  dir = tempDir('budget-workflow-');
  api = createApi({ dbPath: path.join(dir, 'a.sqlite') });
});
afterEach(() => {
  api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The findings a fresh run of the checks gives now, with the archive as it is. */
function freshKeys(id: number): string[] {
  const db = openArchive(path.join(dir, 'a.sqlite'));
  try {
    return currentDocument(db, id).findings.map(findingKey).sort();
  } finally {
    db.close();
  }
}

const openedKeys = async (id: number): Promise<string[]> => (await api['submission.get']({ id })).findings.map((f) => f.key).sort();

describe('review workflow through the API', () => {
  it('opens with stored findings that equal a fresh check after last year is corrected and after it is deleted', async () => {
    const prev = (await api['archive.importFile']({ path: await lastYearWorkbook(dir) })).submission.id;
    const id = (await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') })).submission.id;
    const yoy = async () => (await api['submission.get']({ id })).findings.filter((f) => f.rule === 'year-over-year');
    expect((await yoy()).some((f) => f.expected === -111.95)).toBe(true);
    expect(await openedKeys(id)).toEqual(freshKeys(id));

    // Two years side by side: every figure matched by table, row and column names, with the change.
    const years = await api['submission.compare']({ id, otherId: prev });
    expect(years).toMatchObject({ mode: 'years', before: { year: 2022 }, after: { year: 2023 }, outcomes: [] });
    const income = years.changes.find((c) => c.table === 't1' && c.row === '本年收入合计');
    expect(income).toMatchObject({ tableName: '收支总表', before: '1,800.00', delta: -111.95 });

    // A correction of last year's 本年收入合计 changes this year's 比上年 comparison.
    const view = await api['submission.get']({ id: prev });
    const t1 = view.layouts.t1!;
    const r = view.document.tables.find((t) => t.key === 't1')!.rows.findIndex((row) => row.some((c) => /本年收入合计/.test(c)));
    const amount = t1.columns.find((c) => c.role === 'amount' && c.panel === 0)!;
    await api['correction.apply']({ submissionId: prev, table: 't1', row: t1.rowIds[r]![0]!, column: amount.id, value: '1700.00', reason: '更正上年数' });
    expect(await openedKeys(id)).toEqual(freshKeys(id));
    expect((await yoy()).some((f) => f.expected === -11.95)).toBe(true);

    // Without last year in the archive there is nothing to compare with.
    await api['submission.delete']({ id: prev });
    expect(await yoy()).toEqual([]);
    expect(await openedKeys(id)).toEqual(freshKeys(id));
  });

  it('moves a review from 未开始 through 审核中, 已重新报送, 已出具意见 to 已办结, and the overview filters on it', async () => {
    const v1 = (await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.docx') })).submission.id;
    const other = (await api['archive.importFile']({ path: fixture('docs', 'seed001.excel.xlsx') })).submission;
    const state = async (id: number) => (await api['submission.get']({ id })).review.state;
    expect(await state(v1)).toBe('not-started');
    const f = (await api['submission.get']({ id: v1 })).findings[0]!;
    await api['finding.setStatus']({ submissionId: v1, key: f.key, status: 'confirmed', comment: '请核实' });
    expect(await state(v1)).toBe('in-review');
    const v2 = (await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') })).submission.id;
    expect(await state(v2)).toBe('resubmitted');
    expect((await api['submission.get']({ id: v2 })).resubmission).toMatchObject({ previousVersion: 1, carried: 1 });
    await api['review.update']({ submissionId: v2, conclusion: '已复审', opinionIssued: true });
    expect(await state(v2)).toBe('opinion-issued');
    await api['review.update']({ submissionId: v2, closed: true });
    expect(await state(v2)).toBe('closed');
    expect(await state(v1)).toBe('in-review');

    const all = await api['archive.overview']({});
    expect(all.total).toBe(2);
    expect(all.states).toMatchObject({ closed: 1, 'not-started': 1 });
    const dept = all.departments.find((d) => d.cells.some((c) => c.id === v2))!;
    expect(dept.cells).toEqual([expect.objectContaining({ id: v2, year: 2023, kind: '预算', version: 2, versions: 2, state: 'closed' })]);
    expect((await api['archive.overview']({ state: 'closed' })).departments.map((d) => d.name)).toEqual([dept.name]);
    expect((await api['archive.overview']({ state: 'not-started' })).departments.map((d) => d.name)).toEqual([other.department]);
    expect((await api['archive.overview']({ kind: '决算' })).total).toBe(0);
    expect((await api['archive.overview']({ query: other.department.slice(0, 3) })).departments.map((d) => d.name)).toContain(other.department);
    expect((await api['archive.overview']({ limit: 1, offset: 1 })).departments).toHaveLength(1);
    expect((await api['archive.overview']({ query: '%' })).total).toBe(0);
  });

  it('dismisses every 尾差 at once, redoes an undone correction, and names places and rules in words', async () => {
    const id = (await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') })).submission.id;
    let view = await api['submission.get']({ id });
    const tails = view.findings.filter((f) => f.ruleName === '尾差');
    expect(tails.length).toBeGreaterThan(3);
    view = await api['finding.setStatusMany']({ submissionId: id, keys: tails.map((f) => f.key), status: 'dismissed', comment: '尾差，不影响' });
    expect(view.findings.filter((f) => f.ruleName === '尾差').every((f) => f.status === 'dismissed' && f.comment === '尾差，不影响')).toBe(true);

    const t6 = view.layouts.t6!;
    const table = view.document.tables.find((t) => t.key === 't6')!;
    const col = t6.columns.find((c) => c.role === 'amount')!;
    const before = table.rows[1]![col.index]!;
    view = await api['correction.apply']({ submissionId: id, table: 't6', row: t6.rowIds[1]![0]!, column: col.id, value: '999.99', reason: '试改' });
    const c = view.corrections[0]!;
    view = await api['correction.undo']({ submissionId: id, correctionId: c.id });
    expect(view.document.tables.find((t) => t.key === 't6')!.rows[1]![col.index]).toBe(before);
    view = await api['correction.redo']({ submissionId: id, correctionId: c.id });
    expect(view.document.tables.find((t) => t.key === 't6')!.rows[1]![col.index]).toBe('999.99');
    // The trail keeps the undone correction and adds the redone one.
    expect(view.corrections.map((x) => `${x.newValue} ${x.undoneAt === null ? '有效' : '已撤销'}`).sort()).toEqual(['999.99 已撤销', '999.99 有效']);
    await expect(api['correction.redo']({ submissionId: id, correctionId: view.corrections.find((x) => x.undoneAt === null)!.id })).rejects.toThrow(/重做/);

    for (const f of view.findings) {
      for (const text of [f.place, f.ruleName, f.relatedText, f.message]) expect(text, f.key).not.toMatch(/[A-Za-z]{3,}|\b[td][1-9]\b|\d+:\d+/);
    }
    const words = await api['vocabulary.get']();
    expect(words.statuses.dismissed).toBe('已排除');
    expect(words.rules['cross-table']!.name).toBe('表间勾稽');
  });
});
