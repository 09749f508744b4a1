// What a rule file uses: table access by code and by label, amounts in cents, identities that become
// findings, the narrative's figures and the cells they must equal.
export { TableView } from './table-view.js';
export { ExtraView, isFixedAssets, isProcurement, isTotalRow } from './extra.js';
export { codeTree, topRows, rootRows, type CodeRow, type CodeTree } from './codes.js';
export { summaryIndex, incomeRow, carryValue, type IncomeKind } from './summary.js';
export { sangongIndex, sangongItem, SANGONG_KINDS } from './sangong.js';
export { checkSum, checkEqual, checkAtLeast, ROUNDING, type Operand, type SumIdentity } from './identity.js';
export { operand, operands, rowName } from './ops.js';
export { toCents, fmt, isTail, TAIL_CENTS } from './amounts.js';
export { normLabel, squash } from './labels.js';
export { conceptTargets, type Candidate } from './narrative/targets.js';
export { quoteOf, narrativeCell, type Fact, type NarrativeParagraph } from './narrative/index.js';
