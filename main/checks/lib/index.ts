// What a rule file uses: tables by meaning (columns by concept, rows by code or label), amounts in 分 with
// their printed precision, identities that become findings, the narrative's figures and the cells they
// must equal.
export { TableView, type Amount } from './view.js';
export { ExtraView, isFixedAssets, isProcurement, isTotalRow } from './extra.js';
export { codeTree, codePanels, topRows, type CodeRow, type CodeTree } from './codes.js';
export { summaryIndex, carryValue, groupedIndex, type SummaryIndex, type SummarySide } from './summary.js';
export { sangongCell, sangongRows, isVertical, SANGONG_KINDS } from './sangong.js';
export { tableTotal, codeCell, sideItem, sideTotal, thisYearTotal, type Cell } from './facts.js';
export { headerIdentities } from './header-tree.js';
export { checkSum, checkEqual, checkAtLeast, fromAmount, ROUNDING, type Operand, type SumIdentity } from './identity.js';
export { operand, operands } from './ops.js';
export { toCents, money, tailBand, unitFactor } from './amounts.js';
export { normLabel, squash } from './labels.js';
export { TABLE_NAMES, RULE_NAMES, ruleName } from './names.js';
export { conceptTargets, type Candidate } from './narrative/targets.js';
export { quoteOf, narrativeCell, type Fact, type NarrativeParagraph } from './narrative/index.js';
