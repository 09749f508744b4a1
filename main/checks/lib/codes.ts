// The 科目编码 rows of a table as a tree: 合计, then 类 (3 digits), 款 (5), 项 (7; 功能分类 only).
// Parents are found by code prefix, never by row position.
import type { TableView } from './table-view.js';
import { squash } from './labels.js';

export type CodeKind = 'function' | 'economic';

export interface CodeRow {
  /** Row index in the table. */
  r: number;
  code: string;
  name: string;
  /** 0 类, 1 款, 2 项. */
  level: number;
  /** Nearest row above it in the hierarchy that is present (may skip a missing level). */
  parent: CodeRow | null;
  /** Rows exactly one level below with this code as prefix. */
  children: CodeRow[];
  /** Every present row below it whose nearest present ancestor is this row. */
  nearest: CodeRow[];
}

export interface CodeTree {
  kind: CodeKind;
  totalRow: number | null;
  rows: CodeRow[];
  byCode: Map<string, CodeRow>;
  /** Rows whose code cell is not a code of a valid length for this kind. */
  malformed: { r: number; code: string }[];
}

export const LEVEL_LENGTHS: Record<CodeKind, number[]> = { function: [3, 5, 7], economic: [3, 5] };

export const codeKindOf = (key: string): CodeKind => (key === 't6' ? 'economic' : 'function');

const TOTAL = /^(合计|总计|本年合计|支出合计|收入合计)$/;

const treeCache = new WeakMap<TableView, CodeTree>();

export function codeTree(view: TableView): CodeTree {
  const hit = treeCache.get(view);
  if (hit) return hit;
  const kind = codeKindOf(view.key);
  const lengths = LEVEL_LENGTHS[kind];
  const rows: CodeRow[] = [];
  const malformed: { r: number; code: string }[] = [];
  let totalRow: number | null = null;
  // Some generators print 款/项 as their last two digits under the parent: rebuild the full code.
  const context: string[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    let code = squash(view.text(r, 1));
    const name = squash(view.text(r, 2));
    if (code === '') {
      if (totalRow === null && TOTAL.test(name)) totalRow = r;
      continue;
    }
    if (!/^\d+$/.test(code)) {
      if (totalRow === null && TOTAL.test(code + name)) totalRow = r;
      else malformed.push({ r, code });
      continue;
    }
    if (code.length === 2 && context.length > 0) {
      const parent = [...context].reverse().find((c) => lengths.includes(c.length + 2));
      if (parent) code = parent + code;
    }
    const level = lengths.indexOf(code.length);
    if (level < 0) {
      malformed.push({ r, code });
      continue;
    }
    context.length = level;
    context[level] = code;
    rows.push({ r, code, name, level, parent: null, children: [], nearest: [] });
  }
  const byCode = new Map<string, CodeRow>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row);
  for (const row of rows) {
    for (let l = row.level - 1; l >= 0; l--) {
      const p = byCode.get(row.code.slice(0, lengths[l]));
      if (p && p !== row) {
        row.parent = p;
        p.nearest.push(row);
        if (l === row.level - 1) p.children.push(row);
        break;
      }
    }
  }
  const tree = { kind, totalRow, rows, byCode, malformed };
  treeCache.set(view, tree);
  return tree;
}

/** The 类 rows (level 0) — what the 合计 row sums. */
export const topRows = (tree: CodeTree): CodeRow[] => tree.rows.filter((r) => r.level === 0);

/** Rows with no present ancestor (a 款 whose 类 is missing counts here too). */
export const rootRows = (tree: CodeTree): CodeRow[] => tree.rows.filter((r) => r.parent === null);
