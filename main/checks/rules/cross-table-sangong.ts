// cross-table (三公 vs 基本支出) — the 一般公共预算 三公 lines of t9 cover basic and project spending, so
// they cannot be smaller than the same 经济分类 lines of t6 (basic only): 公务接待费 30217, 公务用车运行
// 维护费 30231, 公务用车购置 31013, 因公出国（境）费用 30212. Doubtful by nature → warning.
import { codeTree } from '../lib/codes.js';
import { checkAtLeast } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import { sangongIndex, type SangongKind, type SangongPartKind } from '../lib/sangong.js';
import type { Draft, Rule } from '../types.js';

const PAIRS: [SangongKind, SangongPartKind | null, string][] = [
  ['reception', null, '30217'],
  ['car', 'carRun', '30231'],
  ['car', 'carBuy', '31013'],
  ['abroad', null, '30212'],
];

export const crossTableSangong: Rule = {
  id: 'cross-table',
  title: '“三公”经费表与基本支出表：三公各项不少于基本支出中的对应经济科目',
  reads: 't9 一般公共预算财政拨款栏的公务接待费、公务用车运行维护费、购置费、因公出国（境）费；t6 30217、30231、31013、30212',
  run: (ctx) => {
    const t9 = ctx.table('t9');
    const t6 = ctx.table('t6');
    if (!t9 || !t6) return [];
    const idx = sangongIndex(t9);
    const tree = codeTree(t6);
    const out: Draft[] = [];
    for (const [kind, part, code] of PAIRS) {
      const item = idx.items.find((i) => i.kind === kind);
      const r = part ? item?.parts.find((p) => p.kind === part)?.r : item?.r;
      const line = tree.byCode.get(code);
      if (r === undefined || !line) continue;
      const a = operand(t9, r, 3);
      const b = operand(t6, line.r, 3, `${t6.name} ${code} ${line.name}`);
      if (!a || !b) continue;
      const d = checkAtLeast('cross-table', a, b, `${t9.name} ${t9.label(r, 1)} 一般公共预算财政拨款`, `${t6.name} ${code} ${line.name}（仅基本支出）`, 'warning');
      if (d) out.push(d);
    }
    return out;
  },
};
