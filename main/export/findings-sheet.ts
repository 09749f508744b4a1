// The 审核意见 sheet: every finding of the review with the auditor's decision on it.
import { FINDINGS_SHEET_NAME } from '../model/workbook.js';
import type ExcelJS from 'exceljs';
import type { ReviewFinding } from '../model/review.js';
import type { BudgetDocument, CellRef } from '../model/types.js';
import { writeAuditSheet, type AuditColumn, type AuditValue } from './audit-sheet.js';
import { isStandardTable, ruleLabel, severityLabel, statusLabel, tableLabel, tableOrder } from './labels.js';

export const FINDINGS_SHEET = FINDINGS_SHEET_NAME;

const COLUMNS: AuditColumn[] = [
  { header: '编号', width: 5, kind: 'center' },
  { header: '报表', width: 15, kind: 'wrap' },
  { header: '序号', width: 6, kind: 'center' },
  { header: '栏次', width: 5, kind: 'center' },
  { header: '规则', width: 10, kind: 'wrap' },
  { header: '规则编号', width: 12, kind: 'wrap' },
  { header: '严重程度', width: 7, kind: 'center' },
  { header: '问题说明', width: 44, kind: 'wrap' },
  { header: '应为', width: 11, kind: 'amount' },
  { header: '实为', width: 11, kind: 'amount' },
  { header: '关联单元格', width: 24, kind: 'wrap' },
  { header: '页码', width: 5, kind: 'center' },
  { header: '处理状态', width: 8, kind: 'center' },
  { header: '审核人意见', width: 20, kind: 'wrap' },
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** "收入总表 序号11 第3栏" (the table left out when it is the finding's own); outside the nine tables the place as the check named it. */
export function cellRefLabel(ref: CellRef, ownTable?: string): string {
  if (!isStandardTable(ref.table)) return [tableLabel(ref.table), ref.row, ref.column].filter(Boolean).join(' ');
  const table = ref.table === ownTable ? '' : tableLabel(ref.table);
  return [table, ref.row ? `序号${ref.row}` : '', ref.column ? `第${ref.column}栏` : ''].filter(Boolean).join(' ');
}

/** 报表, 序号, 栏次 — for the narrative and the document the place is told in words in the 报表 column. */
function place(f: ReviewFinding): [string, string, string] {
  if (isStandardTable(f.table)) return [tableLabel(f.table), f.row ?? '', f.column ?? ''];
  const where = f.paragraph ? `${f.paragraph.heading}（第${f.paragraph.index + 1}段）` : [f.row, f.column].filter(Boolean).join(' ');
  return [[tableLabel(f.table), where].filter(Boolean).join('\n'), '', ''];
}

export function writeFindingsSheet(ws: ExcelJS.Worksheet, doc: BudgetDocument, findings: ReviewFinding[], exportedAt: string): void {
  // Table order, then severity; otherwise the order the checks gave.
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => tableOrder(a.f.table) - tableOrder(b.f.table) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const rows: AuditValue[][] = sorted.map((f, i) => [
    i + 1,
    ...place(f),
    ruleLabel(f.rule),
    f.rule,
    severityLabel(f.severity),
    f.message,
    f.expected,
    f.actual,
    (f.related ?? []).map((r) => cellRefLabel(r, f.table)).join('\n'),
    f.page ?? '',
    statusLabel(f.status),
    f.comment ?? '',
  ]);
  writeAuditSheet(ws, doc, FINDINGS_SHEET, exportedAt, COLUMNS, rows, '未发现问题。');
}
