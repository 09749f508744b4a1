// year-over-year — with last year's submission of the same department in the archive: a 比上年/较上年
// change stated in the 情况说明 must equal this year's table figure minus last year's table figure.
import { fmtIn, fmtUnit, unitFactor, unitName } from '../lib/amounts.js';
import { squash } from '../lib/labels.js';
import { quoteOf } from '../lib/narrative/index.js';
import { conceptTargets } from '../lib/narrative/targets.js';
import { statedFen, statedStep } from '../lib/narrative/values.js';
import type { Draft, Rule } from '../types.js';

export const yearOverYear: Rule = {
  id: 'year-over-year',
  title: '情况说明中的比上年增减额与上年档案中的表中数一致',
  reads: '情况说明中“比上年/较上年增加（减少）… 万元”的金额；本年与上年报送中对应的表格数',
  run: (ctx) => {
    const prev = ctx.previous;
    if (!prev) return [];
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      for (const f of p.facts) {
        if (f.token.kind !== 'amount' || f.change === null || !f.concept) continue;
        const now = conceptTargets(ctx, f.concept.id)[0];
        const before = conceptTargets(prev, f.concept.id)[0];
        if (!now || !before) continue;
        const actualChange = now.value - before.value;
        // The sentence gives the size and says 增加/减少; compare the signed change.
        const stated = f.change * statedFen(f.token);
        // A figure printed with fewer decimals agrees with the change rounded to them.
        const tolerance = Math.max(statedStep(f.token), now.step, before.step) / 2;
        if (Math.abs(stated - actualChange) <= tolerance) continue;
        // Said in the sentence's unit (万元), whatever unit the tables print.
        const factor = unitFactor(f.token.unit);
        const unit = unitName(factor);
        const fmt = (x: number): string => fmtIn(x, factor);
        const word = (x: number) => (x >= 0 ? `增加 ${fmt(x)}${unit}` : `减少 ${fmt(-x)}${unit}`);
        out.push({
          rule: 'year-over-year',
          severity: 'error',
          cell: f.cell,
          related: [now.ref],
          expected: actualChange,
          actual: stated,
          factor,
          message:
            `情况说明“${squash(p.heading)}”：${f.concept.label}比上年${word(Math.round(stated))}，` +
            `但本年 ${now.label} ${fmtUnit(now.value, now.factor)} − 上年（${ctx.year - 1} 年档案）${before.label} ${fmtUnit(before.value, before.factor)} = ${word(actualChange)}`,
          page: p.page,
          paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
        });
      }
    }
    return out;
  },
};
