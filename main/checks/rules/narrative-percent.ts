// narrative-percent — a percentage in the 情况说明 that does not compute from the numbers beside it:
// "占预算 x%" (the amount over the total it is a share of) and "比上年减少 d 万元，下降 x%" (d over last
// year's amount, which is this year's ∓ d). Dividing by this year's amount is the classic slip.
import { squash } from '../lib/labels.js';
import { CONCEPTS, TOTAL_CONCEPTS } from '../lib/narrative/concepts.js';
import { quoteOf, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import { conceptTargets } from '../lib/narrative/targets.js';
import { percentAgrees, statedCents } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const pct = (x: number): string => `${(Math.round(x * 100) / 100).toFixed(2)}%`;

/** The level this fact's percentage is taken of: an amount stated earlier in the paragraph, else the table. */
function levelOf(ctx: CheckContext, p: NarrativeParagraph, before: Fact, conceptIds: string[]): { cents: number; text: string } | null {
  const idx = p.facts.indexOf(before);
  for (let i = idx - 1; i >= 0; i--) {
    const f = p.facts[i]!;
    if (f.token.kind === 'amount' && f.change === null && f.concept && conceptIds.includes(f.concept.id)) {
      return { cents: statedCents(f.token, ctx.doc.unit), text: f.token.text };
    }
  }
  for (const id of conceptIds) {
    const c = conceptTargets(ctx, id)[0];
    if (c) return { cents: c.value, text: `${c.label} ${(c.value / 100).toFixed(2)}` };
  }
  return null;
}

function draft(p: NarrativeParagraph, f: Fact, severity: Draft['severity'], computed: number, message: string, related: Draft['related']): Draft {
  return {
    rule: 'narrative-percent',
    severity,
    cell: f.cell,
    related,
    expected: Math.round(computed * 100),
    actual: Math.round(f.token.value * 100),
    percent: true,
    message,
    page: p.page,
    paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
  };
}

export const narrativePercent: Rule = {
  id: 'narrative-percent',
  title: '情况说明中的百分比可由相邻金额算出',
  reads: '情况说明中“占…x%”“增长/下降 x%”及其所指的金额',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      for (const f of p.facts) {
        if (f.token.kind !== 'percent' || !f.of) continue;
        const a = f.of;
        const amount = Math.abs(statedCents(a.token, ctx.doc.unit));
        const head = `情况说明“${squash(p.heading)}”：`;
        if (f.percent === 'share') {
          // 占 + a named base ("占基本支出的 x%"), else the budget total.
          const window = p.text.slice(a.token.end, f.token.start);
          const named = CONCEPTS.find((c) => {
            c.pattern.lastIndex = 0;
            return c.pattern.test(window.slice(window.indexOf('占')));
          });
          const base = levelOf(ctx, p, a, named ? [named.id] : TOTAL_CONCEPTS);
          if (!base || base.cents <= 0) continue;
          const computed = (amount / base.cents) * 100;
          if (percentAgrees(f.token, computed)) continue;
          const off = Math.abs(computed - f.token.value);
          out.push(draft(p, f, off > 2 * 10 ** -f.token.decimals ? 'error' : 'warning', computed,
            `${head}${a.token.text} 占 ${base.text}，应为 ${pct(computed)}，文中为 ${f.token.text}`, [a.cell]));
        } else if (f.percent === 'rate' && a.change !== null && a.concept) {
          const level = levelOf(ctx, p, a, [a.concept.id, ...(TOTAL_CONCEPTS.includes(a.concept.id as never) ? TOTAL_CONCEPTS : [])]);
          if (!level || level.cents <= 0) continue;
          const last = level.cents - a.change * amount;
          if (last <= 0) continue;
          const computed = (amount / last) * 100;
          if (percentAgrees(f.token, computed)) continue;
          const wrongBase = percentAgrees(f.token, (amount / level.cents) * 100);
          out.push(draft(p, f, 'warning', computed,
            `${head}${a.change < 0 ? '减少' : '增加'} ${a.token.text}，上年为 ${(last / 100).toFixed(2)}，变动幅度应为 ${pct(computed)}，文中为 ${f.token.text}${wrongBase ? '（系以本年数为基数计算）' : ''}`, [a.cell]));
        }
      }
    }
    return out;
  },
};
