// What a rule is and what it hands back. A rule is a small pure module: it reads the prepared context
// (the document with its tables indexed once per run) and returns drafts; the engine picks the cell to
// blame, merges duplicates and turns drafts into contract findings.
import type { BudgetDocument, CellRef, Severity } from '../model/types.js';
import type { Catalog } from './catalog/index.js';
import type { TableView } from './lib/view.js';
import type { NarrativeIndex } from './lib/narrative/index.js';
import type { ExtraView } from './lib/extra.js';

/** One cell in an arithmetic identity Σ coef·value = 0 (coef +1 on the stated side, −1 on the parts). */
export interface Term {
  ref: CellRef;
  /** Value in 分 (amounts) or in hundredths of a percent. */
  value: number;
  coef: 1 | -1;
  /** 元 per unit of the cell's printed unit (how expected/actual are reported). */
  factor?: number;
  /** Human label for messages, e.g. "30301 离休费 合计". */
  label?: string;
}

export interface NarrativeQuote {
  heading: string;
  index: number;
  quote: string;
}

export interface Draft {
  rule: string;
  severity: Severity;
  /** The cell most likely wrong, before the engine weighs the evidence of all identities. */
  cell: CellRef;
  related: CellRef[];
  /** 分 of an amount (reported in the unit of `factor`), hundredths of a percent (`percent`), a year × 100. */
  expected: number | null;
  actual: number | null;
  /** 元 per unit of the blamed cell's printed unit (1 when the numbers are already hundredths). */
  factor?: number;
  message: string;
  page?: number | null;
  paragraph?: NarrativeQuote | null;
  /** Set for arithmetic identities: the engine may move the blame to the term that fails most identities. */
  terms?: Term[];
  /** The failing difference Σ coef·value (分). */
  diff?: number;
  /** expected/actual are percentages ×100, not cents. */
  percent?: boolean;
}

export interface CheckContext {
  doc: BudgetDocument;
  year: number;
  /** A standard table that can be checked cell by cell (null when absent or unreadable). */
  table(key: string): TableView | null;
  /** Tables present but not read cell by cell (run-together figures or codes), with the reason. */
  unreadable: Map<string, string>;
  extras: ExtraView[];
  narrative: NarrativeIndex;
  catalog: Catalog;
  /** The layout family the document was read as (its expected tables and narrative sections). */
  family: string | null;
  /** Last year's submission of the same department from the archive, prepared the same way (or null). */
  previous: CheckContext | null;
  /** For a 决算: the 预算 of the same department, scope and year from the archive, prepared the same way (or null). */
  budget: CheckContext | null;
}

/** What the archive knows beyond the document itself. */
export interface CheckOptions {
  /** The same department's submission for the year before (latest version, corrections applied). */
  previousYear?: BudgetDocument | null;
  /** For a 决算: the same department's 预算 of the same year (its 年初预算 figures), when archived. */
  budget?: BudgetDocument | null;
}

export interface Rule {
  /** Finding rule id (TABLES.md catalogue; new ids welcome). */
  id: string;
  /** What the rule checks, in Chinese (shown in the rule list). */
  title: string;
  /** The cells it reads, in words. */
  reads: string;
  run(ctx: CheckContext): Draft[];
}
