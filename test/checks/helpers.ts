// Test support for the check engine: corpus truths (copied into test/fixtures) as documents, the
// corpus mutants rebuilt from their original plus the changed tables/paragraphs, and small edits.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentFromTruth, runChecks, type TruthJson } from '../../main/checks/index.js';
import { TABLE_DEFS } from '../../main/model/tables.js';
import type { BudgetDocument, CellRef, Finding, NarrativeSection, StandardTable, TableKey } from '../../main/model/types.js';

const fixture = (rel: string): string => fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));

export function truth(id: string): TruthJson {
  return JSON.parse(readFileSync(fixture(`truth/${id}.json`), 'utf8')) as TruthJson;
}

export const truthDoc = (id: string): BudgetDocument => documentFromTruth(truth(id));

export interface Mutant {
  id: string;
  base: string;
  injected: { kind: string; table: string; row: string | null; column: string | null; changes?: { row: string }[] };
  tables: Record<string, string[][]>;
  narrative: Record<string, NarrativeSection>;
}

export const MUTANTS: Mutant[] = JSON.parse(readFileSync(fixture('checks/mutants.json'), 'utf8')) as Mutant[];

export function mutantDoc(m: Mutant): BudgetDocument {
  const t = structuredClone(truth(m.base));
  for (const table of t.tables) if (m.tables[table.key]) table.rows = m.tables[table.key]!;
  for (const [i, s] of Object.entries(m.narrative)) t.narrative![Number(i)] = s;
  return documentFromTruth({ ...t, id: m.id });
}

/** A copy of the document with one cell of a standard table changed (row by 序号, column by 栏次). */
export function withCell(doc: BudgetDocument, key: TableKey, rowId: string, lane: number, value: string): BudgetDocument {
  const copy = structuredClone(doc);
  const t = copy.tables.find((x) => x.key === key)!;
  const row = t.rows.find((r) => r[0] === rowId);
  if (!row) throw new Error(`no row ${rowId} in ${key}`);
  row[lane] = value;
  return copy;
}

/** A copy with a narrative paragraph rewritten by a replacement of text. */
export function withText(doc: BudgetDocument, from: string, to: string): BudgetDocument {
  const copy = structuredClone(doc);
  let hit = false;
  for (const s of copy.narrative) s.paragraphs = s.paragraphs.map((p) => (p.includes(from) ? ((hit = true), p.replace(from, to)) : p));
  if (!hit) throw new Error(`text not found: ${from}`);
  return copy;
}

/** A hand-made standard table: rows as printed, lanes and header from the table definition. */
export function table(key: TableKey, rows: string[][], note: string | null = null): StandardTable {
  const def = TABLE_DEFS.find((d) => d.key === key)!;
  const lanes = ['栏次', ...def.columns.map((c) => String(c.lane))];
  return {
    key, title: `部门预算${def.name}`, unit: null, header: def.header, lanes,
    rows: rows.map((r) => Array.from({ length: lanes.length }, (_, i) => r[i] ?? '')),
    note, pages: null, sources: rows.map((r) => r.map(() => null)),
  };
}

export function doc(parts: Partial<BudgetDocument>): BudgetDocument {
  return {
    id: 'test', kind: '预算', family: null, scope: '部门', department_code: '001', department: '测试部门', year: 2024, unit: '万元',
    tables: [], narrative: [], extra_tables: [], findings: [],
    source: { format: 'pdf', fileName: 'test.pdf', sha256: '0'.repeat(64), size: 0, pageCount: null },
    ...parts,
  } as BudgetDocument;
}

export const findingsOf = (d: BudgetDocument, rule?: string): Finding[] => runChecks(d).filter((f) => !rule || f.rule === rule);

export const at = (f: Finding): string => `${f.table}|${f.row}|${f.column}`;

export const touches = (f: Finding, table: string, row: string | null): boolean =>
  [f as CellRef, ...f.related].some((c) => c.table.replace(/^extra:/, '') === table.replace(/^extra:/, '') && (row === null || c.row === row));

/** Findings present in `after` and absent (by rule|table|row|column) from `before`. */
export function fresh(before: Finding[], after: Finding[]): Finding[] {
  const keys = new Set(before.map((f) => `${f.rule}|${at(f)}`));
  return after.filter((f) => !keys.has(`${f.rule}|${at(f)}`));
}

/** A real published disclosure's truth (test/fixtures/real/truth, copied from ../shared/corpus/real). */
export function realTruth(id: string): TruthJson & { known_findings?: { rule: string; table: string; row: string | null; match?: string[] }[] } {
  return JSON.parse(readFileSync(fixture(`real/truth/${id}.json`), 'utf8'));
}

export const realDoc = (id: string): BudgetDocument => documentFromTruth(realTruth(id));

/**
 * A copy with one cell of a real-layout table changed: the row is the first whose printed cells, joined,
 * contain `row` (a code "2080502", a label "支出总计"); the column is the 0-based printed position.
 */
export function setCell(doc: BudgetDocument, key: TableKey, row: string, col: number, value: string): BudgetDocument {
  const copy = structuredClone(doc);
  const t = copy.tables.find((x) => x.key === key)!;
  const r = t.rows.find((x) => x.join('').replace(/\s+/g, '').includes(row));
  if (!r) throw new Error(`no row ${row} in ${key}`);
  r[col] = value;
  return copy;
}
