// The document of a stored submission as the review sees it: corrections applied, checks re-run with
// the archive's context (last year's submission of the same department).
import { AppError } from '../model/errors.js';
import { applyCorrections } from '../model/corrections.js';
import type { BudgetDocument } from '../model/types.js';
import { runChecks } from '../checks/index.js';
import { latestSubmissionId, listCorrections, loadStoredDocument, replaceFindings, type ArchiveDb } from '../store/index.js';

export function storedDocument(db: ArchiveDb, id: number): BudgetDocument {
  const doc = loadStoredDocument(db, id);
  if (!doc) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
  return doc;
}

/** A stored document with its live corrections applied (no checks run). */
function correctedDocument(db: ArchiveDb, id: number): BudgetDocument {
  return applyCorrections(storedDocument(db, id), listCorrections(db, id));
}

/** Last year's submission of the same department and kind (latest version, corrected), for year-over-year. */
export function previousYearOf(db: ArchiveDb, doc: Pick<BudgetDocument, 'department_code' | 'department' | 'year' | 'kind'>): BudgetDocument | null {
  const id = latestSubmissionId(db, doc.department_code ?? '', doc.department, doc.year - 1, doc.kind);
  return id === undefined ? null : correctedDocument(db, id);
}

/** The stored document with live corrections applied and the checks re-run on it. */
export function currentDocument(db: ArchiveDb, id: number): BudgetDocument {
  const corrected = correctedDocument(db, id);
  return { ...corrected, findings: runChecks(corrected, { previousYear: previousYearOf(db, corrected) }) };
}

/** Re-run and store the checks of a submission (after a correction, or when last year's file arrived). */
export function refreshFindings(db: ArchiveDb, id: number): BudgetDocument {
  const doc = currentDocument(db, id);
  replaceFindings(db, id, doc.findings);
  return doc;
}

