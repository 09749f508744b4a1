// cross-table (三公 vs 基本支出) — the 一般公共预算 三公 parts cover basic and project spending, so none can
// be smaller than the same 经济分类 line of the 基本支出 table (basic only): 公务接待费 30217, 公务用车运行
// 维护费 30231, 公务用车购置 31013, 因公出国（境）费用 30212, 会议费 30215, 培训费 30216; and 机关运行经费
// (日常公用经费 of 行政单位) cannot exceed the 公用经费 total. Units convert exactly (万元 三公 table, 元
// 基本支出 table). Doubtful by nature → warning.
import { codePanels, codeTree } from '../lib/codes.js';
import { tableTotal, operandOf } from '../lib/facts.js';
import { checkAtLeast, fromAmount } from '../lib/identity.js';
import { sangongCell } from '../lib/sangong.js';
import type { Draft, Rule } from '../types.js';

/** 三公 part, its 经济分类 code, and a word its printed name must carry (a table that numbers its 款 in
 * order, not by the standard codes, prints another line under that code). */
const PAIRS: [string, string, RegExp][] = [
  ['reception', '30217', /接待/],
  ['vehicleRunning', '30231', /公务用车|运行/],
  ['vehiclePurchase', '31013', /公务用车|购置/],
  ['abroad', '30212', /出国|出境/],
  ['meeting', '30215', /会议/],
  ['training', '30216', /培训/],
];

export const crossTableSangong: Rule = {
  id: 'cross-table',
  title: '“三公”经费表与基本支出表：三公各项不少于基本支出中的对应经济科目，机关运行经费不超过公用经费',
  reads: '“三公”经费表一般公共预算的各项与机关运行经费；基本支出表 30217、30231、31013、30212、30215、30216 与公用经费合计',
  run: (ctx) => {
    const t9 = ctx.table('t9');
    const t6 = ctx.table('t6');
    if (!t9 || !t6) return [];
    const panels = codePanels(t6);
    const out: Draft[] = [];
    for (const [concept, code, word] of PAIRS) {
      const at = sangongCell(t9, concept, 'budget');
      const panel = panels.find((p) => codeTree(t6, p).byCode.has(code));
      if (!at || panel === undefined) continue;
      const line = codeTree(t6, panel).byCode.get(code)!;
      if (!word.test(line.name)) continue;
      const c6 = t6.totalColumn(panel);
      const a = t9.amount(at.r, at.c);
      const b = c6 === null ? null : t6.amount(line.r, c6);
      if (!a || !b || (a.fen === 0 && t9.isBlank(at.r, at.c) && b.fen === 0)) continue;
      const d = checkAtLeast('cross-table', fromAmount(a), fromAmount(b), `${a.label}（一般公共预算）`, `${t6.title} ${code} ${line.name}（仅基本支出）`, 'warning');
      if (d) out.push(d);
    }
    const admin = sangongCell(t9, 'adminCost', 'budget');
    const pub = operandOf(tableTotal(t6, 'public'));
    const a = admin ? t9.amount(admin.r, admin.c) : null;
    if (a && pub) {
      const d = checkAtLeast('cross-table', pub, fromAmount(a), `${t6.title} 公用经费合计`, `${a.label}`, 'warning');
      if (d) out.push(d);
    }
    return out;
  },
};
