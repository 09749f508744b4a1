// The submission as the review screen sees it: the corrected document with its checks re-run, each finding
// with the auditor's decision and its place in words, the layouts, the review's state, and — for a
// resubmission — how the previous version's confirmed findings fare.
import { findingWords, placeNamer } from '../model/places.js';
import type { BudgetDocument } from '../model/types.js';
import {
  findingKey, getSubmissionReview, listCorrections, listFindingReviews, listReviewedTables, previousVersionId, reviewStateOf,
  sameDepartmentOtherYears, storedFindingsOf, versionsOf, type ArchiveDb, type FindingReviewRow,
} from '../store/index.js';
import { summaryOf } from './archive.js';
import { reviewedDocument } from './documents.js';
import { tableLayouts } from './layouts.js';
import type { ResubmissionView, ReviewStatus, SubmissionView, ViewFinding } from './types.js';

export function reviewStatus(db: ArchiveDb, id: number): ReviewStatus {
  return { state: reviewStateOf(db, id), ...getSubmissionReview(db, id) };
}

/** Counts of the re-review: the previous version's confirmed findings fixed or remaining, findings new here. */
function resubmissionOf(db: ArchiveDb, id: number, keys: Set<string>, decisions: FindingReviewRow[]): { view: ResubmissionView; before: Set<string> } | null {
  const previousId = previousVersionId(db, id);
  if (previousId === undefined) return null;
  const before = new Set(storedFindingsOf(db, previousId).map((f) => f.key));
  const confirmed = listFindingReviews(db, previousId).filter((d) => d.status === 'confirmed').map((d) => d.key);
  const previousVersion = versionsOf(db, id).find((v) => v.id === previousId)?.version ?? 0;
  return {
    before,
    view: {
      previousId,
      previousVersion,
      fixed: confirmed.filter((k) => !keys.has(k)).length,
      remaining: confirmed.filter((k) => keys.has(k)).length,
      new: [...keys].filter((k) => !before.has(k)).length,
      carried: decisions.filter((d) => d.carriedFrom != null).length,
    },
  };
}

export function buildView(db: ArchiveDb, id: number, doc: BudgetDocument = reviewedDocument(db, id)): SubmissionView {
  const decisionList = listFindingReviews(db, id);
  const decisions = new Map(decisionList.map((r) => [r.key, r]));
  const namer = placeNamer(doc);
  const keys = new Set(doc.findings.map(findingKey));
  const resubmission = resubmissionOf(db, id, keys, decisionList);
  const findings: ViewFinding[] = doc.findings.map((f) => {
    const key = findingKey(f);
    const d = decisions.get(key);
    const out: ViewFinding = { ...f, key, status: d?.status ?? 'open', comment: d?.comment ?? '', ...findingWords(namer, f) };
    if (resubmission) out.carry = resubmission.before.has(key) ? 'remaining' : 'new';
    if (d?.carriedFrom != null) out.carried = true;
    return out;
  });
  return {
    summary: summaryOf(db, id),
    document: doc,
    layouts: tableLayouts(doc),
    findings,
    corrections: listCorrections(db, id),
    reviewed: listReviewedTables(db, id),
    review: reviewStatus(db, id),
    resubmission: resubmission?.view ?? null,
    versions: versionsOf(db, id),
    otherYears: sameDepartmentOtherYears(db, id),
  };
}
