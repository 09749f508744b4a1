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

interface GroupRow extends OverviewCellRow {
  code: string;
  name: string;
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
 * Every department × year × kind with its latest version and where its review stands, in one pass (the
 * latest versions found by the (department, year, kind, version) index), sorted by department. Kept for the
 * connection until the archive changes — by this connection (total_changes) or another process (data_version)
 * — so paging, filtering and searching the overview cost the same in an archive of any size.
 */
const groupCache = new WeakMap<ArchiveDb, { stamp: string; rows: GroupRow[] }>();

function reviewGroups(db: ArchiveDb): GroupRow[] {
  const stamp = `${db.pragma('data_version', { simple: true })}|${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;
  const hit = groupCache.get(db);
  if (hit && hit.stamp === stamp) return hit.rows;
  const rows = db
    .prepare(
      `WITH latest AS (
         SELECT department_id, year, kind, MAX(version) AS version, COUNT(*) AS versions FROM submissions GROUP BY department_id, year, kind
       )
       SELECT s.department_id AS departmentId, d.code, d.name, s.year, s.kind, s.id, s.version, l.versions, ${STATE_SQL} AS state
       FROM latest l
       JOIN submissions s ON s.department_id = l.department_id AND s.year = l.year AND s.kind = l.kind AND s.version = l.version
       JOIN departments d ON d.id = s.department_id
       LEFT JOIN submission_reviews r ON r.submission_id = s.id
       ORDER BY d.code, d.name, s.year DESC, s.kind`,
    )
    .all() as GroupRow[];
  groupCache.set(db, { stamp, rows });
  return rows;
}

/** One page of the archive by department, with the filter's state counts and the years on file. */
export function archiveOverview(db: ArchiveDb, f: OverviewFilter): OverviewPage {
  const q = f.query?.trim().toLowerCase() ?? '';
  const matching = reviewGroups(db).filter(
    (g) => (!q || g.code.toLowerCase().includes(q) || g.name.toLowerCase().includes(q)) && (f.year === undefined || g.year === f.year) && (f.kind === undefined || g.kind === f.kind),
  );
  const states = { 'not-started': 0, 'in-review': 0, 'opinion-issued': 0, resubmitted: 0, closed: 0 } as Record<ReviewState, number>;
  for (const g of matching) states[g.state]++;
  const shown = f.state ? matching.filter((g) => g.state === f.state) : matching;
  const order: number[] = [];
  const byDept = new Map<number, GroupRow[]>();
  for (const g of shown) {
    const list = byDept.get(g.departmentId);
    if (list) list.push(g);
    else {
      byDept.set(g.departmentId, [g]);
      order.push(g.departmentId);
    }
  }
  const page = order.slice(f.offset, f.offset + f.limit);
  const years = [...new Set(reviewGroups(db).map((g) => g.year))].sort((a, b) => b - a);
  return {
    total: order.length,
    departments: page.map((id) => ({ id, code: byDept.get(id)![0]!.code, name: byDept.get(id)![0]!.name })),
    cells: page.flatMap((id) => byDept.get(id)!.map(({ code: _c, name: _n, ...cell }) => cell)),
    states,
    years,
  };
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
