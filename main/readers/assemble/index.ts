// The format-neutral assembler: RawDocument (paragraphs and grids in reading order, from any reader)
// → the canonical BudgetDocument minus id, findings and source. Tables are found by their titles and read
// by meaning (t1–t9 of a 预算, d1–d9 of a 决算); every other titled table among them is an extra table; what
// is left is the narrative (before, between or after the tables), with the tables it holds.
import { detectFamily, lexiconFor, type LayoutFamily } from '../../model/families/index.js';
import type { Lexicon } from '../../model/lexicon/concepts.js';
import { unusableInput } from '../../model/errors.js';
import { formalOrganisationName } from '../../model/organisation.js';
import type { BudgetDocument, DocKind, ExtraTable, Scope, TableKey } from '../../model/types.js';
import type { RawDocument } from '../raw.js';
import { classifyRegion } from './classify.js';
import { regrid } from './continuation.js';
import { headerRowCount } from './header.js';
import { buildExtraTable } from './extra-tables.js';
import { toItems, type Grid, type Item } from './items.js';
import { coverMeta, parseMetaLines, vote, yearFromText } from './metadata.js';
import { buildNarrative } from './narrative.js';
import { findRegions, isNote, type Region } from './regions.js';
import { buildStandardTable, type BuiltTable } from './standard-tables.js';
import { parseTableTitle } from './titles.js';
import { clean, squash } from './text.js';

export type AssembledDocument = Omit<BudgetDocument, 'id' | 'findings' | 'source'>;

/** Short lines and header cells: what a layout family is recognised by. */
function signalLines(items: Item[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'line') {
      if (it.text.length <= 60) out.push(it.text);
      continue;
    }
    for (const r of it.rows.slice(0, 4)) for (const c of r.cells) if (!c.covered && c.text.trim()) out.push(c.text);
  }
  return out;
}

/** The kind the standard-table titles (else the cover) say. */
function kindOf(items: Item[], family: LayoutFamily | null, cover: DocKind | undefined): DocKind | null {
  const kinds = items.map((it) => (it.kind === 'line' ? parseTableTitle(it.text, family) : null)).filter((t) => t?.number).map((t) => t!.kind ?? undefined);
  return vote(kinds) ?? cover ?? null;
}

/** Regions taken as tables: standard ones, and titled tables printed among them (no text in between). */
function claimExtras(items: Item[], regions: Region[], standard: boolean[]): boolean[] {
  const claimed = [...standard];
  const quiet = (from: number, to: number) => items.slice(from, to).every((it) => it.kind === 'line' && (it.text.length <= 40 && !/[。；;]/.test(it.text)));
  let changed = true;
  while (changed) {
    changed = false;
    regions.forEach((r, k) => {
      if (claimed[k]) return;
      const prev = regions[k - 1];
      const next = regions[k + 1];
      if ((prev && claimed[k - 1] && quiet(prev.end, r.titleAt)) || (next && claimed[k + 1] && quiet(r.end, next.titleAt))) {
        claimed[k] = true;
        changed = true;
      }
    });
  }
  return claimed;
}

