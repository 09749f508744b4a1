// The review flow through the one API: corrections with an audit trail and undo, decisions on findings,
// tables marked reviewed — all of it survives reopening the archive.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createApi } from '../main/api/index.js';
import { fixture, tempDir } from './helpers/paths.js';

const cell = (view: { document: { tables: { key: string; rows: string[][]; lanes: string[] | null }[] } }, key: string, seq: string, lane: string) => {
  const t = view.document.tables.find((x) => x.key === key)!;
  return t.rows.find((r) => r[0] === seq)![t.lanes!.indexOf(lane)];
};

describe('review through the API', () => {
  it('corrects a cell, re-checks, undoes, and keeps the trail', async () => {
    const dbPath = path.join(tempDir(), 'a.sqlite');
    let clock = 0;
    const api = createApi({ dbPath, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString() });
    const { submission } = await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') });
    const before = await api['submission.get']({ id: submission.id });
    const original = cell(before, 't6', '3', '3')!;
    const after = await api['correction.apply']({ submissionId: submission.id, table: 't6', row: '3', column: '3', value: '999.99', reason: '测试修改', author: '张审核' });
    expect(cell(after, 't6', '3', '3')).toBe('999.99');
    expect(after.corrections).toHaveLength(1);
    expect(after.corrections[0]).toMatchObject({ table: 't6', row: '3', column: '3', oldValue: original, newValue: '999.99', author: '张审核', reason: '测试修改', undoneAt: null });
    const undone = await api['correction.undo']({ submissionId: submission.id, correctionId: after.corrections[0]!.id });
    expect(cell(undone, 't6', '3', '3')).toBe(original);
    expect(undone.corrections[0]!.undoneAt).not.toBeNull();
    api.close();
  });

  it('refuses a correction of a cell that does not exist, with a clear reason', async () => {
    const api = createApi({ dbPath: path.join(tempDir(), 'a.sqlite') });
    const { submission } = await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') });
    await expect(api['correction.apply']({ submissionId: submission.id, table: 't6', row: '9999', column: '3', value: '1', reason: 'x' })).rejects.toThrow(/没有第 9999 行、第 3 列/);
    await expect(api['correction.apply']({ submissionId: submission.id, table: 't6', row: '3', column: '3', value: '1', reason: '' } as never)).rejects.toThrow(/参数无效/);
    api.close();
  });

  it('keeps corrections, finding decisions and review marks across a reopen', async () => {
    const dbPath = path.join(tempDir(), 'a.sqlite');
    const api = createApi({ dbPath });
    const { submission } = await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') });
    await api['correction.apply']({ submissionId: submission.id, table: 't2', row: '12', column: '3', value: '22.48', reason: '尾差' });
    const view = await api['table.setReviewed']({ submissionId: submission.id, table: 't1', reviewed: true });
    expect(view.findings.length).toBeGreaterThan(0); // seed000 prints 74.91 over children summing to 74.90
    const key = view.findings[0]!.key;
    await api['finding.setStatus']({ submissionId: submission.id, key, status: 'dismissed', comment: '已核实' });
    api.close();

    const reopened = createApi({ dbPath });
    const v = await reopened['submission.get']({ id: submission.id });
    expect(cell(v, 't2', '12', '3')).toBe('22.48');
    expect(v.reviewed).toEqual(['t1']);
    expect(v.findings.find((x) => x.key === key)).toMatchObject({ status: 'dismissed', comment: '已核实' });
    expect(v.summary.correctionCount).toBe(1);
    expect(v.summary.reviewedTables).toBe(1);
    reopened.close();
  });
});
