// empty-note — a note saying a table is empty (…空表列示) under a table that has figures, or an empty
// table printed without such a note.
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

/** "注：无政府基金预算财政拨款预算，空表列示。" — but not the conditional "如无数据，空表列示". */
export function saysEmpty(note: string | null | undefined): boolean {
  const n = squash(note);
  if (!/空表|本表无数据|无数据|此表为空/.test(n)) return false;
  return n.split(/[。\n]/).some((s) => /空表|无数据|此表为空/.test(s) && !/如无|若无|如果没有|没有的/.test(s));
}

/** What a note about each table names; a note naming another table's subject was misplaced by the layout. */
const SUBJECTS: Record<string, RegExp> = {
  t5: /一般公共预算/, t6: /基本支出/, t7: /基金/, t8: /国有资本/, t9: /三公/,
};

export function noteBelongsElsewhere(key: string, note: string | null | undefined): boolean {
  const n = squash(note);
  const own = SUBJECTS[key];
  if (own?.test(n)) return false;
  return Object.entries(SUBJECTS).some(([k, re]) => k !== key && re.test(n));
}

const finding = (table: string, message: string, severity: Draft['severity']): Draft => ({
  rule: 'empty-note', severity, cell: { table, row: null, column: null }, related: [], expected: null, actual: null, message,
});

export const emptyNote: Rule = {
  id: 'empty-note',
  title: '空表说明与表内数据一致',
  reads: '各表的表下注释与金额栏',
  run: (ctx) => {
    const out: Draft[] = [];
    for (const t of ctx.doc.tables ?? []) {
      const v = ctx.table(t.key);
      if (!v || v.table !== t) continue;
      const empty = v.isEmpty();
      if (saysEmpty(t.note) && !empty && !noteBelongsElsewhere(t.key, t.note)) out.push(finding(t.key, `${t.title} 注明“${squash(t.note)}”，但表内有金额`, 'error'));
      else if (empty && !saysEmpty(t.note) && !['t1', 't2', 't3', 't4'].includes(t.key)) {
        out.push(finding(t.key, `${t.title} 无数据，但未注明空表（如“无…预算，空表列示”）`, 'warning'));
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
