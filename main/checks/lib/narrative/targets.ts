// The table cells a narrative concept must equal, found by meaning in whatever layout printed them, each in
// 分 with its printed precision. A statement agrees when it equals any of them (the cross-table rules
// already report tables that disagree among themselves).
import type { CellRef } from '../../../model/types.js';
import type { CheckContext } from '../../types.js';
import { codePanels, codeTree } from '../codes.js';
import { isFixedAssets, isProcurement, isTotalRow, type ExtraView } from '../extra.js';
import { codeCell, sideItem, sideOf, sideTotal, tableTotal, thisYearTotal, type Cell } from '../facts.js';
import { escapeRegExp, normLabel, squash } from '../labels.js';
import { sangongCell, SANGONG_KINDS, isVertical, sangongRows } from '../sangong.js';
import { carryValue } from '../summary.js';
import { tableOf, type Role } from '../keys.js';
import type { TableView } from '../view.js';
import type { DynamicConcept } from './index.js';
import { maxOf } from '../../../model/extent.js';

export interface Candidate {
  ref: CellRef;
  /** 分. */
  value: number;
  /** Printed precision in 分. */
  step: number;
  /** 元 per unit of the printed figure. */
  factor: number;
  label: string;
}

const fromCell = (cell: Cell | null, label?: string): Candidate[] => {
  if (!cell) return [];
  const a = cell.view.amount(cell.r, cell.c);
  return a ? [{ ref: a.ref, value: a.fen, step: a.step, factor: a.factor, label: label ?? a.label }] : [];
};

function sangong(ctx: CheckContext, concept: string): Candidate[] {
  const v = tableOf(ctx, 'sangong');
  if (!v) return [];
  const stage = ctx.doc.kind === '决算' ? 'actual' : 'budget';
  if (concept === 'sangong') {
    const out = fromCell(((c) => (c ? { view: v, ...c } : null))(sangongCell(v, 'sangong', stage)));
    if (isVertical(v)) {
      // Tables that add 会议费/培训费 under one 合计: the 三公 proper are 一 + 二 + 三.
      const rows = sangongRows(v);
      const core = rows.items.filter((i) => SANGONG_KINDS.includes(i.kind));
      const c = v.column('general') ?? v.totalColumn(0);
      if (c !== null && core.length && core.length < rows.items.length) {
        const a = v.amount(core[0]!.r, c)!;
        out.push({ ref: a.ref, value: core.reduce((s, i) => s + (v.fen(i.r, c) ?? 0), 0), step: a.step, factor: a.factor, label: `${v.title} 因公出国（境）费、公务用车购置及运行费、公务接待费之和` });
      }
      out.push(...fromCell(rows.total === null ? null : { view: v, r: rows.total, c: v.totalColumn(0) ?? 0 }));
    }
    return out;
  }
  const at = sangongCell(v, concept, stage);
  const out = fromCell(at ? { view: v, ...at } : null);
  // Vertical tables: the 合计 column too (a narrative may state all funds).
  if (at && isVertical(v)) {
    const total = v.totalColumn(0);
    if (total !== null && total !== at.c) out.push(...fromCell({ view: v, r: at.r, c: total }));
  }
  return out;
}

function economicLine(ctx: CheckContext, code: string): Candidate[] {
  const v = tableOf(ctx, 'basic');
  if (!v) return [];
  for (const p of codePanels(v)) {
    const row = codeTree(v, p).byCode.get(code);
    const c = v.totalColumn(p);
    if (row && c !== null) return fromCell({ view: v, r: row.r, c }, `${v.title} ${code} ${row.name}`);
  }
  return [];
}

/** The total of an extra table's amount column: its 合计 row when printed, else the sum of its rows. */
export function extraTotal(v: ExtraView, col: number): { value: number; r: number | null } | null {
  let acc = 0;
  for (let r = 0; r < v.rows.length; r++) {
    const val = v.cents(r, col);
    if (isTotalRow(v, r)) {
      if (/^合计$|^总计$/.test(normLabel(v.text(r, 0))) && val !== null) return { value: val, r };
      continue;
    }
    if (val !== null) acc += val;
  }
  return { value: acc, r: null };
}

export function procurementAmountColumn(v: ExtraView): number | null {
  return v.column(/采购金额.*合计|政府采购金额\/合计/) ?? v.column(/^合计$|\/合计$|^总计$/) ?? v.column(/采购金额|金额/);
}

