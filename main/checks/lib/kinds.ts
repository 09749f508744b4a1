// A 决算 and the 预算 it accounts for. The 年初预算 a 决算 states is the budget passed at the start of the same
// year for the same organisation: a 预算 of another year, of another department, or of another scope (a
// 单位预算 beside a 部门决算 covers one unit of several) is no standard to hold it to.
import type { BudgetDocument } from '../../model/types.js';
import { squash } from './labels.js';

/** The organisation's name as compared: no spaces, no brackets' width, no quotes. */
const orgName = (s: string | null | undefined): string => squash(s).replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/["“”]/g, '');

export function isSameYearBudget(final: BudgetDocument, budget: BudgetDocument): boolean {
  if (final.kind !== '决算' || budget.kind !== '预算' || final.year !== budget.year) return false;
  if (final.scope && budget.scope && final.scope !== budget.scope) return false;
  if (final.department_code && budget.department_code) return final.department_code === budget.department_code;
  const a = orgName(final.department);
  return a !== '' && a === orgName(budget.department);
}
