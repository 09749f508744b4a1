// The figures of a narrative paragraph: amounts with their unit, percentages and years, each with its
// offset, its sentence and its place among the paragraph's figures (stable under value edits).

export type TokenKind = 'amount' | 'percent' | 'year';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** The number as printed. */
  value: number;
  /** Decimals printed (precision of the statement). */
  decimals: number;
  /** 元/万元/亿元 for amounts. */
  unit: string | null;
  sentence: number;
  /** 1-based position among the paragraph's figures. */
  ordinal: number;
  /** Printed as a bound (≤ 20 万元, 约 5%): not a statement of fact. */
  bound: boolean;
  /** Years: printed as a date (2022年12月31日) or a period end (2022年末). */
  date?: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[。；;！!？?\n]/g;

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index! + 1;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

const AMOUNT = /(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?\s*(亿\s*元|万\s*元|元)/g;
const PERCENT = /(\d+)(?:\.(\d+))?\s*[%％]/g;
const YEAR = /((?:19|20)\d{2})\s*年(度)?/g;

const memo = new Map<string, { tokens: Token[]; sentences: Sentence[] }>();

/** Figures of a paragraph; memoised by text (checks re-run after every table edit, the narrative stays). */
export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const hit = memo.get(text);
  if (hit) return { tokens: hit.tokens.map((t) => ({ ...t })), sentences: hit.sentences };
  const out = tokenizeText(text);
  if (memo.size > 5_000) memo.clear();
  memo.set(text, out);
  return { tokens: out.tokens.map((t) => ({ ...t })), sentences: out.sentences };
}

function tokenizeText(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const sents = sentences(text);
  const sentenceOf = (pos: number): number => {
    const i = sents.findIndex((s) => pos >= s.start && pos < s.end);
    return i < 0 ? Math.max(0, sents.length - 1) : i;
  };
  const tokens: Token[] = [];
  const boundBefore = (pos: number): boolean => /[≤≥<>＜＞≦≧约近超逾]\s*$|不[超低高少多]于\s*$|以[上下内]\s*$/.test(text.slice(Math.max(0, pos - 4), pos));
  const digitBefore = (pos: number): boolean => pos > 0 && /[\d.]/.test(text[pos - 1]!);
  for (const m of text.matchAll(AMOUNT)) {
    if (digitBefore(m.index!)) continue;
    const intPart = m[1]!.replace(/[,，]/g, '');
    const dec = m[2] ?? '';
    tokens.push({
      kind: 'amount', start: m.index!, end: m.index! + m[0].length, text: m[0],
      value: Number(dec ? `${intPart}.${dec}` : intPart), decimals: dec.length, unit: m[3]!.replace(/\s+/g, ''),
      sentence: sentenceOf(m.index!), ordinal: 0, bound: boundBefore(m.index!),
    });
  }
  for (const m of text.matchAll(PERCENT)) {
    if (digitBefore(m.index!)) continue;
    const dec = m[2] ?? '';
    tokens.push({
      kind: 'percent', start: m.index!, end: m.index! + m[0].length, text: m[0],
      value: Number(dec ? `${m[1]}.${dec}` : m[1]), decimals: dec.length, unit: null,
      sentence: sentenceOf(m.index!), ordinal: 0, bound: boundBefore(m.index!),
    });
  }
  for (const m of text.matchAll(YEAR)) {
    if (digitBefore(m.index!) || /^\s*\d/.test(text.slice(m.index! + 4, m.index! + 6))) continue;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 4);
    tokens.push({
      kind: 'year', start: m.index!, end: m.index! + m[0].length, text: m[0],
      value: Number(m[1]), decimals: 0, unit: null, sentence: sentenceOf(m.index!), ordinal: 0, bound: false,
      date: /^\s*(\d{1,2}\s*月|末|底|初|年末|年底)/.test(after),
    });
  }
  tokens.sort((a, b) => a.start - b.start);
  tokens.forEach((t, i) => (t.ordinal = i + 1));
  return { tokens, sentences: sents };
}
