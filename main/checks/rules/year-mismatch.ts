// year-mismatch — a year that is not the budget year where the text speaks of this year's budget
// ("2022 年度机关运行经费安排 244.47 万元" in a 2023 document). Comparisons (较 2022 年), dates
// (截至 2022 年 12 月 31 日) and period ends (2022 年末) are not this year's budget and are left alone.
import { squash } from '../lib/labels.js';
import { quoteOf } from '../lib/narrative/index.js';
import { agreement } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const NOT_THIS_YEAR_BEFORE = /(较|比|与|同|截至|截止|至|到|自|从|上|去|前|往|于|和|、|及|—|-|~|～)\s*$/;
const SPEAKS_OF_BUDGET = /预算|安排/;
const OTHER_PERIOD = /决算|执行|实际|完成|自评|结转|结余|以来|以前|之前|末|底/;

/** Every amount printed in the standard tables (分 and printed step): a figure of this year's budget. */
function budgetAmounts(ctx: CheckContext): { fen: number; step: number }[] {
  const out: { fen: number; step: number }[] = [];
  for (const t of ctx.doc.tables ?? []) {
    const v = ctx.table(t.key);
    if (!v) continue;
    for (let r = 0; r < v.rowCount; r++) for (const c of v.amountColumns()) {
      const m = v.money(r, c);
      if (m && m.fen) out.push(m);
    }
  }
  return out;
}

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  title: '年度一致：说明本年预算处的年份等于预算年度',
  reads: '情况说明各段与标题中的年份、附表标题中的年份',
  run: (ctx) => {
    const year = ctx.year;
    if (!Number.isInteger(year) || year < 1990) return [];
    const out: Draft[] = [];
    const amounts = budgetAmounts(ctx);
    for (const p of ctx.narrative.all) {
      for (const t of p.tokens) {
        if (t.kind !== 'year' || t.value === year || t.date) continue;
        const before = p.text.slice(Math.max(0, t.start - 3), t.start);
        if (NOT_THIS_YEAR_BEFORE.test(before)) continue;
        // "2023年，我部门…预算安排…": a year standing alone before a comma opens the clause after it.
        const rest = p.text.slice(t.end);
        const lead = /^\s*[，,]\s*/.exec(rest)?.[0].length ?? 0;
        const clauseEnd = rest.slice(lead).search(/[，,。；;！？\n]/);
        const after = rest.slice(0, clauseEnd < 0 ? rest.length : lead + clauseEnd);
        const near = lead > 0 ? after.slice(lead, lead + 24) : after.slice(0, 16);
        if (!SPEAKS_OF_BUDGET.test(near) || OTHER_PERIOD.test(near)) continue;
        // An amount of this year's tables in the same clause makes it certain.
        const sentence = p.sentences[t.sentence];
        const stated = p.tokens.filter((x) => x.kind === 'amount' && x.sentence === t.sentence && x.start > t.end && (!sentence || x.start < sentence.end));
        const firstAmount = stated[0];
        const certain = !!firstAmount && amounts.some((m) => agreement(firstAmount, m.fen, m.step) === 'same') && firstAmount.start - t.end <= after.length + 1;
        out.push({
          rule: 'year-mismatch',
          severity: certain ? 'error' : 'warning',
          cell: { table: 'narrative', row: p.heading, column: `${p.index}:${t.ordinal}` },
          related: [],
          expected: year * 100,
          actual: t.value * 100,
          message: `情况说明“${squash(p.heading)}”：“${t.text}${after.slice(0, 14)}…”说明本年预算，年份应为 ${year} 年${certain ? `（所列 ${firstAmount!.text} 为 ${year} 年预算表中的数）` : ''}`,
          page: p.page,
          paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, t) },
        });
      }
    }
    // A budget compared with its own year ("比2024年预算增加" in the 2024 budget): the base must be a year before.
    if (ctx.doc.kind !== '决算') {
      for (const p of ctx.narrative.paragraphs) {
        for (const t of p.tokens) {
          if (t.kind !== 'year' || t.value !== year || t.date) continue;
          if (!/[比较与]\s*$/.test(p.text.slice(Math.max(0, t.start - 2), t.start))) continue;
          const after = p.text.slice(t.end, t.end + 16);
          if (!/^(?:当年)?(?:预算)?(?:执行数|预算数|数)?(?:相比)?[，,]?\s*(?:增加|减少|增长|下降|持平|一致|减|增)/.test(after.replace(/\s+/g, ''))) continue;
          out.push({
            rule: 'year-mismatch', severity: 'error', cell: { table: 'narrative', row: p.heading, column: `${p.index}:${t.ordinal}` }, related: [],
            expected: (year - 1) * 100, actual: t.value * 100,
            message: `情况说明“${squash(p.heading)}”：“${p.text.slice(Math.max(0, t.start - 1), t.end + 8)}…”以本预算年度 ${year} 年为比较基数，应与上一年度（${year - 1} 年）比较`,
            page: p.page, paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, t) },
          });
        }
      }
    }
    // Headings (the document title line) and titles of the extra tables.
    for (const s of ctx.doc.narrative ?? []) {
      const m = /((?:19|20)\d{2})\s*年(?:度)?\s*(?:部门|单位)?(?:预算|预算信息公开)/.exec(s.heading);
      if (m && Number(m[1]) !== year) {
        out.push({
          rule: 'year-mismatch', severity: 'error', cell: { table: 'narrative', row: s.heading, column: null }, related: [],
          expected: year * 100, actual: Number(m[1]) * 100, message: `标题“${squash(s.heading)}”的年份 ${m[1]} 与预算年度 ${year} 不一致`, page: s.pages?.[0] ?? null,
        });
      }
    }
    for (const v of ctx.extras) {
      const m = /^((?:19|20)\d{2})\s*年/.exec(squash(v.title));
      if (m && Number(m[1]) !== year) {
        out.push({
          rule: 'year-mismatch', severity: 'warning', cell: { table: v.name, row: null, column: null }, related: [],
          expected: year * 100, actual: Number(m[1]) * 100, message: `附表“${v.title}”标题年份 ${m[1]} 与预算年度 ${year} 不一致`, page: v.page(null, null),
        });
      }
    }
    return out;
  },
};