export function assetValueColumn(v: ExtraView): number | null {
  return v.column(/价值|金额|原值/);
}

/** An extra table's figures are in its printed unit, else the document's. */
const extraFactor = (ctx: CheckContext, v: ExtraView): number => {
  const u = squash(v.table.unit ?? ctx.doc.unit);
  return u === '元' ? 1 : u === '亿元' ? 100_000_000 : 10_000;
};

function extraCandidates(ctx: CheckContext, pick: (v: ExtraView) => boolean, column: (v: ExtraView) => number | null, label: string): Candidate[] {
  const out: Candidate[] = [];
  for (const v of ctx.extras.filter(pick)) {
    const c = column(v);
    if (c === null) continue;
    const f = extraFactor(ctx, v);
    const push = (ref: CellRef, cents: number, name: string) => out.push({ ref, value: cents * f, step: f, factor: f, label: name });
    if (isFixedAssets(v)) {
      const totalRow = v.rows.findIndex((_, r) => /资产总额|^合计$|^总计$/.test(normLabel(v.text(r, 0))));
      if (totalRow >= 0) {
        const val = v.cents(totalRow, c);
        if (val !== null) push(v.ref(totalRow, c), val, `${v.title} ${normLabel(v.text(totalRow, 0))}`);
      }
      const parts = v.rows.map((_, r) => r).filter((r) => r !== totalRow && !/^其中/.test(v.text(r, 0).replace(/\s/g, '')));
      push(v.ref(null, c), parts.reduce((a, r) => a + (v.cents(r, c) ?? 0), 0), `${v.title} 各项合计`);
      continue;
    }
    const t = extraTotal(v, c);
    if (t) push(v.ref(t.r, c), t.value, `${v.title} ${label}`);
  }
  return out;
}

/** 机关运行经费 printed as its own table (Jiangsu's 一般公共预算机关运行经费支出预算表). */
const isAdminCostTable = (v: ExtraView): boolean => /机关运行经费/.test(v.title);

