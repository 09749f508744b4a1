// The format-neutral assembler: RawDocument (paragraphs and grids in reading order, from any reader)
// → the canonical BudgetDocument minus id, findings and source.
import { unusableInput } from '../../model/errors.js';
import type { BudgetDocument, Scope } from '../../model/types.js';
import type { RawDocument } from '../raw.js';
import { toItems, type Item } from './items.js';
import { vote, yearFromText } from './metadata.js';
import { buildNarrative } from './narrative.js';
import { buildStandardTable, findStandardTables } from './standard-tables.js';
import { maxOf, minOf } from '../extent.js';

export type AssembledDocument = Omit<BudgetDocument, 'id' | 'findings' | 'source'>;

export function assembleDocument(raw: RawDocument): AssembledDocument {
  const items = toItems(raw);
  const withPages = raw.format === 'pdf';
  // PDF text comes as visual lines, wrapped at the margin; Word and Excel give whole paragraphs.
  const wrapped = raw.format === 'pdf';
  const found = findStandardTables(items);
  if (!found.length) {
    throw unusableInput('未找到部门预算公开表（九张标准表均未识别）', 'no standard budget tables found in this file');
  }
  const built = found.map((f) => buildStandardTable(f, withPages));
  const tables = built.map((b) => b.table);

  // The narrative follows the tables; a document that puts it first has it before them.
  const after = items.slice(maxOf(built, (b) => b.end));
  const before = items.slice(0, minOf(built, (b) => b.titleAt));
  const hasText = (xs: Item[]) => xs.some((x) => x.kind === 'line');
  const region = hasText(after) || !hasText(before) ? after : before;
  const { narrative, extra_tables } = buildNarrative(region, wrapped, withPages);

  const metas = built.map((b) => b.meta);
  const dept = vote(metas.map((m) => (m.department || m.code ? `${m.code ?? ''}\u0000${m.department ?? ''}` : undefined)));
  const [code, department] = dept ? (dept.split('\u0000') as [string, string]) : ['', ''];
  const scope = vote(found.map((f) => f.match.scope)) as Scope;
  const year =
    vote(metas.map((m) => m.year)) ??
    yearFromText([...narrative.map((s) => s.heading), ...tables.map((t) => t.title)]) ??
    0;
  return {
    kind: '预算',
    family: null,
    scope,
    department_code: code,
    department,
    year,
    unit: vote(metas.map((m) => m.unit)) ?? '万元',
    tables,
    narrative,
    extra_tables,
  };
}