export function assembleDocument(raw: RawDocument): AssembledDocument {
  const items = toItems(raw);
  const withPages = raw.format === 'pdf';
  // PDF text comes as visual lines, wrapped at the margin; Word and Excel give whole paragraphs.
  const wrapped = raw.format === 'pdf';
  const lines = items.filter((it): it is Extract<Item, { kind: 'line' }> => it.kind === 'line');
  const cover = coverMeta(lines.slice(0, 60).map((l) => l.text));
  const family = detectFamily(signalLines(items), kindOf(items, null, cover.kind));
  const lex = lexiconFor(family);
  const labels = family?.meta?.department ?? [];
  const regions = findRegions(items, family);
  for (const r of regions) r.grids = joinSplitHeader(r.grids, lex);
  const kind: DocKind = kindOf(items, family, cover.kind) ?? (family?.kind as DocKind | undefined) ?? '预算';

  // Each region as a standard table (by meaning) or another table; a standard table printed twice keeps the first.
  const keys: (TableKey | null)[] = [];
  for (const r of regions) {
    const key = classifyRegion(r, kind, lex, family);
    keys.push(key && !keys.includes(key) ? key : null);
  }
  const claimed = claimExtras(items, regions, keys.map((k) => k !== null));
  const built: BuiltTable[] = [];
  const regionExtras: { at: number; table: ExtraTable }[] = [];
  regions.forEach((r, k) => {
    if (!claimed[k]) return;
    const key = keys[k];
    if (key) built.push(buildStandardTable(r, key, lex, withPages, labels));
    else {
      const table = buildExtraTable({ title: r.title.title, grids: r.grids, lead: [], notes: r.notes }, wrapped, withPages);
      table.unit = parseMetaLines(r.metaLines, labels).unit ?? r.title.unit;
      regionExtras.push({ at: r.titleAt, table });
    }
  });

  // The narrative: everything outside the claimed tables, in order.
  const inTable = new Set<number>();
  regions.forEach((r, k) => {
    if (!claimed[k]) return;
    for (let i = r.titleAt; i < r.end; i++) inTable.add(i);
    // A remark printed right above the table (说明：本表由系统导出) is the table's, not narrative.
    for (let i = r.titleAt - 1; i >= 0; i--) {
      const it = items[i]!;
      if (it.kind !== 'line' || !isNote(it.text)) break;
      inTable.add(i);
    }
  });
  const rest = items.filter((_, i) => !inTable.has(i));
  const { narrative, extra_tables } = buildNarrative(rest, wrapped, withPages);
  if (!built.length && !looksLikeDisclosure(cover.year, narrative)) {
    throw unusableInput('未找到部门预算公开表（九张标准表均未识别）', 'no standard budget tables found in this file');
  }

  const tables = built.map((b) => b.table);
  const metas = built.map((b) => b.meta);
  const dept = vote(metas.map((m) => (m.department || m.code ? `${m.code ?? ''}\u0000${m.department ?? ''}` : undefined)));
  // The tables' 编制单位 as printed; a name known from the cover alone (a narrative published apart from its
  // tables, tables without 编制单位) in its formal form, as tables print it (江苏省委办公厅 → 中共江苏省委办公厅).
  const [code, department] = dept ? (dept.split('\u0000') as [string, string]) : ['', formalOrganisationName(cover.department ?? '')];
  const titleYear = (title: string) => {
    const m = /^((?:19|20)\d{2})\s*年/.exec(squash(title));
    return m ? Number(m[1]) : undefined;
  };
  const year =
    vote(metas.map((m) => m.year)) ??
    vote(tables.map((t) => titleYear(t.title))) ??
    cover.year ??
    vote(regionExtras.map((e) => titleYear(e.table.title))) ??
    yearFromText([...narrative.map((s) => s.heading), ...narrative.flatMap((s) => s.paragraphs.slice(0, 3))]) ??
    0;
  const scope = (vote(built.map((b) => b.region.title.scope ?? undefined)) ?? cover.scope ?? '部门') as Scope;
  const unit = vote(tables.map((t) => t.unit ?? undefined)) ?? family?.unit ?? '万元';
  const extras = [...regionExtras.sort((a, b) => a.at - b.at).map((e) => e.table), ...extra_tables];
  return {
    kind,
    family: family?.id ?? null,
    scope,
    department_code: code || null,
    department: clean(department),
    year,
    unit,
    tables,
    narrative,
    extra_tables: extras,
  };
}

/**
 * A table whose header block a page break cuts (Word and Writer let rows break across pages): the first grid
 * holds nothing but header rows; they are laid on the next page's columns and the header goes on there.
 */
function joinSplitHeader(grids: Grid[], lex: Lexicon): Grid[] {
  const [a, b] = grids;
  if (!a || !b || headerRowCount(a.rows, lex, { first: true }) < a.rows.length) return grids;
  const [from, to] = a.width > b.width ? [b, a] : [a, b];
  const laid = regrid(from, to);
  if (!laid) return grids;
  const rows = from === a ? [...laid, ...b.rows] : [...a.rows, ...laid];
  return [{ ...b, width: to.width, rows, page: a.page, atPageTop: a.atPageTop }, ...grids.slice(2)];
}

/** A file without standard tables is still a disclosure when a title names one and the narrative holds text. */
function looksLikeDisclosure(year: number | undefined, narrative: { paragraphs: string[] }[]): boolean {
  return year !== undefined && narrative.reduce((n, s) => n + s.paragraphs.length, 0) >= 3;
}
