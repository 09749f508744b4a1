// 002: any province, and 决算 beside 预算. The kind joins the submission key (department × year × kind ×
// version); a submission remembers its layout family and a fingerprint of its content (the same disclosure
// imported again as Word after PDF is not a new version); a table keeps its own unit, may have no 栏次 row and
// may be a 决算 table (d1–d9); a submission may hold several files (narrative and tables published apart, or
// the same disclosure in another format). Tables whose CHECK constraints change are rebuilt (the runner turns
// foreign keys off around the transaction and checks them before commit).
export default /* sql */ `
CREATE TABLE submissions_new (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT '预算' CHECK (kind IN ('预算', '决算')),
  scope TEXT NOT NULL CHECK (scope IN ('部门', '单位')),
  version INTEGER NOT NULL CHECK (version >= 1),
  source_file_id INTEGER NOT NULL UNIQUE REFERENCES source_files (id),
  unit TEXT NOT NULL,
  family TEXT,
  content_sha256 TEXT,
  imported_at TEXT NOT NULL,
  narrative_json TEXT NOT NULL,
  extra_tables_json TEXT NOT NULL,
  UNIQUE (department_id, year, kind, version)
);
INSERT INTO submissions_new (id, department_id, year, kind, scope, version, source_file_id, unit, family, content_sha256,
                             imported_at, narrative_json, extra_tables_json)
  SELECT id, department_id, year, '预算', scope, version, source_file_id, unit, NULL, NULL, imported_at, narrative_json, extra_tables_json
  FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_new RENAME TO submissions;
CREATE INDEX submissions_by_year ON submissions (year, department_id);

CREATE TABLE standard_tables_new (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  key TEXT NOT NULL CHECK (key IN ('t1','t2','t3','t4','t5','t6','t7','t8','t9','d1','d2','d3','d4','d5','d6','d7','d8','d9')),
  ordinal INTEGER NOT NULL,
  title TEXT NOT NULL,
  unit TEXT,
  -- the file the table was read from when it is not the submission's first file
  file_sha256 TEXT,
  header_json TEXT NOT NULL,
  lanes_json TEXT NOT NULL,
  note TEXT,
  pages_json TEXT,
  UNIQUE (submission_id, key)
);
INSERT INTO standard_tables_new (id, submission_id, key, ordinal, title, unit, file_sha256, header_json, lanes_json, note, pages_json)
  SELECT id, submission_id, key, ordinal, title, NULL, NULL, header_json, lanes_json, note, pages_json FROM standard_tables;
DROP TABLE standard_tables;
ALTER TABLE standard_tables_new RENAME TO standard_tables;

-- Every file of a submission beyond its first: the narrative or the tables published as a separate file, or
-- the same disclosure in another format. role: what the file brought.
CREATE TABLE submission_files (
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  source_file_id INTEGER NOT NULL UNIQUE REFERENCES source_files (id),
  role TEXT NOT NULL CHECK (role IN ('tables', 'narrative', 'alternate')),
  added_at TEXT NOT NULL,
  PRIMARY KEY (submission_id, source_file_id)
);

CREATE INDEX departments_by_name ON departments (name);
`;
