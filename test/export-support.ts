// Test support for the export: a corpus truth file (copied into test/fixtures/truth) as a BudgetDocument.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BudgetDocument, StandardTable } from '../main/model/types.js';

export const fixture = (rel: string): string => fileURLToPath(new URL(`./fixtures/${rel}`, import.meta.url));

export function truthDocument(id: string): BudgetDocument {
  const truth = JSON.parse(readFileSync(fixture(`truth/${id}.json`), 'utf8'));
  const tables: StandardTable[] = truth.tables.map((t: Omit<StandardTable, 'sources' | 'pages'>) => ({
    ...t,
    pages: null,
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
    source: { format: 'pdf', fileName: `${id}.pdf`, sha256: '0'.repeat(64), size: 0, pageCount: null },
  };
}
