// The command line as CONTRACT.md fixes it: JSON on stdout, exit 0/1/2, reasons in Chinese and English.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import JSZip from 'jszip';
import { CLI, fixture, tempDir } from './helpers/paths.js';

/** The CLI in a child process, awaited (not spawnSync: the test runner's own messages keep flowing meanwhile). */
const runWith = (env: NodeJS.ProcessEnv | undefined, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      resolve({ status: err ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
    });
  });
const run = (...args: string[]) => runWith(undefined, ...args);

async function badInputs(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const put = (name: string, data: string | Uint8Array) => fs.writeFileSync((files[name] = path.join(dir, name)), data);
  put('notes.txt', '部门预算收支总表\n这不是一份公开文件。\n');
  put('empty.docx', '');
  const docx = fs.readFileSync(fixture('docs', 'seed000.word.docx'));
  put('truncated.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  const zip = new JSZip();
  zip.file('readme.md', '# not office');
  put('archive.docx', await zip.generateAsync({ type: 'uint8array' }));
  put('password.xls', fs.readFileSync(fixture('legacy', 'password.xls')));
  put('truncated.doc', fs.readFileSync(fixture('legacy', 'seed000.word.doc')).subarray(0, 100000));
  return files;
}

describe('cli check', () => {
  it('prints exactly one contract document for a .docx', async () => {
    const r = await run('check', fixture('docs', 'seed000.word.docx'), '--json');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ scope: '部门', department_code: '434', department: '石家庄市长安区人民政府办公室', year: 2023, unit: '万元' });
    expect(doc.tables.map((t: { key: string }) => t.key)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(Array.isArray(doc.findings)).toBe(true);
  });

  it('refuses unusable files with exit 2 and a one-line reason in Chinese and English', async () => {
    const files = await badInputs(tempDir());
    for (const [name, file] of Object.entries(files)) {
      const r = await run('check', file, '--json');
      expect(r.status, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(r.stderr, name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr, name).toMatch(/[A-Za-z]{4,}/);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  }, 240_000); // one process per file, each starting a reading worker

  it('a missing file is exit 2, not a crash', async () => {
    const r = await run('check', '/nonexistent/file.pdf', '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/不存在/);
  });
});

describe('cli import and list', () => {
  it('imports, recognises the same file, lists departments × years × versions', async () => {
    const db = path.join(tempDir(), 'archive.sqlite');
    const a = await run('import', fixture('docs', 'seed000.word.docx'), fixture('docs', 'seed002.excel.xlsx'), '--db', db);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/已存储/);
    const b = await run('import', fixture('docs', 'seed000.word.docx'), '--db', db);
    expect(b.stdout).toMatch(/已存在/);
    const list = await run('list', '--db', db);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/434\t石家庄市长安区人民政府办公室\t2023\t预算\tv1/);
    expect(list.stdout).toMatch(/151001\t廊坊市广阳区人民政府办公室本级\t2023\t预算\tv1/);
  });

  it('leaves the database unchanged when every file is bad', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'archive.sqlite');
    expect((await run('import', fixture('docs', 'seed000.word.docx'), '--db', db)).status).toBe(0);
    const before = (await run('list', '--db', db, '--json')).stdout;
    const files = await badInputs(dir);
    const r = await run('import', ...Object.values(files), '--db', db);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(Object.keys(files).length);
    expect((await run('list', '--db', db, '--json')).stdout).toBe(before);
  });
});

describe('cli export', () => {
  it('exports a file without filing it in the user archive when no --db is given', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'book.xlsx');
    const env = { ...process.env, BUDGET_AUDIT_DATA_DIR: path.join(dir, 'data') };
    const r = await runWith(env, 'export', fixture('docs', 'seed000.word.docx'), '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(5000);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });
});
