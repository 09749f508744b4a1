// code-hierarchy — a 款/项 printed without its 类/款 row, a row listed under a parent whose code it does not
// extend, a 类/款 with nothing under it where the table lists that level elsewhere, a 经济分类 code in a
// 功能分类 table or the reverse. (Misprinted codes: code-format.)
import { codePanels, codeTree, LEVEL_LENGTHS, LEVEL_WORD } from '../lib/codes.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

function hierarchy(v: TableView, panel: number): Draft[] {
  const tree = codeTree(v, panel);
  const codeCol = tree.codeColumns[0] ?? null;
  const out: Draft[] = [];
  const at = (r: number, message: string, related: Draft['related'] = []): Draft => ({
    rule: 'code-hierarchy', severity: 'warning', cell: v.ref(r, codeCol), related, expected: null, actual: null, message, page: v.page(r, codeCol),
  });
  const usesHierarchy = tree.rows.some((r) => r.parent !== null);
  const reported = new Set<string>();
  for (const row of tree.rows) {
    if (row.level === 0) {
      const first = row.code[0];
      if ((tree.kind === 'economic' && first !== '3' && first !== '5') || (tree.kind === 'function' && first !== '2')) {
        out.push(at(row.r, `${v.title} ${row.code} ${row.name}：${tree.kind === 'economic' ? '经济分类表中出现非经济分类科目' : '功能分类表中出现非功能分类科目'}`));
      }
      continue;
    }
    const expectedParent = row.code.slice(0, LEVEL_LENGTHS[tree.kind][row.level - 1]);
    if (usesHierarchy && (!row.parent || row.parent.level !== row.level - 1) && !reported.has(expectedParent)) {
      reported.add(expectedParent);
      out.push(at(row.r, `${v.title} ${row.code} ${row.name}：缺少上级${LEVEL_WORD[row.level - 1]}级科目 ${expectedParent} 行`, row.parent ? [v.ref(row.parent.r, codeCol)] : []));
    }
  }
  const levels = new Set(tree.rows.map((r) => r.level));
  for (const row of tree.rows) {
    if (row.nearest.length > 0 || !levels.has(row.level + 1)) continue;
    out.push(at(row.r, `${v.title} ${row.code} ${row.name}：没有下级${LEVEL_WORD[row.level + 1]}级科目行`));
  }
  let prev: (typeof tree.rows)[number] | null = null;
  for (const row of tree.rows) {
    if (prev && row.level > prev.level && !row.code.startsWith(prev.code) && row.parent && row.parent !== prev) {
      out.push(at(row.r, `${v.title} ${row.code} ${row.name} 排在 ${prev.code} ${prev.name} 之下，但不属于该科目`, [v.ref(prev.r, codeCol)]));
    }
    prev = row;
  }
  return out;
}

export const codeHierarchy: Rule = {
  id: 'code-hierarchy',
  title: '科目层级：上级科目行、下级科目行、排列位置',
  reads: '各表的科目编码栏',
  run: (ctx) => ctx.doc.tables.flatMap((t) => {
    const v = ctx.table(t.key);
    return v && v.table === t ? codePanels(v).flatMap((p) => hierarchy(v, p)) : [];
  }),
};
