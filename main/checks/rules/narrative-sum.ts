// narrative-sum — parts the 情况说明 lists that do not add up to the whole it states: 基本支出 + 项目支出
// = 支出预算; 人员经费 + 公用经费 = 基本支出; 三公 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运维; and the
// same for 比上年增减 (基本支出 change + 项目支出 change = total change).
import { fmtIn, isTailOf, unitFactor } from '../lib/amounts.js';
import { ROUNDING } from '../lib/identity.js';
import { squash } from '../lib/labels.js';
import { narrativeCell, quoteOf, type Fact, type NarrativeParagraph } from '../lib/narrative/index.js';
import type { Token } from '../lib/narrative/text.js';
import { centStep, statedFen } from '../lib/narrative/values.js';
import type { Draft, Rule } from '../types.js';

/** Whole concepts → the parts that make them up (every required part must be stated). */
const GROUPS: { whole: string[]; parts: string[]; optional?: string[]; name: string }[] = [
  { whole: ['totalExpense', 'totalBoth', 'gpbExpense', 'fiscalExpense'], parts: ['basic', 'project'], name: '基本支出与项目支出之和' },
  { whole: ['basic'], parts: ['personnel', 'publicUse'], name: '人员经费与公用经费之和' },
  { whole: ['sangong'], parts: ['abroad', 'carTotal', 'reception'], optional: ['meeting', 'training'], name: '“三公”经费各项之和' },
  { whole: ['carTotal'], parts: ['carBuy', 'carRun'], name: '公务用车购置费与运行维护费之和' },
  { whole: ['procurement'], parts: ['procurementGoods', 'procurementServices'], optional: ['procurementWorks'], name: '货物、工程、服务采购之和' },
];

/** Amounts in messages: 万元 with two decimals (the narrative's own unit). */
const fmt = (fen: number): string => fmtIn(fen, 10_000);

function sums(p: NarrativeParagraph, changes: boolean): Draft[] {
  const out: Draft[] = [];
  const facts = p.facts.filter((f) => f.token.kind === 'amount' && f.concept && (f.change !== null) === changes);
  for (const g of GROUPS) {
    facts.forEach((whole, i) => {
      if (!g.whole.includes(whole.concept!.id)) return;
      // Parts after the whole, up to the next statement of the same whole.
      const found = new Map<string, Fact>();
      for (const f of facts.slice(i + 1)) {
        if (g.whole.includes(f.concept!.id)) break;
        const id = f.concept!.id;
        if ((g.parts.includes(id) || g.optional?.includes(id)) && !found.has(id)) found.set(id, f);
      }
      const value = (f: Fact): number => statedFen(f.token) * (f.change ?? 1);
      if (!g.parts.every((id) => found.has(id))) {
        // Only some parts of a change named ("减少 2 万元（其中公务接待费减少 2 万元）"): none can exceed it.
        if (!changes) return;
        for (const part of found.values()) {
          const w = value(whole);
          const x = value(part);
          if (Math.sign(w) !== Math.sign(x) || Math.abs(x) <= Math.abs(w)) continue;
          out.push({
            rule: 'narrative-sum', severity: 'warning', cell: part.cell, related: [whole.cell], expected: w, actual: x, factor: unitFactor(part.token.unit),
            message: `情况说明“${squash(p.heading)}”：其中${part.concept!.label}比上年增减 ${fmt(x)} 超过${whole.concept!.label}比上年增减 ${fmt(w)}`,
            page: p.page, paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, part.token) },
          });
        }
        return;
      }
      const parts = [...found.values()];
      const partsSum = parts.reduce((a, f) => a + value(f), 0);
      const diff = value(whole) - partsSum;
      if (diff === 0) return;
      const word = changes ? '比上年增减' : '';
      const tail = isTailOf(diff, [whole, ...parts].map((f) => centStep(f.token)));
      out.push({
        rule: tail ? ROUNDING : 'narrative-sum',
        severity: tail ? 'warning' : 'error',
        cell: whole.cell,
        related: parts.map((f) => f.cell),
        expected: partsSum,
        actual: value(whole),
        factor: unitFactor(whole.token.unit),
        message: `情况说明“${squash(p.heading)}”：${whole.concept!.label}${word} ${fmt(value(whole))} ≠ ${g.name}${word ? `（${word}）` : ''} ${fmt(partsSum)}（${parts.map((f) => `${f.concept!.label} ${fmt(value(f))}`).join('，')}；差 ${fmt(Math.abs(diff))}）`,
        page: p.page,
        paragraph: { heading: p.heading, index: p.index, quote: quoteOf(p, whole.token) },
        terms: [
          { ref: whole.cell, value: value(whole), coef: 1, label: `情况说明 ${whole.concept!.label}` },
          ...parts.map((f) => ({ ref: f.cell, value: value(f), coef: -1 as const, label: `情况说明 ${f.concept!.label}` })),
        ],
        diff,
      });
    });
  }
  return out;
}

