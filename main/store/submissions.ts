// Submissions: department × year × kind × version, the original bytes, the standard tables cell by cell,
// findings. Every import is one transaction: a crash leaves either the whole submission or nothing.
import { createHash } from 'node:crypto';
import type { ArchiveDb } from './db.js';
import { setConfidence } from '../model/ocr.js';
import type { BudgetDocument, CellSource, DocKind, Finding, SourceFormat, StandardTable, TableKey } from '../model/types.js';
import { listAttachedFiles } from './files.js';
import { findingKey } from './keys.js';

export interface StoredSubmissionRow {
  id: number;
  department_code: string;
  department: string;
  scope: '部门' | '单位';
  kind: DocKind;
  year: number;
  version: number;
  family: string | null;
  content_sha256: string | null;
  file_name: string;
  format: SourceFormat;
  sha256: string;
  size: number;
  page_count: number | null;
  imported_at: string;
  unit: string;
}

const SUBMISSION_SELECT = `
  SELECT s.id, d.code AS department_code, d.name AS department, s.scope, s.kind, s.year, s.version, s.family, s.content_sha256,
         f.file_name, f.format, f.sha256, f.size, f.page_count, s.imported_at, s.unit
  FROM submissions s JOIN departments d ON d.id = s.department_id JOIN source_files f ON f.id = s.source_file_id`;

/** The submission that holds a file (as its first file or as a further one), by the file's hash. */
export function findSubmissionBySha(db: ArchiveDb, sha256: string): StoredSubmissionRow | undefined {
  const direct = db.prepare(`${SUBMISSION_SELECT} WHERE f.sha256 = ?`).get(sha256) as StoredSubmissionRow | undefined;
  if (direct) return direct;
  const extra = db
    .prepare('SELECT sf.submission_id AS id FROM submission_files sf JOIN source_files f ON f.id = sf.source_file_id WHERE f.sha256 = ?')
    .get(sha256) as { id: number } | undefined;
  return extra ? getSubmissionRow(db, extra.id) : undefined;
}

export function getSubmissionRow(db: ArchiveDb, id: number): StoredSubmissionRow | undefined {
  return db.prepare(`${SUBMISSION_SELECT} WHERE s.id = ?`).get(id) as StoredSubmissionRow | undefined;
}

export function listSubmissionRows(db: ArchiveDb, query?: string, page?: { offset: number; limit: number }): StoredSubmissionRow[] {
  const order = ' ORDER BY d.code, d.name, s.year DESC, s.kind, s.version DESC';
  const limit = page ? ` LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}` : '';
  if (!query || !query.trim()) return db.prepare(SUBMISSION_SELECT + order + limit).all() as StoredSubmissionRow[];
  const like = `%${query.trim()}%`;
  return db.prepare(`${SUBMISSION_SELECT} WHERE d.code LIKE ? OR d.name LIKE ?${order}${limit}`).all(like, like) as StoredSubmissionRow[];
}

export interface InsertSubmissionInput {
  document: BudgetDocument;
  bytes: Uint8Array;
  importedAt: string;
  /** Test hook: called inside the transaction after the rows are written, before commit. */
  beforeCommit?: () => void;
}

/**
 * What a disclosure is, whatever file it came in: its tables and its narrative text without punctuation and
 * spacing (a PDF drops line-end marks a Word file keeps). The same disclosure in another format has the
 * same fingerprint; a resubmission that changes a figure or a sentence does not.
 */
export function contentFingerprint(doc: Pick<BudgetDocument, 'tables' | 'narrative'>): string {
  const bare = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');
  const h = createHash('sha256');
  for (const t of doc.tables) h.update(`${t.key}\u0001${t.rows.map((r) => r.map(bare).join('\u0002')).join('\u0003')}\u0004`);
  for (const s of doc.narrative) h.update(`${bare(s.heading)}\u0005${bare(s.paragraphs.join(''))}\u0006`);
  return h.digest('hex');
}

/** The department row of a document (created on first sight); a document without a printed code has code ''. */
export function departmentId(db: ArchiveDb, doc: Pick<BudgetDocument, 'department_code' | 'department'>): number {
  const code = doc.department_code ?? '';
  db.prepare('INSERT OR IGNORE INTO departments (code, name) VALUES (?, ?)').run(code, doc.department);
  return (db.prepare('SELECT id FROM departments WHERE code = ? AND name = ?').get(code, doc.department) as { id: number }).id;
}

