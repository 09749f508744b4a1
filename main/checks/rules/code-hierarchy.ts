// code-hierarchy — a 科目编码 of the wrong length, a 款/项 printed without its 类/款 row, a row listed
// under a parent whose code it does not extend, a 经济分类 code in a 功能分类 table or the reverse.
import { codeTree, LEVEL_LENGTHS } from '../lib/codes.js';
import { squash } from '../lib/labels.js';
import type { TableView } from '../lib/table-view.js';
import type { Draft, Rule } from '../types.js';

const LEVEL_WORD = ['类', '款', '项'];

function hierarchy(v: TableView): Draft[] {
  const tree = codeTree(v);
  const out: Draft[] = [];
  const at = (r: number, message: string, severity: 'error' | 'warning', related = [] as Draft['related']): Draft => ({
    rule: 'code-hierarchy', severity, cell: v.ref(r, 1), related, expected: null, actual: null, message, page: v.page(r, 1),
  });
  const lengths = LEVEL_LENGTHS[tree.kind].join('/');
  for (const m of tree.malformed) {
    out.push(at(m.r, `${v.name} 第${v.rowId(m.r)}行 科目编码“${m.code}”不是 ${lengths} 位的${tree.kind === 'economic' ? '经济分类' : '功能分类'}科目编码`, 'warning'));
  }
  // A table that prints its 类/款 rows at all must print every one of them.
  const usesHierarchy = tree.rows.some((r) => r.parent !== null);
  const reported = new Set<string>();
  for (const row of tree.rows) {
    if (row.level === 0) {
      const first = row.code[0];
      if ((tree.kind === 'economic' && first !== '3' && first !== '5') || (tree.kind === 'function' && first !== '2')) {
        out.push(at(row.r, `${v.name} ${row.code} ${row.name}：${tree.kind === 'economic' ? '经济分类表中出现非经济分类科目' : '功能分类表中出现非功能分类科目'}`, 'warning'));
      }
      continue;
    }
    const expectedParent = row.code.slice(0, LEVEL_LENGTHS[tree.kind][row.level - 1]);
    if (usesHierarchy && (!row.parent || row.parent.level !== row.level - 1) && !reported.has(expectedParent)) {
      reported.add(expectedParent);
      out.push(at(row.r, `${v.name} ${row.code} ${row.name}：缺少上级${LEVEL_WORD[row.level - 1]}级科目 ${expectedParent} 行`, 'warning',
        row.parent ? [v.ref(row.parent.r, 1)] : []));
    }
  }
  // A 类/款 printed without any row under it, where the table lists that level elsewhere.
  const levels = new Set(tree.rows.map((r) => r.level));
  for (const row of tree.rows) {
    if (row.nearest.length > 0 || !levels.has(row.level + 1)) continue;
    out.push(at(row.r, `${v.name} ${row.code} ${row.name}：没有下级${LEVEL_WORD[row.level + 1]}级科目行`, 'warning'));
  }
  // Listing order: a row must sit under the nearest preceding row it extends.
  let prev: (typeof tree.rows)[number] | null = null;
  for (const row of tree.rows) {
    if (prev && row.level > prev.level && !row.code.startsWith(prev.code) && row.parent && row.parent !== prev) {
      out.push(at(row.r, `${v.name} ${row.code} ${row.name} 排在 ${prev.code} ${squash(prev.name)} 之下，但不属于该科目`, 'warning', [v.ref(prev.r, 1)]));
    }
    prev = row;
  }
  return out;
}

export const codeHierarchy: Rule = {
  id: 'code-hierarchy',
  title: '科目层级：编码位数、上级科目行、排列位置',
  reads: 't2、t3、t5、t6、t7、t8 的科目编码栏',
  run: (ctx) => ['t2', 't3', 't5', 't6', 't7', 't8'].flatMap((k) => {
    const v = ctx.table(k);
    return v ? hierarchy(v) : [];
  }),
};
