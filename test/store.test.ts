// The archive: migrations from zero, versions by department × year, duplicates by hash, atomic imports.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openArchive, migrate, MIGRATIONS, checkMigrationList } from '../main/store/index.js';
import { createApi } from '../main/api/index.js';
import { ROOT, fixture, tempDir } from './helpers/paths.js';

const schemaOf = (db: Database.Database): string =>
  (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { sql: string }[])
    .map((r) => r.sql.replace(/\s+/g, ' ').trim() + ';')
    .join('\n');

describe('migrations', () => {
  it('build the schema from zero in one step and match the checked-in snapshot', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const snapshot = fixture('schema.snapshot.sql');
    const schema = schemaOf(db) + '\n';
    if (!fs.existsSync(snapshot) || process.env.UPDATE_SCHEMA_SNAPSHOT) fs.writeFileSync(snapshot, schema);
    expect(schema).toBe(fs.readFileSync(snapshot, 'utf8'));
    expect(migrate(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version); // idempotent
  });

  it('refuses a database from a newer version of the app', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openArchive(file)).toThrow(/newer|新/);
  });

  it('rejects a migration list out of order', () => {
    expect(() => checkMigrationList([{ version: 2, name: 'b', sql: '' }, { version: 1, name: 'a', sql: '' }])).toThrow(/order/);
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    const bad = [...MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE x (a); CREATE TABLE x (a);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(schemaOf(db)).toBe('');
  });

  it('carries an archive of schema 1 over to the current schema without losing a row', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec(`
      INSERT INTO departments (id, code, name) VALUES (1, '434', '某部门');
      INSERT INTO source_files (id, sha256, file_name, format, size, page_count, bytes) VALUES (1, '${'a'.repeat(64)}', 'a.pdf', 'pdf', 3, 1, x'010203');
      INSERT INTO submissions (id, department_id, year, scope, version, source_file_id, unit, imported_at, narrative_json, extra_tables_json)
        VALUES (1, 1, 2023, '部门', 1, 1, '万元', '2024-01-01T00:00:00', '[]', '[]');
      INSERT INTO standard_tables (id, submission_id, key, ordinal, title, header_json, lanes_json, note, pages_json)
        VALUES (1, 1, 't9', 0, '部门预算财政拨款“三公”经费支出表', '{"rows":[],"merges":[]}', '["栏次","1"]', NULL, '[5]');
      INSERT INTO table_rows (id, table_id, ordinal, seq) VALUES (1, 1, 0, '1');
      INSERT INTO table_cells (row_id, col, text, page) VALUES (1, 0, '1', 5), (1, 1, '12.00', 5);
      INSERT INTO findings (submission_id, key, rule, severity, tbl, row, col, message, related_json) VALUES (1, 'k', 'row-sum', 'error', 't9', '1', '1', 'm', '[]');
      INSERT INTO finding_reviews (submission_id, key, status, reviewer, at) VALUES (1, 'k', 'confirmed', '审核人', 'now');
      INSERT INTO corrections (submission_id, tbl, row, col, old_value, new_value, author, at, reason) VALUES (1, 't9', '1', '1', '12.00', '11.00', '审核人', 'now', 'r');
      INSERT INTO table_reviews (submission_id, tbl, reviewer, at) VALUES (1, 't9', '审核人', 'now');
    `);
    expect(migrate(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT kind, version, unit, family FROM submissions').all()).toEqual([{ kind: '预算', version: 1, unit: '万元', family: null }]);
    expect(db.prepare('SELECT key, unit, lanes_json FROM standard_tables').all()).toEqual([{ key: 't9', unit: null, lanes_json: '["栏次","1"]' }]);
    for (const [table, n] of [['table_cells', 2], ['findings', 1], ['finding_reviews', 1], ['corrections', 1], ['table_reviews', 1]] as const) {
      expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(n);
    }
    // The kind is part of the key now: the 决算 of the same department and year is its own version 1.
    db.prepare(`INSERT INTO source_files (id, sha256, file_name, format, size, bytes) VALUES (2, '${'b'.repeat(64)}', 'b.pdf', 'pdf', 1, x'01')`).run();
    db.prepare(`INSERT INTO submissions (department_id, year, kind, scope, version, source_file_id, unit, imported_at, narrative_json, extra_tables_json)
      VALUES (1, 2023, '决算', '部门', 1, 2, '万元', 'now', '[]', '[]')`).run();
    // Deleting the submission still cascades to its tables, cells and trail.
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM submissions WHERE id = 1').run();
    expect((db.prepare('SELECT COUNT(*) AS n FROM table_cells').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT COUNT(*) AS n FROM corrections').get() as { n: number }).n).toBe(0);
  });

  it('003 widens the stored formats and keeps every stored file under its id, foreign keys checked', () => {
    const file = path.join(tempDir(), 'v1.sqlite');
    const v1 = new Database(file);
    v1.pragma('foreign_keys = ON');
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.exec(`INSERT INTO departments (id, code, name) VALUES (1, '434', '某部门');
      INSERT INTO source_files (id, sha256, file_name, format, size, page_count, bytes) VALUES (7, 'abc', 'a.docx', 'docx', 3, NULL, x'010203');
      INSERT INTO submissions (id, department_id, year, scope, version, source_file_id, unit, imported_at, narrative_json, extra_tables_json)
        VALUES (1, 1, 2023, '部门', 1, 7, '万元', '2024-01-01', '[]', '[]');`);
    expect(() => v1.exec(`INSERT INTO source_files (sha256, file_name, format, size, bytes) VALUES ('d', 'a.doc', 'doc', 1, x'00')`)).toThrow(/CHECK/);
    v1.close();
    const db = openArchive(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.prepare('SELECT id, format, hex(bytes) AS bytes FROM source_files').all()).toEqual([{ id: 7, format: 'docx', bytes: '010203' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.exec(`INSERT INTO source_files (sha256, file_name, format, size, bytes) VALUES ('d', 'a.doc', 'doc', 1, x'00'), ('x', 'a.xls', 'xls', 1, x'00')`);
    expect(() => db.exec('DELETE FROM source_files WHERE id = 7')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('opens the archive in WAL mode with foreign keys on', () => {
    const db = openArchive(path.join(tempDir(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('submissions', () => {
  it('stores a file once, and a different file for the same department and year as version 2', async () => {
    const api = createApi({ dbPath: path.join(tempDir(), 'a.sqlite') });
    const first = await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') });
    expect(first.status).toBe('stored');
    expect(first.submission.version).toBe(1);
    expect(first.submission.department).toBe('石家庄市长安区人民政府办公室');
    const again = await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') });
    expect(again.status).toBe('duplicate');
    expect(again.submission.id).toBe(first.submission.id);
    const second = await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.docx') });
    expect(second.status).toBe('stored');
    expect(second.submission.version).toBe(2);
    const list = await api['archive.list']({});
    expect(list.map((s) => [s.departmentCode, s.year, s.version])).toEqual([['434', 2023, 2], ['434', 2023, 1]]);
    api.close();
  });

  it('keeps the same disclosure in another format beside its submission instead of filing a new version', async () => {
    const api = createApi({ dbPath: path.join(tempDir(), 'a.sqlite') });
    const word = await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.docx') });
    const pdf = await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.pdf') });
    expect(pdf.status).toBe('same-content');
    expect(pdf.submission.id).toBe(word.submission.id);
    expect(pdf.submission.version).toBe(1);
    expect(pdf.submission.files.map((f) => [f.fileName, f.role])).toEqual([['seed000-m01.word.pdf', 'alternate']]);
    const again = await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.pdf') });
    expect(again.status).toBe('duplicate');
    const source = await api['submission.source']({ id: word.submission.id, sha256: pdf.submission.files[0]!.sha256 });
    expect(Buffer.from(source.dataBase64, 'base64').equals(fs.readFileSync(fixture('docs', 'seed000-m01.word.pdf')))).toBe(true);
    expect(await api['archive.list']({})).toHaveLength(1);
    api.close();
  });

  it('keeps the original bytes and every cell with its provenance', async () => {
    const api = createApi({ dbPath: path.join(tempDir(), 'a.sqlite') });
    const { submission } = await api['archive.importFile']({ path: fixture('docs', 'seed002.excel.xlsx') });
    const source = await api['submission.source']({ id: submission.id });
    expect(Buffer.from(source.dataBase64, 'base64').equals(fs.readFileSync(fixture('docs', 'seed002.excel.xlsx')))).toBe(true);
    const view = await api['submission.get']({ id: submission.id });
    const t1 = view.document.tables.find((t) => t.key === 't1')!;
    expect(t1.rows.length).toBeGreaterThan(30);
    expect(t1.sources[0]![2]?.sheet).toBeTruthy();
    expect(t1.sources[0]![2]?.cell).toMatch(/^[A-Z]+\d+$/);
    api.close();
  });

  it('stores .doc and .xls submissions under their own format, the original bytes kept', async () => {
    const api = createApi({ dbPath: path.join(tempDir(), 'a.sqlite') });
    for (const [name, format] of [['seed002.word.doc', 'doc'], ['seed001.excel.xls', 'xls']] as const) {
      const { status, submission } = await api['archive.importFile']({ path: fixture('legacy', name) });
      expect(status).toBe('stored');
      expect(submission.format).toBe(format);
      const source = await api['submission.source']({ id: submission.id });
      expect(source.format).toBe(format);
      expect(Buffer.from(source.dataBase64, 'base64').equals(fs.readFileSync(fixture('legacy', name)))).toBe(true);
    }
    api.close();
  });

  it('leaves no partial submission when the process is killed in the middle of an import', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'a.sqlite');
    openArchive(dbPath).close();
    const marker = path.join(dir, 'inside-transaction');
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'test/helpers/import-then-hang.ts'), dbPath, fixture('docs', 'seed000.word.docx'), marker], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    for (let i = 0; i < 600 && !fs.existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(marker)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    const db = openArchive(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const table of ['submissions', 'source_files', 'standard_tables', 'table_rows', 'table_cells', 'findings', 'departments']) {
      expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    db.close();
  });
});
