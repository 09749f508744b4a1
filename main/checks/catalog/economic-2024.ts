// 2024 年政府收支分类科目 · 部门预算支出经济分类: unchanged from 2023 for the 类/款 listed here.
import { ECONOMIC_2023 } from './economic-2023.js';

export const ECONOMIC_2024: Record<string, string> = { ...ECONOMIC_2023 };
