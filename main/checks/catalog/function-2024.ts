// 2024 年政府收支分类科目 · 支出功能分类: the 2023 list with the 2024 revisions that concern
// government offices (信访事务 became its own 款 20140). Users add what else they meet (catalog/index.ts).
import { FUNCTION_2023, standardItems } from './function-2023.js';

const REVISIONS: Record<string, string> = {
  '20140': '信访事务',
  ...Object.fromEntries(standardItems('20140', '信访事务')),
  '2014004': '信访业务',
};

export const FUNCTION_2024: Record<string, string> = { ...FUNCTION_2023, ...REVISIONS };
