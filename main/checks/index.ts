// The check engine: every reconciliation an auditor makes (../shared/spec/TABLES.md rule catalogue), run
// over a canonical document, each finding on the cell most likely wrong with every compared cell related.
import { createHash } from 'node:crypto';
import type { BudgetDocument, Finding } from '../model/types.js';
import { runRules } from './engine.js';
import { ROUNDING } from './lib/identity.js';
import { ruleName } from './lib/names.js';
import { OCR_MISREAD, reviewOcrFindings } from './ocr-review.js';
import { RULES } from './rules/index.js';
import type { CheckOptions } from './types.js';

export { RULES } from './rules/index.js';
export type { Rule, Draft, CheckContext, CheckOptions } from './types.js';
export { addCatalogEntries, loadCatalogFile, defaultCatalog, type CatalogEntry } from './catalog/index.js';
export { documentFromTruth, type TruthJson } from '../model/truth-document.js';

/** All findings for a document; pure, and fast enough to re-run after every edit.
 *  Every rule over one document; `options.previousYear` (from the archive) enables year-over-year. */
export function runChecks(doc: BudgetDocument, options: CheckOptions = {}): Finding[] {
  // On a scan, a failed reconciliation on a likely misread cell asks the auditor to confirm the cell.
  return reviewOcrFindings(doc, runRules(doc, RULES, options));
}

export { RULE_NAMES, ruleName, TABLE_NAMES } from './lib/names.js';

/** The rule list for display: id, its Chinese name, what it checks, which cells it reads. */
export function ruleCatalogue(): { id: string; name: string; title: string; reads: string }[] {
  return [
    ...RULES.map((r) => ({ id: r.id, name: ruleName(r.id), title: r.title, reads: r.reads })),
    { id: OCR_MISREAD, name: ruleName(OCR_MISREAD), title: '扫描件：勾稽不符处若有单元格可能识别有误（可信度低，或与应有数字只差一位或小数点），提示核对原件', reads: '文字识别（OCR）读出的单元格及其可信度' },
    { id: ROUNDING, name: ruleName(ROUNDING), title: '尾差：相差在所列数字的精度之内（各数均经四舍五入或截位），提示复核', reads: '上述各项勾稽关系与说明中的数字' },
  ];
}

/** Bump when a rule's logic changes without its catalogue entry changing: stored findings are checked again. */
const CHECKS_REVISION = 2;

/** Which checks made a set of findings: the catalogue (ids, what each checks and reads) and the revision. */
export const CHECKS_STAMP: string = createHash('sha256').update(JSON.stringify([CHECKS_REVISION, ruleCatalogue()])).digest('hex').slice(0, 16);

/** Milliseconds per runChecks on this document, averaged over `runs` (for scripts/bench.ts). */
export function measureChecks(doc: BudgetDocument, runs = 50): number {
  for (let i = 0; i < Math.min(runs, 50); i++) runChecks(doc); // warm the JIT first
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) runChecks(doc);
  return (performance.now() - t0) / runs;
}
