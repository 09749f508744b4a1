// The 情况说明 read once per check run: every paragraph's figures, and for each amount the concept it
// speaks of (by the words just before it), whether it is a change on last year (比上年减少 …), and for
// each percentage the amount it belongs to (占预算 x% → a share, 下降 x% → a change rate).
import type { BudgetDocument, CellRef } from '../../../model/types.js';
import { CHANGE_RE, CONCEPTS, DECREASE, GAP_RE, SHARE_RE, type Concept } from './concepts.js';
import { mentions, type Mention, type ResolvedItem, type Resolver } from './items.js';
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
  /** Percents: 'share' (占…), 'rate' (增减幅度) or 'completion' (完成预算的 x%). */
  percent?: 'share' | 'rate' | 'completion';
  /** Percents: the amount fact they refer to. */
  of?: Fact | null;
  /** A level stated for another period ("2022 年基本支出 600 万元", "上年预算数"): not this year's table. */
  otherPeriod?: boolean;
  /** A level stated as last year's 执行数/预算数 (the base of a change), not this year's. */
  previous?: boolean;
  /** The 科目 the amount is said of, when a 类/款/项 mention names it. */
  item?: ResolvedItem;
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
  /** 类/款/项 mentions with the 科目 each resolves to. */
  items: { mention: Mention; item: ResolvedItem | null }[];
}

export interface NarrativeIndex {
  paragraphs: NarrativeParagraph[];
  /** Every paragraph, scanned sections or not (year checks read them all). */
  all: NarrativeParagraph[];
}

/** Sections whose figures are targets or definitions, not statements about the budget. */
export const UNSCANNED_SECTION = /职责|职能|机构设置|部门概况|绩效|名词解释|目录/;

export function narrativeCell(heading: string, index: number, ordinal: number | null): CellRef {
  return { table: 'narrative', row: heading, column: ordinal === null ? String(index) : `${index}:${ordinal}` };
}

/**
 * The two levels a rate without a change amount is taken between: last year's (执行数/预算数) and this
 * year's, stated before it in the paragraph for the same 科目 ("执行数为11.67万元，预算安排45.41万元，
 * 比…增加314.82%").
 */
export function statedLevels(p: NarrativeParagraph, f: Fact): { now: Fact; before: Fact } | null {
  const prior = p.facts.slice(0, p.facts.indexOf(f)).filter((x) => x.token.kind === 'amount' && x.change === null && (!f.item || x.item?.code === f.item.code));
  const before = [...prior].reverse().find((x) => x.previous);
  const now = [...prior].reverse().find((x) => !x.previous && !x.otherPeriod);
  return before && now ? { now, before } : null;
}

export function quoteOf(p: NarrativeParagraph, token: Token | null): string {
  if (!token) return p.text.slice(0, 120);
  const s = p.sentences[token.sentence];
  return (s ? s.text : p.text).trim();
}

export interface Match {
  concept: ConceptRef;
  start: number;
  end: number;
}

export function bestMatch(window: string, statics: Concept[], dynamics: DynamicConcept[]): Match | null {
  const all: Match[] = [];
  const consider = (concept: ConceptRef, pattern: RegExp): void => {
    pattern.lastIndex = 0;
    for (const m of window.matchAll(pattern)) if (m[0].length) all.push({ concept, start: m.index!, end: m.index! + m[0].length });
  };
  for (const c of statics) consider(c, c.pattern);
  for (const d of dynamics) if (window.includes(d.hint)) consider(d, d.pattern);
  // Of the phrases followed by nothing but filler up to the number, the one that starts first is the whole
  // phrase ("政府性基金拨款支出预算" is 政府性基金 spending, not 支出预算; "基本支出预算数" is 基本支出).
  const valid = all.filter((m) => GAP_RE.test(window.slice(m.end).replace(/^[\s，,、]+/, '')));
  if (valid.length) return valid.reduce((a, b) => (b.start < a.start || (b.start === a.start && b.end > a.end) ? b : a));
  // Else the match ending nearest the number (the caller finds its gap wanting); on a tie the longer one.
  let best: Match | null = null;
  for (const m of all) if (!best || m.end > best.end || (m.end === best.end && m.end - m.start > best.end - best.start)) best = m;
  return best;
}

