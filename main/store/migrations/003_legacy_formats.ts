// 003: the archive also keeps legacy Word and Excel files (.doc/.wps stored as 'doc', .xls/.et as 'xls').
// SQLite cannot widen a CHECK in place: the table is copied out, recreated and copied back. Foreign keys
// stay on; the check is deferred to the commit, by which time every source file is back under its id.
export default /* sql */ `
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE source_files_002 AS SELECT * FROM source_files;
DROP TABLE source_files;
CREATE TABLE source_files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx', 'doc', 'xls')),
  size INTEGER NOT NULL,
  page_count INTEGER,
  bytes BLOB NOT NULL
);
INSERT INTO source_files (id, sha256, file_name, format, size, page_count, bytes)
  SELECT id, sha256, file_name, format, size, page_count, bytes FROM source_files_002;
DROP TABLE source_files_002;
`;
