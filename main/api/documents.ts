// The document of a stored submission as the review sees it: corrections applied, checks re-run with
// the archive's context (last year's submission of the same department).
import { AppError } from '../model/errors.js';
import { applyCorrections } from '../model/corrections.js';
import type { BudgetDocument } from '../model/types.js';
import { CHECKS_STAMP, runChecks, type CheckOptions } from '../checks/index.js';
import { findingsStamp, latestSubmissionId, listCorrections, loadStoredDocument, replaceFindings, setFindingsStamp, type ArchiveDb } from '../store/index.js';

export function storedDocument(db: ArchiveDb, id: number): BudgetDocument {
  const doc = loadStoredDocument(db, id);
  if (!doc) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
  return doc;
}

/** A stored document with its live corrections applied (no checks run; its findings are the stored ones,
 *  which every correction keeps current). */
export function correctedDocument(db: ArchiveDb, id: number): BudgetDocument {
  return applyCorrections(storedDocument(db, id), listCorrections(db, id));
}

/** Last year's submission of the same department and kind (latest version, corrected), for year-over-year. */
export function previousYearOf(db: ArchiveDb, doc: Pick<BudgetDocument, 'department_code' | 'department' | 'year' | 'kind'>): BudgetDocument | null {
  const id = latestSubmissionId(db, doc.department_code ?? '', doc.department, doc.year - 1, doc.kind);
  return id === undefined ? null : correctedDocument(db, id);
}

/** For a 决算: the same department's 预算 of the same year (latest version, corrected), if archived. */
export function sameYearBudgetOf(db: ArchiveDb, doc: Pick<BudgetDocument, 'department_code' | 'department' | 'year' | 'kind'>): BudgetDocument | null {
  if (doc.kind !== '决算') return null;
  const id = latestSubmissionId(db, doc.department_code ?? '', doc.department, doc.year, '预算');
  return id === undefined ? null : correctedDocument(db, id);
}

/** What the archive knows around a document: last year's submission of its kind, and the budget a 决算 accounts for. */
export function archiveContext(db: ArchiveDb, doc: BudgetDocument): CheckOptions {
  return { previousYear: previousYearOf(db, doc), budget: sameYearBudgetOf(db, doc) };
}

/** The stored document with live corrections applied and the checks re-run on it. */
export function currentDocument(db: ArchiveDb, id: number): BudgetDocument {
  const corrected = correctedDocument(db, id);
  return { ...corrected, findings: runChecks(corrected, archiveContext(db, corrected)) };
}

/** The submissions whose checks read this document as context: next year's of the same kind, this year's 决算. */
export function dependentsOf(db: ArchiveDb, doc: Pick<BudgetDocument, 'department_code' | 'department' | 'year' | 'kind'>): number[] {
  const code = doc.department_code ?? '';
  const ids = [latestSubmissionId(db, code, doc.department, doc.year + 1, doc.kind)];
  if (doc.kind === '预算') ids.push(latestSubmissionId(db, code, doc.department, doc.year, '决算'));
  return ids.filter((x): x is number => x !== undefined);
}

/** Re-run and store the checks of a submission (after a correction, or when last year's file arrived). */
export function refreshFindings(db: ArchiveDb, id: number): BudgetDocument {
  const doc = currentDocument(db, id);
  storeFindings(db, id, doc.findings);
  return doc;
}

/** Stored findings, stamped with the checks that made them. */
export function storeFindings(db: ArchiveDb, id: number, findings: BudgetDocument['findings']): void {
  replaceFindings(db, id, findings);
  setFindingsStamp(db, id, CHECKS_STAMP);
}

/**
 * The document as the review opens it: corrections applied, with its stored findings — kept current by every
 * correction, undo and redo and by every import or deletion its checks read — unless the checks changed since
 * they were stored, in which case they are run and stored again. Opening does not read other submissions.
 */
export function reviewedDocument(db: ArchiveDb, id: number): BudgetDocument {
  if (findingsStamp(db, id) === CHECKS_STAMP) return correctedDocument(db, id);
  return db.transaction(() => refreshFindings(db, id))();
}

/** After a change to a submission: its own findings and those of the submissions that read it as context. */
export function refreshWithDependents(db: ArchiveDb, id: number): BudgetDocument {
  const doc = refreshFindings(db, id);
  for (const other of dependentsOf(db, doc)) if (other !== id) refreshFindings(db, other);
  return doc;
}

