// The standard tables as data: the names of the nine 预算 tables (t1–t9) and the nine 决算 tables (d1–d9), and
// the Hebei budget-system layout of t1–t9 (columns by 栏次, standard header) that layout's readers and export
// use. Which table a printed title names is decided by meaning in ./lexicon/titles.ts, for any layout.
import type { BudgetTableKey, DocKind, HeaderGrid, TableKey } from './types.js';

/** The standard name of each table, as an auditor calls it. */
export const TABLE_NAMES: Record<TableKey, string> = {
  t1: '收支总表',
  t2: '收入总表',
  t3: '支出总表',
  t4: '财政拨款收支总表',
  t5: '一般公共预算财政拨款支出表',
  t6: '一般公共预算财政拨款基本支出表',
  t7: '政府性基金预算财政拨款支出表',
  t8: '国有资本经营预算财政拨款支出表',
  t9: '财政拨款“三公”经费支出表',
  d1: '收入支出决算总表',
  d2: '收入决算表',
  d3: '支出决算表',
  d4: '财政拨款收入支出决算总表',
  d5: '一般公共预算财政拨款支出决算表',
  d6: '一般公共预算财政拨款基本支出决算表',
  d7: '政府性基金预算财政拨款收入支出决算表',
  d8: '国有资本经营预算财政拨款支出决算表',
  d9: '财政拨款“三公”经费支出决算表',
};

/** Every key in standard order: the 预算 tables, then the 决算 tables. */
export const ALL_TABLE_KEYS: readonly TableKey[] = Object.keys(TABLE_NAMES) as TableKey[];

export const keysOfKind = (kind: DocKind): TableKey[] => ALL_TABLE_KEYS.filter((k) => (kind === '决算' ? k[0] === 'd' : k[0] === 't'));

export const isBudgetKey = (key: TableKey): key is BudgetTableKey => key[0] === 't';

/** What a column holds: the row label side (code, name, item) or an amount. */
export type ColumnKind = 'code' | 'name' | 'item' | 'amount';

export interface ColumnDef {
  /** 栏次 number as printed (1-based). */
  lane: number;
  name: string;
  kind: ColumnKind;
}

export interface TableDef {
  key: BudgetTableKey;
  /** The name after 部门预算/单位预算. */
  name: string;
  /** Matches the printed title after the scope prefix (variants included). */
  titlePattern: RegExp;
  columns: ColumnDef[];
  /** The standard header block, with {scope} where the scope is printed (t6). */
  header: HeaderGrid;
}

const amount = (lane: number, name: string): ColumnDef => ({ lane, name, kind: 'amount' });
const FUNCTION_COLUMNS: ColumnDef[] = [
  { lane: 1, name: '科目编码', kind: 'code' },
  { lane: 2, name: '科目名称', kind: 'name' },
  amount(3, '合计'),
  amount(4, '基本支出'),
  amount(5, '项目支出'),
];
const FUNCTION_HEADER: HeaderGrid = {
  rows: [
    ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
    ['', '科目编码', '科目名称', '', '', ''],
  ],
  merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5]],
};

