// Compares a read document with a corpus truth file (../shared/corpus/SCHEMA.md) the way ../shared/tools/score.mjs
// does — cells compared without whitespace, numbers by value (thousands separators ignored) — and lists every
// difference in words, so a test can assert the list is empty and a failure says which cell is wrong.
import fs from 'node:fs';
import type { BudgetDocument } from '../../main/model/types.js';
import { fixture } from './paths.js';
import { same } from './table-score.js';

export interface TruthTable {
  key: string;
  title: string;
  unit?: string;
  header: { rows: string[][]; merges: number[][] };
  lanes: string[] | null;
  rows: string[][];
  note: string | null;
  pages?: number[] | null;
}

export interface Truth {
  kind?: string;
  scope: string;
  department: string;
  department_code: string | null;
  year: number;
  unit: string;
  tables: TruthTable[];
  extra_tables: { title: string }[];
}

const squash = (s: unknown): string => String(s ?? '').replace(/\s+/g, '');
/** Cells compared as ../shared/tools/score.mjs does: no whitespace, numbers by value. */
export const sameCell = same;

/** Every difference between the document's standard tables (and metadata) and the truth. */
export function tableDifferences(truth: Truth, doc: BudgetDocument, skipMeta: string[] = []): string[] {
  const out: string[] = [];
  for (const k of ['kind', 'scope', 'department', 'department_code', 'year', 'unit'] as const) {
    if (skipMeta.includes(k) || !(k in truth)) continue;
    if (!sameCell(truth[k as keyof Truth], doc[k])) out.push(`${k}: want ${JSON.stringify(truth[k as keyof Truth])} got ${JSON.stringify(doc[k])}`);
  }
  const keys = doc.tables.map((t) => t.key);
  if (squash(keys) !== squash(truth.tables.map((t) => t.key))) out.push(`tables: want ${truth.tables.map((t) => t.key).join(',')} got ${keys.join(',')}`);
  for (const t of truth.tables) {
    const got = doc.tables.find((x) => x.key === t.key);
    if (!got) continue;
    if (!sameCell(t.title, got.title)) out.push(`${t.key} title: want ${t.title} got ${got.title}`);
    if (t.unit && t.unit !== (got.unit ?? doc.unit)) out.push(`${t.key} unit: want ${t.unit} got ${got.unit}`);
    if (squash(t.note) !== squash(got.note)) out.push(`${t.key} note: want ${t.note} got ${got.note}`);
    if (JSON.stringify(t.lanes) !== JSON.stringify(got.lanes)) out.push(`${t.key} lanes: want ${JSON.stringify(t.lanes)} got ${JSON.stringify(got.lanes)}`);
    if (squash(JSON.stringify(t.header.rows)) !== squash(JSON.stringify(got.header.rows))) out.push(`${t.key} header: want ${JSON.stringify(t.header.rows)} got ${JSON.stringify(got.header.rows)}`);
    if (t.pages && JSON.stringify(t.pages) !== JSON.stringify(got.pages)) out.push(`${t.key} pages: want ${t.pages} got ${got.pages}`);
    if (t.rows.length !== got.rows.length) out.push(`${t.key}: want ${t.rows.length} rows got ${got.rows.length}`);
    t.rows.forEach((row, r) => {
      const g = got.rows[r] ?? [];
      if (row.length !== g.length) out.push(`${t.key} row ${r}: want ${row.length} cells got ${g.length}`);
      row.forEach((cell, c) => {
        if (!sameCell(cell, g[c])) out.push(`${t.key} row ${r} (${row.find((x) => squash(x)) ?? ''}) col ${c}: want ${JSON.stringify(cell)} got ${JSON.stringify(g[c] ?? null)}`);
      });
    });
  }
  return out;
}

/** A truth file copied into test/fixtures/real/truth. */
export const realTruth = (name: string): Truth => JSON.parse(fs.readFileSync(fixture('real', 'truth', `${name}.json`), 'utf8')) as Truth;
