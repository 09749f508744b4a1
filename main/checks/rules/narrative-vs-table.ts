// narrative-vs-table — an amount in the narrative that contradicts its table, in whatever units each prints:
// 收入/支出预算 (收支总表), 财政拨款 (收入总表/财政拨款收支总表), 基本/项目支出, 人员/公用经费, 机关运行经费,
// 三公 and each part, 功能分类 categories, a 科目 named by 类/款/项 (its row by code), 基本支出 lines named in
// 机关运行经费, 政府采购预算, 固定资产. A figure within one step of its printed precision is a 尾差.
import { fmtUnit } from '../lib/amounts.js';
import { isProcurement, isTotalRow } from '../lib/extra.js';
import { ROUNDING } from '../lib/identity.js';
import { squash } from '../lib/labels.js';
import { quoteOf, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import { conceptTargets, procurementAmountColumn, type Candidate } from '../lib/narrative/targets.js';
import { agreement, statedFen } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

export function contradiction(p: NarrativeParagraph, f: Fact, candidates: Candidate[], tail: boolean): Draft {
  const stated = statedFen(f.token);
  const first = candidates[0]!;
  const others = candidates.slice(1).filter((c) => c.value !== first.value);
  const label = f.concept!.label;
  const severity = tail ? 'warning' : f.otherPeriod ? 'warning' : f.concept!.severity;
  return {
    rule: tail ? ROUNDING : 'narrative-vs-table',
    severity,
    cell: f.cell,
    related: candidates.map((c) => c.ref),
    expected: first.value,
    actual: stated,
    factor: first.factor,
    message: `情况说明“${squash(p.heading)}”：${label} ${f.token.text} 与 ${first.label} ${fmtUnit(first.value, first.factor)} 不一致${tail ? '（在所列精度的一位之内，尾差）' : ''}${others.length ? `（${others.map((o) => `${o.label} ${fmtUnit(o.value, o.factor)}`).join('，')}）` : ''}${f.otherPeriod && !tail ? '（句中年份或“上年”字样非本预算年度，请核实所指年度）' : ''}`,
    page: p.page,
    paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
    terms: tail ? undefined : [
      { ref: f.cell, value: stated, coef: 1, factor: first.factor, label: `情况说明 ${label}` },
      { ref: first.ref, value: first.value, coef: -1, factor: first.factor, label: first.label },
    ],
    diff: tail ? undefined : stated - first.value,
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
  title: '情况说明中的金额与表中数一致（元、万元换算）',
  reads: '情况说明各段的金额及其前面的词语（含类/款/项科目）；各标准表、政府采购预算表、固定资产占用情况表的对应格',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      for (const f of p.facts) {
        if (f.token.kind !== 'amount' || f.change !== null || !f.concept || f.previous) continue;
        if (f.concept.id === 'assetsPurchase') {
          // Procurement lines are in the table's unit (万元 in the layouts that print them).
          const stated = Math.round(statedFen(f.token) / 10_000);
          const r = purchaseReachable(ctx, stated);
          if (r && !r.reachable) {
            out.push({
              rule: 'narrative-vs-table', severity: 'warning', cell: f.cell, related: r.refs, expected: null, actual: stated * 10_000, factor: 10_000,
              message: `情况说明“${squash(p.heading)}”：拟购置固定资产 ${f.token.text} 无法由政府采购预算中的任何项目组合得到（采购合计 ${(r.total / 100).toFixed(2)}）`,
              page: p.page, paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, f.token) },
            });
          }
          continue;
        }
        // 基本支出 lines are named where the narrative speaks of 机关运行经费 or 公用经费, not in project texts.
        if (f.concept.id.startsWith('line:') && !/机关运行经费|公用经费|基本支出|商品和服务支出/.test(p.text)) continue;
        const candidates = conceptTargets(ctx, f.concept.id);
        if (candidates.length === 0) continue;
        const verdicts = candidates.map((c) => agreement(f.token, c.value, c.step));
        if (verdicts.includes('same')) continue;
        const tail = verdicts.indexOf('tail');
        const ordered = tail >= 0 ? [candidates[tail]!, ...candidates.filter((_, i) => i !== tail)] : candidates;
        out.push(contradiction(p, f, ordered, tail >= 0));
      }
    }
    return out;
  },
};