export function conceptTargets(ctx: CheckContext, id: string): Candidate[] {
  const [t1, t2, t3, t4, t5, t6, t7, t8] = (['summary', 'income', 'expense', 'fiscal', 'general', 'basic', 'fund', 'soe'] as Role[]).map((r) => tableOf(ctx, r));
  const both = (v: TableView | null, side: 'income' | 'expense', concept = 'total'): Candidate[] => [
    ...fromCell(sideTotal(v, side, 'subtotal', concept)), ...fromCell(sideTotal(v, side, 'grand', concept)),
  ];
  switch (id) {
    case 'totalIncome':
      return [...both(t1 ?? null, 'income'), ...fromCell(tableTotal(t2 ?? null)), ...fromCell(tableTotal(t2 ?? null, 'income'))];
    case 'totalExpense':
      return [...both(t1 ?? null, 'expense'), ...fromCell(tableTotal(t3 ?? null))];
    case 'totalBoth':
      return [...conceptTargets(ctx, 'totalIncome'), ...conceptTargets(ctx, 'totalExpense')];
    case 'gpbIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'general')), ...fromCell(sideItem(t4 ?? null, 'income', 'general')), ...fromCell(tableTotal(t5 ?? null))];
    case 'fundIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'fund')), ...fromCell(sideItem(t4 ?? null, 'income', 'fund')), ...fromCell(tableTotal(t7 ?? null))];
    case 'socIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'soe')), ...fromCell(sideItem(t4 ?? null, 'income', 'soe')), ...fromCell(tableTotal(t8 ?? null))];
    case 'fiscalIncome':
      return [...fromCell(tableTotal(t2 ?? null, 'fiscal')), ...both(t4 ?? null, 'income'), ...fromCell(sideItem(t1 ?? null, 'income', 'fiscal'))];
    case 'specialIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'specialAccount')), ...fromCell(tableTotal(t2 ?? null, 'specialAccount'))];
    case 'businessIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'business')), ...fromCell(tableTotal(t2 ?? null, 'business'))];
    case 'operatingIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'operating')), ...fromCell(tableTotal(t2 ?? null, 'operating'))];
    case 'otherIncome':
      return [...fromCell(sideItem(t1 ?? null, 'income', 'otherIncome')), ...fromCell(tableTotal(t2 ?? null, 'otherIncome')), ...fromCell(sideItem(t1 ?? null, 'income', 'otherFunds'))];
    case 'carryOver': {
      const out = fromCell(tableTotal(t2 ?? null, 'carryIn'));
      const s = sideOf(t1 ?? null, 'income');
      const c = t1 && s ? t1.totalColumn(s.panels[0]!) : null;
      if (t1 && s && c !== null) {
        for (const g of s.carry) {
          const a = t1.amount(g.head, c);
          if (a) out.push({ ref: a.ref, value: carryValue(t1, g, c), step: a.step, factor: a.factor, label: a.label });
        }
      }
      return out;
    }
    case 'gpbExpense':
      return [...fromCell(tableTotal(t5 ?? null)), ...both(t4 ?? null, 'expense', 'general'), ...fromCell(sideItem(t4 ?? null, 'income', 'general'))];
    case 'fiscalExpense':
      return [...both(t4 ?? null, 'expense'), ...fromCell(thisYearTotal(t4 ?? null, 'income'))];
    case 'fundExpense':
      return [...fromCell(tableTotal(t7 ?? null)), ...both(t4 ?? null, 'expense', 'fund')];
    case 'socExpense':
      return [...fromCell(tableTotal(t8 ?? null)), ...both(t4 ?? null, 'expense', 'soe')];
    case 'basic':
      return [...fromCell(tableTotal(t3 ?? null, 'basic')), ...fromCell(tableTotal(t5 ?? null, 'basic')), ...fromCell(tableTotal(t6 ?? null)), ...fromCell(sideItem(t1 ?? null, 'expense', 'basic'))];
    case 'project':
      return [...fromCell(tableTotal(t3 ?? null, 'project')), ...fromCell(tableTotal(t5 ?? null, 'project')), ...fromCell(sideItem(t1 ?? null, 'expense', 'project'))];
    case 'reserve':
      return [...fromCell(tableTotal(t3 ?? null, 'reserve')), ...fromCell(sideItem(t1 ?? null, 'expense', 'reserve'))];
    case 'personnel':
      return personnelPublic(t6 ?? null, 'personnel');
    case 'publicUse':
      return personnelPublic(t6 ?? null, 'public');
    case 'operatingCost':
      return [...sangong(ctx, 'adminCost'), ...extraCandidates(ctx, isAdminCostTable, (v) => v.column(/机关运行经费|金额/), '合计'), ...personnelPublic(t6 ?? null, 'public')];
    case 'sangong':
      return sangong(ctx, 'sangong');
    case 'abroad':
      return [...sangong(ctx, 'abroad'), ...economicLine(ctx, '30212')];
    case 'carTotal':
      return sangong(ctx, 'vehicle');
    case 'carBuy':
      return [...sangong(ctx, 'vehiclePurchase'), ...economicLine(ctx, '31013')];
    case 'carRun':
      return [...sangong(ctx, 'vehicleRunning'), ...economicLine(ctx, '30231')];
    case 'reception':
      return [...sangong(ctx, 'reception'), ...economicLine(ctx, '30217')];
    case 'meeting':
      return [...sangong(ctx, 'meeting'), ...economicLine(ctx, '30215')];
    case 'training':
      return [...sangong(ctx, 'training'), ...economicLine(ctx, '30216')];
    case 'procurement':
      return extraCandidates(ctx, isProcurement, procurementAmountColumn, '合计');
    case 'assetsHeld':
      return extraCandidates(ctx, isFixedAssets, assetValueColumn, '资产总额');
    default:
      break;
  }
  if (id.startsWith('category:')) return categoryTargets(ctx, id.slice('category:'.length));
  if (id.startsWith('line:')) return economicLine(ctx, id.slice('line:'.length));
  if (id.startsWith('item:')) return itemTargets(ctx, id.slice('item:'.length));
  return [];
}

