// How a 决算's 情况说明 states the execution of a budget: "一般公共预算财政拨款支出年初预算为 a 万元，全年预算为
// b 万元，支出决算为 c 万元，完成年初预算的 x%。决算数小于预算数的主要原因…" — each figure with its stage
// (年初预算, 全年/调整预算, an unqualified 预算, 决算) and the subject it is said of (the concept named before
// it: 一般公共预算财政拨款支出, “三公”经费, 因公出国（境）费 …; else the 科目 its item paragraph opens with),
// and the comparison said of them (决算数大于/小于/等于/与…持平 (年初/全年)预算数).
import type { CellRef } from '../../../model/types.js';
import type { CheckContext } from '../../types.js';
import { CONCEPTS, GAP_RE } from './concepts.js';
import { bestMatch, narrativeCell, paragraphItem, type ConceptRef, type DynamicConcept, type NarrativeParagraph } from './index.js';
import type { ResolvedItem } from './items.js';
import { dynamicConcepts } from './targets.js';
import type { Token } from './text.js';

export type ExecStage = 'initial' | 'full' | 'budget' | 'actual';

export interface ExecFigure {
  token: Token;
  stage: ExecStage;
  subject: ConceptRef | null;
  item: ResolvedItem | null;
  cell: CellRef;
}

export interface Comparison {
  text: string;
  relation: 'more' | 'less' | 'equal' | 'about';
  /** The budget it names: 年初/全年 (调整), or null for an unqualified 预算数. */
  against: 'initial' | 'full' | null;
}

export interface Execution {
  p: NarrativeParagraph;
  figures: ExecFigure[];
  comparison: Comparison | null;
}

const STAGES: [ExecStage, RegExp][] = [
  ['initial', /年初预算(?:数)?(?:为|是)?[:：]?\s*$/],
  ['full', /(?:全年|调整后?的?)预算(?:数)?(?:为|是)?[:：]?\s*$/],
  ['budget', /预算(?:数)?(?:为|是)[:：]?\s*$/],
  ['actual', /决算(?:数)?(?:为|是)?[:：]?\s*$/],
];

const MORE = /^(?:大于|多于|高于|超过|超出)$/;
const LESS = /^(?:小于|少于|低于)$/;
const COMPARE_WORD = /决算(?:数)?(?:支出)?(大于|多于|高于|超过|超出|小于|少于|低于|等于)(年初|全年|调整后?的?)?预算(?:数)?/g;
const COMPARE_WITH = /决算(?:数)?(?:支出)?与(年初|全年|调整后?的?)?预算(?:数)?(?:相比)?(基本)?(持平|一致|相等|相同|相当)/g;

const againstOf = (w: string | undefined): Comparison['against'] => (!w ? null : w.startsWith('年初') ? 'initial' : 'full');

function comparisons(text: string): (Comparison & { at: number })[] {
  const out: (Comparison & { at: number })[] = [];
  for (const m of text.matchAll(COMPARE_WORD)) {
    const relation = MORE.test(m[1]!) ? 'more' : LESS.test(m[1]!) ? 'less' : 'equal';
    out.push({ at: m.index!, text: m[0], relation, against: againstOf(m[2]) });
  }
  for (const m of text.matchAll(COMPARE_WITH)) out.push({ at: m.index!, text: m[0], relation: m[2] || m[3] === '相当' ? 'about' : 'equal', against: againstOf(m[1]) });
  return out.sort((a, b) => a.at - b.at);
}

/** The subject named in a window before a figure (its stage words taken off), if the rest is filler. */
function subjectIn(window: string, dynamics: DynamicConcept[]): ConceptRef | null {
  const stripped = window.replace(/(?:(?:年初|全年|调整后?的?)?预算|(?:支出)?决算)(?:数)?(?:为|是)?[:：]?\s*$/, '');
  const m = bestMatch(stripped, CONCEPTS, dynamics);
  return m && GAP_RE.test(stripped.slice(m.end).replace(/^[\s，,、]+/, '')) ? m.concept : null;
}

function paragraphExecutions(dynamics: DynamicConcept[], p: NarrativeParagraph): Execution[] {
  const out: Execution[] = [];
  const whole = paragraphItem(p);
  let prevEnd = 0;
  let sentence = -1;
  let current: Execution | null = null;
  for (const t of p.tokens) {
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      prevEnd = p.sentences[sentence]?.start ?? t.start;
    }
    const window = p.text.slice(prevEnd, t.start);
    prevEnd = t.end;
    if (t.kind !== 'amount' || t.bound) continue;
    const stage = STAGES.find(([, re]) => re.test(window))?.[0];
    if (!stage) continue;
    const named = subjectIn(window, dynamics);
    const last = current?.figures[current.figures.length - 1];
    const subject = named ?? last?.subject ?? whole?.concept ?? null;
    const item = named ? null : (last?.item ?? whole?.item ?? null);
    // A new statement: another subject, or a budget figure after the 决算 one.
    if (!current || !last || (named && named.id !== last.subject?.id) || (stage !== 'actual' && current.figures.some((f) => f.stage === 'actual'))) {
      current = { p, figures: [], comparison: null };
      out.push(current);
    }
    const cell = narrativeCell(p.heading, p.index, t.ordinal);
    current.figures.push({ token: t, stage, subject, item, cell: item ? { ...cell, row: item.code } : cell });
  }
  // Each comparison speaks of the last statement before it, or of the last one of the subject it names
  // ("“三公”经费支出决算数小于预算数" after the lines of its parts).
  for (const c of comparisons(p.text)) {
    const before = out.filter((e) => e.figures[0]!.token.start < c.at);
    const clause = p.text.slice(0, c.at).replace(/^[^]*[，,。；;：:]/, '').replace(/^\s*(?:19|20)\d{2}\s*年度?/, '');
    const named = clause ? subjectIn(clause, dynamics) : null;
    const target = (named && [...before].reverse().find((e) => e.figures[0]!.subject?.id === named.id)) || before[before.length - 1];
    if (target && !target.comparison) target.comparison = { text: c.text, relation: c.relation, against: c.against };
  }
  return out;
}

const memo = new WeakMap<object, Execution[]>();

/** Every execution statement of the narrative; a comparison opening the next line of the same section joins the statement before it. */
export function executions(ctx: CheckContext): Execution[] {
  const hit = memo.get(ctx.narrative);
  if (hit) return hit;
  const out: Execution[] = [];
  const dynamics = dynamicConcepts(ctx);
  for (const p of ctx.narrative.paragraphs) {
    const own = paragraphExecutions(dynamics, p);
    const prev = out[out.length - 1];
    if (!own.length && prev && !prev.comparison && prev.p.section === p.section) {
      const c = comparisons(p.text)[0];
      if (c && c.at < 4) prev.comparison = { text: c.text, relation: c.relation, against: c.against };
    }
    out.push(...own.filter((e) => e.figures.length > 0));
  }
  memo.set(ctx.narrative, out);
  return out;
}

/** The first figure of a stage in a statement. */
export const figureOf = (e: Execution, stage: ExecStage): ExecFigure | null => e.figures.find((f) => f.stage === stage) ?? null;
