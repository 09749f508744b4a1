// What only the screens print: short tab labels, format names, the order of severities and tables, times.
// Names of tables, rules, severities, statuses and states come from the core (./words.tsx).
import type { DocKind, Severity, SourceFormat, TableKey } from '../../../main/api/types';

export const BUDGET_KEYS: readonly TableKey[] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
export const FINAL_KEYS: readonly TableKey[] = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'];
export const TABLE_KEYS: readonly TableKey[] = [...BUDGET_KEYS, ...FINAL_KEYS];
export const keysOfKind = (kind: DocKind): readonly TableKey[] => (kind === '决算' ? FINAL_KEYS : BUDGET_KEYS);

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

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const FORMAT_LABEL: Record<SourceFormat, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', doc: 'Word 97–2003 / WPS', xls: 'Excel 97–2003 / WPS' };

export function isTableKey(s: string): s is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(s);
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** 1234567.8 → 1,234,567.80 */
export const money = (n: number | null): string => (n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
