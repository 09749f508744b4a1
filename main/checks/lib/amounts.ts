// Amount arithmetic. Every figure the checks compare is held as integer 分 (cents of one 元), whatever unit
// it was printed in (元, 万元, 亿元), so 元 and 万元 convert exactly; each figure also carries the step of
// its printed precision (a 万元 cell with two decimals is exact to 100 元; "1,234,567" in a 元 table to
// 1 元). The 尾差 band of an identity follows those steps.
import { toCents } from '../../model/amount.js';
import { minOf } from '../../model/extent.js';

export { toCents };

/** Units a table or a sentence may state amounts in, as multiples of one 元. */
export const UNIT_FACTORS: Record<string, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** 元 per unit; an unknown or missing unit counts as the default (万元: the national template's unit). */
export const unitFactor = (unit: string | null | undefined, fallback = 10_000): number =>
  UNIT_FACTORS[String(unit ?? '').replace(/\s+/g, '')] ?? fallback;

export const unitName = (factor: number): string =>
  Object.entries(UNIT_FACTORS).find(([, f]) => f === factor)?.[0] ?? '万元';

/** A printed amount: its value in 分 and the step of its printed precision in 分. */
export interface Money {
  fen: number;
  step: number;
}

/** Decimals printed ("1,234.5" → 1; "110" → 0). */
export const decimalsOf = (text: string): number => /\.(\d+)\s*$/.exec(String(text).replace(/[\s,，]/g, ''))?.[1]?.length ?? 0;

/**
 * A printed amount in a unit → 分 and precision. Blank → 0 (exact); "0" is exact too; a figure printed
 * with fewer than two decimals is exact only to its last digit.
 */
export function money(text: string, factor: number): Money | null {
  const cents = toCents(text);
  if (cents === null) return null;
  const t = String(text ?? '').replace(/[\s,，]/g, '');
  const d = t === '' || cents === 0 ? 2 : Math.min(2, decimalsOf(t));
  return { fen: cents * factor, step: 10 ** (2 - d) * factor };
}

/**
 * The 尾差 band of an identity between printed figures: three steps of the finest figure (0.01–0.03 where
 * every part is rounded to the cent), plus half the step of each figure printed coarser than that.
 */
export function tailBand(steps: number[]): number {
  if (steps.length === 0) return 0;
  const fine = minOf(steps, (x) => x);
  return 3 * fine + steps.filter((s) => s > fine).reduce((a, s) => a + s / 2, 0);
}

export const isTailOf = (diff: number, steps: number[]): boolean => diff !== 0 && Math.abs(diff) <= tailBand(steps);

export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** 分 → the figure in a unit, as the tables print it: 7491 万元-cents → "74.91"; thousands kept plain. */
export function fmtIn(fen: number, factor: number): string {
  return (fen / factor / 100).toFixed(2);
}

/** A figure with its unit ("74.91万元", "873,617.00元"), for messages that mix units. */
export function fmtUnit(fen: number, factor: number): string {
  const n = fen / factor / 100;
  const text = factor === 1 ? n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : n.toFixed(2);
  return `${text}${unitName(factor)}`;
}

/** "（差 0.01，尾差）" in the unit of the first figure. */
export function diffNote(diff: number, factor: number, tail: boolean): string {
  return `（差 ${fmtIn(Math.abs(diff), factor)}${tail ? '，尾差' : ''}）`;
}
