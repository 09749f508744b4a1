// Character clean-up for text taken from PDFs. Browser-printed PDFs (Skia) map some CJK glyphs back to
// radical code points because the font's cmap lists the radical first: 部⻔ for 部门, ⽀ for 支. The Kangxi
// radicals (U+2F00–U+2FD5) have NFKC mappings; most of the CJK Radicals Supplement (U+2E80–U+2EF3) has
// none, so the forms that stand for ordinary characters are mapped here. NFKC is applied per character
// only: on whole strings it would also turn full-width （：， into ASCII, which the documents print.

const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺃': '乚', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺉': '刂', '⺊': '卜', '⺋': '㔾', '⺌': '小',
  '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺖': '忄', '⺘': '扌', '⺙': '攵',
  '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬',
  '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示',
  '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺲': '罒', '⺳': '㓁', '⺶': '羊', '⺷': '羊', '⺹': '耂',
  '⺺': '肀', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤',
  '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车',
  '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门',
  '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠',
  '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦',
  '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻱': '龜', '⻳': '龟',
};

/**
 * Variant code points that CJK fonts for Simplified Chinese draw with the very glyph of the ordinary
 * character, so a reverse cmap lookup (browser print) may return either: 財政专戶 for 财政专户. These
 * variants do not occur in Simplified Chinese budget documents on their own.
 */
const SAME_GLYPH_VARIANT: Record<string, string> = { '戶': '户', '戸': '户', '內': '内', '兌': '兑', '稅': '税', '悅': '悦' };

/** Code points that need a per-character look: radicals, compatibility ideographs, odd spaces, variants. */
// eslint-disable-next-line no-control-regex -- control characters are among the code points to look at
const SUSPECT = /[\u2e80-\u2fdf\uf900-\ufaff\u00a0\u2000-\u200b\u3000\ufeff\u0000-\u001f戶戸內兌稅悅]/u;

export function normalizeText(s: string): string {
  if (!SUSPECT.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    let c = ch;
    if (cp >= 0x2e80 && cp <= 0x2eff) c = RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC');
    else if ((cp >= 0x2f00 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff)) c = ch.normalize('NFKC');
    else if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x3000) c = ' ';
    else if (cp === 0x200b || cp === 0xfeff || cp < 0x20) continue;
    // The Kangxi radical ⼾ (DOOR) normalises to 戶, which is itself such a variant.
    out += SAME_GLYPH_VARIANT[c] ?? c;
  }
  return out;
}

/** CJK ideographs and full-width punctuation: no space is ever put between two of these. */
export function isCjk(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x3000 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 || cp === 0x2014 || cp === 0x2026
  );
}

/**
 * Joins two pieces of one cell or paragraph that the page set on separate lines (a wrap): no space when
 * either side is CJK, a digit or punctuation ("1103." + "89", "社会保障" + "和就业支"); a space only
 * between two Latin words.
 */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (/[A-Za-z]/.test(last) && /[A-Za-z]/.test(first)) return `${a} ${b}`;
  return a + b;
}
