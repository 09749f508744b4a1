// procurement-arith — in the 政府采购预算 table: 数量 × 单价 = 金额 (a 单价 written in 元 in a 万元 table
// is the classic), 合计 = Σ the funding columns, the 合计/小计 rows = Σ their lines, and the total the
// 情况说明 states.
import { isProcurement, isTotalRow, type ExtraView } from '../lib/extra.js';
import { checkSum, type Operand } from '../lib/identity.js';
import { normLabel } from '../lib/labels.js';
import { procurementAmountColumn } from '../lib/narrative/targets.js';
import type { Draft, Rule } from '../types.js';
import { minOf } from '../../model/extent.js';

const decimals = (text: string): number => (/\.(\d+)/.exec(text.replace(/\s/g, ''))?.[1]?.length ?? 0);

function lineArithmetic(v: ExtraView, qtyCol: number, priceCol: number, amountCol: number): Draft[] {
  const out: Draft[] = [];
  const yuanPrice = /元/.test(v.columns[priceCol] ?? '') && !/万元/.test(v.columns[priceCol] ?? '');
  for (let r = 0; r < v.rows.length; r++) {
    if (isTotalRow(v, r)) continue;
    const q = v.number(r, qtyCol);
    const p = v.number(r, priceCol);
    const a = v.number(r, amountCol);
    if (q === null || p === null || a === null || q === 0 || p === 0) continue;
    const price = yuanPrice ? p / 10_000 : p;
    const product = q * price;
    // The 单价 may be rounded to the decimals printed: accept any price that rounds to it.
    const half = 0.5 * 10 ** -decimals(v.text(r, priceCol)) * (yuanPrice ? 1 / 10_000 : 1);
    const tol = q * half + 0.005 + 1e-9;
    if (Math.abs(product - a) <= tol) continue;
    const inYuan = !yuanPrice && Math.abs((q * p) / 10_000 - a) <= q * half / 10_000 + 0.005;
    const item = normLabel(v.text(r, 2)) || normLabel(v.text(r, 0)) || `第${v.rowId(r)}行`;
    out.push({
      rule: 'procurement-arith',
      severity: 'error',
      cell: v.ref(r, priceCol),
      related: [v.ref(r, qtyCol), v.ref(r, amountCol)],
      expected: Math.round(a * 100),
      actual: Math.round(product * 100),
      message: `${v.title} ${item}：数量 ${v.text(r, qtyCol)} × 单价 ${v.text(r, priceCol)} = ${+product.toFixed(4)} ≠ 金额 ${v.text(r, amountCol)}${inYuan ? `（单价按“元”填列：${q} × ${p} 元 = ${(q * p / 10_000)} 万元，表中金额单位为万元）` : ''}`,
      page: v.page(r, priceCol),
    });
  }
  return out;
}

