// placeholder — template leftovers a department forgot to fill in or delete: “（增加内容）”, “增加（减少）”,
// XX / ×× / 待填写 placeholders, and the template's own instruction kept under a table ("无…的，仍保留该表格式，
// 并在本表下方作下述说明"). Presentation defects: warnings. Leader dots of a table of contents are not
// placeholders.
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

const LEFTOVERS: [RegExp, string][] = [
  [/[（(]\s*增加内容\s*[)）]/, '模板提示“（增加内容）”'],
  [/(增加|增长)\s*[（(]\s*(减少|下降)\s*[)）]|[（(]\s*增加\s*[/／、]\s*减少\s*[)）]/, '模板选择项“增加（减少）”未作取舍'],
  [/[XＸ]{2,}|×{2,}|ｘ{2,}|(?<![A-Za-z])xxx(?![A-Za-z])/, '占位符“XX/××”'],
  [/待填写|待补充|请填写|此处填写|填写说明|\{[^{}]{1,12}\}/, '待填写的占位内容'],
  [/仍保留该表格式|在本表下方作下述说明|如无此项|如本(?:部门|单位)无/, '模板中的填表说明'],
];

function found(text: string): { what: string; at: number; len: number } | null {
  for (const [re, what] of LEFTOVERS) {
    const m = re.exec(text);
    if (m) return { what, at: m.index, len: m[0].length };
  }
  return null;
}

const excerpt = (text: string, at: number, len: number): string => text.slice(Math.max(0, at - 24), at + len + 24).trim();

export const placeholder: Rule = {
  id: 'placeholder',
  title: '模板残留：“（增加内容）”“增加（减少）”、XX/×× 占位符、填表说明',
  reads: '情况说明各标题与段落、各表标题与表下注释',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const s of ctx.doc.narrative ?? []) {
      const texts = [s.heading, ...s.paragraphs];
      texts.forEach((text, i) => {
        const hit = found(text);
        if (!hit) return;
        const index = i - 1;
        const quote = excerpt(text, hit.at, hit.len);
        out.push({
          rule: 'placeholder', severity: 'warning', cell: { table: 'narrative', row: s.heading, column: index < 0 ? null : String(index) }, related: [],
          expected: null, actual: null, message: `情况说明“${squash(s.heading)}”中留有${hit.what}：“${quote}”`,
          page: index < 0 ? (s.pages?.[0] ?? null) : (s.pages?.[index] ?? null), paragraph: { heading: s.heading, index: Math.max(0, index), quote },
        });
      });
    }
    for (const t of ctx.doc.tables ?? []) {
      for (const text of [t.title, t.note ?? '']) {
        const hit = found(text);
        if (!hit) continue;
        out.push({
          rule: 'placeholder', severity: 'warning', cell: { table: t.key, row: null, column: null }, related: [], expected: null, actual: null,
          message: `${squash(t.title)} 的${text === t.title ? '标题' : '表下注释'}中留有${hit.what}：“${excerpt(text, hit.at, hit.len)}”`, page: t.pages?.[0] ?? null,
        });
      }
    }
    return out;
  },
};
