// narrative-count — counts and areas the narrative breaks down that do not add up: "共有车辆7辆，其中：…用车0辆、
// …、其他用车7辆", "建筑面积13459平方米，其中地上8013平方米（其中计容7998平方米，不计容105平方米），地下5356平方
// 米". A breakdown is the same-unit figures after 其中 (or inside the parentheses right after the whole), at
// the same depth of parentheses. Parts that exceed the whole, or an exhaustive list (with 其他) that does
// not reach it, are errors; another shortfall may be a list of some parts only: a warning.
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

const QUANTITY = /(\d+(?:\.\d+)?)\s*(平方米|辆|台（套）|台\(套\)|台|套|个|人|名|家|项)/g;

interface Q {
  at: number;
  end: number;
  value: number;
  unit: string;
  depth: number;
  text: string;
}

function quantities(text: string): Q[] {
  const depthAt: number[] = [];
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') d++;
    depthAt.push(d);
    if ((ch === '）' || ch === ')') && d > 0) d--;
  }
  const out: Q[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    if (m.index! > 0 && /[\d.]/.test(text[m.index! - 1]!)) continue;
    out.push({ at: m.index!, end: m.index! + m[0].length, value: Number(m[1]), unit: m[2]!.replace(/[（(].*$/, ''), depth: depthAt[m.index!] ?? 0, text: m[0] });
  }
  return out;
}

/** The end of the list that starts at `from` at a parenthesis depth: the closing parenthesis, or the sentence end. */
function listEnd(text: string, from: number, depth: number): number {
  let d = depth;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') d++;
    else if (ch === '）' || ch === ')') {
      if (d === depth && depth > 0) return i;
      d--;
    } else if (d === depth && /[。；;]/.test(ch)) return i;
  }
  return text.length;
}

export const narrativeCount: Rule = {
  id: 'narrative-count',
  title: '说明中的数量与面积之和：“其中”所列各项之和等于总数',
  reads: '情况说明中以“其中”或括号分列的车辆数、设备台数、面积等',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const s of ctx.doc.narrative ?? []) {
      s.paragraphs.forEach((text, index) => {
        const qs = quantities(text);
        for (const whole of qs) {
          // 其中 right after the whole (a comma or a colon between), or a parenthesis opening right after it.
          const after = text.slice(whole.end, whole.end + 4);
          const opens = /^[（(]/.test(after) && !/^[（(]\s*[含以]/.test(after);
          const m = /^[，,、]?\s*其中[:：，,]?/.exec(after);
          if (!m && !opens) continue;
          const depth = opens ? whole.depth + 1 : whole.depth;
          const start = whole.end + (m ? m[0].length : 1);
          const end = listEnd(text, start, depth);
          const parts = qs.filter((q) => q.at >= start && q.at < end && q.depth === depth && q.unit === whole.unit);
          if (parts.length < 2) continue;
          const sum = parts.reduce((a, q) => a + q.value, 0);
          if (Math.abs(sum - whole.value) < 1e-6) continue;
          const listed = text.slice(start, end);
          const exhaustive = /其他|其它/.test(listed);
          const exceeds = sum > whole.value;
          const approx = /约\s*(?:为)?\s*$/.test(text.slice(Math.max(0, whole.at - 3), whole.at));
          const quote = text.slice(Math.max(0, whole.at - 16), Math.min(text.length, end + 1)).trim();
          out.push({
            rule: 'narrative-count', severity: (exceeds || exhaustive) && !approx ? 'error' : 'warning',
            cell: { table: 'narrative', row: s.heading, column: String(index) }, related: [], expected: null, actual: null,
            message: `情况说明“${squash(s.heading)}”：${whole.text} ≠ 其中各项之和 ${+sum.toFixed(2)}${whole.unit}（${parts.map((q) => q.text).join('+')}）`,
            page: s.pages?.[index] ?? null, paragraph: { heading: s.heading, index, quote },
          });
        }
      });
    }
    return out;
  },
};
