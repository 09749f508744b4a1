// What a cell read by OCR tells the review: how sure the recogniser was, and whether a figure that fails the
// arithmetic differs from the figure that would fit as a misread would (one digit, a lost or added digit,
// a misplaced decimal point) rather than as a wrong amount would.
import type { CellSource } from './types.js';

/** A cell read by OCR with a character less certain than this is shown for the auditor to confirm. */
export const OCR_CONFIRM_BELOW = 0.9;

export const isOcrCell = (src: CellSource | null | undefined): src is CellSource & { confidence: number } => typeof src?.confidence === 'number';

export function needsConfirmation(src: CellSource | null | undefined): boolean {
  return isOcrCell(src) && src.confidence < OCR_CONFIRM_BELOW;
}

/** Sets a source's confidence and, below the line, its request for confirmation. */
export function setConfidence(src: CellSource, confidence: number): void {
  src.confidence = Math.round(confidence * 1000) / 1000;
  if (src.confidence < OCR_CONFIRM_BELOW) src.confirm = true;
  else delete src.confirm;
}

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Digits and decimal point of a printed amount (separators and signs dropped). */
const digitsOf = (s: string): string => s.replace(/[^\d.]/g, '');

/**
 * Whether `read` (the figure as recognised) could be a misreading of `expected` (the figure the table's own
 * arithmetic wants): the two differ by one character, or by the decimal point alone.
 */
export function ocrConfusable(read: string, expected: number): boolean {
  const r = digitsOf(read);
  if (!r) return false;
  const decimals = r.includes('.') ? r.length - r.indexOf('.') - 1 : 2;
  const candidates = [expected.toFixed(Math.min(Math.max(decimals, 0), 4)), expected.toFixed(2), String(expected)].map(digitsOf);
  return candidates.some((e) => editDistanceAtMost1(r, e) || (r.replace('.', '') === e.replace('.', '') && r !== e));
}
