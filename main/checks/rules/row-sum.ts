// row-sum — across a row, as the printed header groups the columns: 合计 = the columns beside it (本年收入
// 小计 + 上年结转; 基本支出 + 项目支出; 人员经费 + 公用经费; 一般公共预算 + 政府性基金 + 国有资本经营), each
// group's 小计 = its sub-columns (本年收入 › 财政拨款收入 …; 公务用车购置及运行费 › 购置费 + 运行费), per
// stage where 预算数 and 决算数 are printed side by side. Any table, any layout.
import { atStage, headerIdentities } from '../lib/header-tree.js';
import { checkSum, type Operand } from '../lib/identity.js';
import { operand } from '../lib/ops.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

function rowSums(v: TableView): Draft[] {
  const out: Draft[] = [];
  for (const p of v.panels) {
    for (const id of headerIdentities(v, p.index)) {
      const stages = [...new Set(id.total.map((c) => v.columns[c]?.stage ?? null))];
      for (const stage of stages) {
        const total = atStage(v, id.total, stage);
        const parts = id.parts.map((cols) => atStage(v, cols, stage));
        if (total === null || parts.some((c) => c === null)) continue;
        const cols = parts as number[];
        for (let r = 0; r < v.rowCount; r++) {
          if ([total, ...cols].every((c) => v.isBlank(r, c))) continue;
          const t = operand(v, r, total);
          const ops = cols.map((c) => operand(v, r, c));
          if (!t || ops.some((o) => o === null)) continue;
          const d = checkSum({
            rule: 'row-sum',
            total: t,
            parts: ops as Operand[],
            subject: () => v.cellName(r, total),
            relation: () => cols.map((c) => v.colName(c)).join('+'),
          });
          if (d) out.push(d);
        }
      }
    }
  }
  return out;
}

export const rowSum: Rule = {
  id: 'row-sum',
  title: '行内合计：合计栏等于表头所列各分栏之和',
  reads: '各表每一行的合计栏、小计栏与其分栏（按表头层次）',
  run: (ctx) => ctx.doc.tables.flatMap((t) => {
    const v = ctx.table(t.key);
    return v && v.table === t ? rowSums(v) : [];
  }),
};
