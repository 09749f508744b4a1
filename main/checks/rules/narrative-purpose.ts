// narrative-purpose — a 科目 described with another 科目's purpose: "住房保障支出（类）住房改革支出（款）住房公积金
// （项）。主要用于：事业单位医疗保险支出" (the sentence of the 医疗 item above it, copied). Only 科目 whose purpose is
// fixed by definition are judged (catalog/purposes.ts); a 主要用于 that names the 科目's own purpose, or none of
// the fixed purposes, is left alone.
import { PURPOSES, type Purpose } from '../catalog/purposes.js';
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

const ofCode = (code: string): Purpose[] => PURPOSES.filter((x) => x.codes.some((c) => code.startsWith(c)));

export const narrativePurpose: Rule = {
  id: 'narrative-purpose',
  title: '说明中科目的用途与科目相符（住房公积金不能“用于医疗保险”）',
  reads: '情况说明中以类/款/项列出的科目及其“主要用于…”',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const p of ctx.narrative.paragraphs) {
      p.items.forEach(({ mention, item }, i) => {
        if (!item) return;
        const own = ofCode(item.code);
        if (!own.length) return;
        const next = p.items[i + 1]?.mention.start ?? p.text.length;
        const m = /(?:主要)?用于[:：]?\s*([^。；;]+)/.exec(p.text.slice(mention.end, next));
        const use = m?.[1]?.trim();
        if (!use || own.some((x) => x.words.test(use))) return;
        const other = PURPOSES.find((x) => !own.includes(x) && x.words.test(use));
        if (!other) return;
        out.push({
          rule: 'narrative-purpose',
          severity: 'warning',
          cell: { table: 'narrative', row: item.code, column: String(p.index) },
          related: [],
          expected: null,
          actual: null,
          message: `情况说明“${squash(p.heading)}”：${item.code} ${item.label.split('/').pop()} 的用途写为“${use}”，这是${other.name}的用途，与该科目（${own.map((x) => x.name).join('、')}）不符`,
          page: p.page,
          paragraph: { heading: p.heading, index: p.index, quote: p.text.slice(mention.start, mention.end + m!.index + m![0].length).trim() },
        });
      });
    }
    return out;
  },
};
