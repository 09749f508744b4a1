// Runs the catalogue over one document: prepares the context once, runs every rule, weighs the evidence
// (a cell that fails several identities is the likeliest culprit), merges findings on the same cell and
// turns cents into the contract's numbers.
import type { BudgetDocument, CellRef, Finding, Severity } from '../model/types.js';
import { defaultCatalog } from './catalog/index.js';
import { fmt } from './lib/amounts.js';
import { ExtraView } from './lib/extra.js';
import { buildNarrativeIndex, type DynamicConcept, type NarrativeIndex } from './lib/narrative/index.js';
import { dynamicConcepts } from './lib/narrative/targets.js';
import { buildViews, type TableView } from './lib/table-view.js';
import type { CheckContext, CheckOptions, Draft, Rule, Term } from './types.js';

/**
 * A table whose cells run together (several codes or amounts in one cell, several numbered items in one
 * label) was not read cell by cell: checking its arithmetic would only report the reading.
 */
export function unreadableReason(v: TableView): string | null {
  for (let r = 0; r < v.rowCount; r++) {
    for (const lane of v.amountLanes()) {
      const t = v.text(r, lane).replace(/[\s,]/g, '');
      // Two decimal points with 3+ digits between (1.2345.6): written so that it cannot backtrack.
      if (v.cents(r, lane) === null && /\d\.\d{3,}\.\d/.test(t)) return `第${v.rowId(r)}行第${lane}栏“${t.slice(0, 24)}…”含多个数字`;
    }
    const code = v.text(r, 1).replace(/\s/g, '');
    if (['t2', 't3', 't5', 't6', 't7', 't8'].includes(v.key) && /^\d{9,}$/.test(code)) return `第${v.rowId(r)}行科目编码“${code.slice(0, 16)}…”含多个编码`;
    for (const lane of ['t1', 't4'].includes(v.key) ? [1, 3] : v.key === 't9' ? [1] : []) {
      if ((v.text(r, lane).match(/[一二三四五六七八九十]+、/g) ?? []).length >= 3) return `第${v.rowId(r)}行“${v.text(r, lane).slice(0, 16)}…”含多个项目`;
    }
  }
  return null;
}

export function createContext(doc: BudgetDocument, options: CheckOptions = {}): CheckContext {
  const views = buildViews(doc.tables ?? []);
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
    table: (key) => views.get(key) ?? null,
    unreadable,
    extras: (doc.extra_tables ?? []).map((t) => new ExtraView(t)),
    narrative: { paragraphs: [], all: [] },
    catalog: defaultCatalog,
    previous: options.previousYear && options.previousYear.year < doc.year ? createContext(options.previousYear) : null,
  };
  ctx.narrative = narrativeIndex(doc, dynamicConcepts(ctx));
  return ctx;
}

const narrativeMemo = new WeakMap<object, { sig: string; year: number; index: NarrativeIndex }>();

/** The narrative read once per document: a re-check after a table edit reuses it (same sections, same concepts). */
function narrativeIndex(doc: BudgetDocument, dynamics: DynamicConcept[]): NarrativeIndex {
  const sections = doc.narrative ?? [];
  // Same sections object, same text (a cheap fingerprint guards against edits in place), same concepts.
  let size = 0;
  for (const s of sections) {
    size += s.heading.length + 1;
    for (const p of s.paragraphs) size = (size * 31 + p.length + p.charCodeAt(p.length >> 1)) % 1_000_000_007;
  }
  const sig = `${size}|${dynamics.map((d) => d.pattern.source).join('|')}`;
  const hit = narrativeMemo.get(sections);
  if (hit && hit.sig === sig && hit.year === doc.year) return hit.index;
  const index = buildNarrativeIndex({ ...doc, narrative: sections }, dynamics);
  narrativeMemo.set(sections, { sig, year: doc.year, index });
  return index;
}

const cellKey = (c: CellRef): string => `${c.table}|${c.row}|${c.column}`;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Move the blame of each identity to the term that fails the most identities (ties keep the default). */
function weighEvidence(drafts: Draft[]): Draft[] {
  const counts = new Map<string, number>();
  for (const d of drafts) {
    if (!d.terms) continue;
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
    const name = best.label ?? `${best.ref.table} 第${best.ref.row}行 第${best.ref.column}栏`;
    return {
      ...d,
      cell: best.ref,
      related: others,
      expected: d.percent ? d.expected : expected,
      actual: d.percent ? d.actual : best.value,
      page: null,
      message: `${d.message}；该格同时不满足其他勾稽关系，最可能有误的是 ${name} ${fmt(best.value)}（应为 ${fmt(expected)}）`,
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

const toNumber = (v: number | null): number | null => (v === null ? null : Math.round(v) / 100);

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
    expected: toNumber(d.expected),
    actual: toNumber(d.actual),
    message: d.message,
    page: d.page ?? pageOf(d.cell),
  };
  if (d.paragraph) f.paragraph = d.paragraph;
  return f;
}

/** First row index of each 序号 in a view (a finding's row is looked up, not searched for). */
function rowIndex(count: number, rowId: (r: number) => string | null): Map<string, number> {
  const index = new Map<string, number>();
  for (let r = 0; r < count; r++) {
    const id = rowId(r);
    if (id !== null && !index.has(id)) index.set(id, r);
  }
  return index;
}

/** Page of a cell by its 序号 (for findings whose blame moved, and table identities). */
function pageLookup(ctx: CheckContext): (c: CellRef) => number | null {
  const indexes = new Map<string, Map<string, number>>();
  const indexOf = (name: string, count: number, rowId: (r: number) => string | null) => {
    let index = indexes.get(name);
    if (!index) indexes.set(name, (index = rowIndex(count, rowId)));
    return index;
  };
  return (c) => {
    if (c.table.startsWith('extra:')) {
      const v = ctx.extras.find((x) => x.name === c.table);
      if (!v) return null;
      const col = c.column === null ? null : Number(c.column) - 1;
      const r = c.row === null ? undefined : indexOf(c.table, v.rows.length, (i) => v.rowId(i)).get(c.row);
      if (c.row !== null) return r === undefined ? v.page(null, null) : v.page(r, col);
      return v.page(null, null);
    }
    const v = ctx.table(c.table);
    if (!v || c.row === null) return v?.table.pages?.[0] ?? null;
    const r = indexOf(c.table, v.rowCount, (i) => v.rowId(i)).get(c.row);
    return r === undefined ? null : v.page(r, c.column === null ? null : Number(c.column));
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
        message: `检查规则 ${rule.id}（${rule.title}）未能完成：${(err as Error).message}`,
      });
    }
  }
  const pageOf = pageLookup(ctx);
  return merge(weighEvidence(drafts)).map((d) => toFinding(d, pageOf));
}
