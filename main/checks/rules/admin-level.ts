// admin-level — definitions copied from another level's template: a 区级 document whose 名词解释 speaks of
// "市级预算主管部门" or "与市级财政有经费领拨关系". The document's level is what its own title says
// ("上海市普陀区2024年区级部门预算").
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

const OWN = /(省|市|区|县)级(?:部门|单位)(?:预算|决算)/;
/** The phrases a definition uses to say whose money it speaks of. */
const DEFINITION = /(?:(省|市|区|县)级预算主管部门|与(省|市|区|县)级财政有经费领拨关系|使用(省|市|区|县)级财政拨款)/g;

export const adminLevel: Rule = {
  id: 'admin-level',
  title: '行政级次表述与本文件一致（区级文件不写“市级预算主管部门”）',
  reads: '文件标题中的级次（区级/市级…）；情况说明中的“X级预算主管部门”“X级财政”',
  run: (ctx) => {
    const sections = ctx.doc.narrative ?? [];
    const title = sections.slice(0, 4).flatMap((s) => [s.heading, ...s.paragraphs.slice(0, 2)]).map(squash).find((t) => OWN.test(t));
    const level = title ? OWN.exec(title)![1] : null;
    if (!level) return [];
    const out: Draft[] = [];
    for (const s of sections) {
      s.paragraphs.forEach((text, index) => {
        const other = [...text.matchAll(DEFINITION)].filter((m) => (m[1] ?? m[2] ?? m[3]) !== level);
        if (!other.length) return;
        const m = other[0]!;
        const quote = text.slice(Math.max(0, m.index! - 12), m.index! + m[0].length + 12).trim();
        out.push({
          rule: 'admin-level', severity: 'warning', cell: { table: 'narrative', row: s.heading, column: String(index) }, related: [], expected: null, actual: null,
          message: `情况说明“${squash(s.heading)}”：本文件为${level}级（“${title}”），此处却写“${m[0]}”——“${quote}”`,
          page: s.pages?.[index] ?? null, paragraph: { heading: s.heading, index, quote },
        });
      });
    }
    return out;
  },
};
