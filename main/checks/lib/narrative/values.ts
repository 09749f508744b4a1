// Narrative figures as numbers comparable with the tables: amounts in 分 (whatever unit the sentence and the
// table print), percentages in hundredths. A stated figure agrees with a cell when it is the cell rounded to
// the precision the sentence prints; within one step of that precision (a truncated 万元 figure, a share
// forced to add up to 100%) it is a 尾差, reported as such.
import { unitFactor } from '../amounts.js';
import type { Token } from './text.js';

/** An amount token in 分. */
export function statedFen(t: Token): number {
  return Math.round(t.value * unitFactor(t.unit, 1) * 100);
}

/** The step of the stated precision, in 分. */
export function statedStep(t: Token): number {
  return 10 ** (2 - Math.min(2, t.decimals)) * unitFactor(t.unit, 1);
}

/** One cent of the stated unit: sums of stated figures add up as printed, so only 0.01–0.03 is a 尾差. */
export function centStep(t: Token): number {
  return unitFactor(t.unit, 1);
}

export type Agreement = 'same' | 'tail' | 'different';

/** A stated amount against a cell (in 分, with the cell's own printed step). */
export function agreement(t: Token, cellFen: number, cellStep: number): Agreement {
  const diff = Math.abs(statedFen(t) - cellFen);
  if (diff === 0) return 'same';
  const s = statedStep(t);
  // Rounding to the coarser of the two precisions is the same figure; one step of it is a 尾差.
  const coarse = Math.max(s, cellStep);
  if (s > cellStep && diff <= s / 2) return 'same';
  if (diff <= coarse) return 'tail';
  return 'different';
}

/** A printed percentage against the one computed: its rounding; one last digit off (≥ 1 decimal) is a 尾差. */
export function percentAgreement(printed: Token, computed: number): Agreement {
  const unit = 10 ** -printed.decimals;
  const diff = Math.abs(computed - printed.value);
  if (diff <= unit / 2 + 1e-9) return 'same';
  if (printed.decimals >= 1 && diff <= unit + 1e-9) return 'tail';
  return 'different';
}
