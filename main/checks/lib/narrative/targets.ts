// The table cells a narrative concept must equal. A statement agrees when it equals any of them (the
// cross-table rules already report tables that disagree among themselves).
import type { CellRef } from '../../../model/types.js';
import type { CheckContext } from '../../types.js';
import { codeTree } from '../codes.js';
import { isFixedAssets, isProcurement, isTotalRow, type ExtraView } from '../extra.js';
import { escapeRegExp, normLabel } from '../labels.js';
import { SANGONG_KINDS, sangongIndex, sangongItem, type SangongKind, type SangongPartKind } from '../sangong.js';
import { carryValue, incomeRow, summaryIndex, type IncomeKind } from '../summary.js';
import type { TableView } from '../table-view.js';
import type { DynamicConcept } from './index.js';

export interface Candidate {
  ref: CellRef;
  value: number;
  label: string;
}

const cell = (v: TableView | null, r: number | null | undefined, lane: number, label: string): Candidate[] => {
  if (!v || r === null || r === undefined || !v.hasLane(lane)) return [];
  const value = v.cents(r, lane);
  return value === null ? [] : [{ ref: v.ref(r, lane), value, label: `${v.name} ${label}` }];
};

const totalOf = (v: TableView | null, lane: number, label: string): Candidate[] =>
  v ? cell(v, codeTree(v).totalRow, lane, label) : [];

function summaryTotals(v: TableView | null, side: 'income' | 'expenditure', lane: number): Candidate[] {
  if (!v) return [];
  const s = summaryIndex(v)[side];
  const name = side === 'income' ? ['本年收入合计', '收入总计'] : ['本年支出合计', '支出总计'];
  return [...cell(v, s.total, lane, name[0]!), ...cell(v, s.grand, lane, name[1]!)];
}

function income(v: TableView | null, kind: IncomeKind, label: string): Candidate[] {
  return v ? cell(v, incomeRow(v, kind), 2, label) : [];
}

function sangong(ctx: CheckContext, kind: SangongKind | 'all', part?: SangongPartKind): Candidate[] {
  const v = ctx.table('t9');
  if (!v) return [];
  const idx = sangongIndex(v);
  if (kind === 'all') {
    // 2024 tables add 会议费/培训费 under one 合计: the 三公 proper are 一 + 二 + 三.
    const core = idx.items.filter((i) => SANGONG_KINDS.includes(i.kind));
    const sums: Candidate[] = core.length > 0 && core.length < idx.items.length
      ? [2, 3].map((l) => ({ ref: v.ref(core[0]!.r, l), value: core.reduce((a, i) => a + (v.cents(i.r, l) ?? 0), 0), label: `${v.name} 因公出国（境）费、公务用车购置及运行维护费、公务接待费之和` }))
      : [];
    return [2, 3].flatMap((l) => [...cell(v, idx.total, l, '合计'), ...cell(v, idx.subtotal, l, '“三公”经费小计')]).concat(sums);
  }
  const item = sangongItem(idx, kind);
  if (!item) return [];
  const row = part ? item.parts.find((p) => p.kind === part)?.r : item.r;
  const label = normLabel(v.text(row ?? item.r, 1));
  return [2, 3].flatMap((l) => cell(v, row, l, label));
}

function t6Line(ctx: CheckContext, code: string): Candidate[] {
  const v = ctx.table('t6');
  const row = v ? codeTree(v).byCode.get(code) : undefined;
  return v && row ? cell(v, row.r, 3, `${code} ${row.name}`) : [];
}

/** The total of an extra table's amount column: its 合计 row when printed, else the sum of its rows. */
export function extraTotal(v: ExtraView, col: number): { value: number; r: number | null } | null {
  let first: number | null = null;
  let acc = 0;
  for (let r = 0; r < v.rows.length; r++) {
    const val = v.cents(r, col);
    if (isTotalRow(v, r)) {
      if (/^合计$|^总计$/.test(normLabel(v.text(r, 0))) && val !== null) return { value: val, r };
      continue;
    }
    if (val !== null) acc += val;
    first ??= r;
  }
  return { value: acc, r: null };
}

export function procurementAmountColumn(v: ExtraView): number | null {
  return v.column(/采购金额.*合计|政府采购金额\/合计/) ?? v.column(/^合计$|\/合计$/) ?? v.column(/采购金额|金额/);
}

export function assetValueColumn(v: ExtraView): number | null {
  return v.column(/价值|金额|原值/);
}

