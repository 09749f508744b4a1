// Excel export of a submission: the nine standard tables as the budget system lays them out, with the audit's
// corrections highlighted and annotated, plus the 审核意见 and 修改记录 sheets (or the plain tables only).
export { exportWorkbook, exportFileName, type ExportInput } from './workbook.js';
export { FINDINGS_SHEET } from './findings-sheet.js';
export { CORRECTIONS_SHEET } from './corrections-sheet.js';
export { exportOpinion, opinionContent, opinionFileName, opinionTitle, type OpinionInput, type OpinionOutcome, type OpinionContent } from './opinion.js';
