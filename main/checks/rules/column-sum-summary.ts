// column-sum (收支总表, 财政拨款收支总表 and any table of 收入/支出 item panels) — on each side and in each
// amount column: 本年收入合计 = Σ items (一、二…; an item printed blank with numbered lines beneath counts
// as their sum), an item = Σ its numbered lines, 收入总计 = 本年收入合计 + the carry-over lines (or Σ items
// where no 本年 line is printed); a panel that prints its categories but not the total (Jiangsu's 功能分类
// beside 支出用途) is held to the total the side prints elsewhere. Also grouped item tables (a 收入总表 of
// groups, each with its 小计).
import { checkSum, type Operand } from '../lib/identity.js';
import { operand, operands } from '../lib/ops.js';
import { groupedIndex, printedTotalColumn, summaryIndex, type Item, type SummarySide } from '../lib/summary.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

/** An item's value in a column: its cell, or — printed blank with numbered lines beneath — their sum. */
function itemOperands(v: TableView, it: Item, c: number): Operand[] | null {
  if (v.isBlank(it.r, c) && it.subs.some((s) => !v.isBlank(s, c))) return operands(v, it.subs, c);
  const o = operand(v, it.r, c);
  return o ? [o] : null;
}

function itemSums(v: TableView, s: SummarySide, words: [string, string]): Draft[] {
  const out: Draft[] = [];
  const [subWord, grandWord] = words;
  // The line the items add up to: 本年 subtotal, else the grand total when there are no carry lines.
  const target = s.subtotal ?? (s.carry.length === 0 ? s.grand : null);
  for (const p of s.panels) {
    const items = s.items.get(p) ?? [];
    for (const c of v.amountColumns(p)) {
      const col = v.colName(c);
      const parts: Operand[] = [];
      let ok = true;
      for (const it of items) {
        const ops = itemOperands(v, it, c);
        if (!ops) ok = false;
        else for (const op of ops) parts.push(op);
        // An item with numbered lines beneath it = their sum.
        if (it.subs.length && !v.isBlank(it.r, c) && it.subs.some((x) => !v.isBlank(x, c))) {
          const head = operand(v, it.r, c);
          const subs = operands(v, it.subs, c);
          const d = head && subs ? checkSum({ rule: 'column-sum', total: head, parts: subs, subject: () => `${v.title} ${it.label} ${col}`, relation: '其明细之和' }) : null;
          if (d) out.push(d);
        }
      }
      if (!ok || items.length === 0 || target === null) continue;
      // A panel that leaves its total blank is held to the total printed in another panel of the side.
      const tc = c === v.totalColumn(p) ? printedTotalColumn(v, s, target, p) : c;
      if (tc === null || (v.isBlank(target, tc) && parts.every((x) => x.value === 0))) continue;
      const total = operand(v, target, tc);
      const word = target === s.subtotal ? subWord : grandWord;
      const d = total ? checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.title} ${word} ${v.colName(tc)}`, relation: () => (tc === c ? '各项目之和' : `${col}中各项目之和`) }) : null;
      if (d) out.push(d);
    }
  }
  return out;
}

/** 总计 = 本年合计 + the carry-over lines, in each column that prints them (a carry line = its fund lines). */
function grandSums(v: TableView, s: SummarySide, words: [string, string]): Draft[] {
  const out: Draft[] = [];
  if (s.subtotal === null || s.grand === null) return out;
  const [subWord, grandWord] = words;
  const pairs: [number, number][] = [];
  for (const p of s.panels) {
    for (const c of v.amountColumns(p)) {
      const isTotal = c === v.totalColumn(p);
      const pair: [number, number] | null = isTotal
        ? [printedTotalColumn(v, s, s.grand, p), printedTotalColumn(v, s, s.subtotal, p)].every((x) => x !== null) ? [printedTotalColumn(v, s, s.grand, p)!, printedTotalColumn(v, s, s.subtotal, p)!] : null
        : [c, c];
      if (pair && !pairs.some(([g, x]) => g === pair[0] && x === pair[1])) pairs.push(pair);
    }
  }
  for (const [gc, sc] of pairs) {
    const carry: Operand[] = [];
    for (const g of s.carry) {
      const rows = v.isBlank(g.head, gc) && g.parts.length > 0 ? g.parts : [g.head];
      const ops = operands(v, rows, gc);
      if (ops) for (const op of ops) carry.push(op);
      if (!v.isBlank(g.head, gc) && g.parts.some((x) => (v.fen(x, gc) ?? 0) !== 0)) {
        const head = operand(v, g.head, gc);
        const lines = operands(v, g.parts, gc);
        const d = head && lines ? checkSum({ rule: 'column-sum', total: head, parts: lines, subject: () => v.cellName(g.head, gc), relation: '其明细之和' }) : null;
        if (d) out.push(d);
      }
    }
    if (v.isBlank(s.grand, gc) && v.isBlank(s.subtotal, sc) && carry.every((x) => x.value === 0)) continue;
    const grand = operand(v, s.grand, gc);
    const sub = operand(v, s.subtotal, sc);
    const d = grand && sub ? checkSum({ rule: 'column-sum', total: grand, parts: [sub, ...carry], subject: () => `${v.title} ${grandWord} ${v.colName(gc)}`, relation: () => `${subWord}与结转结余之和` }) : null;
    if (d) out.push(d);
  }
  return out;
}

/** A grouped item table: 总计 = Σ group totals; each group's 小计 = its lines (其中 lines apart). */
function groupSums(v: TableView): Draft[] {
  const g = groupedIndex(v, 0);
  const c = v.totalColumn(0);
  if (!g || c === null) return [];
  const out: Draft[] = [];
  const totals = g.groups.map((x) => x.total).filter((r): r is number => r !== null);
  if (g.grand !== null && totals.length === g.groups.length) {
    const total = operand(v, g.grand, c);
    const parts = operands(v, totals, c);
    const d = total && parts ? checkSum({ rule: 'column-sum', total, parts, subject: () => v.cellName(g.grand!, c), relation: '各类收入小计之和' }) : null;
    if (d) out.push(d);
  }
  for (const grp of g.groups) {
    if (grp.total === null || grp.items.length === 0) continue;
    const total = operand(v, grp.total, c);
    const parts = operands(v, grp.items, c);
    const d = total && parts ? checkSum({ rule: 'column-sum', total, parts, subject: () => `${v.title} ${grp.label}小计`, relation: '其明细之和' }) : null;
    if (d) out.push(d);
  }
  return out;
}

export const columnSumSummary: Rule = {
  id: 'column-sum',
  title: '收支总表纵向合计：本年合计 = 各项目之和，总计 = 本年合计 + 结转结余',
  reads: '收支总表、财政拨款收支总表（及其他收入/支出项目表）的项目行、本年合计、结转结余与总计行',
  run: (ctx) => ctx.doc.tables.flatMap((t) => {
    const v = ctx.table(t.key);
    if (!v || v.table !== t) return [];
    const s = summaryIndex(v);
    const out: Draft[] = [];
    for (const [side, words] of [[s.income, ['本年收入合计', '收入总计']], [s.expense, ['本年支出合计', '支出总计']]] as const) {
      if (side) for (const d of [...itemSums(v, side, [...words]), ...grandSums(v, side, [...words])]) out.push(d);
    }
    if (!s.income && !s.expense) for (const d of groupSums(v)) out.push(d);
    return out;
  }),
};
