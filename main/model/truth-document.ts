// A corpus truth file (../shared/corpus/SCHEMA.md) as a BudgetDocument, for the harness and the tests:
// the truth is the canonical shape, so the engine can be measured before the readers exist.
import { detectFamily } from './families/index.js';
import type { BudgetDocument, ExtraTable, StandardTable } from './types.js';

interface TruthTable extends Omit<StandardTable, 'sources' | 'pages' | 'unit' | 'lanes'> {
  pages?: number[] | null;
  unit?: string | null;
  lanes: string[] | null;
}

export interface TruthJson {
  id: string;
  scope: BudgetDocument['scope'];
  kind?: BudgetDocument['kind'];
  department_code: string | null;
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
    unit: t.unit ?? null,
    pages: t.pages ?? null,
    sources: t.rows.map((r) => r.map(() => null)),
  }));
  const kind = truth.kind ?? '预算';
  const lines = [...tables.map((t) => t.title), ...tables.flatMap((t) => t.header.rows.flat()), ...(truth.narrative ?? []).map((s) => s.heading)];
  return {
    id: truth.id,
    kind,
    family: detectFamily(lines, kind)?.id ?? null,
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
