// A corpus truth file (../shared/corpus/SCHEMA.md) as a BudgetDocument, for the harness and the tests:
// the truth is the canonical shape, so the engine can be measured before the readers exist.
import type { BudgetDocument, ExtraTable, StandardTable } from './types.js';

interface TruthTable extends Omit<StandardTable, 'sources' | 'pages'> {
  pages?: number[] | null;
}

export interface TruthJson {
  id: string;
  scope: BudgetDocument['scope'];
  department_code: string;
  department: string;
  year: number;
  unit: string;
  tables: TruthTable[];
  narrative?: BudgetDocument['narrative'];
  extra_tables?: ExtraTable[];
  injected?: unknown;
  known_findings?: { rule: string; table: string; row: string | null; column: string | null; detail?: string }[];
}

export function documentFromTruth(truth: TruthJson): BudgetDocument {
  const tables: StandardTable[] = truth.tables.map((t) => ({
    ...t,
    pages: t.pages ?? null,
    sources: t.rows.map((r) => r.map(() => null)),
  }));
  return {
    id: truth.id,
    scope: truth.scope,
    department_code: truth.department_code,
    department: truth.department,
    year: truth.year,
    unit: truth.unit,
    tables,
    narrative: truth.narrative ?? [],
    extra_tables: truth.extra_tables ?? [],
    findings: [],
    source: { format: 'pdf', fileName: `${truth.id}.json`, sha256: '0'.repeat(64), size: 0, pageCount: null },
  };
}
