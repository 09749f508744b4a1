// The 情况说明 read once per check run: every paragraph's figures, and for each amount the concept it
// speaks of (by the words just before it), whether it is a change on last year (比上年减少 …), and for
// each percentage the amount it belongs to (占预算 x% → a share, 下降 x% → a change rate).
import type { BudgetDocument, CellRef } from '../../../model/types.js';
import { CHANGE_RE, CONCEPTS, DECREASE, GAP_RE, SHARE_RE, type Concept } from './concepts.js';
import { tokenize, type Sentence, type Token } from './text.js';

export interface ConceptRef {
  id: string;
  label: string;
  severity: 'error' | 'warning';
}

export interface DynamicConcept extends ConceptRef {
  pattern: RegExp;
  /** Text the window must contain for the pattern to be tried (speed). */
  hint: string;
}

export interface Fact {
  token: Token;
  /** Amounts: what they state; percents: null (see `of`). */
  concept: ConceptRef | null;
  /** A change on last year: +1 increase, −1 decrease; null for a level. */
  change: 1 | -1 | null;
  /** Percents: 'share' (占…) or 'rate' (增减幅度). */
  percent?: 'share' | 'rate';
  /** Percents: the amount fact they refer to. */
  of?: Fact | null;
  /** A level stated for another period ("2022 年基本支出 600 万元", "上年预算数"): not this year's table. */
  otherPeriod?: boolean;
  cell: CellRef;
}

export interface NarrativeParagraph {
  heading: string;
  section: number;
  index: number;
  text: string;
  page: number | null;
  tokens: Token[];
  sentences: Sentence[];
  facts: Fact[];
}

export interface NarrativeIndex {
  paragraphs: NarrativeParagraph[];
  /** Every paragraph, scanned sections or not (year checks read them all). */
  all: NarrativeParagraph[];
}

/** Sections whose figures are targets or definitions, not statements about the budget. */
export const UNSCANNED_SECTION = /职责|机构设置|绩效|名词解释/;

export function narrativeCell(heading: string, index: number, ordinal: number | null): CellRef {
  return { table: 'narrative', row: heading, column: ordinal === null ? String(index) : `${index}:${ordinal}` };
}

export function quoteOf(p: NarrativeParagraph, token: Token | null): string {
  if (!token) return p.text.slice(0, 120);
  const s = p.sentences[token.sentence];
  return (s ? s.text : p.text).trim();
}

interface Match {
  concept: ConceptRef;
  start: number;
  end: number;
}

function bestMatch(window: string, statics: Concept[], dynamics: DynamicConcept[]): Match | null {
  let best: Match | null = null;
  const consider = (concept: ConceptRef, pattern: RegExp): void => {
    pattern.lastIndex = 0;
    for (const m of window.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (m[0].length === 0) continue;
      // The match ending nearest the number; on a tie the longer one (a static concept wins an equal tie).
      if (!best || end > best.end || (end === best.end && end - start > best.end - best.start)) best = { concept, start, end };
    }
  };
  for (const c of statics) consider(c, c.pattern);
  for (const d of dynamics) if (window.includes(d.hint)) consider(d, d.pattern);
  return best;
}

