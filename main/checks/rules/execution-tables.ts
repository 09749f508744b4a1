// narrative-vs-table (决算 execution) — the figures of "…年初预算为 a 万元，支出决算为 c 万元" against the 决算
// tables: a 三公 subject's 决算 and 预算 against the “三公”经费支出决算表's 决算数 and 预算数 columns (a table
// printed empty states 0); any other subject's 决算 figure (一般公共预算财政拨款支出 …) against its cells, where
// the general reading of the narrative has not already compared it. A 预算 figure of another stage than the
// table's column (年初预算 against an unqualified 预算数) may be another budget: a warning, never an error.
import { budgetStage, SANGONG_OF, sangongFigure } from '../lib/final.js';
import { tableOf } from '../lib/keys.js';
import { executions, type ExecFigure, type Execution } from '../lib/narrative/execution.js';
import { conceptTargets, type Candidate } from '../lib/narrative/targets.js';
import { agreement } from '../lib/narrative/values.js';
import type { CheckContext, Draft, Rule } from '../types.js';
import { contradiction } from './narrative-vs-table.js';

function compare(e: Execution, f: ExecFigure, candidates: Candidate[], severity: Draft['severity'] | null): Draft | null {
  if (!candidates.length || !f.subject) return null;
  const verdicts = candidates.map((c) => agreement(f.token, c.value, c.step));
  if (verdicts.includes('same')) return null;
  const tail = verdicts.indexOf('tail');
  const ordered = tail >= 0 ? [candidates[tail]!, ...candidates.filter((_, i) => i !== tail)] : candidates;
  const d = contradiction(e.p, { token: f.token, concept: f.subject, change: null, cell: f.cell }, ordered, tail >= 0);
  return severity && d.severity === 'error' ? { ...d, severity } : d;
}

/** A 三公 figure against the table's column of its stage. */
function sangong(ctx: CheckContext, e: Execution, f: ExecFigure): Draft | null {
  const v = tableOf(ctx, 'sangong');
  const concept = f.subject ? SANGONG_OF[f.subject.id] : undefined;
  if (!v || !concept) return null;
  if (f.stage === 'actual') {
    const c = sangongFigure(v, concept, 'actual');
    return c ? compare(e, f, [c], null) : null;
  }
  const col = budgetStage(v);
  if (!col || (col !== 'budget' && f.stage !== 'budget' && col !== f.stage)) return null; // 年初 against a 全年 column
  const c = sangongFigure(v, concept, col);
  if (!c) return null;
  // The statement gives another budget figure that is the column's: the column is that stage.
  if (e.figures.some((x) => x !== f && x.stage !== 'actual' && agreement(x.token, c.value, c.step) === 'same')) return null;
  return compare(e, f, [c], col === f.stage ? null : 'warning');
}

export const executionTables: Rule = {
  id: 'narrative-vs-table',
  title: '决算情况说明中的预算数、决算数与决算表一致',
  reads: '决算情况说明中“年初预算/全年预算/决算为…万元”的各项金额；“三公”经费支出决算表的预算数、决算数；一般公共预算财政拨款支出决算表等',
  run: (ctx) => {
    const out: Draft[] = [];
    if (ctx.doc.kind !== '决算') return out;
    for (const e of executions(ctx)) {
      for (const f of e.figures) {
        if (!f.subject) continue;
        if (SANGONG_OF[f.subject.id]) {
          const d = sangong(ctx, e, f);
          if (d) out.push(d);
          continue;
        }
        // 决算 figures the general reading of the narrative did not take (it reads "支出决算为" of an item).
        if (f.stage !== 'actual' || e.p.facts.some((x) => x.token.start === f.token.start && x.concept)) continue;
        const d = compare(e, f, conceptTargets(ctx, f.subject.id), null);
        if (d) out.push(d);
      }
    }
    return out;
  },
};
