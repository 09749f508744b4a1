// narrative-direction (决算) — "决算数大于/小于/等于（与…持平）预算数" against the figures the statement gives:
// "年初预算为 1560.05 万元，支出决算为 1511.89 万元。决算数小于预算数" holds; "…大于预算数" does not. The
// budget compared is the one named (年初/全年); an unqualified 预算数 holds when it holds for any budget figure
// the statement gives (年初 0 and 全年 321.02: "小于预算数" speaks of the 全年). 基本持平 allows a tenth.
import { squash } from '../lib/labels.js';
import { executions, figureOf, type Comparison, type ExecFigure } from '../lib/narrative/execution.js';
import { statedFen } from '../lib/narrative/values.js';
import type { Draft, Rule } from '../types.js';

const WORD: Record<Comparison['relation'], string> = { more: '大于', less: '小于', equal: '等于', about: '基本持平于' };

function holds(relation: Comparison['relation'], actual: number, budget: number): boolean {
  const d = actual - budget;
  if (relation === 'more') return d > 0;
  if (relation === 'less') return d < 0;
  if (relation === 'equal') return d === 0;
  return Math.abs(d) * 10 <= Math.abs(budget);
}

/** The text from the sentence of the first figure to the end of the comparison. */
function quoteSpan(text: string, from: number, comparison: string): string {
  const start = Math.max(0, ...['。', '；', ';', '\n'].map((m) => text.lastIndexOf(m, from) + 1));
  const at = text.indexOf(comparison, from);
  return text.slice(start, at < 0 ? text.length : at + comparison.length).trim();
}

export const executionDirection: Rule = {
  id: 'narrative-direction',
  title: '决算数与预算数的比较表述（大于/小于/等于/持平）与所列数字一致',
  reads: '决算情况说明中“年初预算/全年预算/决算为…万元”及其后的“决算数大于/小于/等于预算数”',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const e of executions(ctx)) {
      const c = e.comparison;
      const actual = figureOf(e, 'actual');
      if (!c || !actual) continue;
      const bases: ExecFigure[] = e.figures.filter((f) => (c.against === null ? f.stage !== 'actual' : f.stage === c.against || (c.against === 'full' && f.stage === 'budget')));
      if (!bases.length) continue;
      const a = statedFen(actual.token);
      if (bases.some((b) => holds(c.relation, a, statedFen(b.token)))) continue;
      const b = bases[0]!;
      const d = a - statedFen(b.token);
      const truth = d > 0 ? '大于' : d < 0 ? '小于' : '等于';
      // A strict 持平 a hundredth apart is a slip of wording rather than a contradiction.
      const slight = c.relation === 'equal' && Math.abs(d) * 100 <= Math.abs(statedFen(b.token));
      out.push({
        rule: 'narrative-direction',
        severity: slight || c.relation === 'about' ? 'warning' : 'error',
        cell: actual.cell,
        related: bases.map((x) => x.cell),
        expected: null,
        actual: null,
        message: `情况说明“${squash(e.p.heading)}”：决算 ${actual.token.text}${truth}预算 ${b.token.text}，文中却说“${c.text}”（${WORD[c.relation]}）`,
        page: e.p.page,
        paragraph: { heading: e.p.heading, index: e.p.index, quote: quoteSpan(e.p.text, b.token.start, c.text) },
      });
    }
    return out;
  },
};
