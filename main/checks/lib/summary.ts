// Item tables by their printed labels — 收支总表, 财政拨款收支总表 (t1/t4/d1/d4) and any table laid out as
// 收入 | 支出 panels: the items of each side (一、二… at the top, 1./（一） beneath them, 其中 lines
// apart), 本年收入合计/当年收入小计, the carry-over lines (上年结转, 年初结转和结余 with its fund lines),
// 收入总计 — and the same for 支出, whose categories may be printed in several panels (Jiangsu prints
// 功能分类 and 支出用途 side by side, the totals once). Nothing here depends on row numbers.
import type { Entry } from '../../model/semantics/index.js';
import type { Side } from '../../model/lexicon/concepts.js';
import { normLabel, squash } from './labels.js';
import type { TableView } from './view.js';

export type Numbering = 'cn' | 'cnParen' | 'arabic' | 'arabicParen' | 'partial' | 'none';

export function numberingOf(label: string): Numbering {
  const t = squash(label);
  if (/^其中|^含[:：]/.test(t)) return 'partial';
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 'cn';
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 'cnParen';
  if (/^\d+[、.．](?!\d)/.test(t)) return 'arabic';
  if (/^[（(]\d+[)）]/.test(t)) return 'arabicParen';
  return 'none';
}

export interface Item {
  r: number;
  label: string;
  concept: string | null;
  /** Numbered lines beneath it (a breakdown) and 其中 lines (a part only). */
  subs: number[];
  partial: number[];
}

export interface CarryGroup {
  head: number;
  parts: number[];
}

export interface SummarySide {
  side: Side;
  panels: number[];
  /** Items of each panel of the side. */
  items: Map<number, Item[]>;
  subtotal: number | null;
  carry: CarryGroup[];
  grand: number | null;
}

export interface SummaryIndex {
  income: SummarySide | null;
  expense: SummarySide | null;
}

const SUBTOTAL = new Set(['incomeSubtotal', 'expenseSubtotal']);
const TOTALISH = new Set(['incomeSubtotal', 'expenseSubtotal', 'incomeTotal', 'expenseTotal', 'incomeGrand', 'expenseGrand', 'total']);

/** Item panels that carry a side (收入/支出). */
function sidePanels(view: TableView, side: Side): number[] {
  return view.panels.filter((p) => p.kind === 'item' && p.side === side && p.amounts.length > 0).map((p) => p.index);
}

/** The label of row r on a side: its own panel's, else another panel's of the side (a merged 小计 label). */
function sideLabel(view: TableView, r: number, panels: number[]): Entry | null {
  const here = view.entriesAt(r).filter((e) => panels.includes(e.panel));
  return here.find((e) => squash(e.label) !== '') ?? null;
}

const cache = new WeakMap<TableView, SummaryIndex>();

export function summaryIndex(view: TableView): SummaryIndex {
  const hit = cache.get(view);
  if (hit) return hit;
  const idx: SummaryIndex = { income: buildSide(view, 'income'), expense: buildSide(view, 'expense') };
  cache.set(view, idx);
  return idx;
}

function buildSide(view: TableView, side: Side): SummarySide | null {
  const panels = sidePanels(view, side);
  if (panels.length === 0) return null;
  // Rows whose label (in any panel of the side) is a total: the last is the grand total, an earlier one
  // the 本年 subtotal; a lone 本年收入合计 is a subtotal, a lone 收入总计/合计 the grand total.
  const totals: { r: number; concept: string }[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const e = sideLabel(view, r, panels);
    if (e && !e.code && e.concept && TOTALISH.has(e.concept)) totals.push({ r, concept: e.concept });
  }
  let subtotal: number | null = null;
  let grand: number | null = null;
  if (totals.length >= 2) {
    subtotal = totals.find((t) => SUBTOTAL.has(t.concept))?.r ?? totals[0]!.r;
    grand = totals[totals.length - 1]!.r;
    if (grand === subtotal) grand = null;
  } else if (totals.length === 1) {
    if (SUBTOTAL.has(totals[0]!.concept)) subtotal = totals[0]!.r;
    else grand = totals[0]!.r;
  }
  const end = subtotal ?? grand ?? view.rowCount;
  const items = new Map<number, Item[]>();
  for (const p of panels) items.set(p, panelItems(view, p, end));
  const carry: CarryGroup[] = [];
  if (subtotal !== null) {
    for (let r = subtotal + 1; r < (grand ?? view.rowCount); r++) {
      const e = sideLabel(view, r, panels);
      if (!e || squash(e.label) === '') continue;
      const numbered = numberingOf(e.label) !== 'none' && numberingOf(e.label) !== 'partial';
      const last = carry[carry.length - 1];
      if (numbered && last) last.parts.push(r);
      else carry.push({ head: r, parts: [] });
    }
  }
  return { side, panels, items, subtotal, carry, grand };
}

