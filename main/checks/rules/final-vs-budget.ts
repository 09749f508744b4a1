// final-vs-budget — a 决算's 年初预算 against the 预算 of the same department, scope and year in the archive
// (engine: CheckContext.budget, only then): the “三公”经费支出决算表's 预算数 = the 预算's “三公” table, each
// part; a 科目 table's 年初预算 column = the 预算's table of the same role by code; the 情况说明's "年初预算为
// a 万元" of 一般公共预算财政拨款支出, a 科目, the “三公” and its parts = the 预算's figure. A 预算数 column or
// figure not said to be the 年初 one may be the 全年 budget (adjusted during the year): a warning; a 全年预算
// is never compared.
import { fmtUnit, unitFactor } from '../lib/amounts.js';
import { codePanels, codeTree } from '../lib/codes.js';
import { codeCell, tableTotal } from '../lib/facts.js';
import { budgetStage, SANGONG_NAME, sangongFigure } from '../lib/final.js';
import { checkEqual, fromAmount, ROUNDING, type Operand } from '../lib/identity.js';
import { tableOf, type Role } from '../lib/keys.js';
import { squash } from '../lib/labels.js';
import { executions } from '../lib/narrative/execution.js';
import { quoteOf } from '../lib/narrative/index.js';
import { conceptTargets, type Candidate } from '../lib/narrative/targets.js';
import { agreement, statedFen } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';

