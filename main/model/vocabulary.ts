// The words an auditor reads for what the workstation knows by id: severities, decisions on findings, rule
// names and their categories, the review states of a submission. One data module, so the review screen (it
// gets these through the API), the 审核意见 sheet and the 审核意见书 say the same thing with the same word.
import type { Severity } from './types.js';
import type { FindingStatus } from './review.js';

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const STATUS_NAMES: Record<FindingStatus, string> = { open: '待处理', confirmed: '已确认', dismissed: '已排除' };

/** Groups of rules an auditor filters by. */
export type RuleCategory = 'within-table' | 'codes' | 'cross-table' | 'narrative' | 'form' | 'archive' | 'other';

export const CATEGORY_NAMES: Record<RuleCategory, string> = {
  'within-table': '表内勾稽',
  codes: '科目编码与名称',
  'cross-table': '表间勾稽',
  narrative: '说明与表格',
  form: '完整性与规范',
  archive: '与档案比较',
  other: '其他',
};

interface RuleWords {
  name: string;
  category: RuleCategory;
}

/** Rule id → its name and category (the catalogue of the checks; an id not listed reads as 其他检查). */
export const RULE_WORDS: Record<string, RuleWords> = {
  'row-sum': { name: '行内合计', category: 'within-table' },
  'column-sum': { name: '列内合计', category: 'within-table' },
  balance: { name: '收支平衡', category: 'within-table' },
  rounding: { name: '尾差', category: 'within-table' },
  'code-hierarchy': { name: '科目层级', category: 'codes' },
  'code-format': { name: '科目编码格式', category: 'codes' },
  'code-catalog': { name: '科目名称与科目表', category: 'codes' },
  'category-name': { name: '科目名称前后一致', category: 'codes' },
  'cross-table': { name: '表间勾稽', category: 'cross-table' },
  'ocr-misread': { name: '识别存疑', category: 'within-table' },
  'narrative-vs-table': { name: '说明与表格不符', category: 'narrative' },
  'narrative-percent': { name: '说明中的百分比', category: 'narrative' },
  'narrative-sum': { name: '说明中的合计', category: 'narrative' },
  'narrative-consistency': { name: '说明前后一致', category: 'narrative' },
  'narrative-item': { name: '说明中的科目事项', category: 'narrative' },
  'narrative-direction': { name: '增减表述与原因', category: 'narrative' },
  'narrative-count': { name: '说明中的数量之和', category: 'narrative' },
  'narrative-purpose': { name: '科目用途表述', category: 'narrative' },
  'narrative-lines': { name: '说明所列支出明细', category: 'narrative' },
  'procurement-arith': { name: '政府采购预算计算', category: 'narrative' },
  'fixed-assets': { name: '固定资产', category: 'narrative' },
  performance: { name: '绩效与项目支出', category: 'narrative' },
  completeness: { name: '完整性', category: 'form' },
  'empty-note': { name: '空表说明', category: 'form' },
  'year-mismatch': { name: '年度不符', category: 'form' },
  placeholder: { name: '模板残留', category: 'form' },
  'organisation-name': { name: '单位名称表述', category: 'form' },
  punctuation: { name: '标点', category: 'form' },
  'admin-level': { name: '行政级次表述', category: 'form' },
  'tables-elsewhere': { name: '表格另册公开', category: 'form' },
  'form-sum': { name: '表单金额之和', category: 'form' },
  'year-over-year': { name: '与上年档案比较', category: 'archive' },
  'final-vs-budget': { name: '决算与同年预算核对', category: 'archive' },
  engine: { name: '检查程序', category: 'other' },
};

export const ruleName = (rule: string): string => RULE_WORDS[rule]?.name ?? '其他检查';
export const ruleCategory = (rule: string): RuleCategory => RULE_WORDS[rule]?.category ?? 'other';

/** Where a submission stands in the office's work. */
export type ReviewState = 'not-started' | 'in-review' | 'opinion-issued' | 'resubmitted' | 'closed';

export const REVIEW_STATE_NAMES: Record<ReviewState, string> = {
  'not-started': '未开始',
  'in-review': '审核中',
  'opinion-issued': '已出具意见',
  resubmitted: '已重新报送',
  closed: '已办结',
};

/** How a finding of the previous version fares in this one (re-review of a resubmission). */
export type CarryOutcome = 'fixed' | 'remaining' | 'new';

export const CARRY_NAMES: Record<CarryOutcome, string> = { fixed: '已整改', remaining: '仍存在', new: '新发现' };

/** Everything above, as plain data for the review screen (it may not import this module). */
export interface Vocabulary {
  severities: Record<Severity, string>;
  statuses: Record<FindingStatus, string>;
  categories: Record<RuleCategory, string>;
  rules: Record<string, RuleWords>;
  reviewStates: Record<ReviewState, string>;
  carry: Record<CarryOutcome, string>;
}

export const VOCABULARY: Vocabulary = {
  severities: SEVERITY_NAMES,
  statuses: STATUS_NAMES,
  categories: CATEGORY_NAMES,
  rules: RULE_WORDS,
  reviewStates: REVIEW_STATE_NAMES,
  carry: CARRY_NAMES,
};
