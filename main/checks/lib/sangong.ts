// The “三公”经费 table by meaning, printed either way: as rows (合计, “三公”经费小计, 一、因公出国（境）费 …
// with 其中 lines; columns are funds) or as one horizontal row whose columns are the parts (合计, 因公出国
// （境）费, 公务用车购置及运行费 › 购置费/运行费, 公务接待费, 会议费, 培训费, 机关运行经费).
import { normLabel, squash } from './labels.js';
import type { TableView } from './view.js';

export type SangongKind = 'abroad' | 'vehicle' | 'reception' | 'meeting' | 'training' | 'other';
export type SangongPartKind = 'vehiclePurchase' | 'vehicleRunning' | 'other';

export interface SangongItem {
  r: number;
  kind: SangongKind;
  parts: { r: number; kind: SangongPartKind }[];
}

export interface SangongRows {
  total: number | null;
  subtotal: number | null;
  items: SangongItem[];
}

export const SANGONG_KINDS: SangongKind[] = ['abroad', 'vehicle', 'reception'];

const ITEM_KINDS: SangongKind[] = ['abroad', 'vehicle', 'reception', 'meeting', 'training'];

function kindOf(view: TableView, r: number): string | null {
  const e = view.entriesAt(r)[0];
  if (e?.concept) return e.concept;
  const l = normLabel(view.text(r, e ? view.panels[e.panel]?.labels[0] ?? 0 : 0));
  if (/出国|出境/.test(l)) return 'abroad';
  if (/公务用车/.test(l) && /购置/.test(l) && /运/.test(l)) return 'vehicle';
  if (/接待/.test(l)) return 'reception';
  return null;
}

/** The table lists the 三公 parts as rows (Hebei) rather than as columns. */
export function isVertical(view: TableView): boolean {
  return view.sem.entries.some((e) => e.concept === 'abroad' || e.concept === 'reception' || e.concept === 'vehicle');
}

const cache = new WeakMap<TableView, SangongRows>();

/** The rows of a vertical 三公 table: 合计, 小计, the numbered items and their 其中 lines. */
export function sangongRows(view: TableView): SangongRows {
  const hit = cache.get(view);
  if (hit) return hit;
  let total: number | null = null;
  let subtotal: number | null = null;
  const items: SangongItem[] = [];
  for (const e of view.entriesOf(0)) {
    const raw = squash(e.label);
    if (!raw) continue;
    const r = e.row;
    const kind = kindOf(view, r);
    if (/^(合计|总计)$/.test(normLabel(raw))) {
      total ??= r;
      continue;
    }
    if (kind === 'sangong' || (/小计$/.test(raw) && /三公/.test(raw))) {
      subtotal ??= r;
      continue;
    }
    const numbered = /^[（(]?[一二三四五六七八九十]+[)）]?[、.．]/.test(raw);
    const current = items[items.length - 1];
    const itemKind = (ITEM_KINDS.includes(kind as SangongKind) ? kind : 'other') as SangongKind;
    // Unnumbered layouts: a line of another 三公 kind (not a 其中 line) starts a new item.
    const startsItem = numbered || !current || (!/^其中/.test(raw) && itemKind !== 'other' && itemKind !== current.kind && kind !== 'vehiclePurchase' && kind !== 'vehicleRunning');
    if (startsItem) items.push({ r, kind: itemKind, parts: [] });
    else current.parts.push({ r, kind: kind === 'vehiclePurchase' || kind === 'vehicleRunning' ? kind : 'other' });
  }
  const out = { total, subtotal, items };
  cache.set(view, out);
  return out;
}

/** The column of the 一般公共预算 money in a vertical table (else its 合计 column). */
export function generalColumn(view: TableView): number | null {
  return view.column('general') ?? view.totalColumn(0);
}

/** Where a vertical table prints 预算数 and 决算数 side by side: the column of a stage (一般公共预算, else 合计). */
function stagedColumn(view: TableView, stage: string | null): number | null {
  const amounts = view.columns.filter((m) => m.role === 'amount');
  if (stage === null || new Set(amounts.map((m) => m.stage).filter(Boolean)).size < 2) return null;
  const at = amounts.filter((m) => m.stage === stage);
  return (at.find((m) => m.concept === 'general') ?? at.find((m) => m.concept === 'total') ?? at[0])?.index ?? null;
}

/**
 * The cell that states a 三公 concept ('sangong', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning',
 * 'reception', 'meeting', 'training', 'adminCost', 'total'), in the 一般公共预算 money where funds are
 * columns; `stage` picks 预算数/决算数 where both are printed.
 */
export function sangongCell(view: TableView, concept: string, stage: string | null = null): { r: number; c: number } | null {
  if (isVertical(view)) {
    const c = stagedColumn(view, stage) ?? generalColumn(view);
    if (c === null) return null;
    const rows = sangongRows(view);
    if (concept === 'sangong') {
      const r = rows.subtotal ?? (rows.items.some((i) => !SANGONG_KINDS.includes(i.kind)) ? null : rows.total);
      return r === null ? null : { r, c };
    }
    if (concept === 'total') return rows.total === null ? null : { r: rows.total, c };
    const item = rows.items.find((i) => i.kind === concept);
    if (item) return { r: item.r, c };
    for (const i of rows.items) for (const p of i.parts) if (p.kind === concept) return { r: p.r, c };
    return null;
  }
  if (view.rowCount === 0) return null;
  const cols = view.columns.filter((m) => m.role === 'amount' && m.concept === concept && (stage === null || m.stage === null || m.stage === stage));
  // A horizontal table whose 合计 is the 三公 total (no 会议费/培训费 beside it) states 'sangong' there.
  let c = cols[0]?.index ?? null;
  if (c === null && concept === 'sangong') {
    const extra = view.columns.some((m) => m.concept === 'meeting' || m.concept === 'training');
    if (!extra) c = view.columns.find((m) => m.role === 'amount' && m.concept === 'total' && (stage === null || m.stage === null || m.stage === stage))?.index ?? null;
  }
  if (c === null) return null;
  const r = view.rows.findIndex((row) => String(row[c!] ?? '').trim() !== '');
  return { r: r < 0 ? 0 : r, c };
}
