// narrative-sum (中小企业) — the contracts the 情况说明 says went to 中小企业 are part of the 政府采购 it states:
// "在面向中小企业预留的项目中，由中小企业中标或成交的…a 万元；在其他政府采购项目中，由中小企业中标或成交的…b
// 万元" (or "授予中小企业合同金额 a 万元") cannot add up to more than the 政府采购金额 stated before them, and
// what went to 小微企业 (a part of the 中小企业's) not to more than the 中小企业's. Amounts reserved (预留…预算
// 金额) are budgets, not contracts, and amounts said as a part (其中…, 预留给中小企业的…) are not added again.
import { fmtIn, isTailOf, unitFactor } from '../lib/amounts.js';
import { ROUNDING } from '../lib/identity.js';
import { squash } from '../lib/labels.js';
import { narrativeCell, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import type { Token } from '../lib/narrative/text.js';
import { centStep, statedFen } from '../lib/narrative/values.js';
import type { CellRef } from '../../model/types.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const AWARDED = /中标|成交|授予|合同金额/;

/** The clause before a figure (since the last ；。 or the start of its sentence). */
const clauseBefore = (p: NarrativeParagraph, t: Token): string => p.text.slice(p.sentences[t.sentence]?.start ?? 0, t.start);

interface Awarded {
  p: NarrativeParagraph;
  token: Token;
  small: boolean;
}

function awardedAmounts(p: NarrativeParagraph): Awarded[] {
  const out: Awarded[] = [];
  for (const t of p.tokens) {
    if (t.kind !== 'amount' || t.bound) continue;
    const clause = clauseBefore(p, t);
    // The part of the clause that says who won it ("由小微企业供应商中标", "授予中小企业合同金额").
    const from = Math.max(0, ...[...clause.matchAll(/由|授予/g)].map((m) => m.index!));
    const who = clause.slice(from);
    if (!AWARDED.test(who) || !/中小企业|小微企业/.test(who)) continue;
    const small = /小微企业/.test(who) && !/中小企业/.test(who);
    // "其中…" and "预留给中小企业的…" (not said as won by them) are parts of what the 中小企业 won.
    if (!small && /其中|预留/.test(who)) continue;
    out.push({ p, token: t, small });
  }
  return out;
}

interface Whole {
  fen: number;
  text: string;
  tokens: Token[];
  cells: CellRef[];
  name: string;
}

const cellOf = (x: Awarded): CellRef => narrativeCell(x.p.heading, x.p.index, x.token.ordinal);

function exceeds(whole: Whole, parts: Awarded[], name: string): Draft | null {
  const sum = parts.reduce((a, x) => a + statedFen(x.token), 0);
  if (sum <= whole.fen) return null;
  const diff = sum - whole.fen;
  const tail = isTailOf(diff, [...whole.tokens, ...parts.map((x) => x.token)].map(centStep));
  const last = parts[parts.length - 1]!;
  const f = unitFactor(last.token.unit);
  return {
    rule: tail ? ROUNDING : 'narrative-sum',
    severity: tail ? 'warning' : 'error',
    cell: cellOf(last),
    related: [...whole.cells, ...parts.slice(0, -1).map(cellOf)],
    expected: whole.fen,
    actual: sum,
    factor: f,
    message: `情况说明“${squash(last.p.heading)}”：${name} ${parts.map((x) => x.token.text).join(' + ')} = ${fmtIn(sum, f)}万元，超过${whole.name} ${whole.text}（差 ${fmtIn(diff, f)}${tail ? '，尾差' : ''}）`,
    page: last.p.page,
    paragraph: { heading: last.p.heading, index: last.p.index, quote: last.p.sentences.filter((s) => parts.some((x) => x.p === last.p && s.start <= x.token.start && x.token.start < s.end)).map((s) => s.text).join('').trim() },
  };
}

function check(ctx: CheckContext): Draft[] {
  const out: Draft[] = [];
  const bySection = new Map<number, NarrativeParagraph[]>();
  for (const p of ctx.narrative.paragraphs) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p]);
  for (const paragraphs of bySection.values()) {
    const awarded = paragraphs.flatMap(awardedAmounts);
    if (!awarded.length) continue;
    const first = awarded[0]!;
    // The 政府采购 total stated before them in the section.
    const total = paragraphs.flatMap((p) => p.facts.map((f) => ({ p, f }))).filter(({ p, f }: { p: NarrativeParagraph; f: Fact }) =>
      f.concept?.id === 'procurement' && f.change === null && f.token.kind === 'amount' && (p.index < first.p.index || (p === first.p && f.token.start < first.token.start))).pop();
    const sme = awarded.filter((x) => !x.small);
    const small = awarded.filter((x) => x.small);
    if (total && sme.length) {
      const whole = { fen: statedFen(total.f.token), text: total.f.token.text, tokens: [total.f.token], cells: [total.f.cell], name: '政府采购金额' };
      const d = exceeds(whole, sme, '由中小企业中标或成交（授予中小企业）的金额');
      if (d) out.push(d);
    }
    if (sme.length && small.length) {
      const fen = sme.reduce((a, x) => a + statedFen(x.token), 0);
      const whole = { fen, text: `${fmtIn(fen, unitFactor(sme[0]!.token.unit))}万元`, tokens: sme.map((x) => x.token), cells: sme.map(cellOf), name: '中小企业所得' };
      const d = exceeds(whole, small, '由小微企业中标或成交（授予小微企业）的金额');
      if (d) out.push(d);
    }
  }
  return out;
}

export const procurementSme: Rule = {
  id: 'narrative-sum',
  title: '政府采购：授予中小企业（含小微企业）的合同金额不超过政府采购金额',
  reads: '情况说明“政府采购”段落中的采购金额与由中小企业、小微企业中标或成交的金额',
  run: check,
};
