// The 审核意见 sheet: every finding of the review with the auditor's decision on it.
import { FINDINGS_SHEET_NAME } from '../model/workbook.js';
import type ExcelJS from 'exceljs';
import type { ReviewFinding } from '../model/review.js';
import type { BudgetDocument } from '../model/types.js';
import { findingWords, placeNamer, tableWord } from '../model/places.js';
import { CATEGORY_NAMES, SEVERITY_NAMES, STATUS_NAMES } from '../model/vocabulary.js';
import { writeAuditSheet, type AuditColumn, type AuditValue } from './audit-sheet.js';
import { tableOrder } from './labels.js';

export const FINDINGS_SHEET = FINDINGS_SHEET_NAME;

const COLUMNS: AuditColumn[] = [
  { header: '编号', width: 5, kind: 'center' },
  { header: '报表', width: 15, kind: 'wrap' },
  { header: '位置', width: 22, kind: 'wrap' },
  { header: '类别', width: 9, kind: 'wrap' },
  { header: '规则', width: 10, kind: 'wrap' },
  { header: '严重程度', width: 7, kind: 'center' },
  { header: '问题说明', width: 44, kind: 'wrap' },
  { header: '应为', width: 11, kind: 'amount' },
  { header: '实为', width: 11, kind: 'amount' },
  { header: '关联单元格', width: 26, kind: 'wrap' },
  { header: '页码', width: 5, kind: 'center' },
  { header: '处理状态', width: 8, kind: 'center' },
  { header: '审核人意见', width: 20, kind: 'wrap' },
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function writeFindingsSheet(ws: ExcelJS.Worksheet, doc: BudgetDocument, findings: ReviewFinding[], exportedAt: string): void {
  // Table order, then severity; otherwise the order the checks gave.
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => tableOrder(a.f.table) - tableOrder(b.f.table) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const namer = placeNamer(doc);
  const rows: AuditValue[][] = sorted.map((f, i) => {
    const words = findingWords(namer, f);
    const table = tableWord(f.table);
    const where = words.place.startsWith(table) ? words.place.slice(table.length).replace(/^ · /, '') : words.place;
    return [
      i + 1,
      table,
      where,
      CATEGORY_NAMES[words.category],
      words.ruleName,
      SEVERITY_NAMES[f.severity],
      f.message,
      f.expected,
      f.actual,
      words.relatedText,
      f.page ?? '',
      STATUS_NAMES[f.status],
      f.comment ?? '',
    ];
  });
  writeAuditSheet(ws, doc, FINDINGS_SHEET, exportedAt, COLUMNS, rows, '未发现问题。');
}