function panelItems(view: TableView, panel: number, end: number): Item[] {
  const out: Item[] = [];
  let top: Numbering | null = null;
  for (const e of view.entriesOf(panel)) {
    if (e.row >= end || e.code) continue;
    const label = squash(e.label);
    if (!label) continue;
    const n = numberingOf(label);
    top ??= n === 'partial' ? null : n;
    const current = out[out.length - 1];
    if (n === 'partial') {
      current?.partial.push(e.row);
      continue;
    }
    if (current && top !== null && n !== top && n !== 'none') {
      current.subs.push(e.row);
      continue;
    }
    out.push({ r: e.row, label: normLabel(label), concept: e.concept, subs: [], partial: [] });
  }
  return out;
}

/** The item of a side whose row concept is given ('general', 'fund', 'business' …), in any panel. */
export function itemOf(view: TableView, side: SummarySide | null, concept: string): { r: number; panel: number } | null {
  if (!side) return null;
  for (const p of side.panels) {
    for (const it of side.items.get(p) ?? []) {
      if (it.concept === concept) return { r: it.r, panel: p };
      for (const s of it.subs) if (view.entryAt(s, view.panels[p]!.amounts[0] ?? null)?.concept === concept) return { r: s, panel: p };
    }
  }
  return null;
}

/**
 * The amount column of a side's totals in a panel: the panel's own total column, or — where that cell is
 * blank on the total row — the total column of the side's panel that prints it.
 */
export function printedTotalColumn(view: TableView, side: SummarySide, r: number, panel: number): number | null {
  const own = view.totalColumn(panel);
  if (own !== null && !view.isBlank(r, own)) return own;
  for (const p of side.panels) {
    const c = view.totalColumn(p);
    if (c !== null && !view.isBlank(r, c)) return c;
  }
  return own;
}

/** The carry-over line of a fund (its concept) printed apart after a side's 本年 total (年初 … 一般公共预算财政拨款), or null. */
export function fundCarryLine(view: TableView, side: SummarySide, concept: string): number | null {
  const end = side.grand ?? view.rowCount;
  for (let r = (side.subtotal ?? end) + 1; r < end; r++) {
    if (view.entriesAt(r).some((e) => side.panels.includes(e.panel) && e.concept === concept)) return r;
  }
  return null;
}

/** Value of a carry group in a column: the head line when printed, else the sum of its sub-lines. */
export function carryValue(view: TableView, g: CarryGroup, c: number): number {
  const head = view.fen(g.head, c) ?? 0;
  if (!view.isBlank(g.head, c) || g.parts.length === 0) return head;
  return g.parts.reduce((a, r) => a + (view.fen(r, c) ?? 0), 0);
}

/** Item-style tables of another shape: Jiangsu's 收入总表 (a group label, then 小计 and its items). */
export interface GroupedIndex {
  grand: number | null;
  groups: { label: string; total: number | null; items: number[]; partial: number[] }[];
}

export function groupedIndex(view: TableView, panel: number): GroupedIndex | null {
  const p = view.panels[panel];
  const labelCols = p?.labels.filter((c) => !p.codes.includes(c)) ?? [];
  if (!p || p.kind !== 'item' || labelCols.length < 2) return null;
  const [groupCol, itemCol] = [labelCols[0]!, labelCols[labelCols.length - 1]!];
  let grand: number | null = null;
  const groups: GroupedIndex['groups'] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const g = squash(view.text(r, groupCol));
    const it = squash(view.text(r, itemCol));
    if (g && !it && /总计$|^合计$/.test(normLabel(g))) {
      grand ??= r;
      continue;
    }
    if (g) {
      groups.push({ label: normLabel(g), total: /^(小计|合计)$/.test(it) || !it ? r : null, items: [], partial: [] });
      if (it && !/^(小计|合计)$/.test(it)) groups[groups.length - 1]!.items.push(r);
      continue;
    }
    const cur = groups[groups.length - 1];
    if (!cur || !it) continue;
    if (numberingOf(it) === 'partial') cur.partial.push(r);
    else cur.items.push(r);
  }
  return groups.length ? { grand, groups } : null;
}
