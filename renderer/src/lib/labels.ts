// Chinese labels the screens print: table names, severities, rules, finding statuses.
import type { FindingStatus, Severity, SourceFormat, TableKey } from '../../../main/api/types';

export const TABLE_KEYS: readonly TableKey[] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];

/** The standard names after 部门预算/单位预算 (TABLES.md); the printed title is preferred where there is one. */
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

/** Short tab labels: the nine names are long, the tab strip is not. */
export const TABLE_SHORT: Record<TableKey, string> = {
  t1: '收支总表',
  t2: '收入总表',
  t3: '支出总表',
  t4: '财政拨款收支',
  t5: '一般公共预算',
  t6: '基本支出',
  t7: '政府性基金',
  t8: '国有资本经营',
  t9: '三公经费',
  d1: '收支决算总表',
  d2: '收入决算',
  d3: '支出决算',
  d4: '财政拨款收支',
  d5: '一般公共预算',
  d6: '基本支出',
  d7: '政府性基金',
  d8: '国有资本经营',
  d9: '三公经费',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const STATUS_LABEL: Record<FindingStatus, string> = { open: '待处理', confirmed: '已确认', dismissed: '已忽略' };
export const STATUSES: readonly FindingStatus[] = ['open', 'confirmed', 'dismissed'];

const RULE_LABEL: Record<string, string> = {
  'row-sum': '行合计',
  'column-sum': '列合计',
  balance: '收支平衡',
  'code-hierarchy': '科目层级',
  'code-catalog': '科目名称',
  'cross-table': '表间核对',
  completeness: '完整性',
  'empty-note': '空表说明',
  'year-mismatch': '年度不符',
  'narrative-vs-table': '说明与表格',
  'procurement-arith': '政府采购',
  'year-over-year': '与上年比较',
};

export const ruleLabel = (rule: string): string => RULE_LABEL[rule] ?? rule;

export const FORMAT_LABEL: Record<SourceFormat, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', doc: 'Word 97–2003 / WPS', xls: 'Excel 97–2003 / WPS' };

export function isTableKey(s: string): s is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(s);
}

/** Where a finding sits, in words: 支出总表 第 10 行 第 3 栏. */
export function placeLabel(table: string, row: string | null, column: string | null): string {
  const name = isTableKey(table) ? TABLE_NAMES[table] : table === 'narrative' ? '情况说明' : table === 'document' ? '整份文件' : table.replace(/^extra:/, '');
  const parts = [name];
  if (row) parts.push(`序号 ${row}`);
  if (column) parts.push(`第 ${column} 栏`);
  return parts.join(' · ');
}

/** Where a finding sits: narrative findings by section and paragraph, the others by table, 序号 and 栏次. */
export function findingPlace(f: { table: string; row: string | null; column: string | null; paragraph?: { heading: string; index: number } | null }): string {
  if (f.table === 'narrative') {
    const p = f.paragraph;
    return p ? `情况说明 · ${p.heading} · 第 ${p.index + 1} 段` : f.row ? `情况说明 · ${f.row}` : '情况说明';
  }
  if (!isTableKey(f.table)) return placeLabel(f.table, null, null);
  return placeLabel(f.table, f.row, f.column);
}

/** The printed title without its scope prefix, else the standard name. */
export function tableTitle(key: TableKey, printed: string | undefined): string {
  const t = (printed ?? '').replace(/\s+/g, '').replace(/^(部门|单位)预算/, '');
  return t || TABLE_NAMES[key];
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
