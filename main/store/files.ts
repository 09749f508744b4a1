// The further files of a submission: a narrative published apart from its tables (or the reverse) joins the
// submission of the same department × year × kind; the same disclosure in another format is kept beside it
// rather than filed as a new version.
import type { ArchiveDb } from './db.js';
import type { AttachedFile, BudgetDocument, DocKind, FileRole, SourceFormat } from '../model/types.js';
import { insertSourceFile, insertTable } from './submissions.js';

export function listAttachedFiles(db: ArchiveDb, submissionId: number): AttachedFile[] {
  return db
    .prepare(
      `SELECT f.file_name AS fileName, f.format, f.sha256, f.size, f.page_count AS pageCount, sf.role
       FROM submission_files sf JOIN source_files f ON f.id = sf.source_file_id
       WHERE sf.submission_id = ? ORDER BY sf.added_at, f.id`,
    )
    .all(submissionId) as { fileName: string; format: SourceFormat; sha256: string; size: number; pageCount: number | null; role: FileRole }[];
}

/** Store a further file of a submission (its bytes kept like the first file's). */
export function attachFile(db: ArchiveDb, submissionId: number, doc: Pick<BudgetDocument, 'source'>, bytes: Uint8Array, role: FileRole, at: string): void {
  const fileId = insertSourceFile(db, doc, bytes);
  db.prepare('INSERT INTO submission_files (submission_id, source_file_id, role, added_at) VALUES (?, ?, ?, ?)').run(submissionId, fileId, role, at);
}

/** A narrative file joined to a submission that had only its tables. */
export function replaceNarrative(db: ArchiveDb, submissionId: number, doc: Pick<BudgetDocument, 'narrative' | 'extra_tables'>): void {
  db.prepare('UPDATE submissions SET narrative_json = ?, extra_tables_json = ? WHERE id = ?').run(
    JSON.stringify(doc.narrative),
    JSON.stringify(doc.extra_tables),
    submissionId,
  );
}

/** A tables file joined to a submission that had only its narrative. */
export function addTables(db: ArchiveDb, submissionId: number, doc: Pick<BudgetDocument, 'tables' | 'unit' | 'family'>): void {
  const first = (db.prepare('SELECT COALESCE(MAX(ordinal), -1) + 1 AS n FROM standard_tables WHERE submission_id = ?').get(submissionId) as { n: number }).n;
  doc.tables.forEach((t, i) => insertTable(db, submissionId, first + i, t));
  db.prepare('UPDATE submissions SET unit = ?, family = COALESCE(family, ?) WHERE id = ?').run(doc.unit, doc.family, submissionId);
}

export function setContentFingerprint(db: ArchiveDb, submissionId: number, sha256: string): void {
  db.prepare('UPDATE submissions SET content_sha256 = ? WHERE id = ?').run(sha256, submissionId);
}

/** The further files of many submissions (or of every one), in one query (the archive list). */
export function attachedFilesBySubmission(db: ArchiveDb, ids?: number[]): Map<number, { fileName: string; format: SourceFormat; sha256: string; role: FileRole }[]> {
  const only = ids ? ` WHERE sf.submission_id IN (${ids.map(() => '?').join(',') || 'NULL'})` : '';
  const rows = db
    .prepare(
      `SELECT sf.submission_id AS id, f.file_name AS fileName, f.format, f.sha256, sf.role
       FROM submission_files sf JOIN source_files f ON f.id = sf.source_file_id${only} ORDER BY sf.added_at, f.id`,
    )
    .all(...(ids ?? [])) as { id: number; fileName: string; format: SourceFormat; sha256: string; role: FileRole }[];
  const out = new Map<number, { fileName: string; format: SourceFormat; sha256: string; role: FileRole }[]>();
  for (const { id, ...f } of rows) (out.get(id) ?? out.set(id, []).get(id)!).push(f);
  return out;
}

/**
 * The latest submission of each department of a year and kind whose name holds `name` or is held by it: where
 * the other half of a two-file disclosure may be filed under a name printed a little differently.
 */
export function latestNamedLike(db: ArchiveDb, year: number, kind: DocKind, name: string): { id: number; department: string }[] {
  return db
    .prepare(
      `SELECT s.id, d.name AS department FROM submissions s JOIN departments d ON d.id = s.department_id
       WHERE s.year = ? AND s.kind = ? AND (instr(d.name, ?) > 0 OR instr(?, d.name) > 0)
         AND s.version = (SELECT MAX(x.version) FROM submissions x WHERE x.department_id = s.department_id AND x.year = s.year AND x.kind = s.kind)`,
    )
    .all(year, kind, name, name) as { id: number; department: string }[];
}