function paragraphFacts(p: NarrativeParagraph, dynamics: DynamicConcept[], year: number): Fact[] {
  const facts: Fact[] = [];
  let prevEnd = 0;
  let sentence = -1;
  for (const t of p.tokens) {
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      prevEnd = p.sentences[sentence]?.start ?? t.start;
    }
    const window = p.text.slice(prevEnd, t.start);
    prevEnd = t.end;
    if (t.kind === 'year' || t.bound) continue;
    const cell = narrativeCell(p.heading, p.index, t.ordinal);
    const inSentence = facts.filter((f) => f.token.sentence === t.sentence && f.token.kind === 'amount');
    if (t.kind === 'percent') {
      if (SHARE_RE.test(window)) {
        const of = [...inSentence].reverse().find((f) => f.change === null && f.concept) ?? null;
        facts.push({ token: t, concept: null, change: null, percent: 'share', of, cell });
      } else if (CHANGE_RE.test(window) && GAP_RE.test(window.replace(/^[\s，,、]+/, ''))) {
        const of = [...inSentence].reverse().find((f) => f.change !== null) ?? null;
        facts.push({ token: t, concept: null, change: DECREASE.test(window) ? -1 : 1, percent: 'rate', of, cell });
      }
      continue;
    }
    const m = bestMatch(window, CONCEPTS, dynamics);
    const gap = m ? window.slice(m.end) : window;
    const gapOk = GAP_RE.test(gap.replace(/^[\s，,、]+/, ''));
    const changeWord = gapOk && CHANGE_RE.test(gap);
    const sign: 1 | -1 | null = changeWord ? (DECREASE.test(gap) ? -1 : 1) : null;
    if (m && gapOk) {
      facts.push({ token: t, concept: m.concept, change: sign, cell, otherPeriod: sign === null && otherPeriod(p, t, year) });
    } else if (!m && changeWord) {
      // "…1688.05 万元，比去年减少 117.26 万元": the change of the amount before it.
      const prev = [...facts].reverse().find((f) => f.token.kind === 'amount' && f.concept && f.change === null);
      if (prev) facts.push({ token: t, concept: prev.concept, change: sign, cell });
    }
  }
  return facts;
}

/** The clause before a figure names another year, or last year. */
function otherPeriod(p: NarrativeParagraph, t: Token, year: number): boolean {
  const before = p.text.slice(0, t.start);
  const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1);
  if (/上年(?!末|底|结转)|去年|上一年|上年度/.test(clause)) return true;
  return p.tokens.some((y) => y.kind === 'year' && y.start >= t.start - clause.length && y.end <= t.start && y.value !== year && !/[较比与]\s*$/.test(p.text.slice(Math.max(0, y.start - 2), y.start)));
}

/**
 * Lines a layout wrapped ("…一般公共预算收入801.39" / "万元，基金预算收入…") belong to one paragraph:
 * join a line that stops mid-sentence with the next unless the next starts a numbered item.
 */
export function continues(prev: string, next: string): boolean {
  const a = prev.trimEnd();
  const b = next.trimStart();
  if (a === '' || b === '') return false;
  if (/[\d.]$/.test(a) && /^(?:\d+(?:\.\d+)?\s*(?:亿元|万元|元|%|％)|亿元|万元|元|%|％|\.\d)/.test(b)) return true;
  if (a.length < 30 || /[。；;：:！!？?)）」”"]$/.test(a)) return false;
  return !/^(?:[（(]?[一二三四五六七八九十]+[)）]?[、.．]|[（(]\d+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+部分|注[:：])/.test(b);
}

export function buildNarrativeIndex(doc: BudgetDocument, dynamics: DynamicConcept[]): NarrativeIndex {
  const all: NarrativeParagraph[] = [];
  const paragraphs: NarrativeParagraph[] = [];
  doc.narrative.forEach((s, section) => {
    const scanned = !UNSCANNED_SECTION.test(s.heading);
    // Logical paragraphs: wrapped lines joined, each known by the index of its first line.
    const logical: { index: number; text: string }[] = [];
    s.paragraphs.forEach((text, index) => {
      const last = logical[logical.length - 1];
      if (last && continues(last.text, text)) last.text += text.trim();
      else logical.push({ index, text });
    });
    for (const { index, text } of logical) {
      const { tokens, sentences } = tokenize(text);
      const p: NarrativeParagraph = {
        heading: s.heading, section, index, text, page: s.pages?.[index] ?? null, tokens, sentences, facts: [],
      };
      all.push(p);
      if (scanned && !/^\s*\d+[、.．]\s*[^：:]{1,20}[：:]\s*指/.test(text)) {
        p.facts = paragraphFacts(p, dynamics, doc.year);
        paragraphs.push(p);
      }
    }
  });
  return { paragraphs, all };
}
