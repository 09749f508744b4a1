// The audit trail: corrections (undo keeps the row), decisions on findings, tables marked reviewed, settings.
import type { ArchiveDb } from './db.js';
import type { TableKey } from '../model/types.js';
import type { Correction, FindingStatus } from '../model/review.js';

export type CorrectionRow = Correction;

const CORRECTION_SELECT = `SELECT id, submission_id AS submissionId, tbl AS "table", row, col AS "column", old_value AS oldValue,
  new_value AS newValue, author, at, reason, undone_at AS undoneAt FROM corrections`;

export function listCorrections(db: ArchiveDb, submissionId: number): CorrectionRow[] {
  return db.prepare(`${CORRECTION_SELECT} WHERE submission_id = ? ORDER BY id`).all(submissionId) as CorrectionRow[];
}

export function getCorrection(db: ArchiveDb, id: number): CorrectionRow | undefined {
  return db.prepare(`${CORRECTION_SELECT} WHERE id = ?`).get(id) as CorrectionRow | undefined;
}

export function insertCorrection(db: ArchiveDb, c: Omit<CorrectionRow, 'id' | 'undoneAt'>): number {
  const r = db
    .prepare('INSERT INTO corrections (submission_id, tbl, row, col, old_value, new_value, author, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.submissionId, c.table, c.row, c.column, c.oldValue, c.newValue, c.author, c.at, c.reason);
  return Number(r.lastInsertRowid);
}

export function markCorrectionUndone(db: ArchiveDb, id: number, at: string): void {
  db.prepare('UPDATE corrections SET undone_at = ? WHERE id = ? AND undone_at IS NULL').run(at, id);
}

export interface FindingReviewRow {
  key: string;
  status: FindingStatus;
  comment: string;
  reviewer: string;
  at: string;
  /** The previous version this decision was carried from (a resubmission), null for a decision made here. */
  carriedFrom?: number | null;
}

export function listFindingReviews(db: ArchiveDb, submissionId: number): FindingReviewRow[] {
  return db
    .prepare('SELECT key, status, comment, reviewer, at, carried_from AS carriedFrom FROM finding_reviews WHERE submission_id = ?')
    .all(submissionId) as FindingReviewRow[];
}

export function upsertFindingReview(db: ArchiveDb, submissionId: number, r: FindingReviewRow): void {
  db.prepare(
    `INSERT INTO finding_reviews (submission_id, key, status, comment, reviewer, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (submission_id, key) DO UPDATE SET status = excluded.status, comment = excluded.comment,
       reviewer = excluded.reviewer, at = excluded.at, carried_from = NULL`,
  ).run(submissionId, r.key, r.status, r.comment, r.reviewer, r.at);
}

export function listReviewedTables(db: ArchiveDb, submissionId: number): TableKey[] {
  return (db.prepare('SELECT tbl FROM table_reviews WHERE submission_id = ? ORDER BY tbl').all(submissionId) as { tbl: TableKey }[]).map((r) => r.tbl);
}

export function setTableReviewed(db: ArchiveDb, submissionId: number, table: TableKey, reviewed: boolean, reviewer: string, at: string): void {
  if (reviewed) {
    db.prepare('INSERT OR REPLACE INTO table_reviews (submission_id, tbl, reviewer, at) VALUES (?, ?, ?, ?)').run(submissionId, table, reviewer, at);
  } else {
    db.prepare('DELETE FROM table_reviews WHERE submission_id = ? AND tbl = ?').run(submissionId, table);
  }
}

export interface SubmissionCounts {
  submissionId: number;
  errors: number;
  warnings: number;
  infos: number;
  reviewed: number;
  tables: number;
  corrections: number;
}

/** Open (not dismissed) findings by severity, reviewed tables and live corrections per submission. */
/** Counts per submission: of every submission, or of one (opening a submission must not scale with the archive). */
export function submissionCounts(db: ArchiveDb, only?: number | number[]): Map<number, SubmissionCounts> {
  const ids = only === undefined ? [] : Array.isArray(only) ? only : [only];
  const rows = db
    .prepare(
      `SELECT s.id AS submissionId,
        (SELECT COUNT(*) FROM findings f LEFT JOIN finding_reviews r ON r.submission_id = f.submission_id AND r.key = f.key
          WHERE f.submission_id = s.id AND f.severity = 'error' AND COALESCE(r.status, 'open') <> 'dismissed') AS errors,
        (SELECT COUNT(*) FROM findings f LEFT JOIN finding_reviews r ON r.submission_id = f.submission_id AND r.key = f.key
          WHERE f.submission_id = s.id AND f.severity = 'warning' AND COALESCE(r.status, 'open') <> 'dismissed') AS warnings,
        (SELECT COUNT(*) FROM findings f LEFT JOIN finding_reviews r ON r.submission_id = f.submission_id AND r.key = f.key
          WHERE f.submission_id = s.id AND f.severity = 'info' AND COALESCE(r.status, 'open') <> 'dismissed') AS infos,
        (SELECT COUNT(*) FROM table_reviews t WHERE t.submission_id = s.id) AS reviewed,
        (SELECT COUNT(*) FROM standard_tables t WHERE t.submission_id = s.id) AS tables,
        (SELECT COUNT(*) FROM corrections c WHERE c.submission_id = s.id AND c.undone_at IS NULL) AS corrections
       FROM submissions s${only === undefined ? '' : ` WHERE s.id IN (${ids.map(() => '?').join(',') || 'NULL'})`}`,
    )
    .all(...ids) as SubmissionCounts[];
  return new Map(rows.map((r) => [r.submissionId, r]));
}

export function getSetting(db: ArchiveDb, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: ArchiveDb, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
}
