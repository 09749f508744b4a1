// Amount arithmetic in integer cents, the 尾差 band and how numbers read in a message.
import { formatCents, toCents } from '../../model/amount.js';

export { toCents };

/** A difference of 0.01–0.03 where every part is rounded: a 尾差, reported as a warning. */
export const TAIL_CENTS = 3;

export const isTail = (diff: number): boolean => diff !== 0 && Math.abs(diff) <= TAIL_CENTS;

export const severityOf = (diff: number): 'error' | 'warning' => (isTail(diff) ? 'warning' : 'error');

/** 7491 → "74.91"; negative amounts keep their sign. */
export const fmt = (cents: number): string => formatCents(cents);

/** "（差 0.01，尾差）" */
export function diffNote(diff: number): string {
  return `（差 ${fmt(Math.abs(diff))}${isTail(diff) ? '，尾差' : ''}）`;
}

export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Units a narrative may state amounts in, as multiples of one 元. */
export const UNIT_FACTORS: Record<string, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

export const unitFactor = (unit: string | null | undefined): number => UNIT_FACTORS[String(unit ?? '').trim()] ?? 10_000;
