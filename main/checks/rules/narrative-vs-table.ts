// narrative-vs-table — an amount in the 情况说明 that contradicts its table: 收入/支出预算 (t1), 财政拨款
// 收入 (t2/t4), 基本/项目支出 (t3/t5), 人员/公用经费 (t6), 机关运行经费 (t6 公用经费), 三公 and each part
// (t9), 功能分类 categories (t1/t3), t6 lines named in 机关运行经费, 政府采购预算 (采购表), 固定资产.
import { fmt } from '../lib/amounts.js';
import { isProcurement, isTotalRow } from '../lib/extra.js';
import { squash } from '../lib/labels.js';
import { quoteOf, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import { conceptTargets, procurementAmountColumn, type Candidate } from '../lib/narrative/targets.js';
import { agrees, statedCents } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

function contradiction(ctx: CheckContext, p: NarrativeParagraph, f: Fact, candidates: Candidate[]): Draft {
  const stated = statedCents(f.token, ctx.doc.unit);
  const first = candidates[0]!;
  const others = candidates.slice(1).filter((c) => c.value !== first.value);
  const label = f.concept!.label;
  return {
    rule: 'narrative-vs-table',
    // A clause naming another year may state another year's figure: doubtful, not certain.
    severity: f.otherPeriod ? 'warning' : f.concept!.severity,
    cell: f.cell,
    related: candidates.map((c) => c.ref),
    expected: first.value,
    actual: Math.round(stated),
    message: `情况说明“${squash(p.heading)}”：${label} ${f.token.text} 与 ${first.label} ${fmt(first.value)} 不一致${others.length ? `（${others.map((o) => `${o.label} ${fmt(o.value)}`).join('，')}）` : ''}${f.otherPeriod ? '（句中年份或“上年”字样非本预算年度，请核实所指年度）' : ''}`,
    page: p.page,
    paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
    terms: [
      { ref: f.cell, value: Math.round(stated), coef: 1, label: `情况说明 ${label}` },
      { ref: first.ref, value: first.value, coef: -1, label: first.label },
    ],
    diff: Math.round(stated) - first.value,
  };
}

/** Can some of the procurement lines add up to the stated purchase of fixed assets? */
function purchaseReachable(ctx: CheckContext, target: number): { reachable: boolean; total: number; refs: Draft['related'] } | null {
  const values: number[] = [];
  const refs: Draft['related'] = [];
  for (const v of ctx.extras.filter(isProcurement)) {
    const c = procurementAmountColumn(v);
    if (c === null) continue;
    for (let r = 0; r < v.rows.length; r++) {
      if (isTotalRow(v, r)) continue;
      const x = v.cents(r, c);
      if (x && x > 0) values.push(x);
    }
    refs.push(v.ref(null, c));
  }
  if (values.length === 0 || target <= 0 || !Number.isInteger(target)) return null;
  const total = values.reduce((a, b) => a + b, 0);
  if (target > total) return { reachable: false, total, refs };
  if (target * values.length > 30_000_000) return null;
  const key = `${target}:${values.join(',')}`;
  let reachable = reachMemo.get(key);
  if (reachable === undefined) {
    const can = new Uint8Array(target + 1);
    can[0] = 1;
    for (const x of values) for (let s = target; s >= x; s--) if (can[s - x]) can[s] = 1;
    reachable = can[target] === 1;
    if (reachMemo.size > 1000) reachMemo.clear();
    reachMemo.set(key, reachable);
  }
  return { reachable, total, refs };
}

const reachMemo = new Map<string, boolean>();

export const narrativeVsTable: Rule = {
  id: 'narrative-vs-table',
  title: '情况说明中的金额与表中数一致',
  reads: '情况说明各段的金额及其前面的词语；t1–t9、政府采购预算表、固定资产占用情况表的对应格',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      for (const f of p.facts) {
        if (f.token.kind !== 'amount' || f.change !== null || !f.concept) continue;
        if (f.concept.id === 'assetsPurchase') {
          const stated = Math.round(statedCents(f.token, ctx.doc.unit));
          const r = purchaseReachable(ctx, stated);
          if (r && !r.reachable) {
            out.push({
              rule: 'narrative-vs-table', severity: 'warning', cell: f.cell, related: r.refs, expected: null, actual: stated,
              message: `情况说明“${squash(p.heading)}”：拟购置固定资产 ${f.token.text} 无法由政府采购预算中的任何项目组合得到（采购合计 ${fmt(r.total)}）`,
              page: p.page, paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
            });
          }
          continue;
        }
        const candidates = conceptTargets(ctx, f.concept.id);
        if (candidates.length === 0 || candidates.some((c) => agrees(f.token, c.value, ctx.doc.unit))) continue;
        out.push(contradiction(ctx, p, f, candidates));
      }
    }
    return out;
  },
};
