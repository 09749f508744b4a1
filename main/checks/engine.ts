// Runs the catalogue over one document: prepares the context once, runs every rule, weighs the evidence
// (a cell that fails several identities is the likeliest culprit), merges findings on the same cell and
// turns cents into the contract's numbers.
import type { BudgetDocument, CellRef, Finding, Severity } from '../model/types.js';
import { defaultCatalog } from './catalog/index.js';
import { fmtIn } from './lib/amounts.js';
import { ExtraView } from './lib/extra.js';
import { buildNarrativeIndex, type DynamicConcept, type NarrativeIndex } from './lib/narrative/index.js';
import { itemResolver, type Resolver } from './lib/narrative/items.js';
import { dynamicConcepts } from './lib/narrative/targets.js';
import { TableView } from './lib/view.js';
import type { CheckContext, CheckOptions, Draft, Rule, Term } from './types.js';

/**
 * A table whose cells run together (several amounts in one cell, several codes in one code cell, several
 * numbered items in one label) was not read cell by cell: checking its arithmetic would only report the
 * reading.
 */
export function unreadableReason(v: TableView): string | null {
  const amounts = v.amountColumns();
  const codes = v.panels.flatMap((p) => p.codes);
  const labels = v.panels.flatMap((p) => p.labels.filter((c) => !p.codes.includes(c)));
  for (let r = 0; r < v.rowCount; r++) {
    for (const c of amounts) {
      const t = v.text(r, c).replace(/[\s,]/g, '');
      // Two decimal points with 3+ digits between (1.2345.6): written so that it cannot backtrack.
      if (v.money(r, c) === null && /\d\.\d{3,}\.\d/.test(t)) return `${v.rowName(r, c)}“${v.colName(c)}”栏“${t.slice(0, 24)}…”含多个数字`;
    }
    for (const c of codes) {
      const t = v.text(r, c).replace(/\s/g, '');
      if (/^\d{9,}$/.test(t)) return `科目编码“${t.slice(0, 16)}…”含多个编码`;
    }
    for (const c of labels) {
      const t = v.text(r, c);
      if ((t.match(/[一二三四五六七八九十]+、/g) ?? []).length >= 3) return `“${t.slice(0, 16)}…”含多个项目`;
    }
  }
  return null;
}

export function createContext(doc: BudgetDocument, options: CheckOptions = {}): CheckContext {
  const views = new Map<string, TableView>();
  for (const t of doc.tables ?? []) if (!views.has(t.key)) views.set(t.key, new TableView(t, doc.family ?? null, doc.unit));
  const unreadable = new Map<string, string>();
  for (const [key, v] of views) {
    const why = unreadableReason(v);
    if (why) {
      unreadable.set(key, why);
      views.delete(key);
    }
  }
  const ctx: CheckContext = {
    doc,
    year: doc.year,
    family: doc.family ?? null,
    table: (key) => views.get(key) ?? null,
    unreadable,
    extras: (doc.extra_tables ?? []).map((t) => new ExtraView(t)),
    narrative: { paragraphs: [], all: [] },
    catalog: defaultCatalog,
    previous: options.previousYear && options.previousYear.year < doc.year ? createContext(options.previousYear) : null,
  };
  ctx.narrative = narrativeIndex(doc, dynamicConcepts(ctx), itemResolver(ctx), codeSignature(ctx));
  return ctx;
}

const narrativeMemo = new WeakMap<object, { sig: string; year: number; index: NarrativeIndex }>();

/** The 科目 the narrative's 类/款/项 mentions resolve against (a table edit that renames one re-reads it). */
function codeSignature(ctx: CheckContext): string {
  return ['t3', 't5', 't2'].map((k) => ctx.table(k)?.sem.entries.map((e) => `${e.fullCode}${e.label}`).join(',') ?? '').join('|');
}