export function insertSourceFile(db: ArchiveDb, doc: Pick<BudgetDocument, 'source'>, bytes: Uint8Array): number {
  const s = doc.source;
  const file = db
    .prepare('INSERT INTO source_files (sha256, file_name, format, size, page_count, bytes) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.sha256, s.fileName, s.format, s.size, s.pageCount, Buffer.from(bytes));
  return Number(file.lastInsertRowid);
}

/** Stores a new submission (version = last version of department × year × kind + 1). Returns its id and version. */
export function insertSubmission(db: ArchiveDb, input: InsertSubmissionInput): { id: number; version: number } {
  const { document: doc } = input;
  return db.transaction(() => {
    const dept = departmentId(db, doc);
    const last = db
      .prepare('SELECT MAX(version) AS v FROM submissions WHERE department_id = ? AND year = ? AND kind = ?')
      .get(dept, doc.year, doc.kind) as { v: number | null };
    const version = (last.v ?? 0) + 1;
    const fileId = insertSourceFile(db, doc, input.bytes);
    const sub = db
      .prepare(
        `INSERT INTO submissions (department_id, year, kind, scope, version, source_file_id, unit, family, content_sha256, imported_at,
                                  narrative_json, extra_tables_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(dept, doc.year, doc.kind, doc.scope, version, fileId, doc.unit, doc.family, contentFingerprint(doc), input.importedAt,
        JSON.stringify(doc.narrative), JSON.stringify(doc.extra_tables));
    const submissionId = Number(sub.lastInsertRowid);
    doc.tables.forEach((t, i) => insertTable(db, submissionId, i, t));
    replaceFindings(db, submissionId, doc.findings);
    input.beforeCommit?.();
    return { id: submissionId, version };
  })();
}

export function insertTable(db: ArchiveDb, submissionId: number, ordinal: number, t: StandardTable): void {
  const table = db
    .prepare(
      'INSERT INTO standard_tables (submission_id, key, ordinal, title, unit, file_sha256, header_json, lanes_json, note, pages_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(submissionId, t.key, ordinal, t.title, t.unit, t.file ?? null, JSON.stringify(t.header), JSON.stringify(t.lanes), t.note, t.pages ? JSON.stringify(t.pages) : null);
  const insertRow = db.prepare('INSERT INTO table_rows (table_id, ordinal, seq) VALUES (?, ?, ?)');
  const insertCell = db.prepare(
    `INSERT INTO table_cells (row_id, col, text, page, box_json, sheet, cell, src_table, src_row, src_col, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  t.rows.forEach((row, r) => {
    const rowId = insertRow.run(table.lastInsertRowid, r, row[0] ?? '').lastInsertRowid;
    row.forEach((text, c) => {
      const s: CellSource | null = t.sources[r]?.[c] ?? null;
      insertCell.run(rowId, c, text, s?.page ?? null, s?.box ? JSON.stringify(s.box) : null, s?.sheet ?? null, s?.cell ?? null, s?.table ?? null, s?.row ?? null, s?.col ?? null, s?.confidence ?? null);
    });
  });
}

export function replaceFindings(db: ArchiveDb, submissionId: number, findings: Finding[]): void {
  db.prepare('DELETE FROM findings WHERE submission_id = ?').run(submissionId);
  const insert = db.prepare(
    `INSERT INTO findings (submission_id, key, rule, severity, tbl, row, col, expected, actual, message, page, related_json, paragraph_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of findings) {
    insert.run(submissionId, findingKey(f), f.rule, f.severity, f.table, f.row, f.column, f.expected, f.actual, f.message, f.page, JSON.stringify(f.related), f.paragraph ? JSON.stringify(f.paragraph) : null);
  }
}

interface TableRowData {
  id: number; key: TableKey; title: string; unit: string | null; file_sha256: string | null; header_json: string; lanes_json: string; note: string | null;
  pages_json: string | null; rows: number;
}

/** One cell as selected (raw): table id, row ordinal, column, text, then provenance. */
type CellTuple = [number, number, number, string, number | null, string | null, string | null, string | null, number | null, number | null, number | null, number | null];

/** The document as stored (before corrections), rebuilt from its rows and cells. The cells are read in one
 *  unordered pass of small columns and placed by their ordinals (no sort, no table text repeated per cell). */
export function loadStoredDocument(db: ArchiveDb, id: number): BudgetDocument | null {
  const s = getSubmissionRow(db, id);
  if (!s) return null;
  const extra = db.prepare('SELECT narrative_json, extra_tables_json FROM submissions WHERE id = ?').get(id) as { narrative_json: string; extra_tables_json: string };
  const tableRows = db
    .prepare(
      `SELECT t.id, t.key, t.title, t.unit, t.file_sha256, t.header_json, t.lanes_json, t.note, t.pages_json,
              (SELECT COUNT(*) FROM table_rows r WHERE r.table_id = t.id) AS rows
       FROM standard_tables t WHERE t.submission_id = ? ORDER BY t.ordinal`,
    )
    .all(id) as TableRowData[];
  const byId = new Map<number, StandardTable>();
  const tables: StandardTable[] = tableRows.map((t) => {
    const table: StandardTable = {
      key: t.key, title: t.title, unit: t.unit, header: JSON.parse(t.header_json), lanes: JSON.parse(t.lanes_json), note: t.note,
      pages: t.pages_json ? JSON.parse(t.pages_json) : null,
      rows: Array.from({ length: t.rows }, () => []), sources: Array.from({ length: t.rows }, () => []),
    };
    if (t.file_sha256) table.file = t.file_sha256;
    byId.set(t.id, table);
    return table;
  });
  const cells = db
    .prepare(
      `SELECT r.table_id, r.ordinal, c.col, c.text, c.page, c.box_json, c.sheet, c.cell, c.src_table, c.src_row, c.src_col, c.confidence
       FROM table_rows r JOIN table_cells c ON c.row_id = r.id WHERE r.table_id IN (SELECT id FROM standard_tables WHERE submission_id = ?)`,
    )
    .raw(true)
    .all(id) as CellTuple[];
  for (const c of cells) {
    const t = byId.get(c[0]);
    if (!t) continue;
    (t.rows[c[1]] ??= [])[c[2]] = c[3] ?? '';
    (t.sources[c[1]] ??= [])[c[2]] = cellSource(c);
  }
  // A row whose cells were never all stored (a ragged row) keeps its printed width without holes.
  for (const t of tables) t.rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (row[c] !== undefined) continue;
      row[c] = '';
      t.sources[r]![c] ??= null;
    }
  });
  const findings = db.prepare('SELECT * FROM findings WHERE submission_id = ? ORDER BY id').all(id) as FindingRow[];
  return {
    id: s.sha256, kind: s.kind, family: s.family, scope: s.scope, department_code: s.department_code || null, department: s.department, year: s.year, unit: s.unit,
    tables, narrative: JSON.parse(extra.narrative_json), extra_tables: JSON.parse(extra.extra_tables_json),
    findings: findings.map(rowToFinding),
    source: { format: s.format, fileName: s.file_name, sha256: s.sha256, size: s.size, pageCount: s.page_count },
    attachments: listAttachedFiles(db, id),
  };
}

function cellSource(c: CellTuple): CellSource | null {
  const [, , , , page, box, sheet, cell, table, row, col, confidence] = c;
  if (page === null && box === null && sheet === null && cell === null && table === null && row === null && col === null && confidence === null) return null;
  const s: CellSource = {};
  if (page !== null) s.page = page;
  if (box) s.box = JSON.parse(box);
  if (sheet !== null) s.sheet = sheet;
  if (cell !== null) s.cell = cell;
  if (table !== null) s.table = table;
  if (row !== null) s.row = row;
  if (col !== null) s.col = col;
  if (confidence !== null) setConfidence(s, confidence);
  return s;
}

interface FindingRow {
  rule: string; severity: Finding['severity']; tbl: string; row: string | null; col: string | null; expected: number | null;
  actual: number | null; message: string; page: number | null; related_json: string; paragraph_json: string | null;
}

function rowToFinding(f: FindingRow): Finding {
  return {
    rule: f.rule, severity: f.severity, table: f.tbl, row: f.row, column: f.col, related: JSON.parse(f.related_json),
    expected: f.expected, actual: f.actual, message: f.message, page: f.page, paragraph: f.paragraph_json ? JSON.parse(f.paragraph_json) : null,
  };
}

/** A file of a submission: its first file, or the one with this hash among its files. */
export function sourceBytes(db: ArchiveDb, id: number, sha256?: string): { fileName: string; format: SourceFormat; bytes: Buffer } | undefined {
  const pick = 'SELECT f.file_name AS fileName, f.format, f.bytes FROM source_files f';
  if (sha256) {
    return db
      .prepare(
        `${pick} WHERE f.sha256 = ? AND f.id IN (SELECT source_file_id FROM submissions WHERE id = ?
           UNION SELECT source_file_id FROM submission_files WHERE submission_id = ?)`,
      )
      .get(sha256, id, id) as { fileName: string; format: SourceFormat; bytes: Buffer } | undefined;
  }
  return db.prepare(`${pick} JOIN submissions s ON f.id = s.source_file_id WHERE s.id = ?`).get(id) as
    | { fileName: string; format: SourceFormat; bytes: Buffer }
    | undefined;
}

export function deleteSubmission(db: ArchiveDb, id: number): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT source_file_id FROM submissions WHERE id = ?').get(id) as { source_file_id: number } | undefined;
    if (!row) return false;
    const files = [row.source_file_id, ...(db.prepare('SELECT source_file_id AS f FROM submission_files WHERE submission_id = ?').all(id) as { f: number }[]).map((x) => x.f)];
    db.prepare('DELETE FROM submissions WHERE id = ?').run(id);
    const drop = db.prepare('DELETE FROM source_files WHERE id = ?');
    for (const f of files) drop.run(f);
    return true;
  })();
}

/** The latest version of a department's submission of a kind for a year, if archived. */
export function latestSubmissionId(db: ArchiveDb, departmentCode: string, department: string, year: number, kind: DocKind = '预算'): number | undefined {
  const row = db
    .prepare(
      `SELECT s.id FROM submissions s JOIN departments d ON d.id = s.department_id
       WHERE d.code = ? AND d.name = ? AND s.year = ? AND s.kind = ? ORDER BY s.version DESC LIMIT 1`,
    )
    .get(departmentCode, department, year, kind) as { id: number } | undefined;
  return row?.id;
}
