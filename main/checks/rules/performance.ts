// performance — the money the 绩效目标 cover ("编报绩效目标的项目…涉及项目预算资金598.46万元") cannot exceed
// the 项目支出 of the tables. The 绩效 scope may differ (a warning, never an error).
import { fmtUnit } from '../lib/amounts.js';
import { operandOf, tableTotal } from '../lib/facts.js';
import { tableOf } from '../lib/keys.js';
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

/** "涉及项目预算资金598.46万元", "涉及预算金额598.42万元" (not 涉及财政性资金: that scope is all money). */
const STATED = /涉及(?:项目预算|项目|预算)(?:资金|金额)(?:合计|总额)?(?:为|共)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*万\s*元/g;

export const performance: Rule = {
  id: 'performance',
  title: '绩效目标涉及的资金不超过项目支出',
  reads: '情况说明“绩效”部分所述涉及资金；支出总表（或一般公共预算支出表）的项目支出合计',
  run: (ctx) => {
    const project = operandOf(tableTotal(tableOf(ctx, 'expense'), 'project')) ?? operandOf(tableTotal(tableOf(ctx, 'general'), 'project'));
    if (!project) return [];
    const out: Draft[] = [];
    for (const p of ctx.narrative.all) {
      if (!/绩效/.test(p.text + p.heading)) continue;
      for (const m of p.text.matchAll(STATED)) {
        const fen = Math.round(Number(m[1]!.replace(/,/g, '')) * 1_000_000);
        if (fen <= project.value + Math.max(project.step, 10_000)) continue;
        out.push({
          rule: 'performance', severity: 'warning', cell: { table: 'narrative', row: p.heading, column: String(p.index) }, related: [project.ref],
          expected: project.value, actual: fen, factor: 10_000,
          message: `情况说明“${squash(p.heading)}”：绩效目标涉及资金 ${m[1]}万元 超过${typeof project.label === 'function' ? project.label() : project.label} ${fmtUnit(project.value, project.factor)}`,
          page: p.page, paragraph: { heading: p.heading, index: p.index, quote: m[0] },
        });
      }
    }
    return out;
  },
};