const RULE = 'final-vs-budget';
const SANGONG = ['sangong', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'];
const SUBJECTS = /^(?:gpbExpense|fiscalExpense|totalExpense|totalIncome|basic|project|sangong|abroad|carTotal|carBuy|carRun|reception|item:.+|category:.+)$/;
const ROLES: Role[] = ['summary', 'income', 'expense', 'fiscal', 'general', 'basic', 'fund', 'soe'];

const budgetName = (b: CheckContext): string => `同年${b.doc.kind}（${b.year}年）`;

/** Table against table: the 决算's cell is named, the 预算's only in words (it is another document). */
function againstBudget(b: CheckContext, a: Operand, x: Operand, subject: string, severity: Draft['severity']): Draft | null {
  const name = `${budgetName(b)} ${typeof x.label === 'function' ? x.label() : x.label}`;
  const d = checkEqual(RULE, a, { ...x, label: name }, subject, name, severity);
  return d && { ...d, related: [], terms: undefined, diff: undefined };
}

/** The “三公” table's 预算数 against the budget's “三公” table. */
function sangong(ctx: CheckContext, b: CheckContext): Draft[] {
  const d9 = tableOf(ctx, 'sangong');
  const t9 = tableOf(b, 'sangong');
  const stage = d9 ? budgetStage(d9) : null;
  if (!d9 || !t9 || !stage || stage === 'full') return [];
  // The narrative states the 三公 年初预算 as this column: the column is the 年初 budget.
  const total = sangongFigure(d9, 'sangong', stage);
  const initial = stage === 'initial' || (!!total && executions(ctx).some((e) => e.figures.some((f) => f.subject?.id === 'sangong' && f.stage === 'initial' && agreement(f.token, total.value, total.step) === 'same')));
  const out: Draft[] = [];
  for (const concept of SANGONG) {
    const a = sangongFigure(d9, concept, stage);
    const x = sangongFigure(t9, concept, 'budget');
    if (!a || !x) continue;
    const d = againstBudget(b, a, x, `${SANGONG_NAME[concept]}：${a.label}`, initial ? 'error' : 'warning');
    if (d) out.push(initial ? d : { ...d, message: `${d.message}（表中预算数未注明为年初预算，若为调整后的全年预算可不一致）` });
  }
  return out;
}

/** A 科目 table's 年初预算 column against the budget's table of the same role, row by code. */
function initialColumns(ctx: CheckContext, b: CheckContext): Draft[] {
  const out: Draft[] = [];
  for (const role of ROLES) {
    const v = tableOf(ctx, role);
    const bt = tableOf(b, role);
    if (!v || !bt || !codePanels(bt).length) continue;
    for (const m of v.columns.filter((c) => c.role === 'amount' && c.stage === 'initial')) {
      const concept = m.concept ?? 'total';
      const tree = codeTree(v, codePanels(v).find((p) => p === m.panel) ?? codePanels(v)[0] ?? 0);
      const rows = [...(tree.totalRow === null ? [] : [{ r: tree.totalRow, code: null as string | null }]), ...tree.rows.map((x) => ({ r: x.r, code: x.code as string | null }))];
      for (const { r, code } of rows) {
        const a = v.amount(r, m.index);
        const cell = code === null ? tableTotal(bt, concept) : codeCell(bt, code, concept);
        const x = cell ? cell.view.amount(cell.r, cell.c) : null;
        if (!a || (!x && a.fen === 0)) continue;
        const budget: Operand = x ? fromAmount(x) : { ref: { table: bt.key, row: null, column: null }, value: 0, step: bt.factor, factor: bt.factor, label: `${bt.title} 无此科目` };
        const d = againstBudget(b, fromAmount(a), budget, v.cellName(r, m.index), 'error');
        if (d) out.push(d);
      }
    }
  }
  return out;
}

/** The narrative's 年初预算 (or an unqualified 预算) of a subject against the budget's figure. */
function narrative(ctx: CheckContext, b: CheckContext): Draft[] {
  const out: Draft[] = [];
  for (const e of executions(ctx)) {
    for (const f of e.figures) {
      if ((f.stage !== 'initial' && f.stage !== 'budget') || !f.subject || !SUBJECTS.test(f.subject.id)) continue;
      const candidates: Candidate[] = conceptTargets(b, f.subject.id);
      // A 科目 the budget's 一般公共预算 table does not list was budgeted at 0.
      const general = tableOf(b, 'general');
      if (!candidates.length && f.item && general && codePanels(general).length) candidates.push({ ref: { table: general.key, row: null, column: null }, value: 0, step: general.factor, factor: general.factor, label: `${general.title} 无该科目` });
      if (!candidates.length) continue;
      const verdicts = candidates.map((c) => agreement(f.token, c.value, c.step));
      if (verdicts.includes('same')) continue;
      const tail = verdicts.includes('tail');
      const c = candidates[Math.max(0, verdicts.indexOf('tail'))]!;
      const word = f.stage === 'initial' ? '年初预算' : '预算';
      out.push({
        rule: tail ? ROUNDING : RULE,
        severity: tail || f.stage === 'budget' ? 'warning' : 'error',
        cell: f.cell, related: [], expected: c.value, actual: statedFen(f.token), factor: unitFactor(f.token.unit),
        message: `情况说明“${squash(e.p.heading)}”：${f.subject.label}${word} ${f.token.text} 与${budgetName(b)} ${c.label} ${fmtUnit(c.value, c.factor)} 不一致${tail ? '（尾差）' : ''}${f.stage === 'budget' ? '（文中未注明为年初预算）' : ''}`,
        page: e.p.page,
        paragraph: { heading: e.p.heading, index: e.p.index, quote: quoteOf(e.p, f.token) },
      });
    }
  }
  return out;
}

export const finalVsBudget: Rule = {
  id: RULE,
  title: '决算中的年初预算数与档案中同一部门同年度预算一致',
  reads: '决算“三公”经费表预算数、各表年初预算栏、情况说明中的年初预算；同年预算的“三公”经费表、一般公共预算支出表等（同一部门、同一范围、同一年度时）',
  run: (ctx) => {
    const b = ctx.budget;
    if (!b || ctx.doc.kind !== '决算') return [];
    return [...sangong(ctx, b), ...initialColumns(ctx, b), ...narrative(ctx, b)];
  },
};
