// narrative-consistency — the 情况说明 states the same change on last year in several places (收入说明,
// 支出说明, 比上年增减情况: "比去年减少 117.26 万元" three times); one that differs from the others is
// doubtful. Income and expenditure totals change together in a balanced budget.
import { fmtIn } from '../lib/amounts.js';
import { squash } from '../lib/labels.js';
import { TOTAL_CONCEPTS } from '../lib/narrative/concepts.js';
import { quoteOf, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import { statedFen } from '../lib/narrative/values.js';

const fmt = (fen: number): string => fmtIn(fen, 10_000);
import type { Draft, Rule } from '../types.js';

/** A balanced budget changes its income and its spending of the same money alike. */
const groupOf = (id: string): string =>
  TOTAL_CONCEPTS.includes(id as never) ? 'total' : /^(gpb|fiscal|fund|soc)(Income|Expense)$/.test(id) ? id.replace(/(Income|Expense)$/, '') : id;

export const narrativeConsistency: Rule = {
  id: 'narrative-consistency',
  title: '情况说明前后一致：同一项目的比上年增减在各处相同',
  reads: '情况说明各段中同一项目（收支总额、基本支出、项目支出、三公经费等）的比上年增减额',
  run: (ctx) => {
    const byGroup = new Map<string, { p: NarrativeParagraph; f: Fact; value: number }[]>();
    for (const p of ctx.narrative.paragraphs) {
      for (const f of p.facts) {
        if (f.token.kind !== 'amount' || f.change === null || !f.concept) continue;
        // A 科目's change is said once; the totals' changes are repeated across sections.
        if (f.item) continue;
        const g = groupOf(f.concept.id);
        const list = byGroup.get(g) ?? [];
        list.push({ p, f, value: statedFen(f.token) * f.change });
        byGroup.set(g, list);
      }
    }
    const out: Draft[] = [];
    for (const list of byGroup.values()) {
      const values = [...new Set(list.map((x) => x.value))];
      if (values.length < 2) continue;
      // The value most statements give is taken as meant; with a tie the first statement is.
      const count = (v: number) => list.filter((x) => x.value === v).length;
      const meant = values.reduce((a, b) => (count(b) > count(a) ? b : a), list[0]!.value);
      const agreeing = list.filter((x) => x.value === meant);
      for (const x of list) {
        if (x.value === meant) continue;
        out.push({
          rule: 'narrative-consistency',
          severity: 'warning',
          cell: x.f.cell,
          related: agreeing.map((a) => a.f.cell),
          expected: meant,
          actual: x.value,
          factor: 10_000,
          message: `情况说明“${squash(x.p.heading)}”：${x.f.concept!.label}比上年${x.value < 0 ? '减少' : '增加'} ${fmt(Math.abs(x.value))}，与同一说明中其他处的 ${meant < 0 ? '减少' : '增加'} ${fmt(Math.abs(meant))} 不一致`,
          page: x.p.page,
          paragraph: { heading: x.p.heading, index: x.p.index, quote: quoteOf(x.p, x.f.token) },
        });
      }
    }
    return out;
  },
};
