// Amounts as printed ("1,688.05", "110", "") to cents, so sums compare exactly.

/** Parse a printed amount to integer cents; blank → 0; not a number → null. */
export function toCents(text: string | null | undefined): number | null {
  const t = String(text ?? '').replace(/[\s,，]/g, '');
  if (t === '' || t === '-' || t === '—') return 0;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export const isBlank = (text: string | null | undefined): boolean => String(text ?? '').trim() === '';

export const centsToYuan = (cents: number): number => Math.round(cents) / 100;

/** 1688.05 → "1688.05" (two decimals, as the tables print). */
export const formatCents = (cents: number): string => (cents / 100).toFixed(2);
