// The archive store's public surface: all SQL of the app lives in this folder.
export { openArchive, type ArchiveDb } from './db.js';
export { migrate, checkMigrationList } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export { defaultDbPath, userDataDir } from './paths.js';
export { findingKey } from './keys.js';
export {
  insertSubmission, findSubmissionBySha, getSubmissionRow, listSubmissionRows, loadStoredDocument, replaceFindings,
  sourceBytes, deleteSubmission, latestSubmissionId, contentFingerprint, type StoredSubmissionRow,
} from './submissions.js';
export { attachFile, replaceNarrative, addTables, setContentFingerprint, listAttachedFiles, attachedFilesBySubmission, latestNamedLike } from './files.js';
export {
  listCorrections, getCorrection, insertCorrection, markCorrectionUndone, listFindingReviews, upsertFindingReview,
  listReviewedTables, setTableReviewed, submissionCounts, getSetting, setSetting, type CorrectionRow, type SubmissionCounts, type FindingReviewRow,
} from './review.js';
export {
  getSubmissionReview, updateSubmissionReview, reviewStateOf, storedFindingsOf, findingsStamp, setFindingsStamp, previousVersionId, versionsOf, sameDepartmentOtherYears, carryDecisions, archiveOverview,
  type SubmissionReviewRow, type OverviewFilter, type OverviewPage, type OverviewCellRow,
} from './workflow.js';