/** 人员经费 / 公用经费: the 基本支出 table's column total, or its 人员经费合计/公用经费合计 line (决算 layout). */
function personnelPublic(v: TableView | null, concept: 'personnel' | 'public'): Candidate[] {
  if (!v) return [];
  const out = fromCell(tableTotal(v, concept));
  // A 基本支出 table without 人员/公用 columns: 人员经费 = 301 + 303, 公用经费 = 302 + 310 (经济分类 类).
  if (!out.length) out.push(...classSum(v, concept === 'personnel' ? ['301', '303'] : ['302', '310'], concept === 'personnel' ? '工资福利支出与对个人和家庭的补助之和' : '商品和服务支出与资本性支出之和'));
  const word = concept === 'personnel' ? '人员经费合计' : '公用经费合计';
  for (const p of codePanels(v)) {
    const r = codeTree(v, p).totalRow;
    const c = v.totalColumn(p);
    if (r !== null && c !== null && normLabel(v.entryAt(r, c)?.label ?? '') === word) out.push(...fromCell({ view: v, r, c }));
  }
  return out;
}

/** The sum of some 经济分类 类 rows of a 基本支出 table (those printed), as one candidate. */
function classSum(v: TableView, codes: string[], name: string): Candidate[] {
  const cells = codes.map((code) => codeCell(v, code)).filter((c): c is Cell => c !== null);
  if (!cells.length) return [];
  const amounts = cells.map((c) => c.view.amount(c.r, c.c)).filter((a) => a !== null);
  if (!amounts.length) return [];
  return [{ ref: amounts[0]!.ref, value: amounts.reduce((a, x) => a + x!.fen, 0), step: maxOf(amounts, (x) => x!.step), factor: v.factor, label: `${v.title} ${name}` }];
}

/** A 科目 code's cell in the 功能分类 tables (一般公共预算支出表 first, then 支出总表, 收入总表 财政拨款). */
function itemTargets(ctx: CheckContext, code: string): Candidate[] {
  const out: Candidate[] = [];
  for (const role of ['general', 'expense', 'income'] as Role[]) {
    const v = tableOf(ctx, role);
    out.push(...fromCell(codeCell(v, code)));
    if (role === 'income') out.push(...fromCell(codeCell(v, code, 'fiscal')));
  }
  return out;
}

function categoryTargets(ctx: CheckContext, name: string): Candidate[] {
  const out: Candidate[] = [];
  const t1 = tableOf(ctx, 'summary');
  const s = sideOf(t1, 'expense');
  if (t1 && s) {
    for (const p of s.panels) {
      const it = (s.items.get(p) ?? []).find((i) => i.label === name);
      const c = t1.totalColumn(p);
      if (it && c !== null) out.push(...fromCell({ view: t1, r: it.r, c }));
    }
  }
  const code = ctx.catalog.categoryCode(name, ctx.year);
  for (const role of ['expense', 'general'] as Role[]) {
    const v = tableOf(ctx, role);
    const panel = v ? codePanels(v)[0] : undefined;
    if (!v || panel === undefined) continue;
    const row = codeTree(v, panel).rows.find((x) => x.level === 0 && (normLabel(x.name) === name || x.code === code));
    const c = v.totalColumn(panel);
    if (row && c !== null) out.push(...fromCell({ view: v, r: row.r, c }));
  }
  return out;
}

/** Aliases the narrative uses for 基本支出 lines (机关运行经费 paragraphs). */
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

/** Category names (收支总表 支出 lines, catalogue 类) and 基本支出 lines as narrative concepts. */
export function dynamicConcepts(ctx: CheckContext): DynamicConcept[] {
  const out: DynamicConcept[] = [];
  const names = new Set<string>();
  const t1 = tableOf(ctx, 'summary');
  const s = sideOf(t1, 'expense');
  if (s) for (const p of s.panels) for (const it of s.items.get(p) ?? []) names.add(it.label);
  for (const c of ctx.catalog.categories(ctx.year)) names.add(c.name);
  for (const name of names) if (/支出$/.test(name) && name.length >= 4) out.push(...categoryConcept(name));
  const t6 = tableOf(ctx, 'basic');
  if (t6) {
    for (const p of codePanels(t6)) {
      for (const row of codeTree(t6, p).rows) {
        if (row.level !== 1) continue;
        const words = [normLabel(row.name), ...(LINE_ALIASES[row.code] ?? [])].filter((w) => w.length >= 2);
        for (const w of new Set(words)) {
          const pattern = new RegExp(escapeRegExp(w).replace(/\\\(/g, '[（(]').replace(/\\\)/g, '[)）]'), 'g');
          out.push({ id: `line:${row.code}`, label: `${row.code} ${row.name}`, severity: 'warning', pattern, hint: w.slice(0, 2) });
        }
      }
    }
  }
  return out;
}