function totals(v: ExtraView, amountCol: number): Draft[] {
  const out: Draft[] = [];
  const op = (r: number, c: number): Operand | null => {
    const value = v.cents(r, c);
    return value === null ? null : { ref: v.ref(r, c), value, step: 1, factor: 1, label: () => `${v.title} 第${v.rowId(r)}行 ${v.columns[c] ?? ''}` };
  };
  // 合计 = Σ funding sources (the columns after 合计 under the same 政府采购金额 heading).
  const group = (v.columns[amountCol] ?? '').split('/')[0] ?? '';
  const funding: number[] = [];
  for (let c = amountCol + 1; c < v.columns.length; c++) {
    if (!group || !(v.columns[c] ?? '').startsWith(group + '/')) break;
    funding.push(c);
  }
  for (let r = 0; r < v.rows.length && funding.length > 0; r++) {
    const total = op(r, amountCol);
    const parts = funding.map((c) => op(r, c));
    if (!total || parts.some((x) => !x) || (total.value === 0 && parts.every((x) => x!.value === 0))) continue;
    const d = checkSum({ rule: 'procurement-arith', total, parts: parts as Operand[], subject: () => `${v.title} 第${v.rowId(r)}行 合计`, relation: '各资金来源之和' });
    if (d) out.push(d);
  }
  const depth = depths(v, amountCol);
  const nested = new Set(depth.filter((d, r) => d >= 0 && !isTotalRow(v, r))).size > 1;
  if (nested) return [...out, ...nestedTotals(v, amountCol, depth, op)];
  // 合计/小计 rows = Σ the lines below them (up to the next total row of the same rank).
  for (let r = 0; r < v.rows.length; r++) {
    if (!isTotalRow(v, r)) continue;
    const grand = /^(合计|总计)$/.test(normLabel(v.text(r, 0)));
    const lines: number[] = [];
    for (let k = r + 1; k < v.rows.length; k++) {
      if (isTotalRow(v, k)) {
        if (!grand) break;
        continue;
      }
      lines.push(k);
    }
    const total = op(r, amountCol);
    const parts = lines.map((k) => op(k, amountCol)).filter((x): x is Operand => x !== null);
    if (!total || parts.length === 0) continue;
    const d = checkSum({ rule: 'procurement-arith', total, parts, subject: () => `${v.title} ${normLabel(v.text(r, 0))}`, relation: '各采购项目之和' });
    if (d) out.push(d);
  }
  return out;
}

/** How deep a row sits: the last label column it fills (品目大类 › 专项 › 经济科目 › 采购物品). */
function depths(v: ExtraView, amountCol: number): number[] {
  return v.rows.map((_, r) => {
    let d = -1;
    for (let c = 0; c < amountCol; c++) if (v.text(r, c) !== '' && v.number(r, c) === null) d = c;
    return d;
  });
}

/**
 * A table of groups and lines (一、货物 › 专项 › 经济科目 › 采购物品): 合计 = Σ the top rows, each row = Σ the
 * rows directly beneath it. The nesting is read from the layout, so a difference is a warning.
 */
function nestedTotals(v: ExtraView, amountCol: number, depth: number[], op: (r: number, c: number) => Operand | null): Draft[] {
  const out: Draft[] = [];
  const rows = v.rows.map((_, r) => r).filter((r) => !isTotalRow(v, r) && depth[r]! >= 0);
  const check = (total: Operand | null, under: number[], subject: () => string): void => {
    if (!total || under.length === 0) return;
    const top = minOf(under, (r) => depth[r]!);
    const parts = under.filter((r) => depth[r] === top).map((r) => op(r, amountCol)).filter((x): x is Operand => x !== null);
    const d = checkSum({ rule: 'procurement-arith', total, parts, subject, relation: '其下各行之和', severity: 'warning' });
    if (d) out.push(d);
  };
  const grand = v.rows.findIndex((_, r) => /^(合计|总计)$/.test(normLabel(v.text(r, 0))));
  if (grand >= 0) check(op(grand, amountCol), rows, () => `${v.title} 合计`);
  rows.forEach((r, i) => {
    const under: number[] = [];
    for (const k of rows.slice(i + 1)) {
      if (depth[k]! <= depth[r]!) break;
      under.push(k);
    }
    check(op(r, amountCol), under, () => `${v.title} ${normLabel(v.text(r, depth[r]!))}`);
  });
  return out;
}

export const procurementArith: Rule = {
  id: 'procurement-arith',
  title: '政府采购预算：数量 × 单价 = 金额，合计 = 各项之和',
  reads: '政府采购预算表的数量、单价、金额、资金来源各栏与合计/小计行',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const v of ctx.extras.filter(isProcurement)) {
      const amountCol = procurementAmountColumn(v);
      const qtyCol = v.column(/数量/);
      const priceCol = v.column(/单价/);
      if (amountCol === null) continue;
      if (qtyCol !== null && priceCol !== null) for (const item of lineArithmetic(v, qtyCol, priceCol, amountCol)) out.push(item);
      for (const item of totals(v, amountCol)) out.push(item);
    }
    return out;
  },
};