/** The mention that ends in the window before a figure, with only filler between (“…（项）”1,623.18万元). */
function itemBefore(p: NarrativeParagraph, windowStart: number, at: number): { concept: ConceptRef; item: ResolvedItem; end: number } | null {
  for (let i = p.items.length - 1; i >= 0; i--) {
    const { mention, item } = p.items[i]!;
    if (mention.end > at || mention.end < windowStart || !item) continue;
    return { concept: { id: `item:${item.code}`, label: `“${mention.text}”`, severity: 'error' }, item, end: mention.end };
  }
  return null;
}

/** The paragraph speaks of one 科目 (it opens with its mention): amounts without words of their own are its. */
export function paragraphItem(p: NarrativeParagraph): { concept: ConceptRef; item: ResolvedItem } | null {
  const first = p.items[0];
  if (!first?.item || first.mention.start > 12) return null;
  return { concept: { id: `item:${first.item.code}`, label: `“${first.mention.text}”`, severity: 'error' }, item: first.item };
}

/** Last year's 执行数 or 预算数, stated as the base of this year's change. */
/** 年初预算为 / 全年预算数 — the budget stage of a 决算 figure. */
const BUDGET_STAGE = /(?:年初|全年|调整后?)?预算(?:数)?(?:为|是)?[:：]?\s*$/;

/** This year's level of a 科目: 预算安排 / 预算数为 / 支出决算为. */
const CURRENT = /(?:预算安排|安排预算|预算(?:数)?(?:为|是)|(?:支出)?决算(?:数)?(?:为|是)|支出(?:为|是))[:：]?\s*$/;

const PREVIOUS = /(?:上年|去年|上一年度?|(?:19|20)\d{2}\s*年(?:度)?)(?:当年)?(?:预算)?(?:执行数|预算数|决算数|预算执行数)[为是:：]?\s*$/;

