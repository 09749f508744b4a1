// Row labels compare after normalising what printing varies: spaces, parentheses widths, quotes,
// leading numbering (一、 （一） 1、) and the 其中： prefix.

export const squash = (s: string | null | undefined): string => String(s ?? '').replace(/[\s\u3000\u00a0]+/g, '');

// "一、" "（一）" "1." "（1）": a numeral needs its mark, so the 一 of 一般公共服务支出 stays.
const NUMBERING = /^(?:[（(][一二三四五六七八九十百零〇]+[)）][、.．,，]?|[一二三四五六七八九十百零〇]+[、.．,，]|[（(]?\d+[)）]?[、.．](?!\d)|[（(]\d+[)）])/;

const memo = new Map<string, string>();

/** "一、一般公共服务支出" → "一般公共服务支出"; "其中：公务用车购置费" → "公务用车购置费". */
export function normLabel(s: string | null | undefined): string {
  const key = String(s ?? '');
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const out = normalise(key);
  if (memo.size > 20_000) memo.clear();
  memo.set(key, out);
  return out;
}

function normalise(s: string): string {
  let t = squash(s)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/["“”'‘’「」]/g, '');
  t = t.replace(/^其中[:：]?/, '');
  t = t.replace(NUMBERING, '');
  t = t.replace(/^其中[:：]?/, '');
  return t;
}

/** Exact compare after normalisation (used for 科目名称 against the catalogue). */
export const sameName = (a: string, b: string): boolean => normLabel(a) === normLabel(b);

/** The numbering a label starts with ("一、" → 1, "5、" → 5), or null. */
export function leadingNumber(s: string): { value: number; chinese: boolean } | null {
  const t = squash(s);
  const cn = /^([一二三四五六七八九十]+)[、.．]/.exec(t);
  if (cn) return { value: chineseNumber(cn[1]!), chinese: true };
  const ar = /^(\d+)[、.．](?!\d)/.exec(t);
  if (ar) return { value: Number(ar[1]), chinese: false };
  return null;
}

export function chineseNumber(s: string): number {
  const d: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? d[m[1]]! : 1) * 10 + (m[2] ? d[m[2]]! : 0);
  return d[s] ?? NaN;
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
