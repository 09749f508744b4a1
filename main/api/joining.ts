// One disclosure, several files: a narrative published apart from its tables (Jiangsu's `*-text.pdf` beside
// `*-tables.pdf`) joins the submission of the same department × year × kind, in either order; the same
// disclosure imported again in another format (Word after PDF) is kept beside it, not filed as a new version.
import type { BudgetDocument } from '../model/types.js';
import {
  addTables, attachFile, contentFingerprint, getSubmissionRow, latestSubmissionId, replaceNarrative, setContentFingerprint,
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

export function planImport(db: ArchiveDb, doc: BudgetDocument): ImportPlan {
  const latest = latestSubmissionId(db, doc.department_code ?? '', doc.department, doc.year, doc.kind);
  if (latest === undefined) return { action: 'new' };
  const target = getSubmissionRow(db, latest)!;
  if (target.content_sha256 && target.content_sha256 === contentFingerprint(doc)) return { action: 'alternate', target };
  const stored = storedDocument(db, latest);
  const storedTables = stored.tables.length > 0;
  if (!doc.tables.length && storedTables && narrativeChars(stored) < NARRATIVE_CHARS && narrativeChars(doc) >= NARRATIVE_CHARS) {
    return { action: 'join-narrative', target };
  }
  if (doc.tables.length && !storedTables && narrativeChars(doc) < NARRATIVE_CHARS) return { action: 'join-tables', target };
  return { action: 'new' };
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
