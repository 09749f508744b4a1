// organisation-name — the organisation and its 部门/单位 wording the same on the cover, the headers and in
// the body: a title or a 预算主管部门/预算单位/编制部门 line naming another organisation than the document's;
// a 单位 disclosure that calls itself 部门 ("本部门", "部门预算编制说明").
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

/** Names compare without the party/region prefixes a title may drop (中共, 上海市, 江苏省 …). */
const core = (name: string): string => squash(name).replace(/^(中共|中国共产党)/, '').replace(/^(?:[\u4e00-\u9fa5]{2,3}(?:省|市|自治区))?(?:[\u4e00-\u9fa5]{1,3}(?:区|县|市))?/, '');

const same = (a: string, b: string): boolean => {
  const x = core(a);
  const y = core(b);
  return !!x && !!y && (x.includes(y) || y.includes(x) || squash(a).includes(squash(b)) || squash(b).includes(squash(a)));
};

/** A title names a place ("上海市普陀区2025年区级部门预算") or a part ("第三部分…") rather than an organisation. */
const isOrganisation = (name: string): boolean =>
  !/第[一二三四五六七八九十]+部分/.test(name) && !/^(?:[\u4e00-\u9fa5]{2,3}(?:省|市|自治区))?(?:[\u4e00-\u9fa5]{1,3}(?:区|县|市))?$/.test(name);

const TITLE = /^(.{4,40}?)(?:19|20)\d{2}\s*年度?(?:区级|市级|省级|县级)?(?:部门|单位)(?:预算|决算)/;
const LINE = /^(?:预算主管部门|预算单位|编制部门|编制单位|部门名称|单位名称)[:：]\s*(.{2,40})$/;
const SELF_DEPT = /本部门|(?:\d{4}年)?部门预算(?:编制说明|安排|情况)/;

export const organisationName: Rule = {
  id: 'organisation-name',
  title: '单位名称与“部门/单位”表述在封面、表头和正文中一致',
  reads: '情况说明标题、“预算主管部门/预算单位”行、正文中的“本部门/部门预算”',
  run: (ctx) => {
    const out: Draft[] = [];
    const dept = ctx.doc.department;
    const at = (heading: string, index: number | null, message: string, quote: string, page: number | null): Draft => ({
      rule: 'organisation-name', severity: 'warning', cell: { table: 'narrative', row: heading, column: index === null ? null : String(index) }, related: [],
      expected: null, actual: null, message, page, paragraph: { heading, index: index ?? 0, quote },
    });
    for (const s of ctx.doc.narrative ?? []) {
      const lines = [s.heading, ...s.paragraphs];
      lines.forEach((raw, i) => {
        const text = squash(raw);
        const index = i === 0 ? null : i - 1;
        // Title lines only: short, no sentence punctuation (a sentence may name another body's 预算 批复).
        if (text.length > 60 || /[。，；《]/.test(text)) return;
        const name = TITLE.exec(text)?.[1] ?? LINE.exec(text)?.[1];
        if (dept && name && isOrganisation(name) && !same(name, dept)) {
          out.push(at(s.heading, index, `“${raw.trim()}”所写单位与本文件的${ctx.doc.scope}“${dept}”不一致`, raw.trim(), s.pages?.[Math.max(0, index ?? 0)] ?? null));
        }
      });
      // A 单位 disclosure speaks of itself as 单位 (名词解释 and 职能 describe others, and 部门预算经济分类 is a name).
      if (ctx.doc.scope !== '单位' || /名词解释|职能|机构设置|目录/.test(s.heading)) continue;
      s.paragraphs.forEach((raw, index) => {
        const m = SELF_DEPT.exec(raw.replace(/部门预算经济分类/g, ''));
        if (!m) return;
        const quote = raw.slice(Math.max(0, raw.indexOf(m[0]) - 16), raw.indexOf(m[0]) + m[0].length + 16).trim();
        out.push(at(s.heading, index, `单位预算信息公开中写作“${m[0]}”，应为单位`, quote, s.pages?.[index] ?? null));
      });
    }
    return out;
  },
};