export const TABLE_DEFS: readonly TableDef[] = [
  {
    key: 't1',
    name: '收支总表',
    titlePattern: /^收支总表$/,
    columns: [
      { lane: 1, name: '收入项目', kind: 'item' },
      amount(2, '收入预算数'),
      { lane: 3, name: '支出项目', kind: 'item' },
      amount(4, '支出预算数'),
    ],
    header: {
      rows: [['序号', '收入', '', '支出', ''], ['', '项目', '预算数', '项目', '预算数']],
      merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 4]],
    },
  },
  {
    key: 't2',
    name: '收入总表',
    titlePattern: /^收入总表$/,
    columns: [
      { lane: 1, name: '科目编码', kind: 'code' },
      { lane: 2, name: '科目名称', kind: 'name' },
      amount(3, '合计'),
      amount(4, '小计'),
      amount(5, '财政拨款收入'),
      amount(6, '财政专户收入'),
      amount(7, '事业收入'),
      amount(8, '经营收入'),
      amount(9, '上级补助收入'),
      amount(10, '附属单位上缴收入'),
      amount(11, '其他收入'),
      amount(12, '上年结转'),
    ],
    header: {
      rows: [
        ['序号', '功能分类科目', '', '合计', '本年收入', '', '', '', '', '', '', '', '上年结转'],
        ['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', ''],
      ],
      merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 1, 3], [0, 4, 0, 11], [0, 12, 1, 12]],
    },
  },
  {
    key: 't3',
    name: '支出总表',
    titlePattern: /^支出总表$/,
    columns: [
      { lane: 1, name: '科目编码', kind: 'code' },
      { lane: 2, name: '科目名称', kind: 'name' },
      amount(3, '合计'),
      amount(4, '基本支出'),
      amount(5, '项目支出'),
      amount(6, '经营支出'),
      amount(7, '上解上级支出'),
      amount(8, '对附属单位补助支出'),
    ],
    header: {
      rows: [
        ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
        ['', '科目编码', '科目名称', '', '', '', '', '', ''],
      ],
      merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5], [0, 6, 1, 6], [0, 7, 1, 7], [0, 8, 1, 8]],
    },
  },
  {
    key: 't4',
    name: '财政拨款收支总表',
    titlePattern: /^财政拨款收支总表$/,
    columns: [
      { lane: 1, name: '收入项目', kind: 'item' },
      amount(2, '收入金额'),
      { lane: 3, name: '支出项目', kind: 'item' },
      amount(4, '合计'),
      amount(5, '一般公共预算财政拨款'),
      amount(6, '政府性基金预算财政拨款'),
      amount(7, '国有资本经营预算财政拨款'),
    ],
    header: {
      rows: [
        ['序号', '收入', '', '支出', '', '', '', ''],
        ['', '项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      ],
      merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 7]],
    },
  },
  { key: 't5', name: '一般公共预算财政拨款支出表', titlePattern: /^一般公共预算财政拨款支出表$/, columns: FUNCTION_COLUMNS, header: FUNCTION_HEADER },
  {
    key: 't6',
    name: '一般公共预算财政拨款基本支出表',
    titlePattern: /^一般公共预算财政拨款基本支出表$/,
    columns: [
      { lane: 1, name: '科目编码', kind: 'code' },
      { lane: 2, name: '科目名称', kind: 'name' },
      amount(3, '合计'),
      amount(4, '人员经费'),
      amount(5, '公用经费'),
    ],
    header: {
      rows: [
        ['序号', '支出{scope}经济分类科目', '', '一般公共预算基本支出', '', ''],
        ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ],
      merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 0, 5]],
    },
  },
  { key: 't7', name: '政府性基金预算财政拨款支出表', titlePattern: /^政府(性)?基金预算财政拨款支出表$/, columns: FUNCTION_COLUMNS, header: FUNCTION_HEADER },
  { key: 't8', name: '国有资本经营预算财政拨款支出表', titlePattern: /^国有资本经营预算财政拨款支出表$/, columns: FUNCTION_COLUMNS, header: FUNCTION_HEADER },
  {
    key: 't9',
    name: '财政拨款“三公”经费支出表',
    titlePattern: /^财政拨款["“”'‘’]?三公["“”'‘’]?经费支出表$/,
    columns: [
      { lane: 1, name: '项目', kind: 'item' },
      amount(2, '合计'),
      amount(3, '一般公共预算财政拨款'),
      amount(4, '政府性基金预算拨款'),
      amount(5, '国有资本经营预算财政拨款'),
    ],
    header: {
      rows: [
        ['序号', '项目', '资金性质', '', '', ''],
        ['', '', '合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
      ],
      merges: [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 5]],
    },
  },
];

/** The 预算 keys t1–t9 (the Hebei layout's tables). */
export const TABLE_KEYS: readonly BudgetTableKey[] = TABLE_DEFS.map((d) => d.key);

/** The Hebei layout of a 预算 table, or null for a 决算 table. */
export function hebeiLayout(key: TableKey): TableDef | null {
  return TABLE_DEFS.find((d) => d.key === key) ?? null;
}

/** The Hebei layout of a 预算 table (throws for a 决算 key: use hebeiLayout where one may come). */
export function tableDef(key: TableKey): TableDef {
  const def = hebeiLayout(key);
  if (!def) throw new Error(`no Hebei layout for table ${key}`);
  return def;
}

/** Printed title → key and scope, e.g. 单位预算政府基金预算财政拨款支出表 → t7/单位. Whitespace is ignored. */
export function matchStandardTitle(title: string): { key: BudgetTableKey; scope: '部门' | '单位' } | null {
  const t = title.replace(/\s+/g, '');
  const m = /^(部门|单位)预算(.+)$/.exec(t);
  if (!m) return null;
  const def = TABLE_DEFS.find((d) => d.titlePattern.test(m[2]!));
  return def ? { key: def.key, scope: m[1] as '部门' | '单位' } : null;
}

/** Column index in a row array (0 = 序号) of a 栏次 number. */
export const laneIndex = (lane: number): number => lane;
