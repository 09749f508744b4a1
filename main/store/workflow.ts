// The office's work on a submission: the overall conclusion, the 审核意见书 issued, the review closed; where a
// submission stands (not started / in review / opinion issued / resubmitted / closed); decisions carried from
// the previous version; the archive overview (department × year × kind, one page of departments at a time).
import type { ArchiveDb } from './db.js';
import type { DocKind } from '../model/types.js';
import type { ReviewState } from '../model/vocabulary.js';

export interface SubmissionReviewRow {
  conclusion: string;
  opinionIssuedAt: string | null;
  opinionIssuedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

const EMPTY_REVIEW: SubmissionReviewRow = { conclusion: '', opinionIssuedAt: null, opinionIssuedBy: null, closedAt: null, closedBy: null };

export function getSubmissionReview(db: ArchiveDb, id: number): SubmissionReviewRow {
  const row = db
    .prepare(
      `SELECT conclusion, opinion_issued_at AS opinionIssuedAt, opinion_issued_by AS opinionIssuedBy, closed_at AS closedAt, closed_by AS closedBy
       FROM submission_reviews WHERE submission_id = ?`,
    )
    .get(id) as SubmissionReviewRow | undefined;
  return row ?? { ...EMPTY_REVIEW };
}

/** Change some fields of a submission's review (the row is created on first use). */
export function updateSubmissionReview(db: ArchiveDb, id: number, change: Partial<SubmissionReviewRow>, at: string): void {
  const next = { ...getSubmissionReview(db, id), ...change };
  db.prepare(
    `INSERT INTO submission_reviews (submission_id, conclusion, opinion_issued_at, opinion_issued_by, closed_at, closed_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (submission_id) DO UPDATE SET conclusion = excluded.conclusion, opinion_issued_at = excluded.opinion_issued_at,
       opinion_issued_by = excluded.opinion_issued_by, closed_at = excluded.closed_at, closed_by = excluded.closed_by, updated_at = excluded.updated_at`,
  ).run(id, next.conclusion, next.opinionIssuedAt, next.opinionIssuedBy, next.closedAt, next.closedBy, at);
}

/** The state of submission `s` (alias) with its review row `r` (alias, LEFT JOINed), as one SQL expression. */
const STATE_SQL = `CASE
  WHEN r.closed_at IS NOT NULL THEN 'closed'
  WHEN r.opinion_issued_at IS NOT NULL THEN 'opinion-issued'
  WHEN COALESCE(r.conclusion, '') <> ''
    OR EXISTS (SELECT 1 FROM finding_reviews fr WHERE fr.submission_id = s.id AND fr.carried_from IS NULL)
    OR EXISTS (SELECT 1 FROM corrections c WHERE c.submission_id = s.id)
    OR EXISTS (SELECT 1 FROM table_reviews tr WHERE tr.submission_id = s.id) THEN 'in-review'
  WHEN s.version > 1 THEN 'resubmitted'
  ELSE 'not-started' END`;

export function reviewStateOf(db: ArchiveDb, id: number): ReviewState {
  const row = db.prepare(`SELECT ${STATE_SQL} AS state FROM submissions s LEFT JOIN submission_reviews r ON r.submission_id = s.id WHERE s.id = ?`).get(id) as
    | { state: ReviewState }
    | undefined;
  return row?.state ?? 'not-started';
}

/** The version before this one of the same department × year × kind, if archived. */
export function previousVersionId(db: ArchiveDb, id: number): number | undefined {
  const row = db
    .prepare(
      `SELECT p.id FROM submissions s JOIN submissions p ON p.department_id = s.department_id AND p.year = s.year AND p.kind = s.kind AND p.version < s.version
       WHERE s.id = ? ORDER BY p.version DESC LIMIT 1`,
    )
    .get(id) as { id: number } | undefined;
  return row?.id;
}

/** Every version of the department × year × kind of a submission, oldest first. */
export function versionsOf(db: ArchiveDb, id: number): { id: number; version: number }[] {
  return db
    .prepare(
      `SELECT o.id, o.version FROM submissions s JOIN submissions o ON o.department_id = s.department_id AND o.year = s.year AND o.kind = s.kind
       WHERE s.id = ? ORDER BY o.version`,
    )
    .all(id) as { id: number; version: number }[];
}

/** The same department's latest submission of a kind for another year (for a comparison of two years). */
export function sameDepartmentOtherYears(db: ArchiveDb, id: number): { id: number; year: number; kind: DocKind; version: number }[] {
  return db
    .prepare(
      `SELECT o.id, o.year, o.kind, o.version FROM submissions s JOIN submissions o ON o.department_id = s.department_id AND o.id <> s.id
       WHERE s.id = ? AND o.version = (SELECT MAX(version) FROM submissions x WHERE x.department_id = o.department_id AND x.year = o.year AND x.kind = o.kind)
       ORDER BY o.year DESC, o.kind`,
    )
    .all(id) as { id: number; year: number; kind: DocKind; version: number }[];
}

/** A resubmission starts with the previous version's decisions (confirmed or dismissed, with their comments). */
export function carryDecisions(db: ArchiveDb, fromId: number, toId: number): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO finding_reviews (submission_id, key, status, comment, reviewer, at, carried_from)
       SELECT ?, key, status, comment, reviewer, at, ? FROM finding_reviews WHERE submission_id = ? AND status <> 'open'`,
    )
    .run(toId, fromId, fromId).changes;
}

export interface OverviewFilter {
  query?: string;
  year?: number;
  kind?: DocKind;
  state?: ReviewState;
  offset: number;
  limit: number;
}

export interface OverviewCellRow {
  departmentId: number;
  year: number;
  kind: DocKind;
  id: number;
  version: number;
  versions: number;
  state: ReviewState;
}

export interface OverviewPage {
  /** Departments matching the filter, in all. */
  total: number;
  departments: { id: number; code: string; name: string }[];
  /** The latest version of each department × year × kind of the page's departments (filter applied). */
  cells: OverviewCellRow[];
  /** Department × year × kind groups per state, over the whole archive with the query, year and kind applied. */
  states: Record<ReviewState, number>;
  /** Every year in the archive, newest first (the year filter's choices). */
  years: number[];
}

/**
 * One page of the archive by department. The state is read per group from its latest version; filtering on it
 * runs in SQL over the groups (one row per department × year × kind), so a page costs the same in an archive of
 * a hundred submissions and of ten thousand but for that one pass.
 */
export function archiveOverview(db: ArchiveDb, f: OverviewFilter): OverviewPage {
  const conds: string[] = [];
  const args: (string | number)[] = [];
  if (f.query?.trim()) {
    conds.push(`(d.code LIKE ? ESCAPE '\\' OR d.name LIKE ? ESCAPE '\\')`);
    const like = `%${f.query.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    args.push(like, like);
  }
  if (f.year !== undefined) (conds.push('g.year = ?'), args.push(f.year));
  if (f.kind !== undefined) (conds.push('g.kind = ?'), args.push(f.kind));
  const groups = `
    WITH g AS (
      SELECT s.department_id AS departmentId, s.year, s.kind, s.id, s.version,
             (SELECT COUNT(*) FROM submissions v WHERE v.department_id = s.department_id AND v.year = s.year AND v.kind = s.kind) AS versions,
             ${STATE_SQL} AS state
      FROM submissions s LEFT JOIN submission_reviews r ON r.submission_id = s.id
      WHERE s.version = (SELECT MAX(version) FROM submissions x WHERE x.department_id = s.department_id AND x.year = s.year AND x.kind = s.kind)
    )`;
  const from = (more: string[]) => {
    const all = [...conds, ...more];
    return `FROM g JOIN departments d ON d.id = g.departmentId${all.length ? ` WHERE ${all.join(' AND ')}` : ''}`;
  };
  const byState = f.state ? ['g.state = ?'] : [];
  const stateArgs = f.state ? [f.state] : [];
  const states = { 'not-started': 0, 'in-review': 0, 'opinion-issued': 0, resubmitted: 0, closed: 0 } as Record<ReviewState, number>;
  for (const r of db.prepare(`${groups} SELECT g.state, COUNT(*) AS n ${from([])} GROUP BY g.state`).all(...args) as { state: ReviewState; n: number }[]) {
    states[r.state] = r.n;
  }
  const total = (db.prepare(`${groups} SELECT COUNT(DISTINCT g.departmentId) AS n ${from(byState)}`).get(...args, ...stateArgs) as { n: number }).n;
  const departments = db
    .prepare(`${groups} SELECT DISTINCT d.id, d.code, d.name ${from(byState)} ORDER BY d.code, d.name LIMIT ? OFFSET ?`)
    .all(...args, ...stateArgs, f.limit, f.offset) as { id: number; code: string; name: string }[];
  const years = (db.prepare('SELECT DISTINCT year FROM submissions ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
  if (!departments.length) return { total, departments, cells: [], states, years };
  const ids = departments.map((d) => d.id);
  const cells = db
    .prepare(`${groups} SELECT g.* ${from([...byState, `g.departmentId IN (${ids.map(() => '?').join(',')})`])} ORDER BY g.year DESC, g.kind`)
    .all(...args, ...stateArgs, ...ids) as OverviewCellRow[];
  return { total, departments, cells, states, years };
}

/** The findings stored for a submission (as last checked), by key. */
export function storedFindingsOf(db: ArchiveDb, id: number): { key: string; rule: string; severity: string; tbl: string; message: string }[] {
  return db.prepare('SELECT key, rule, severity, tbl, message FROM findings WHERE submission_id = ? ORDER BY id').all(id) as {
    key: string; rule: string; severity: string; tbl: string; message: string;
  }[];
}

/** The revision of the checks a submission's stored findings come from (null: unknown, check again). */
export function findingsStamp(db: ArchiveDb, id: number): string | null {
  return (db.prepare('SELECT checked_with AS stamp FROM submissions WHERE id = ?').get(id) as { stamp: string | null } | undefined)?.stamp ?? null;
}

export function setFindingsStamp(db: ArchiveDb, id: number, stamp: string): void {
  db.prepare('UPDATE submissions SET checked_with = ? WHERE id = ?').run(stamp, id);
}
