// t9 财政拨款“三公”经费支出表 by its labels: 合计 and/or “三公”经费小计, the numbered items
// (一、因公出国（境）费 …, 2024 variants add 四、会议费, 五、培训费) and their 其中 lines.
import type { TableView } from './table-view.js';
import { normLabel, squash } from './labels.js';

export type SangongKind = 'abroad' | 'car' | 'reception' | 'meeting' | 'training' | 'other';
export type SangongPartKind = 'carBuy' | 'carRun' | 'abroadResearch' | 'abroadOther' | 'other';

export interface SangongItem {
  r: number;
  kind: SangongKind;
  parts: { r: number; kind: SangongPartKind }[];
}

export interface SangongIndex {
  total: number | null;
  subtotal: number | null;
  items: SangongItem[];
}

export const SANGONG_KINDS: SangongKind[] = ['abroad', 'car', 'reception'];

export function sangongKind(label: string): SangongKind {
  const l = normLabel(label);
  if (/出国|出境/.test(l)) return 'abroad';
  if (/公务用车/.test(l)) return 'car';
  if (/接待/.test(l)) return 'reception';
  if (/会议/.test(l)) return 'meeting';
  if (/培训/.test(l)) return 'training';
  return 'other';
}

export function sangongPartKind(label: string): SangongPartKind {
  const l = normLabel(label);
  if (/公务用车/.test(l) && /购置/.test(l) && !/运/.test(l)) return 'carBuy';
  if (/运行维护|运维/.test(l)) return 'carRun';
  if (/教学科研/.test(l)) return 'abroadResearch';
  if (/出国|出境/.test(l)) return 'abroadOther';
  return 'other';
}

const cache = new WeakMap<TableView, SangongIndex>();

export function sangongIndex(view: TableView): SangongIndex {
  const hit = cache.get(view);
  if (hit) return hit;
  let total: number | null = null;
  let subtotal: number | null = null;
  const items: SangongItem[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const raw = squash(view.text(r, 1));
    const l = normLabel(raw);
    if (l === '') continue;
    if (/^合计$|^总计$/.test(l)) {
      total ??= r;
      continue;
    }
    if (/小计$/.test(l) && /三公/.test(l + raw)) {
      subtotal ??= r;
      continue;
    }
    const numbered = /^[（(]?[一二三四五六七八九十]+[)）]?[、.．]/.test(raw);
    const current = items[items.length - 1];
    // Unnumbered layouts: a line of another 三公 kind (not a 其中 line) starts a new item.
    const kind = sangongKind(raw);
    const startsItem = numbered || !current || (!/^其中/.test(raw) && kind !== 'other' && kind !== current.kind);
    if (startsItem) items.push({ r, kind, parts: [] });
    else current.parts.push({ r, kind: sangongPartKind(raw) });
  }
  const idx = { total, subtotal, items };
  cache.set(view, idx);
  return idx;
}

export const sangongItem = (idx: SangongIndex, kind: SangongKind): SangongItem | null =>
  idx.items.find((i) => i.kind === kind) ?? null;
