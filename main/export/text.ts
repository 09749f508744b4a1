// Text as a workbook can hold it: XML 1.0 forbids most control characters (a PDF's text layer may carry
// them), and Excel refuses a file that contains one.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const xmlSafe = (s: string): string => s.replace(FORBIDDEN, '');

/** Every string inside a JSON-like value made XML-safe (a copy; the input is not touched). */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}
