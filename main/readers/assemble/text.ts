// Text rules shared by the assembler: how cell and line text is cleaned and how pieces of text that a
// wrap or a page break cut apart are put back together (no space inside Chinese text or numbers).

/** Remove every whitespace character (comparison key). */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** Trim, including ideographic and em spaces, tabs and zero-width characters. */
export const clean = (s: string): string => s.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, '');

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、。，；：？！（）《》【】…—]/;
const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);
const isLatinWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z]/.test(ch);

/** Join two pieces of one text cut by a wrap: no space unless both sides are Latin words. */
export function joinPieces(a: string, b: string): string {
  const x = clean(a);
  const y = clean(b);
  if (!x) return y;
  if (!y) return x;
  return isLatinWord(x[x.length - 1]) && isLatinWord(y[0]) ? `${x} ${y}` : x + y;
}

/** Join the visual lines of a cell into one text. */
export const joinLines = (s: string): string => s.split('\n').reduce((acc, line) => joinPieces(acc, line), '');

/** A printed amount or code, possibly broken by spaces ("321. 12"). */
export const looksNumeric = (s: string): boolean => /^[-+]?[\d,，.\s]*\d[\d,，.\s]*%?$/.test(s) && /\d/.test(s);

/**
 * Join the two halves of a cell cut by a page break. Numbers join as they are ("1292" + ".02");
 * text that both pages print a bit of ("机关事业单位" + "单位基本养老…") loses the repeated overlap.
 */
export function joinCut(a: string, b: string): string {
  const x = clean(a);
  const y = clean(b);
  if (!x) return y;
  if (!y) return x;
  if (looksNumeric(x) && looksNumeric(y)) return squash(x + y);
  for (let k = Math.min(x.length, y.length) - 1; k >= 2; k--) {
    const tail = x.slice(-k);
    if ([...tail].every((ch) => isCjk(ch)) && y.startsWith(tail)) return x + y.slice(k);
  }
  return joinPieces(x, y);
}

/** A standard-table data cell: lines joined, spaces between Chinese characters and inside numbers dropped. */
export function normalizeDataCell(s: string): string {
  const t = joinLines(s);
  if (looksNumeric(t)) return squash(t);
  return t.replace(/\s+/g, (ws, at: number, all: string) => (isCjk(all[at - 1]) || isCjk(all[at + ws.length]) ? '' : ' '));
}

/** An extra-table data cell: lines joined, inner spaces kept as printed. */
export const normalizeExtraCell = (s: string): string => joinLines(s);

/**
 * A header cell. Wrap padding is removed ("科目    编码" → 科目编码), letter-spaced words are kept as
 * printed ("项  目", "资 金 性 质", "价 值（金额单位：万元）"): spaced when the first piece is one character.
 */
export function normalizeHeaderCell(s: string): string {
  const t = clean(s.split('\n').map(clean).filter(Boolean).join(' '));
  const pieces = t.split(/\s+/);
  if (pieces.length > 1 && [...pieces[0]!].length === 1 && isCjk(pieces[0]) ) return t;
  return pieces.reduce((acc, p) => joinPieces(acc, p), '');
}

/** Page furniture: a bare page number ("3", "- 3 -", "第 3 页", "3/18"). */
export const isPageNumber = (s: string): boolean => /^[-—–─\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?[-—–─\s]*$/.test(clean(s)) && clean(s) !== '';

/** Chinese numerals 一…九十九 → number (0 when not one). */
export function chineseNumber(s: string): number {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!/^[一二三四五六七八九十]+$/.test(s)) return 0;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (digits[s] ?? 0) : 0;
  const hi = ten === 0 ? 1 : (digits[s[0]!] ?? 0);
  const lo = ten === s.length - 1 ? 0 : (digits[s[ten + 1]!] ?? 0);
  return hi * 10 + lo;
}
