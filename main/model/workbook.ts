// Sheets our own export adds beside the nine tables: the reader skips them when an exported workbook
// comes back for import (they hold the audit, not the department's disclosure).
export const FINDINGS_SHEET_NAME = '审核意见';
export const CORRECTIONS_SHEET_NAME = '修改记录';
export const AUDIT_SHEET_NAMES: readonly string[] = [FINDINGS_SHEET_NAME, CORRECTIONS_SHEET_NAME];