function paragraphFacts(p: NarrativeParagraph, dynamics: DynamicConcept[], year: number, final: boolean): Fact[] {
  const facts: Fact[] = [];
  const whole = paragraphItem(p);
  let prevEnd = 0;
  let sentence = -1;
  for (const t of p.tokens) {
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      prevEnd = p.sentences[sentence]?.start ?? t.start;
    }
    const windowStart = prevEnd;
    const window = p.text.slice(prevEnd, t.start);
    prevEnd = t.end;
    if (t.kind === 'year' || t.bound) continue;
    const cell = narrativeCell(p.heading, p.index, t.ordinal);
    const inSentence = facts.filter((f) => f.token.sentence === t.sentence && f.token.kind === 'amount');
    if (t.kind === 'percent') {
      let fact: Fact | null = null;
      if (/完成(?:年初|全年|调整后?)?预算(?:数)?的?\s*$/.test(window)) {
        fact = { token: t, concept: null, change: null, percent: 'completion', of: null, cell };
      } else if (SHARE_RE.test(window)) {
        const of = [...inSentence].reverse().find((f) => f.change === null && f.concept) ?? null;
        fact = { token: t, concept: null, change: null, percent: 'share', of, cell };
      } else if (CHANGE_RE.test(window) && GAP_RE.test(window.replace(/^[\s，,、]+/, ''))) {
        const of = [...inSentence].reverse().find((f) => f.change !== null) ?? null;
        fact = { token: t, concept: null, change: DECREASE.test(window) ? -1 : 1, percent: 'rate', of, cell, item: whole?.item };
      }
      if (fact) {
        // A percentage said of a 科目 is found under its code (contract v2 row id).
        const item = fact.of?.item ?? fact.item;
        if (item) fact.cell = { ...cell, row: item.code };
        facts.push(fact);
      }
      continue;
    }
    const named = itemBefore(p, windowStart, t.start);
    const m = named && GAP_RE.test(p.text.slice(named.end, t.start).replace(/^[\s，,、]+/, '')) ? { concept: named.concept, start: named.end, end: named.end } : bestMatch(window, CONCEPTS, dynamics);
    const gap = m ? (named && m.concept === named.concept ? p.text.slice(named.end, t.start) : window.slice(m.end)) : window;
    const gapOk = GAP_RE.test(gap.replace(/^[\s，,、]+/, ''));
    const changeWord = gapOk && CHANGE_RE.test(gap);
    const sign: 1 | -1 | null = changeWord ? (DECREASE.test(gap) ? -1 : 1) : null;
    const item = named && m?.concept === named.concept ? named.item : undefined;
    const at = item ? { ...cell, row: item.code } : cell;
    if (m && gapOk) {
      facts.push({ token: t, concept: m.concept, change: sign, cell: at, item, otherPeriod: sign === null && otherPeriod(p, t, year) });
    } else if (!m && changeWord) {
      // "…1688.05 万元，比去年减少 117.26 万元": the change of the amount before it.
      const prev = [...facts].reverse().find((f) => f.token.kind === 'amount' && f.concept && f.change === null && !f.previous);
      if (prev) facts.push({ token: t, concept: prev.concept, change: sign, cell: prev.item ? { ...cell, row: prev.item.code } : cell, item: prev.item });
    } else if (!m && whole && t.kind === 'amount') {
      // In a paragraph about one 科目: "2023年当年预算执行数为54.60万元，2024年预算安排53.84万元"; in a 决算
      // the 年初预算/全年预算 figures are another stage than the 决算 the tables print.
      if (final && BUDGET_STAGE.test(window)) continue;
      const clause = p.text.slice(p.sentences[t.sentence]?.start ?? 0, t.start).replace(/^.*[，,]/, '');
      const previous = PREVIOUS.test(clause);
      // Only a level said as such ("2024年预算安排53.84万元"); amounts in a reason ("增加综合管理费209万元") are not the 科目's.
      if (!previous && !CURRENT.test(clause)) continue;
      const other = !previous && otherPeriod(p, t, year);
      if (!other || previous) facts.push({ token: t, concept: whole.concept, change: null, cell: { ...cell, row: whole.item.code }, item: whole.item, previous, otherPeriod: previous || other });
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
 * join a line that stops mid-sentence (or on a colon) with the next unless the next starts a numbered item.
 */
export function continues(prev: string, next: string): boolean {
  const a = prev.trimEnd();
  const b = next.trimStart();
  if (a === '' || b === '') return false;
  if (/[\d.]$/.test(a) && /^(?:\d+(?:\.\d+)?\s*(?:亿元|万元|元|%|％)|亿元|万元|元|%|％|\.\d)/.test(b)) return true;
  // A line ending on a colon ("…（项）。主要用于：") goes on with what it introduces, unless that is a numbered list.
  if (a.length < 30 || /[。；;！!？?)）」”"]$/.test(a)) return false;
  return !/^(?:[（(]?[一二三四五六七八九十]+[)）]?[、.．]|[（(]\d+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+部分|注[:：])/.test(b);
}

export function buildNarrativeIndex(doc: BudgetDocument, dynamics: DynamicConcept[], resolve: Resolver | null = null): NarrativeIndex {
  const all: NarrativeParagraph[] = [];
  const paragraphs: NarrativeParagraph[] = [];
  doc.narrative.forEach((s, section) => {
    const scanned = !UNSCANNED_SECTION.test(s.heading);
    // A heading naming a 类 alone ("（一）公共安全（类）") is the 类 of the items under it.
    let contextLei: string | null = null;
    for (const mention of mentions(s.heading)) {
      if (mention.lei && !mention.kuan && !mention.xiang && resolve?.(mention, null)) contextLei = mention.lei;
    }
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
        heading: s.heading, section, index, text, page: s.pages?.[index] ?? null, tokens, sentences, facts: [], items: [],
      };
      // 类/款/项 mentions; a line naming a 类 alone ("（一）一般公共服务（类）") is the 类 of the items below it.
      for (const mention of mentions(text)) {
        const item = resolve ? resolve(mention, contextLei) : null;
        p.items.push({ mention, item });
        if (mention.lei && !mention.kuan && !mention.xiang && item) contextLei = mention.lei;
      }
      all.push(p);
      if (scanned && !/^\s*\d+[、.．]\s*[^：:]{1,20}[：:]\s*指/.test(text)) {
        p.facts = paragraphFacts(p, dynamics, doc.year, doc.kind === '决算');
        paragraphs.push(p);
      }
    }
  });
  return { paragraphs, all };
}
