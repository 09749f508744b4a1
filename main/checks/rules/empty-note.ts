// empty-note — a note saying a table is empty (…空表列示, 故本表为空表, 本表无数据) under a table that has
// figures; an empty table printed without such a note; an empty-table note that names another fund or
// table than its own (the 政府性基金 note copied under the 国有资本经营 table).
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

/** "注：无政府基金预算财政拨款预算，空表列示。" — but not the conditional "如无数据，空表列示". */
export function saysEmpty(note: string | null | undefined): boolean {
  if (!/空表|本表无数据|无数据|此表为空/.test(squash(note))) return false;
  // Sentence by sentence (a line break ends one too): a template's conditional instruction is not the note.
  return String(note ?? '').split(/[。\n]/).map(squash).some((s) => /空表|无数据|此表为空/.test(s) && !/如无|若无|如果没有|没有的|无.{0,30}的，/.test(s));
}

/** What a note about each table speaks of. */
const SUBJECT_WORDS: [RegExp, string][] = [
  [/一般公共预算/, '一般公共预算'], [/基本支出/, '基本支出'], [/政府性?基金/, '政府性基金预算'], [/国有资本/, '国有资本经营预算'], [/三公/, '“三公”经费'],
];
const SUBJECTS: Record<string, number> = { t5: 0, t6: 1, t7: 2, t8: 3, t9: 4, d5: 0, d6: 1, d7: 2, d8: 3, d9: 4 };

/** The subjects of other tables a note names while not naming its own table's. */
export function otherSubject(key: string, note: string | null | undefined): string | null {
  const n = squash(note);
  const own = SUBJECTS[key];
  if (own === undefined || SUBJECT_WORDS[own]![0].test(n)) return null;
  return SUBJECT_WORDS.find(([re], i) => i !== own && re.test(n))?.[1] ?? null;
}

const finding = (table: string, message: string, severity: Draft['severity']): Draft => ({
  rule: 'empty-note', severity, cell: { table, row: null, column: null }, related: [], expected: null, actual: null, message,
});

export const emptyNote: Rule = {
  id: 'empty-note',
  title: '空表说明与表内数据、表名一致',
  reads: '各表的表下注释与金额栏',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const t of ctx.doc.tables ?? []) {
      const v = ctx.table(t.key);
      if (!v || v.table !== t) continue;
      const empty = v.isEmpty();
      const note = squash(t.note);
      const other = otherSubject(t.key, t.note);
      if (saysEmpty(t.note) && !empty) {
        // A note about another table beside a full one was most likely misplaced by the layout: doubtful.
        out.push(finding(t.key, `${v.title} 注明“${note}”，但表内有金额`, other ? 'warning' : 'error'));
      } else if (saysEmpty(t.note) && other) {
        out.push(finding(t.key, `${v.title} 的空表说明“${note}”所说的是“${other}”，不是本表的资金`, 'warning'));
      } else if (empty && !saysEmpty(t.note) && !/^t[1-4]$|^d[1-4]$/.test(t.key)) {
        out.push(finding(t.key, `${v.title} 无数据，但未注明空表（如“无…预算，空表列示”）`, 'warning'));
      }
    }
    for (const v of ctx.extras) {
      const note = v.table.note;
      if (saysEmpty(note) && v.hasFigures()) {
        out.push({ ...finding(v.name, `${v.title} 注明“${squash(note).replace(/^.*?(注[:：][^注]*空表[^注]*)$/, '$1')}”，但表内有 ${v.rows.length} 行数据`, 'warning'), page: v.page(null, null) });
      }
    }
    for (const item of flattenedTables(ctx)) out.push(item);
    return out;
  },
};

/**
 * A table the reader could only keep as text lines (title line, cell lines, 注 line): a 空表 note after
 * lines that carry amounts is the same contradiction, named by the title line.
 */
function flattenedTables(ctx: Parameters<Rule['run']>[0]): Draft[] {
  const out: Draft[] = [];
  const known = new Set(ctx.extras.map((v) => squash(v.title)));
  for (const s of ctx.doc.narrative ?? []) {
    s.paragraphs.forEach((p, i) => {
      if (!/^注[:：]/.test(squash(p)) || !saysEmpty(p)) return;
      for (let k = i - 1; k >= 0; k--) {
        const title = squash(s.paragraphs[k]);
        if (title.length > 30 || !/(表|预算|情况)$/.test(title) || /[。，]/.test(title)) continue;
        if (known.has(title)) return;
        const cells = s.paragraphs.slice(k + 1, i).join(' ');
        if (/(^|[^\d.])\d+\.\d{1,2}(?![\d.])/.test(cells)) {
          out.push({ ...finding(`extra:${title}`, `${title} 注明“${squash(p)}”，但表内列有金额`, 'warning'), page: s.pages?.[i] ?? null });
        }
        return;
      }
    });
  }
  return out;
}
