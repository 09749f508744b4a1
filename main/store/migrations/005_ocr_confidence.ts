// 005: a cell read from a scan by OCR keeps the probability of its least certain character (0–1), so the
// review screen can ask the auditor to confirm it. NULL for cells read from a text layer, Word or Excel.
export default /* sql */ `
ALTER TABLE table_cells ADD COLUMN confidence REAL;
`;
