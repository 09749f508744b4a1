// The 科目编码 rows of a code panel as a tree: 合计, then 类 (3 digits), 款 (+2), 项 (+2; 功能分类 only).
// Codes come from the semantic entries (joined from split 类/款/项 columns, parts left blank completed from
// the rows above). Parents are found by code prefix, never by row position. A code printed with a part of
// the wrong length (a 类 printed "7", a 款 printed "2") is kept in the tree under the code its neighbours
// give it, and listed as misprinted.
import type { Entry } from '../../model/semantics/index.js';
import { squash } from './labels.js';
import type { TableView } from './view.js';

export type CodeKind = 'function' | 'economic';

export interface CodeRow {
  r: number;
  /** The full code (repaired where a part was misprinted). */
  code: string;
  /** The code as printed, parts joined ("71102"). */
  printed: string;
  name: string;
  /** 0 类, 1 款, 2 项. */
  level: number;
  parent: CodeRow | null;
  /** Rows exactly one level below with this code as prefix. */
  children: CodeRow[];
  /** Every present row below it whose nearest present ancestor is this row. */
  nearest: CodeRow[];
  /** Printed parts (split columns) or the joined code, for messages. */
  parts: string[];
}

export interface Misprint {
  r: number;
  printed: string;
  /** What the wrong part should read (from its neighbours), or null when it cannot be told. */
  meant: string | null;
  /** 0-based index of the wrong part (split columns), or null for a joined code. */
  part: number | null;
  why: string;
}

export interface CodeTree {
  kind: CodeKind;
  panel: number;
  totalRow: number | null;
  rows: CodeRow[];
  byCode: Map<string, CodeRow>;
  misprints: Misprint[];
  /** Code columns of the panel (split parts or one joined column). */
  codeColumns: number[];
  nameColumn: number | null;
}

export const LEVEL_LENGTHS: Record<CodeKind, number[]> = { function: [3, 5, 7], economic: [3, 5] };
const PART_LENGTHS = [3, 2, 2];
export const LEVEL_WORD = ['类', '款', '项'];

/** 经济分类 in t6/d6 (and any panel whose codes start with 3 or 5), 功能分类 otherwise. */
function kindOf(view: TableView, entries: Entry[]): CodeKind {
  if (view.key === 't6' || view.key === 'd6') return 'economic';
  const first = entries.find((e) => e.code && e.code.length >= 3)?.code ?? '';
  return /^[35]/.test(first) ? 'economic' : 'function';
}

const TOTAL = /^(合计|总计|本年合计|支出合计|收入合计|人员经费合计|公用经费合计)$/;

const cache = new WeakMap<TableView, Map<number, CodeTree>>();

export function codeTree(view: TableView, panel = 0): CodeTree {
  let byPanel = cache.get(view);
  if (!byPanel) cache.set(view, (byPanel = new Map()));
  const hit = byPanel.get(panel);
  if (hit) return hit;
  const p = view.panels[panel];
  const entries = view.entriesOf(panel);
  const kind = kindOf(view, entries);
  const lengths = LEVEL_LENGTHS[kind];
  const codeColumns = p?.codes ?? [];
  const nameColumn = p?.labels.find((c) => !codeColumns.includes(c) && view.columns[c]?.role === 'name') ?? p?.labels.find((c) => !codeColumns.includes(c)) ?? null;
  const split = codeColumns.length > 1;
  const rows: CodeRow[] = [];
  const misprints: Misprint[] = [];
  let totalRow: number | null = null;
  const context: string[] = [];
  for (const e of entries) {
    if (!e.code) {
      if (totalRow === null && (e.isTotal || TOTAL.test(squash(e.label)))) totalRow = e.row;
      continue;
    }
    const name = squash(e.label);
    let code: string | null;
    let parts: string[];
    if (split) {
      parts = codeColumns.map((c) => squash(view.text(e.row, c)));
      code = splitCode(parts, context, lengths, e, misprints);
    } else {
      parts = [e.code];
      code = joinedCode(e.code, context, lengths, e, misprints);
    }
    if (code === null) continue;
    const level = lengths.indexOf(code.length);
    context.length = level;
    context[level] = code;
    rows.push({ r: e.row, code, printed: e.code, name, level, parent: null, children: [], nearest: [], parts });
  }
  const byCode = new Map<string, CodeRow>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row);
  for (const row of rows) {
    for (let l = row.level - 1; l >= 0; l--) {
      const parent = byCode.get(row.code.slice(0, lengths[l]));
      if (parent && parent !== row) {
        row.parent = parent;
        parent.nearest.push(row);
        if (l === row.level - 1) parent.children.push(row);
        break;
      }
    }
  }
  const tree: CodeTree = { kind, panel, totalRow, rows, byCode, misprints, codeColumns, nameColumn };
  byPanel.set(panel, tree);
  return tree;
}

/** A code printed over 类/款/项 columns; a part of the wrong length is repaired from the rows above. */
function splitCode(parts: string[], context: string[], lengths: number[], e: Entry, misprints: Misprint[]): string | null {
  const last = parts.reduce((k, t, i) => (t ? i : k), -1);
  if (last < 0 || last >= lengths.length) return misprintNull(misprints, e, parts, null, '科目编码栏数多于该分类的层级');
  let code = '';
  for (let i = 0; i <= last; i++) {
    const t = parts[i]!;
    const want = PART_LENGTHS[i]!;
    if (t === '') {
      if (!context[i]) return misprintNull(misprints, e, parts, i, `${LEVEL_WORD[i]}级编码空缺`);
      code = context[i]!;
      continue;
    }
    if (!/^\d+$/.test(t)) return misprintNull(misprints, e, parts, i, `${LEVEL_WORD[i]}级编码“${t}”不是数字`);
    if (t.length === want) {
      code += t;
      continue;
    }
    // 款/项 printed without its leading zero ("2" for "02"), or a 类 misprinted ("7" for "210") on a row
    // whose 款 is the one of the rows above: the neighbours tell what was meant.
    let meant: string | null = null;
    if (i > 0 && t.length < want) meant = t.padStart(want, '0');
    else if (i === 0 && context[0] && context[1] && parts[1] && context[1].slice(-2) === parts[1]) meant = context[0];
    misprints.push({ r: e.row, printed: parts.join(''), meant, part: i, why: `${LEVEL_WORD[i]}级编码“${t}”应为 ${want} 位数字` });
    if (!meant) return null;
    code += meant;
  }
  return code;
}

function misprintNull(misprints: Misprint[], e: Entry, parts: string[], i: number | null, why: string): null {
  misprints.push({ r: e.row, printed: parts.join(''), meant: null, part: i, why });
  return null;
}

/** A code printed in one column; 款/项 printed as their last two digits under the parent are completed. */
function joinedCode(printed: string, context: string[], lengths: number[], e: Entry, misprints: Misprint[]): string | null {
  let code = printed;
  if (code.length === 2 && context.length > 0) {
    const parent = [...context].reverse().find((c) => c && lengths.includes(c.length + 2));
    if (parent) code = parent + code;
  }
  if (!lengths.includes(code.length)) {
    misprints.push({ r: e.row, printed, meant: null, part: null, why: `科目编码“${printed}”不是 ${lengths.join('/')} 位` });
    return null;
  }
  return code;
}

/** The 类 rows (level 0) — what the 合计 row sums. */
export const topRows = (tree: CodeTree): CodeRow[] => tree.rows.filter((r) => r.level === 0);

/** Every code panel of a table (a 基本支出决算表 prints two side by side). */
export const codePanels = (view: TableView): number[] => view.panels.filter((p) => p.kind === 'code').map((p) => p.index);