function extraCandidates(ctx: CheckContext, pick: (v: ExtraView) => boolean, column: (v: ExtraView) => number | null, label: string): Candidate[] {
  const out: Candidate[] = [];
  for (const v of ctx.extras.filter(pick)) {
    const c = column(v);
    if (c === null) continue;
    if (isFixedAssets(v)) {
      // 资产总额 line when printed, else the numbered lines.
      const totalRow = v.rows.findIndex((_, r) => /资产总额|^合计$|^总计$/.test(normLabel(v.text(r, 0))));
      if (totalRow >= 0) {
        const val = v.cents(totalRow, c);
        if (val !== null) out.push({ ref: v.ref(totalRow, c), value: val, label: `${v.title} ${normLabel(v.text(totalRow, 0))}` });
      }
      const parts = v.rows.map((_, r) => r).filter((r) => r !== totalRow && !/^其中/.test(v.text(r, 0).replace(/\s/g, '')));
      out.push({ ref: v.ref(null, c), value: parts.reduce((a, r) => a + (v.cents(r, c) ?? 0), 0), label: `${v.title} 各项合计` });
      continue;
    }
    const t = extraTotal(v, c);
    if (t) out.push({ ref: v.ref(t.r, c), value: t.value, label: `${v.title} ${label}` });
  }
  return out;
}

export function conceptTargets(ctx: CheckContext, id: string): Candidate[] {
  const t1 = ctx.table('t1');
  const t2 = ctx.table('t2');
  const t3 = ctx.table('t3');
  const t4 = ctx.table('t4');
  const t5 = ctx.table('t5');
  const t6 = ctx.table('t6');
  switch (id) {
    case 'totalIncome':
      return [...summaryTotals(t1, 'income', 2), ...totalOf(t2, 3, '合计'), ...totalOf(t2, 4, '本年收入小计')];
    case 'totalExpense':
      return [...summaryTotals(t1, 'expenditure', 4), ...totalOf(t3, 3, '合计')];
    case 'totalBoth':
      return [...conceptTargets(ctx, 'totalIncome'), ...conceptTargets(ctx, 'totalExpense')];
    case 'gpbIncome':
      return [...income(t1, 'gpb', '一般公共预算拨款收入'), ...income(t4, 'gpb', '一般公共预算拨款'), ...totalOf(t5, 3, '合计')];
    case 'fundIncome':
      return [...income(t1, 'fund', '政府性基金预算拨款收入'), ...income(t4, 'fund', '政府性基金预算拨款'), ...totalOf(ctx.table('t7'), 3, '合计')];
    case 'socIncome':
      return [...income(t1, 'soc', '国有资本经营预算拨款收入'), ...income(t4, 'soc', '国有资本经营预算拨款'), ...totalOf(ctx.table('t8'), 3, '合计')];
    case 'fiscalIncome':
      return [...totalOf(t2, 5, '财政拨款收入合计'), ...(t4 ? summaryTotals(t4, 'income', 2) : [])];
    case 'specialIncome':
      return [...income(t1, 'special', '财政专户管理资金收入'), ...totalOf(t2, 6, '财政专户收入合计')];
    case 'businessIncome':
      return [...income(t1, 'business', '事业收入'), ...totalOf(t2, 7, '事业收入合计')];
    case 'operatingIncome':
      return [...income(t1, 'operating', '事业单位经营收入'), ...totalOf(t2, 8, '经营收入合计')];
    case 'otherIncome':
      return [...income(t1, 'other', '其他收入'), ...totalOf(t2, 11, '其他收入合计')];
    case 'carryOver': {
      const out = totalOf(t2, 12, '上年结转合计');
      if (t1) for (const g of summaryIndex(t1).income.carry) out.push({ ref: t1.ref(g.head, 2), value: carryValue(t1, g, 2), label: `${t1.name} 上年结转结余` });
      return out;
    }
    case 'gpbExpense':
      return [...totalOf(t5, 3, '合计'), ...(t4 ? summaryTotals(t4, 'expenditure', 5) : [])];
    case 'fiscalExpense':
      return [...(t4 ? summaryTotals(t4, 'expenditure', 4) : [])];
    case 'fundExpense':
      return [...totalOf(ctx.table('t7'), 3, '合计'), ...(t4 ? summaryTotals(t4, 'expenditure', 6) : [])];
    case 'basic':
      return [...totalOf(t3, 4, '基本支出合计'), ...totalOf(t5, 4, '基本支出合计'), ...totalOf(t6, 3, '合计')];
    case 'project':
      return [...totalOf(t3, 5, '项目支出合计'), ...totalOf(t5, 5, '项目支出合计')];
    case 'personnel':
      return totalOf(t6, 4, '人员经费合计');
    case 'publicUse':
    case 'operatingCost':
      return totalOf(t6, 5, '公用经费合计');
    case 'sangong':
      return sangong(ctx, 'all');
    case 'abroad':
      return [...sangong(ctx, 'abroad'), ...t6Line(ctx, '30212')];
    case 'carTotal':
      return sangong(ctx, 'car');
    case 'carBuy':
      return [...sangong(ctx, 'car', 'carBuy'), ...t6Line(ctx, '31013')];
    case 'carRun':
      return [...sangong(ctx, 'car', 'carRun'), ...t6Line(ctx, '30231')];
    case 'reception':
      return [...sangong(ctx, 'reception'), ...t6Line(ctx, '30217')];
    case 'meeting':
      return [...sangong(ctx, 'meeting'), ...t6Line(ctx, '30215')];
    case 'training':
      return [...sangong(ctx, 'training'), ...t6Line(ctx, '30216')];
    case 'procurement':
      return extraCandidates(ctx, isProcurement, procurementAmountColumn, '合计');
    case 'assetsHeld':
      return extraCandidates(ctx, isFixedAssets, assetValueColumn, '资产总额');
    default:
      break;
  }
  if (id.startsWith('category:')) return categoryTargets(ctx, id.slice('category:'.length));
  if (id.startsWith('line:')) return t6Line(ctx, id.slice('line:'.length));
  return [];
}