/** The narrative read once per document: a re-check after a table edit reuses it (same sections, same concepts). */
function narrativeIndex(doc: BudgetDocument, dynamics: DynamicConcept[], resolve: Resolver, codes: string): NarrativeIndex {
  const sections = doc.narrative ?? [];
  // Same sections object, same text (a cheap fingerprint guards against edits in place), same concepts.
  let size = 0;
  for (const s of sections) {
    size += s.heading.length + 1;
    for (const p of s.paragraphs) size = (size * 31 + p.length + p.charCodeAt(p.length >> 1)) % 1_000_000_007;
  }
  const sig = `${size}|${dynamics.map((d) => d.pattern.source).join('|')}|${codes}`;
  const hit = narrativeMemo.get(sections);
  if (hit && hit.sig === sig && hit.year === doc.year) return hit.index;
  const index = buildNarrativeIndex({ ...doc, narrative: sections }, dynamics, resolve);
  narrativeMemo.set(sections, { sig, year: doc.year, index });
  return index;
}

const cellKey = (c: CellRef): string => `${c.table}|${c.row}|${c.column}`;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Move the blame of each identity to the term that fails the most identities (ties keep the default). */
function weighEvidence(drafts: Draft[]): Draft[] {
  const counts = new Map<string, number>();
  // Only table identities weigh: a narrative statement repeated (a heading and its body) does not make the
  // table cell it quotes look wrong.
  for (const d of drafts) {
    if (!d.terms || d.cell.table === 'narrative') continue;
    for (const k of new Set(d.terms.map((t) => cellKey(t.ref)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return drafts.map((d) => {
    if (!d.terms || d.diff === undefined) return d;
    const score = (c: CellRef): number => counts.get(cellKey(c)) ?? 0;
    let best: Term | null = null;
    for (const t of d.terms) if (score(t.ref) > score(best?.ref ?? d.cell)) best = t;
    if (!best || cellKey(best.ref) === cellKey(d.cell)) return d;
    const expected = best.value - best.coef * d.diff;
    const others = [d.cell, ...d.related].filter((c) => cellKey(c) !== cellKey(best!.ref));
    const name = best.label ?? '另一单元格';
    const f = best.factor ?? d.factor ?? 1;
    return {
      ...d,
      cell: best.ref,
      related: others,
      expected: d.percent ? d.expected : expected,
      actual: d.percent ? d.actual : best.value,
      factor: d.percent ? d.factor : f,
      page: null,
      message: `${d.message}；该格同时不满足其他勾稽关系，最可能有误的是 ${name} ${fmtIn(best.value, f)}（应为 ${fmtIn(expected, f)}）`,
    };
  });
}

/** A merged finding's message grows by each distinct message up to this length; the rest are counted. */
const MESSAGE_CAP = 4000;

/** Findings of one rule on one cell become one: messages joined, related cells united, the worst severity.
 *  Linear in the drafts and their related cells (sets beside each merged draft). */
function merge(drafts: Draft[]): Draft[] {
  interface Merged {
    draft: Draft;
    related: Set<string>;
    messages: Set<string>;
    more: number;
  }
  const byKey = new Map<string, Merged>();
  const out: Merged[] = [];
  for (const d of drafts) {
    const k = `${d.rule}|${cellKey(d.cell)}`;
    const prev = byKey.get(k);
    if (!prev) {
      const m: Merged = { draft: { ...d, related: [...d.related] }, related: new Set(d.related.map(cellKey)), messages: new Set([d.message]), more: 0 };
      byKey.set(k, m);
      out.push(m);
      continue;
    }
    const p = prev.draft;
    if (!prev.messages.has(d.message)) {
      prev.messages.add(d.message);
      if (p.message.length > MESSAGE_CAP) prev.more++;
      else if (!p.message.includes(d.message)) p.message = `${p.message}；${d.message}`;
    }
    const own = cellKey(p.cell);
    for (const r of d.related) {
      const rk = cellKey(r);
      if (rk === own || prev.related.has(rk)) continue;
      prev.related.add(rk);
      p.related.push(r);
    }
    if (RANK[d.severity] < RANK[p.severity]) p.severity = d.severity;
  }
  return out.map((m) => (m.more ? { ...m.draft, message: `${m.draft.message}；另有 ${m.more} 条同类说明` } : m.draft));
}

/** 分 in the unit of the blamed cell (or hundredths) → the contract's number. */
const toNumber = (v: number | null, factor = 1): number | null => (v === null ? null : Math.round(v / factor) / 100);

/** The cells in order, each once (first occurrence kept). */
function uniqueCells(cells: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = cellKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function toFinding(d: Draft, pageOf: (c: CellRef) => number | null): Finding {
  const f: Finding = {
    rule: d.rule,
    severity: d.severity,
    table: d.cell.table,
    row: d.cell.row,
    column: d.cell.column,
    related: uniqueCells(d.related),
    expected: toNumber(d.expected, d.factor),
    actual: toNumber(d.actual, d.factor),
    message: d.message,
    page: d.page ?? pageOf(d.cell),
  };
  if (d.paragraph) f.paragraph = d.paragraph;
  return f;
}

/** First row (and its column) of each row id in a view: a finding's row is looked up, not searched for. */
function rowIndex<T>(count: number, at: (r: number) => { id: string | null; hit: T }): Map<string, T> {
  const index = new Map<string, T>();
  for (let r = 0; r < count; r++) {
    const { id, hit } = at(r);
    if (id !== null && !index.has(id)) index.set(id, hit);
  }
  return index;
}

/** Page of a cell by its row id (for findings whose blame moved, and table identities). Each table and
 *  column is indexed once, on first use (a search per finding made long tables quadratic). */
function pageLookup(ctx: CheckContext): (c: CellRef) => number | null {
  const indexes = new Map<string, Map<string, unknown>>();
  const indexOf = <T>(name: string, count: number, at: (r: number) => { id: string | null; hit: T }): Map<string, T> => {
    let index = indexes.get(name) as Map<string, T> | undefined;
    if (!index) indexes.set(name, (index = rowIndex(count, at)));
    return index;
  };
  return (c) => {
    if (c.table.startsWith('extra:')) {
      const v = ctx.extras.find((x) => x.name === c.table);
      if (!v) return null;
      const col = c.column === null ? null : Number(c.column) - 1;
      const r = c.row === null ? undefined : indexOf(c.table, v.rows.length, (i) => ({ id: v.rowId(i), hit: i })).get(c.row);
      return r === undefined ? v.page(null, null) : v.page(r, col);
    }
    const v = ctx.table(c.table);
    if (!v || c.row === null) return v?.table.pages?.[0] ?? null;
    // The row's column: the first whose id is the finding's column (any column for a row finding).
    const columnAt = (r: number): number | null => v.columns.find((m) => c.column === null || v.ref(r, m.index).column === c.column)?.index ?? null;
    const hit = indexOf(`${c.table}|${c.column ?? ''}`, v.rowCount, (r) => {
      const col = columnAt(r);
      return { id: v.rowId(r, col), hit: { r, col } };
    }).get(c.row);
    return hit ? v.page(hit.r, hit.col) : null;
  };
}

export function runRules(doc: BudgetDocument, rules: readonly Rule[], options: CheckOptions = {}): Finding[] {
  const ctx = createContext(doc, options);
  const drafts: Draft[] = [];
  for (const rule of rules) {
    try {
      for (const item of rule.run(ctx)) drafts.push(item);
    } catch (err) {
      drafts.push({
        rule: 'engine',
        severity: 'warning',
        cell: { table: 'document', row: null, column: null },
        related: [],
        expected: null,
        actual: null,
        message: `检查规则“${rule.title}”未能完成：${(err as Error).message}`,
      });
    }
  }
  const pageOf = pageLookup(ctx);
  return merge(weighEvidence(drafts)).map((d) => toFinding(d, pageOf));
}
