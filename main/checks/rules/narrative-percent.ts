// narrative-percent — a percentage in the narrative that does not compute from the numbers beside it:
// "占预算 x%" (the amount over the whole it is a share of: stated in the section, printed in the tables, or
// the sum of its stated parts — 三公 = 出国 + 公务用车 + 接待); "比上年增加 d 万元，增长 x%" (d over last
// year's amount, this year's ∓ d: dividing by this year's is the classic slip); "执行数 a 万元，预算安排 b
// 万元，比…增加 x%" ((b − a)/a). One last digit off is a 尾差 (a share forced to add up to 100%).
import { ROUNDING } from '../lib/identity.js';
import { squash } from '../lib/labels.js';
import { CONCEPTS, TOTAL_CONCEPTS } from '../lib/narrative/concepts.js';
import { quoteOf, statedLevels, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import { executions, figureOf } from '../lib/narrative/execution.js';
import { conceptTargets } from '../lib/narrative/targets.js';
import { percentAgreement, statedFen } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const pct = (x: number): string => `${(Math.round(x * 100) / 100).toFixed(2)}%`;
const yuan = (fen: number): string => (fen / 1_000_000).toFixed(2);

/** Parts a whole is made of, when the narrative states them instead of the whole. */
const PARTS: Record<string, string[]> = { sangong: ['abroad', 'carTotal', 'reception'] };

/** Facts of the paragraph and of the paragraphs before it in the same section, nearest first. */
function earlier(ctx: CheckContext, p: NarrativeParagraph, before: Fact): Fact[] {
  const own = p.facts.slice(0, p.facts.indexOf(before)).reverse();
  const prior = ctx.narrative.paragraphs.filter((q) => q.section === p.section && q.index < p.index).reverse().flatMap((q) => [...q.facts].reverse());
  return [...own, ...prior];
}

const isLevel = (f: Fact): boolean => f.token.kind === 'amount' && f.change === null && !!f.concept && !f.previous;

/** The level this fact's percentage is taken of: stated earlier in the section, else the tables, else its stated parts. */
function levelOf(ctx: CheckContext, p: NarrativeParagraph, before: Fact, ids: string[]): { fen: number; text: string } | null {
  const hit = earlier(ctx, p, before).find((f) => isLevel(f) && ids.includes(f.concept!.id));
  if (hit) return { fen: statedFen(hit.token), text: hit.token.text };
  for (const id of ids) {
    const c = conceptTargets(ctx, id)[0];
    if (c) return { fen: c.value, text: `${c.label} ${yuan(c.value)}万元` };
  }
  for (const id of ids) {
    const parts = PARTS[id];
    if (!parts) continue;
    const stated = parts.map((part) => p.facts.find((f) => isLevel(f) && f.concept!.id === part));
    if (stated.every(Boolean)) return { fen: stated.reduce((a, f) => a + statedFen(f!.token), 0), text: `所列各项之和 ${yuan(stated.reduce((a, f) => a + statedFen(f!.token), 0))}万元` };
  }
  return null;
}

function draft(p: NarrativeParagraph, f: Fact, computed: number, message: string, related: Draft['related'], severity: Draft['severity']): Draft | null {
  const verdict = percentAgreement(f.token, computed);
  if (verdict === 'same') return null;
  return {
    rule: verdict === 'tail' ? ROUNDING : 'narrative-percent',
    severity: verdict === 'tail' ? 'warning' : severity,
    cell: f.cell,
    related,
    expected: Math.round(computed * 100),
    actual: Math.round(f.token.value * 100),
    percent: true,
    message: `${message}${verdict === 'tail' ? '（末位之差，尾差）' : ''}`,
    page: p.page,
    paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
  };
}

/**
 * "年初预算为 a 万元，（全年预算为 b 万元，）支出决算为 c 万元，完成年初预算的 x%": x = c / a (or / b), both taken
 * from the statement the rate closes (a part's "决算为 0.00 万元，完成预算的 0%" states no budget of its own).
 */
function completion(ctx: CheckContext, p: NarrativeParagraph, f: Fact, head: string): Draft | null {
  const e = executions(ctx).filter((x) => x.p === p && x.figures[0]!.token.start < f.token.start).pop();
  const actual = e ? figureOf(e, 'actual') : null;
  if (!e || !actual || actual.token.start > f.token.start) return null;
  const said = p.text.slice(Math.max(0, f.token.start - 12), f.token.start);
  const full = /全年|调整/.test(said);
  const base = full ? (figureOf(e, 'full') ?? figureOf(e, 'budget')) : /年初/.test(said) ? figureOf(e, 'initial') : (figureOf(e, 'initial') ?? figureOf(e, 'budget') ?? figureOf(e, 'full'));
  if (!base) return null;
  const b = statedFen(base.token);
  const kind = base.stage === 'full' ? '全年' : base.stage === 'initial' ? '年初' : '';
  if (b === 0) {
    if (statedFen(actual.token) === 0) return null;
    return {
      rule: 'narrative-percent', severity: 'warning', cell: f.cell, related: [base.cell, actual.cell], expected: null, actual: Math.round(f.token.value * 100), percent: true,
      message: `${head}${kind}预算为 ${base.token.text}，无法计算“完成预算的 ${f.token.text}”`,
      page: p.page, paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
    };
  }
  const computed = (statedFen(actual.token) / b) * 100;
  return draft(p, f, computed, `${head}${actual.token.text} / ${base.token.text} = ${pct(computed)}，文中“完成预算的 ${f.token.text}”`, [base.cell, actual.cell], 'warning');
}

export const narrativePercent: Rule = {
  id: 'narrative-percent',
  title: '情况说明中的百分比可由相邻金额算出',
  reads: '情况说明中“占…x%”“增长/下降 x%”及其所指的金额',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      const head = `情况说明“${squash(p.heading)}”：`;
      for (const f of p.facts) {
        if (f.token.kind !== 'percent') continue;
        const a = f.of;
        let d: Draft | null = null;
        if (f.percent === 'share' && a) {
          // 占 + a named base ("占“三公”经费的 x%"), else the budget total.
          const window = p.text.slice(a.token.end, f.token.start);
          const named = CONCEPTS.find((c) => {
            c.pattern.lastIndex = 0;
            return c.pattern.test(window.slice(window.indexOf('占')));
          });
          // A 科目 or category's share is of the spending it belongs to (stated just before, as a rule).
          const spending = a.concept && /^(item|category):/.test(a.concept.id) ? ['gpbExpense', 'fiscalExpense', 'totalExpense', 'totalBoth'] : TOTAL_CONCEPTS;
          const base = levelOf(ctx, p, a, named ? [named.id] : spending);
          if (!base || base.fen <= 0) continue;
          const computed = (Math.abs(statedFen(a.token)) / base.fen) * 100;
          const off = Math.abs(computed - f.token.value);
          d = draft(p, f, computed, `${head}${a.token.text} 占 ${base.text}，应为 ${pct(computed)}，文中为 ${f.token.text}`, [a.cell], off > 2 * 10 ** -f.token.decimals ? 'error' : 'warning');
        } else if (f.percent === 'rate' && a && a.change !== null && a.concept) {
          const amount = Math.abs(statedFen(a.token));
          const level = levelOf(ctx, p, a, [a.concept.id, ...(TOTAL_CONCEPTS.includes(a.concept.id as never) ? TOTAL_CONCEPTS : [])]);
          if (!level || level.fen <= 0) continue;
          const last = level.fen - a.change * amount;
          if (last <= 0) continue;
          const computed = (amount / last) * 100;
          const wrongBase = percentAgreement(f.token, (amount / level.fen) * 100) === 'same';
          d = draft(p, f, computed, `${head}${a.change < 0 ? '减少' : '增加'} ${a.token.text}，上年为 ${yuan(last)}万元，变动幅度应为 ${pct(computed)}，文中为 ${f.token.text}${wrongBase ? '（系以本年数为基数计算）' : ''}`, [a.cell], 'warning');
        } else if (f.percent === 'completion') {
          d = completion(ctx, p, f, head);
        } else if (f.percent === 'rate' && !a) {
          const pair = statedLevels(p, f);
          if (!pair) continue;
          const now = statedFen(pair.now.token);
          const before = statedFen(pair.before.token);
          if (before <= 0) continue; // from nothing: the 100% convention
          const computed = (Math.abs(now - before) / before) * 100;
          d = draft(p, f, computed, `${head}由 ${pair.before.token.text} 到 ${pair.now.token.text}，变动幅度应为 ${pct(computed)}，文中为 ${f.token.text}`, [pair.before.cell, pair.now.cell], 'warning');
        }
        if (d) out.push(d);
      }
    }
    return out;
  },
};
