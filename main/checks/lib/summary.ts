// t1 收支总表 and t4 财政拨款收支总表 by their printed labels: the income items, 本年收入合计, the
// carry-over lines, 收入总计, and the same on the expenditure side. Nothing here depends on row numbers.
import type { TableView } from './table-view.js';
import { normLabel } from './labels.js';

export interface CarryGroup {
  /** The 上年结转结余 / 年初财政拨款结转和结余 line. */
  head: number;
  /** Its numbered sub-lines (t4: 一、一般公共预算拨款 …). */
  parts: number[];
}

export interface Side {
  labelLane: number;
  /** Amount lanes of this side (t1: [2] or [4]; t4 expenditure: [4,5,6,7]). */
  lanes: number[];
  items: number[];
  total: number | null;
  carry: CarryGroup[];
  grand: number | null;
}

export interface SummaryIndex {
  income: Side;
  expenditure: Side;
}

const INCOME_TOTAL = /^本年收入合计$|^收入合计$|^本年收入小计$/;
const INCOME_GRAND = /^收入总计$|^收入合计总计$|^收\s*入\s*总\s*计$/;
const EXP_TOTAL = /^本年支出合计$|^支出合计$|^本年支出小计$/;
const EXP_GRAND = /^支出总计$/;

const cache = new WeakMap<TableView, SummaryIndex>();

function side(view: TableView, labelLane: number, lanes: number[], totalRe: RegExp, grandRe: RegExp): Side {
  let total: number | null = null;
  let grand: number | null = null;
  for (let r = 0; r < view.rowCount; r++) {
    const l = view.label(r, labelLane);
    if (total === null && totalRe.test(l)) total = r;
    else if (grand === null && grandRe.test(l)) grand = r;
  }
  const items: number[] = [];
  const end = total ?? grand ?? view.rowCount;
  for (let r = 0; r < end; r++) if (view.label(r, labelLane) !== '') items.push(r);
  const carry: CarryGroup[] = [];
  if (total !== null) {
    const stop = grand ?? view.rowCount;
    for (let r = total + 1; r < stop; r++) {
      const raw = view.text(r, labelLane);
      if (raw.trim() === '') continue;
      const numbered = /^\s*[（(]?[一二三四五六七八九十\d]+[)）]?[、.．]/.test(raw);
      const last = carry[carry.length - 1];
      if (numbered && last) last.parts.push(r);
      else carry.push({ head: r, parts: [] });
    }
  }
  return { labelLane, lanes, items, total, carry, grand };
}

export function summaryIndex(view: TableView): SummaryIndex {
  const hit = cache.get(view);
  if (hit) return hit;
  const expLanes = view.key === 't4' ? [4, 5, 6, 7].filter((l) => view.hasLane(l)) : [4];
  const idx = {
    income: side(view, 1, [2], INCOME_TOTAL, INCOME_GRAND),
    expenditure: side(view, 3, expLanes, EXP_TOTAL, EXP_GRAND),
  };
  cache.set(view, idx);
  return idx;
}

/** The kinds of income a t1/t4 line can be, by its label. */
export type IncomeKind =
  | 'gpb' | 'fund' | 'soc' | 'special' | 'business' | 'operating' | 'superior' | 'affiliated' | 'other' | 'unitFunds';

const INCOME_KINDS: [IncomeKind, RegExp][] = [
  ['gpb', /一般公共预算/],
  ['fund', /政府性?基金/],
  ['soc', /国有资本经营/],
  ['special', /财政专户/],
  ['operating', /经营收入/],
  ['business', /^事业收入/],
  ['superior', /上级补助/],
  ['affiliated', /附属单位/],
  ['unitFunds', /单位资金/],
  ['other', /^其他收入/],
];

export function incomeKind(label: string): IncomeKind | null {
  const l = normLabel(label);
  for (const [k, re] of INCOME_KINDS) if (re.test(l)) return k;
  return null;
}

/** The income item row of a kind (t1/t4), or null. */
export function incomeRow(view: TableView, kind: IncomeKind): number | null {
  const s = summaryIndex(view).income;
  return s.items.find((r) => incomeKind(view.text(r, s.labelLane)) === kind) ?? null;
}

/** Value of a carry group: the head line when printed, else the sum of its sub-lines. */
export function carryValue(view: TableView, g: CarryGroup, lane: number): number {
  const head = view.cents(g.head, lane) ?? 0;
  if (!view.isBlank(g.head, lane) || g.parts.length === 0) return head;
  return g.parts.reduce((a, r) => a + (view.cents(r, lane) ?? 0), 0);
}