/**
 * A sentence that lists what a stated amount is made of, closing with 其他… and no 等 ("机关运行经费
 * 244.47 万元，包括办公费 89 万元、…及其他费用 27.47 万元。"): the listed amounts add up to it.
 */
function listSums(p: NarrativeParagraph): Draft[] {
  const out: Draft[] = [];
  p.sentences.forEach((s, si) => {
    const amounts = p.tokens.filter((t) => t.sentence === si && t.kind === 'amount' && !t.bound);
    const whole = p.facts.find((f) => f.token.sentence === si && f.token.kind === 'amount' && f.concept && f.change === null);
    if (!whole) return;
    const parts = amounts.filter((t) => t.start > whole.token.start);
    if (parts.length < 2) return;
    if (!/包括|其中|分别为|分别是|主要是|主要用于/.test(p.text.slice(whole.token.end, parts[0]!.start))) return;
    const last = parts[parts.length - 1]!;
    const beforeLast = p.text.slice(parts[parts.length - 2]!.end, last.start);
    if (!/其他|其它/.test(beforeLast) || /等/.test(p.text.slice(last.end, s.end))) return;
    if (parts.some((t) => p.facts.some((f) => f.token === t && f.change !== null))) return;
    const cents = (t: Token): number => statedFen(t);
    const partsSum = parts.reduce((a, t) => a + cents(t), 0);
    const diff = cents(whole.token) - partsSum;
    if (diff === 0) return;
    const cellOf = (t: Token) => narrativeCell(p.heading, p.index, t.ordinal);
    const tail = isTailOf(diff, [whole.token, ...parts].map(centStep));
    out.push({
      rule: tail ? ROUNDING : 'narrative-sum',
      severity: tail ? 'warning' : 'error',
      cell: whole.cell,
      related: parts.map(cellOf),
      expected: partsSum,
      actual: cents(whole.token),
      factor: unitFactor(whole.token.unit),
      message: `情况说明“${squash(p.heading)}”：${whole.concept!.label} ${fmt(cents(whole.token))} ≠ 所列各项之和 ${fmt(partsSum)}（差 ${fmt(Math.abs(diff))}）`,
      page: p.page,
      paragraph: { heading: p.heading, index: p.index, quote: s.text.trim() },
      terms: [
        { ref: whole.cell, value: cents(whole.token), coef: 1, label: `情况说明 ${whole.concept!.label}` },
        ...parts.map((t) => ({ ref: cellOf(t), value: cents(t), coef: -1 as const, label: `情况说明 ${t.text}` })),
      ],
      diff,
    });
  });
  return out;
}

export const narrativeSum: Rule = {
  id: 'narrative-sum',
  title: '情况说明中列出的各部分之和等于所述总数（含比上年增减）',
  reads: '情况说明同一段中的总数与其中各部分金额',
  run: (ctx) => ctx.narrative.paragraphs.flatMap((p) => [...sums(p, false), ...sums(p, true), ...listSums(p)]),
};
