// Batch reading on worker threads and the folder import built on it: every file gets a result, a bad one
// is reported and skipped, progress is reported file by file.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { readMany } from '../main/readers/batch.js';
import { createApi } from '../main/api/index.js';
import type { ProgressEvent } from '../main/api/types.js';
import { fixture, tempDir } from './helpers/paths.js';

const FILES = ['seed000.word.docx', 'seed001.excel.xlsx', 'seed001.excel.pdf', 'seed002.noline.pdf'];

describe('readMany (worker threads)', () => {
  it('reads files in parallel and reports each as it finishes, bad files included', async () => {
    const items = [
      ...FILES.map((f) => ({ fileName: f, bytes: new Uint8Array(fs.readFileSync(fixture('docs', f))) })),
      { fileName: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.4 this is not really a pdf') },
    ];
    const seen: number[] = [];
    const results = await readMany(items, { concurrency: 2, onResult: (_r, done) => void seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => ('doc' in r ? r.doc.department_code : r.error.code))).toEqual(['434', '434', '434', '151001', 'unusable-input']);
    const noline = results[3]!;
    expect('doc' in noline && noline.doc.tables.find((t) => t.key === 't6')!.rows.length).toBe(29);
  });

  it('a file that takes too long costs its worker, not the batch', async () => {
    const big = { fileName: 'seed002.noline.pdf', bytes: new Uint8Array(fs.readFileSync(fixture('docs', 'seed002.noline.pdf'))) };
    const small = { fileName: 'seed000.word.docx', bytes: new Uint8Array(fs.readFileSync(fixture('docs', 'seed000.word.docx'))) };
    const results = await readMany([big, small], { concurrency: 1, timeoutMs: 5 });
    expect('error' in results[0]! && results[0].error.zh).toMatch(/超时/);
    // The next file gets a fresh worker (it may time out too at 5 ms, but it is tried and reported).
    expect(results).toHaveLength(2);
    expect(results[1]).toBeDefined();
  });
});

describe('archive.importFolder', () => {
  it('imports a folder with progress, skipping what cannot be read', async () => {
    const dir = tempDir();
    for (const f of FILES) fs.copyFileSync(fixture('docs', f), path.join(dir, f));
    fs.copyFileSync(fixture('docs', 'seed000.word.docx'), path.join(dir, 'again.docx')); // same bytes, other name
    fs.copyFileSync(fixture('pdf', 'blank-page.pdf'), path.join(dir, 'scan.pdf'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored: not a disclosure extension');
    const events: ProgressEvent[] = [];
    const api = createApi({ dbPath: path.join(dir, 'a.sqlite'), onEvent: (e) => events.push(e) });
    const { results } = await api['archive.importFolder']({ path: dir });
    expect(results).toHaveLength(6);
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.every((e) => e.total === 6)).toBe(true);
    const byName = Object.fromEntries(results.map((r, i) => [['again.docx', 'scan.pdf', ...FILES].sort()[i], r]));
    expect(byName['scan.pdf']).toMatchObject({ status: 'error', error: { code: 'unusable-input' } });
    const statuses = results.map((r) => r.status).sort();
    // seed001 as .xlsx and as .pdf is one disclosure in two formats: the second is kept beside the first.
    expect(statuses).toEqual(['duplicate', 'error', 'same-content', 'stored', 'stored', 'stored']);
    const listed = await api['archive.list']({});
    expect(new Set(listed.map((s) => `${s.departmentCode}${s.department}${s.year}`)).size).toBe(3);
    api.close();
  });
});
