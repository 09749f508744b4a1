// narrative-item — a 科目 item of the narrative against itself and its row: the amount in its heading
// (“…行政运行（项）”1,623.18万元) and the amount its body gives for this year ("2024年预算安排352.67万元")
// must be the same figure; an item said to be spent on 基本支出 whose row holds only 项目支出 (or the
// reverse) describes another 科目.
import { codeCell, type Cell } from '../lib/facts.js';
import { tableOf } from '../lib/keys.js';
import { squash } from '../lib/labels.js';
import { quoteOf, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import { agreement, statedFen, statedStep } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const thisYear = (f: Fact, code: string): boolean =>
  f.token.kind === 'amount' && f.change === null && !f.previous && !f.otherPeriod && f.item?.code === code;

function headingAgainstBody(p: NarrativeParagraph, code: string): Draft[] {
  const said = p.facts.filter((f) => thisYear(f, code));
  const heading = said[0];
  if (!heading) return [];
  const out: Draft[] = [];
  for (const body of said.slice(1)) {
    if (agreement(body.token, statedFen(heading.token), statedStep(heading.token)) !== 'different') continue;
    out.push({
      rule: 'narrative-item', severity: 'error', cell: body.cell, related: [heading.cell], expected: statedFen(heading.token), actual: statedFen(body.token), factor: 10_000,
      message: `情况说明“${squash(p.heading)}”：${heading.concept?.label ?? ''} 标题金额 ${heading.token.text}，正文却为 ${body.token.text}`,
      page: p.page, paragraph: { heading: p.heading, index: p.index, quote: `${quoteOf(p, heading.token)}……${quoteOf(p, body.token)}` },
    });
  }
  return out;
}

/** The row of the 科目 in the 一般公共预算 table, else the 支出总表: its 基本支出 and 项目支出 cells. */
function split(ctx: CheckContext, code: string): { basic: Cell; project: Cell } | null {
  for (const role of ['general', 'expense'] as const) {
    const v = tableOf(ctx, role);
    const basic = codeCell(v, code, 'basic');
    const project = codeCell(v, code, 'project');
    if (basic && project) return { basic, project };
  }
  return null;
}

function purpose(ctx: CheckContext, p: NarrativeParagraph, code: string): Draft | null {
  const m = /主要用于[:：]?([^。；]*)/.exec(p.text);
  if (!m) return null;
  const says = /基本支出/.test(m[1]!) ? 'basic' : /项目支出/.test(m[1]!) ? 'project' : null;
  const row = says ? split(ctx, code) : null;
  if (!says || !row) return null;
  const basic = row.basic.view.fen(row.basic.r, row.basic.c) ?? 0;
  const project = row.project.view.fen(row.project.r, row.project.c) ?? 0;
  const wrong = says === 'basic' ? basic === 0 && project > 0 : project === 0 && basic > 0;
  if (!wrong) return null;
  const cell = says === 'basic' ? row.project : row.basic;
  const a = cell.view.amount(cell.r, cell.c)!;
  return {
    rule: 'narrative-item', severity: 'warning', cell: p.facts.find((f) => f.item?.code === code)?.cell ?? { table: 'narrative', row: code, column: String(p.index) },
    related: [a.ref], expected: null, actual: null,
    message: `情况说明“${squash(p.heading)}”：${code} 说明“主要用于…${says === 'basic' ? '基本支出' : '项目支出'}”，但${a.label} 为 ${(a.fen / 1_000_000).toFixed(2)}万元，${says === 'basic' ? '基本支出' : '项目支出'}为空`,
    page: p.page, paragraph: { heading: p.heading, index: p.index, quote: p.text.slice(0, Math.min(p.text.length, m.index + m[0].length + 1)).trim() },
  };
}

export const narrativeItem: Rule = {
  id: 'narrative-item',
  title: '说明中的科目事项：标题金额与正文一致，用途与基本/项目支出相符',
  reads: '情况说明中以“类/款/项”列示的科目事项的标题金额、正文“预算安排”金额与“主要用于”；一般公共预算支出表该科目的基本支出、项目支出',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      const first = p.items[0];
      if (!first?.item || first.mention.start > 12) continue;
      out.push(...headingAgainstBody(p, first.item.code));
      const d = purpose(ctx, p, first.item.code);
      if (d) out.push(d);
    }
    return out;
  },
};
