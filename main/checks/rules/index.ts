// The rule catalogue, as data: a new rule is one file and one line here.
import type { Rule } from '../types.js';
import { adminLevel } from './admin-level.js';
import { balance } from './balance.js';
import { carryBalance } from './carry-balance.js';
import { categoryName } from './category-name.js';
import { codeCatalog } from './code-catalog.js';
import { codeFormat } from './code-format.js';
import { codeHierarchy } from './code-hierarchy.js';
import { columnSumCodes } from './column-sum-codes.js';
import { columnSumSangong } from './column-sum-sangong.js';
import { columnSumSummary } from './column-sum-summary.js';
import { completeness } from './completeness.js';
import { crossTableCategories } from './cross-table-categories.js';
import { crossTableCodes } from './cross-table-codes.js';
import { crossTableSangong } from './cross-table-sangong.js';
import { crossTableTotals } from './cross-table-totals.js';
import { finalCrossTable } from './final-cross-table.js';
import { finalVsBudget } from './final-vs-budget.js';
import { emptyNote } from './empty-note.js';
import { executionDirection } from './execution-direction.js';
import { executionTables } from './execution-tables.js';
import { fixedAssets } from './fixed-assets.js';
import { formSum } from './form-sum.js';
import { narrativeConsistency } from './narrative-consistency.js';
import { narrativeCount } from './narrative-count.js';
import { narrativeDirection } from './narrative-direction.js';
import { narrativeItem } from './narrative-item.js';
import { narrativePercent } from './narrative-percent.js';
import { narrativeLines } from './narrative-lines.js';
import { narrativePurpose } from './narrative-purpose.js';
import { narrativeSum } from './narrative-sum.js';
import { narrativeVsTable } from './narrative-vs-table.js';
import { organisationName } from './organisation-name.js';
import { performance } from './performance.js';
import { placeholder } from './placeholder.js';
import { procurementArith } from './procurement-arith.js';
import { procurementSme } from './procurement-sme.js';
import { punctuation } from './punctuation.js';
import { rowSum } from './row-sum.js';
import { yearMismatch } from './year-mismatch.js';
import { yearOverYear } from './year-over-year.js';

export const RULES: readonly Rule[] = [
  completeness,
  emptyNote,
  rowSum,
  columnSumSummary,
  columnSumCodes,
  columnSumSangong,
  balance,
  carryBalance,
  codeHierarchy,
  codeFormat,
  codeCatalog,
  categoryName,
  crossTableTotals,
  finalCrossTable,
  crossTableCategories,
  crossTableCodes,
  crossTableSangong,
  yearMismatch,
  narrativeVsTable,
  executionTables,
  narrativePercent,
  narrativeSum,
  narrativeConsistency,
  narrativeItem,
  narrativeDirection,
  executionDirection,
  narrativeCount,
  narrativePurpose,
  narrativeLines,
  procurementArith,
  procurementSme,
  fixedAssets,
  formSum,
  yearOverYear,
  finalVsBudget,
  placeholder,
  punctuation,
  organisationName,
  performance,
  adminLevel,
];
