// narrative-direction — the words of a change against its numbers: 增加/减少 said of two stated levels that
// move the other way, 持平 said of levels that differ, an increase larger than this year's whole amount (a
// 0 万元 budget "比上年增加 1421.25 万元"); and the reason given for it: "主要原因是。" with nothing after it,
// or a reason that speaks only of increases for a decrease (or the reverse).
import { squash } from '../lib/labels.js';
import { DECREASE } from '../lib/narrative/concepts.js';
import { quoteOf, statedLevels, type NarrativeParagraph } from '../lib/narrative/index.js';
import { statedFen } from '../lib/narrative/values.js';
import type { Draft, Rule } from '../types.js';

const UP = /增加|增长|新增|提高|上升|调增|增设|增人|增资|加大/;
const DOWN = /减少|下降|压减|调减|缩减|降低|节约|下调|取消|去世|退休|减/;
const FLAT = /持平|保持不变|无变化|一致|不变/;

function draft(p: NarrativeParagraph, column: string, severity: Draft['severity'], message: string, quote: string, related: Draft['related'] = []): Draft {
  return {
    rule: 'narrative-direction', severity, cell: { table: 'narrative', row: p.heading, column }, related, expected: null, actual: null,
    message: `情况说明“${squash(p.heading)}”：${message}`, page: p.page, paragraph: { heading: p.heading, index: p.index, quote },
  };
}

/** The reasons of a paragraph: "主要原因是…" up to the end of its sentence, with the change said before it. */
function reasons(p: NarrativeParagraph): { start: number; text: string; said: string; empty: boolean }[] {
  const out: { start: number; text: string; said: string; empty: boolean }[] = [];
  for (const m of p.text.matchAll(/主要原因(?:是|为|有)?[:：]?/g)) {
    const start = m.index!;
    const rest = p.text.slice(start + m[0].length);
    const end = rest.search(/[。；;\n]|其中[:：]/);
    const before = p.text.slice(Math.max(0, start - 60), start);
    // "主要原因是。" — nothing before the stop (a reason continued on the next line is not missing).
    out.push({ start, text: end < 0 ? rest : rest.slice(0, end), said: before, empty: /^\s*[。；;，,]/.test(rest) });
  }
  return out;
}

export const narrativeDirection: Rule = {
  id: 'narrative-direction',
  title: '增减表述与数字、原因一致',
  reads: '情况说明中的“增加/减少/持平”及其前后的金额、“主要原因是……”',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      // An increase larger than this year's whole: last year's would be below zero.
      for (const f of p.facts) {
        if (f.token.kind !== 'amount' || f.change !== 1 || !f.concept) continue;
        const level = [...p.facts.slice(0, p.facts.indexOf(f))].reverse().find((x) => x.token.kind === 'amount' && x.change === null && !x.previous && x.concept?.id === f.concept!.id && x.token.sentence === f.token.sentence);
        if (level && statedFen(f.token) > statedFen(level.token)) {
          out.push(draft(p, `${p.index}:${f.token.ordinal}`, 'error', `${f.concept.label} ${level.token.text}，却“比上年增加 ${f.token.text}”：增加额大于本年数，上年数将为负`, quoteOf(p, f.token), [level.cell]));
        }
      }
      // Two stated levels (last year's 执行数/预算数 and this year's) against the words said of them.
      for (const f of p.facts) {
        if (f.token.kind !== 'percent' || f.percent !== 'rate' || f.of) continue;
        const pair = statedLevels(p, f);
        if (!pair || f.change === null) continue;
        const { before, now } = pair;
        const d = statedFen(now.token) - statedFen(before.token);
        if (d !== 0 && Math.sign(d) !== f.change) {
          out.push(draft(p, `${p.index}:${f.token.ordinal}`, 'error', `由 ${before.token.text} 到 ${now.token.text} 是${d > 0 ? '增加' : '减少'}，文中说“${f.change > 0 ? '增加' : '减少'} ${f.token.text}”`, quoteOf(p, f.token), [before.cell, now.cell]));
        }
      }
      const flat = /(?:比|较|与)[^，。；]{0,16}?(?:持平|保持不变|无变化)/.exec(p.text);
      if (flat) {
        const sentence = p.sentences.find((s) => flat.index >= s.start && flat.index < s.end);
        const levels = p.facts.filter((x) => x.token.kind === 'amount' && x.change === null && sentence && x.token.sentence === p.sentences.indexOf(sentence));
        const before = levels.find((x) => x.previous);
        const now = levels.find((x) => !x.previous && !x.otherPeriod);
        if (before && now && statedFen(before.token) !== statedFen(now.token)) {
          out.push(draft(p, String(p.index), 'error', `由 ${before.token.text} 到 ${now.token.text} 并非持平`, sentence!.text.trim(), [before.cell, now.cell]));
        }
      }
      for (const r of reasons(p)) {
        const reason = r.text.replace(/[\s“”"]/g, '');
        if (!reason && !r.empty) continue;
        const quote = p.text.slice(Math.max(0, r.start - 40), r.start + r.text.length + 8).trim();
        if (r.empty) {
          out.push(draft(p, String(p.index), 'warning', '“主要原因是”之后未写原因', quote));
          continue;
        }
        // The change the reason explains: the last direction word before it.
        const said = [...r.said.matchAll(/增加|增长|减少|下降|持平/g)].pop()?.[0];
        if (!said || said === '持平') continue;
        const down = DECREASE.test(said);
        const up = UP.test(reason);
        const dn = DOWN.test(reason.replace(/增减/g, ''));
        if ((down && up && !dn) || (!down && dn && !up && !FLAT.test(reason))) {
          out.push(draft(p, String(p.index), 'warning', `说明为“${said}”，所述原因却是“${r.text.trim().slice(0, 30)}”`, quote));
        }
      }
    }
    return out;
  },
};
