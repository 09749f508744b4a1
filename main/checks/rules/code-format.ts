// code-format — a 科目编码 printed wrong: a code of the wrong length, a 类 part printed "7" where the rows
// around it are 210, a 款 printed "2" for "02". A lost leading zero is a warning; a part that names another
// (or no) 科目 is an error, because the row then belongs nowhere.
import { codePanels, codeTree } from '../lib/codes.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

function misprints(v: TableView, panel: number): Draft[] {
  const tree = codeTree(v, panel);
  return tree.misprints.map((m) => {
    const col = m.part !== null ? (tree.codeColumns[m.part] ?? tree.codeColumns[0]!) : (tree.codeColumns[0] ?? null);
    const zeroLost = m.meant !== null && m.part !== null && m.part > 0;
    const name = v.rowName(m.r, col);
    return {
      rule: 'code-format',
      severity: zeroLost || m.meant === null ? 'warning' : 'error',
      cell: v.ref(m.r, col),
      related: [],
      expected: null,
      actual: null,
      message: `${v.title} ${name}：${m.why}${m.meant ? `（按上下行应为“${m.meant}”）` : ''}`,
      page: v.page(m.r, col),
    } satisfies Draft;
  });
}

export const codeFormat: Rule = {
  id: 'code-format',
  title: '科目编码格式：位数、类/款/项各段的位数',
  reads: '各表的科目编码栏（类/款/项分栏或合并编码）',
  run: (ctx) => ctx.doc.tables.flatMap((t) => {
    const v = ctx.table(t.key);
    return v && v.table === t ? codePanels(v).flatMap((p) => misprints(v, p)) : [];
  }),
};
