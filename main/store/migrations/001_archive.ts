// 001: the archive — departments, original files, submissions (department × year × version), the nine
// tables cell by cell with provenance, findings, and the audit trail shapes (corrections, reviews).
export default /* sql */ `
CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (code, name)
);

CREATE TABLE source_files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx')),
  size INTEGER NOT NULL,
  page_count INTEGER,
  bytes BLOB NOT NULL
);

CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  year INTEGER NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('部门', '单位')),
  version INTEGER NOT NULL CHECK (version >= 1),
  source_file_id INTEGER NOT NULL UNIQUE REFERENCES source_files (id),
  unit TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  -- narrative and extra tables, as read (JSON of the canonical document without the nine tables)
  narrative_json TEXT NOT NULL,
  extra_tables_json TEXT NOT NULL,
  UNIQUE (department_id, year, version)
);
CREATE INDEX submissions_by_year ON submissions (year, department_id);

CREATE TABLE standard_tables (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  key TEXT NOT NULL CHECK (key IN ('t1','t2','t3','t4','t5','t6','t7','t8','t9')),
  ordinal INTEGER NOT NULL,
  title TEXT NOT NULL,
  header_json TEXT NOT NULL,
  lanes_json TEXT NOT NULL,
  note TEXT,
  pages_json TEXT,
  UNIQUE (submission_id, key)
);

CREATE TABLE table_rows (
  id INTEGER PRIMARY KEY,
  table_id INTEGER NOT NULL REFERENCES standard_tables (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  seq TEXT NOT NULL,
  UNIQUE (table_id, ordinal)
);

-- One cell as read; provenance: PDF page + box, or xlsx sheet + cell, or docx table/row/col.
CREATE TABLE table_cells (
  row_id INTEGER NOT NULL REFERENCES table_rows (id) ON DELETE CASCADE,
  col INTEGER NOT NULL,
  text TEXT NOT NULL,
  page INTEGER,
  box_json TEXT,
  sheet TEXT,
  cell TEXT,
  src_table INTEGER,
  src_row INTEGER,
  src_col INTEGER,
  PRIMARY KEY (row_id, col)
) WITHOUT ROWID;

-- Findings of the document as read at import (the review screen re-runs the checks on corrections).
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  tbl TEXT NOT NULL,
  row TEXT,
  col TEXT,
  expected REAL,
  actual REAL,
  message TEXT NOT NULL,
  page INTEGER,
  related_json TEXT NOT NULL,
  paragraph_json TEXT
);
CREATE INDEX findings_by_submission ON findings (submission_id);

-- The auditor's decision on a finding, by its stable key (rule|table|row|column).
CREATE TABLE finding_reviews (
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
  comment TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (submission_id, key)
);

-- The audit trail: every correction with who, when, old, new and why; undo keeps the row.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  tbl TEXT NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX corrections_by_submission ON corrections (submission_id);

CREATE TABLE table_reviews (
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  tbl TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (submission_id, tbl)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
