// Narrative figures as numbers comparable with the tables: amounts in cents of the tables' unit,
// percentages in hundredths; a stated figure agrees with a cell when it is the cell rounded to the
// decimals the sentence prints.
import { unitFactor } from '../amounts.js';
import type { Token } from './text.js';

/** An amount token in cents of the document's unit (may be fractional for 元 in a 万元 document). */
export function statedCents(t: Token, docUnit: string): number {
  return (t.value * unitFactor(t.unit) / unitFactor(docUnit)) * 100;
}

/** Half of the last printed digit, in the document's cents. */
export function statedTolerance(t: Token, docUnit: string): number {
  return 0.5 * 10 ** -t.decimals * (unitFactor(t.unit) / unitFactor(docUnit)) * 100;
}

/** The stated amount is the cell, or the cell rounded to the printed decimals. */
export function agrees(t: Token, cellCents: number, docUnit: string): boolean {
  const stated = statedCents(t, docUnit);
  if (Math.abs(stated - cellCents) < 1e-6) return true;
  return t.decimals < 2 && Math.abs(stated - cellCents) <= statedTolerance(t, docUnit) + 1e-6;
}

/** A printed percentage agrees with a computed one when it is its rounding (or truncation). */
export function percentAgrees(printed: Token, computed: number): boolean {
  const unit = 10 ** -printed.decimals;
  if (Math.abs(computed - printed.value) <= unit / 2 + 1e-9) return true;
  return Math.abs(Math.floor(computed / unit + 1e-9) * unit - printed.value) < 1e-9;
}
