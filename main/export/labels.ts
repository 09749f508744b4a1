// Chinese labels for what the audit sheets print: table names, rule ids, severities, statuses, times.
import { ALL_TABLE_KEYS, TABLE_NAMES } from '../model/tables.js';
import type { TableKey } from '../model/types.js';
import type { Severity } from '../model/types.js';
import type { FindingStatus } from '../model/review.js';

const RULE_LABELS: Record<string, string> = {
  'row-sum': '行合计',
  'column-sum': '列合计',
  balance: '收支平衡',
  'code-hierarchy': '科目层级',
  'code-catalog': '科目名称',
  'cross-table': '表间勾稽',
  completeness: '完整性',
  'empty-note': '空表说明',
  'year-mismatch': '年度不符',
  'narrative-vs-table': '说明与报表不符',
  'procurement-arith': '政府采购计算',
  'year-over-year': '与上年比较',
  'narrative-sum': '说明数字合计',
  'narrative-percent': '说明百分比',
  'fixed-assets': '固定资产',
  engine: '检查程序',
};

export const ruleLabel = (rule: string): string => RULE_LABELS[rule] ?? rule;

export const severityLabel = (s: Severity): string => ({ error: '错误', warning: '警告', info: '提示' })[s] ?? s;

export const statusLabel = (s: FindingStatus): string => ({ open: '待处理', confirmed: '已确认', dismissed: '已排除' })[s] ?? s;

/**
 * A finding's or correction's table as an auditor reads it. Standard tables by their short name (收支总表) —
 * never the full printed title, so a reader of the exported book cannot take an audit row for a table title.
 */
export function tableLabel(table: string): string {
  if (isStandardTable(table)) return TABLE_NAMES[table];
  if (table === 'narrative') return '情况说明';
  if (table === 'document') return '全文';
  if (table.startsWith('extra:')) return table.slice('extra:'.length);
  return table;
}

export const isStandardTable = (table: string): table is TableKey => (ALL_TABLE_KEYS as readonly string[]).includes(table);

/** Order of tables in the audit sheets: t1…t9, then extra tables, the narrative, the document. */
export function tableOrder(table: string): number {
  const i = ALL_TABLE_KEYS.indexOf(table as TableKey);
  if (i >= 0) return i;
  if (table.startsWith('extra:')) return 20;
  if (table === 'narrative') return 30;
  return 40;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO time → "2024-05-01 10:00" in local time; anything unparsable is printed as given. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
