// punctuation — slips an auditor marks: a doubled stop or comma (。。 ，，), and a full stop that cuts a
// sentence before its comparison ("公务接待费1.35万元。比2023年预算持平" — the clause after the stop has no
// subject). Line breaks are not punctuation: only marks printed side by side count.
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

const SLIPS: [RegExp, string][] = [
  [/。{2,}|，{2,}|,，|，,|；{2,}|、{2,}/, '重复的标点'],
  [/[，,][。]|[。][，,]/, '逗号与句号连用'],
  // "…1.35万元。比2022年预算持平": a clause of comparison needs the subject the stop cut off ("与上年相比，…"
  // opens a sentence of its own and is fine).
  [/[\d.]+\s*(?:万元|元|亿元)。\s*(?:(?:比|较)(?:上年|去年|上一年|(?:19|20)\d{2}\s*年)|与(?:上年|去年|(?:19|20)\d{2}\s*年)[^，。；]{0,8}?(?:持平|一致))/, '句中误用句号（“…万元。比/与…持平”）'],
];

export const punctuation: Rule = {
  id: 'punctuation',
  title: '标点：重复标点、句中误用句号',
  reads: '情况说明各段文字',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const s of ctx.doc.narrative ?? []) {
      s.paragraphs.forEach((text, index) => {
        // Leader dots of a table of contents, and figures like 1.5。 are not slips.
        if (/[.…·]{6,}/.test(text)) return;
        for (const [re, what] of SLIPS) {
          const m = re.exec(text);
          if (!m) continue;
          const quote = text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 16).trim();
          out.push({
            rule: 'punctuation', severity: 'warning', cell: { table: 'narrative', row: s.heading, column: String(index) }, related: [], expected: null, actual: null,
            message: `情况说明“${squash(s.heading)}”：${what}——“${quote}”`, page: s.pages?.[index] ?? null, paragraph: { heading: s.heading, index, quote },
          });
          break;
        }
      });
    }
    return out;
  },
};