function categoryTargets(ctx: CheckContext, name: string): Candidate[] {
  const out: Candidate[] = [];
  const t1 = ctx.table('t1');
  if (t1) {
    const s = summaryIndex(t1).expenditure;
    const r = s.items.find((i) => normLabel(t1.text(i, 3)) === name);
    out.push(...cell(t1, r, 4, name));
  }
  const t3 = ctx.table('t3');
  if (t3) {
    const code = ctx.catalog.categoryCode(name, ctx.year);
    const row = codeTree(t3).rows.find((x) => x.level === 0 && (normLabel(x.name) === name || x.code === code));
    if (row) out.push(...cell(t3, row.r, 3, `${row.code} ${row.name}`));
  }
  return out;
}

/** Aliases the narrative uses for t6 lines (机关运行经费 paragraphs). */
const LINE_ALIASES: Record<string, string[]> = {
  '30213': ['日常维修费', '维修费', '维护费'],
  '30239': ['交通补贴', '交通费'],
  '31002': ['一般设备购置费', '办公设备购置费', '设备购置费'],
  '30207': ['邮电费', '通讯费'],
  '30209': ['物业管理费', '物业费'],
};

const categoryConcepts = new Map<string, DynamicConcept[]>();

/** A 功能分类 category name as narrative concepts: the name, and its short form (社会保障和就业支出 → 社会保障支出). */
function categoryConcept(name: string): DynamicConcept[] {
  let list = categoryConcepts.get(name);
  if (!list) {
    list = [{ id: `category:${name}`, label: name, severity: 'warning', pattern: new RegExp(escapeRegExp(name), 'g'), hint: name }];
    const short = /^(.{2,}?)(?:和|与|及).+支出$/.exec(name);
    if (short) list.push({ id: `category:${name}`, label: name, severity: 'warning', pattern: new RegExp(`${escapeRegExp(short[1]!)}支出`, 'g'), hint: `${short[1]!}支出` });
    categoryConcepts.set(name, list);
  }
  return list;
}

/** Category names (t1 支出 lines, catalogue 类) and t6 lines as narrative concepts. */
export function dynamicConcepts(ctx: CheckContext): DynamicConcept[] {
  const out: DynamicConcept[] = [];
  const names = new Set<string>();
  const t1 = ctx.table('t1');
  if (t1) for (const r of summaryIndex(t1).expenditure.items) names.add(normLabel(t1.text(r, 3)));
  for (const c of ctx.catalog.categories(ctx.year)) names.add(c.name);
  for (const name of names) if (/支出$/.test(name) && name.length >= 4) out.push(...categoryConcept(name));
  const t6 = ctx.table('t6');
  if (t6) {
    for (const row of codeTree(t6).rows) {
      if (row.level !== 1) continue;
      const words = [normLabel(row.name), ...(LINE_ALIASES[row.code] ?? [])].filter((w) => w.length >= 2);
      for (const w of new Set(words)) {
        const pattern = new RegExp(escapeRegExp(w).replace(/\\\(/g, '[（(]').replace(/\\\)/g, '[)）]'), 'g');
        out.push({ id: `line:${row.code}`, label: `${row.code} ${row.name}`, severity: 'warning', pattern, hint: w.slice(0, 2) });
      }
    }
  }
  return out;
}
