// The standard tables by role, for a 预算 (t1–t9) or a 决算 (d1–d9): an identity stated once on roles
// (收支总表 ↔ 支出总表 categories, 基本支出 ↔ 一般公共预算支出) serves both kinds.
import type { CheckContext } from '../types.js';
import type { TableView } from './view.js';

export type Role = 'summary' | 'income' | 'expense' | 'fiscal' | 'general' | 'basic' | 'fund' | 'soe' | 'sangong';

const ORDER: Role[] = ['summary', 'income', 'expense', 'fiscal', 'general', 'basic', 'fund', 'soe', 'sangong'];

export const keyOf = (ctx: CheckContext, role: Role): string => `${ctx.doc.kind === '决算' ? 'd' : 't'}${ORDER.indexOf(role) + 1}`;

export const tableOf = (ctx: CheckContext, role: Role): TableView | null => ctx.table(keyOf(ctx, role));

export const isFinal = (ctx: CheckContext): boolean => ctx.doc.kind === '决算';
