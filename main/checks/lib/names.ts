// How findings name things for an auditor: the standard tables by their Chinese names (for a table that is
// missing, so has no printed title; the model's list) and each rule id by its Chinese name.

export { TABLE_NAMES } from '../../model/tables.js';

/** Rule id → the name an auditor reads (the catalogue of ../../../shared/spec/TABLES.md and beyond). */
export const RULE_NAMES: Record<string, string> = {
  completeness: '完整性',
  'empty-note': '空表说明',
  'row-sum': '行内合计',
  'column-sum': '列内合计',
  balance: '收支平衡',
  'code-hierarchy': '科目层级',
  'code-format': '科目编码格式',
  'code-catalog': '科目名称与科目表',
  'category-name': '科目名称前后一致',
  'cross-table': '表间勾稽',
  rounding: '尾差',
  'year-mismatch': '年度不符',
  'narrative-vs-table': '说明与表格不符',
  'narrative-percent': '说明中的百分比',
  'narrative-sum': '说明中的合计',
  'narrative-consistency': '说明前后一致',
  'narrative-item': '说明中的科目事项',
  'narrative-direction': '增减表述与原因',
  'narrative-count': '说明中的数量之和',
  'narrative-purpose': '科目用途表述',
  'narrative-lines': '说明所列支出明细',
  'procurement-arith': '政府采购预算计算',
  'year-over-year': '与上年档案比较',
  'final-vs-budget': '决算与同年预算核对',
  placeholder: '模板残留',
  'organisation-name': '单位名称与部门/单位表述',
  punctuation: '标点',
  performance: '绩效与项目支出',
  'admin-level': '行政级次表述',
  'tables-elsewhere': '表格另册公开',
  engine: '检查程序',
  'ocr-misread': '识别存疑',
};

export const ruleName = (id: string): string => RULE_NAMES[id] ?? id;
