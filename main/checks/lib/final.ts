// The “三公” table of a 决算 prints two stages side by side (预算数 — 年初, 全年 or unqualified — and 决算数),
// and a table with nothing to report may print no row at all (every figure 0). A narrative 三公 concept and
// the table's own concept name the same cell.
import { printsNothing } from './facts.js';
import type { Candidate } from './narrative/targets.js';
import { sangongCell } from './sangong.js';
import type { TableView } from './view.js';

/** Narrative concept → the 三公 table's concept. */
export const SANGONG_OF: Record<string, string> = {
  sangong: 'sangong', abroad: 'abroad', carTotal: 'vehicle', carBuy: 'vehiclePurchase', carRun: 'vehicleRunning', reception: 'reception',
};

export const SANGONG_NAME: Record<string, string> = {
  sangong: '“三公”经费合计', abroad: '因公出国（境）费', vehicle: '公务用车购置及运行费', vehiclePurchase: '公务用车购置费', vehicleRunning: '公务用车运行维护费', reception: '公务接待费',
};

const STAGE_WORD: Record<string, string> = { initial: '年初预算数', full: '全年预算数', budget: '预算数', actual: '决算数' };

export type BudgetStage = 'initial' | 'full' | 'budget';

/** The stage of a table's budget columns (年初预算数, 全年/调整预算数, or an unqualified 预算数), when it prints any. */
export function budgetStage(v: TableView): BudgetStage | null {
  const stages = new Set(v.columns.filter((m) => m.role === 'amount').map((m) => m.stage));
  for (const s of ['initial', 'full', 'budget'] as BudgetStage[]) if (stages.has(s)) return s;
  return null;
}

/** A 三公 figure of a stage as a candidate; a table printed with no figures states 0 for each. */
export function sangongFigure(v: TableView, concept: string, stage: string): Candidate | null {
  const at = sangongCell(v, concept, stage);
  const a = at ? v.amount(at.r, at.c) : null;
  if (a) return { ref: a.ref, value: a.fen, step: a.step, factor: a.factor, label: `${v.title} ${SANGONG_NAME[concept] ?? ''}${STAGE_WORD[stage] ?? ''}` };
  if (!printsNothing(v)) return null;
  return { ref: { table: v.key, row: null, column: null }, value: 0, step: v.factor, factor: v.factor, label: `${v.title}（无数据）${SANGONG_NAME[concept] ?? ''}${STAGE_WORD[stage] ?? ''}` };
}
