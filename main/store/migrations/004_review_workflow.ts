// 004: the office's work on a submission beyond single findings. Per submission: the auditor's overall
// conclusion, when the 审核意见书 was issued and when the review was closed (not started / in review /
// resubmitted are read from the activity and the versions). A decision on a finding remembers the version it
// was carried over from when a resubmission arrived. The stored findings remember the checks they came from. Open findings are counted by severity per submission (the archive overview).
export default /* sql */ `
CREATE TABLE submission_reviews (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  conclusion TEXT NOT NULL DEFAULT '',
  opinion_issued_at TEXT,
  opinion_issued_by TEXT,
  closed_at TEXT,
  closed_by TEXT,
  updated_at TEXT NOT NULL
);

-- Which revision of the checks the stored findings come from: opening a submission shows its stored findings
-- (kept current by every correction and by every import or deletion they depend on) unless the checks changed.
ALTER TABLE submissions ADD COLUMN checked_with TEXT;

-- The submission a decision was carried from (the previous version), NULL for the auditor's own decision here.
ALTER TABLE finding_reviews ADD COLUMN carried_from INTEGER REFERENCES submissions (id) ON DELETE SET NULL;

CREATE INDEX findings_by_severity ON findings (submission_id, severity);
`;
