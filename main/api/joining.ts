// One disclosure, several files: a narrative published apart from its tables (Jiangsu's `*-text.pdf` beside
// `*-tables.pdf`) joins the submission of the same department × year × kind, in either order; the same
// disclosure imported again in another format (Word after PDF) is kept beside it, not filed as a new version.
import { PARTY_PREFIX } from '../model/organisation.js';
import type { BudgetDocument } from '../model/types.js';
import {
  addTables, attachFile, contentFingerprint, getSubmissionRow, latestNamedLike, latestSubmissionId, replaceNarrative, setContentFingerprint,
  type ArchiveDb, type StoredSubmissionRow,
} from '../store/index.js';
import { refreshFindings, storedDocument } from './documents.js';

export type ImportPlan =
  | { action: 'new' }
  | { action: 'alternate' | 'join-narrative' | 'join-tables'; target: StoredSubmissionRow };

/** Narrative text beyond a cover and a contents page: enough to be the disclosure's 情况说明. */
const NARRATIVE_CHARS = 400;
const narrativeChars = (doc: Pick<BudgetDocument, 'narrative'>): number =>
  doc.narrative.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.length, 0), 0);

/** Two printings of one organisation's name: equal without the party prefix, or one the other with a prefix. */
export function sameOrganisation(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '').replace(PARTY_PREFIX, '');
  const y = b.replace(/\s+/g, '').replace(PARTY_PREFIX, '');
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.endsWith(short);
}

/** What the other half of a two-file disclosure would complete, if the archive holds it. */
function joinPlan(db: ArchiveDb, doc: BudgetDocument, id: number): ImportPlan {
  const target = getSubmissionRow(db, id)!;
  const stored = storedDocument(db, id);
  const storedTables = stored.tables.length > 0;
  if (!doc.tables.length && storedTables && narrativeChars(stored) < NARRATIVE_CHARS && narrativeChars(doc) >= NARRATIVE_CHARS) {
    return { action: 'join-narrative', target };
  }
  if (doc.tables.length && !storedTables && narrativeChars(doc) < NARRATIVE_CHARS) return { action: 'join-tables', target };
  return { action: 'new' };
}

export function planImport(db: ArchiveDb, doc: BudgetDocument): ImportPlan {
  const latest = latestSubmissionId(db, doc.department_code ?? '', doc.department, doc.year, doc.kind);
  if (latest !== undefined) {
    const target = getSubmissionRow(db, latest)!;
    if (target.content_sha256 && target.content_sha256 === contentFingerprint(doc)) return { action: 'alternate', target };
    return joinPlan(db, doc, latest);
  }
  // The two halves of one disclosure may print the department's name a little differently (a cover saying
  // 江苏省委办公厅, table headers 中共江苏省委办公厅): join only one unambiguous counterpart.
  const core = doc.department.replace(/\s+/g, '').replace(PARTY_PREFIX, '');
  if (core.length < 4) return { action: 'new' };
  const others = latestNamedLike(db, doc.year, doc.kind, core).filter((o) => sameOrganisation(o.department, doc.department));
  if (others.length !== 1) return { action: 'new' };
  return joinPlan(db, doc, others[0]!.id);
}

/** Carry out a join inside the caller's transaction; the checks re-run on the joined document. Returns its id. */
export function joinFile(db: ArchiveDb, plan: Exclude<ImportPlan, { action: 'new' }>, doc: BudgetDocument, bytes: Uint8Array, at: string): number {
  const id = plan.target.id;
  const file = doc.source.sha256;
  if (plan.action === 'alternate') {
    attachFile(db, id, doc, bytes, 'alternate', at);
    return id;
  }
  if (plan.action === 'join-narrative') {
    attachFile(db, id, doc, bytes, 'narrative', at);
    replaceNarrative(db, id, {
      narrative: doc.narrative.map((s) => ({ ...s, file })),
      extra_tables: [...storedDocument(db, id).extra_tables, ...doc.extra_tables.map((t) => ({ ...t, file }))],
    });
  } else {
    attachFile(db, id, doc, bytes, 'tables', at);
    addTables(db, id, { ...doc, tables: doc.tables.map((t) => ({ ...t, file })) });
  }
  const joined = refreshFindings(db, id);
  setContentFingerprint(db, id, contentFingerprint(joined));
  return id;
}
