// The vocabulary of budget tables as data: what a printed column header or row label means, whatever the
// province prints. A column is a label (序号, 科目编码 or its 类/款/项 parts, 科目名称, 项目) or an amount of
// a concept (合计, 财政拨款收入, 基本支出, 人员经费, 公务接待费 …), possibly qualified by a stage (预算数,
// 决算数, 年初预算, 全年预算) and a side (收入/支出). Patterns match a normalised header text (see
// normalizeHeader) as a whole. A layout family (../families) may add words to any of these lists.

export type LabelRole = 'seq' | 'code' | 'code-lei' | 'code-kuan' | 'code-xiang' | 'name' | 'item';
export type Stage = 'budget' | 'initial' | 'full' | 'actual';
export type Side = 'income' | 'expense';

export interface ConceptDef {
  /** Stable id used by the checks ('total', 'fiscal', 'basic', 'reception' …). */
  id: string;
  /** The Chinese name an auditor reads in messages. */
  name: string;
  /** Regular-expression sources matched against the whole normalised text. */
  words: string[];
  side?: Side;
  /** A heading that groups sub-columns; a 合计/小计 under it is the group's own total. */
  group?: boolean;
}

export interface Lexicon {
  labels: Record<LabelRole, string[]>;
  /** Headings over label columns only (项目, 功能分类科目): they say nothing about amounts. */
  labelCaptions: string[];
  /** Words that name "the amount" without saying of what: resolved from the headings above. */
  generic: string[];
  stages: Record<Stage, string[]>;
  sides: Record<Side, string[]>;
  columns: ConceptDef[];
  /** Row labels of item tables (收支总表, 财政拨款收支总表, a vertical 三公 table, a 收入总表 by source). */
  rows: ConceptDef[];
}

const PAREN = '[(（]';
const CLOSE = '[)）]';
const Q = '["“”]?';

/** Concepts that mean the same printed as a column or as a row label. */
const SHARED: ConceptDef[] = [
  { id: 'fiscal', name: '财政拨款收入', words: ['财政拨款(收入|资金)?(合计)?', '财政拨款'], side: 'income' },
  { id: 'general', name: '一般公共预算', words: ['一般公共预算(财政)?(拨款)?(收入|资金|支出)?', '公共财政(预算)?(拨款)?(收入|资金)?', '一般公共预算财政拨款(收入|支出)?'] },
  { id: 'fund', name: '政府性基金预算', words: ['政府性?基金(预算)?(财政)?(拨款)?(收入|资金|支出)?'] },
  { id: 'soe', name: '国有资本经营预算', words: ['国有资本经营(预算)?(财政)?(拨款)?(收入|资金|支出)?'] },
  { id: 'specialAccount', name: '财政专户管理资金收入', words: ['财政专户(管理)?(资金)?(收入)?', '纳入财政专户管理的(事业)?收入', '专户管理资金'], side: 'income' },
  { id: 'business', name: '事业收入', words: ['事业收入'], side: 'income' },
  { id: 'operating', name: '事业单位经营收入', words: ['(事业单位)?经营收入'], side: 'income' },
  { id: 'superior', name: '上级补助收入', words: ['上级补助收入'], side: 'income' },
  { id: 'affiliated', name: '附属单位上缴收入', words: ['附属单位上缴收入'], side: 'income' },
  { id: 'otherIncome', name: '其他收入', words: ['其他收入'], side: 'income' },
  { id: 'unitFunds', name: '单位资金', words: ['单位资金'], side: 'income' },
  { id: 'carryIn', name: '上年结转', words: ['上年结转(结余|和结余)?(资金)?', '年初(财政拨款)?结转和结余', '上年结余', '上年结转和结余资金'], side: 'income' },
  { id: 'carryOut', name: '结转下年', words: ['结转下年(资金)?', '年末(财政拨款)?结转和结余', '年终结转结余', '年末结转结余'], side: 'expense' },
  { id: 'basic', name: '基本支出', words: ['基本支出'], side: 'expense', group: true },
  { id: 'project', name: '项目支出', words: ['项目支出'], side: 'expense' },
  { id: 'operatingExp', name: '经营支出', words: ['经营支出'], side: 'expense' },
  { id: 'remitUp', name: '上缴上级支出', words: ['(上缴|上解)上级支出'], side: 'expense' },
  { id: 'subsidyAffiliated', name: '对附属单位补助支出', words: ['对附属单位补助支出'], side: 'expense' },
  { id: 'reserve', name: '单位预留机动经费', words: ['单位预留机动经费', '预留机动经费'], side: 'expense' },
  { id: 'personnel', name: '人员经费', words: ['人员经费'], side: 'expense' },
  { id: 'public', name: '公用经费', words: ['(日常)?公用经费'], side: 'expense' },
  { id: 'sangong', name: '“三公”经费', words: [`(财政拨款)?${Q}三公${Q}经费(支出)?(合计|小计)?`], group: true },
  { id: 'abroad', name: '因公出国（境）费', words: [`因公出国${PAREN}?境${CLOSE}?费(用)?`] },
  { id: 'vehicle', name: '公务用车购置及运行费', words: ['公务用车购置及运行(维护|维修)?费', '公务用车购置及运维费'], group: true },
  { id: 'vehiclePurchase', name: '公务用车购置费', words: ['(公务用车)?购置费'] },
  { id: 'vehicleRunning', name: '公务用车运行维护费', words: ['(公务用车)?运行(维护|维修)?费'] },
  { id: 'reception', name: '公务接待费', words: ['公务接待费'] },
  { id: 'meeting', name: '会议费', words: ['会议费'] },
  { id: 'training', name: '培训费', words: ['培训费'] },
  { id: 'adminCost', name: '机关运行经费', words: ['(一般公共预算)?机关运行经费(支出)?'] },
];

export const GENERIC_LEXICON: Lexicon = {
  labels: {
    seq: ['序号', '行次'],
    code: ['(支出)?(功能|经济)?(分类)?(科目)?编码', '(部门预算|政府预算)?(支出)?经济分类(科目)?编码', '(支出)?功能分类(科目)?编码', '科目代码'],
    'code-lei': ['类'],
    'code-kuan': ['款'],
    'code-xiang': ['项'],
    name: ['(部门)?(支出)?(功能|经济)?(分类)?(科目)?名称', '(部门)?经济分类科目名称', '功能分类科目名称'],
    item: ['项目(名称)?', '项目类别', '收入项目', '支出项目'],
  },
  labelCaptions: ['项目', '(支出)?(功能|经济)分类(科目)?', '(部门预算|政府预算)?(支出)?经济分类(科目)?', '科目'],
  generic: ['合计', '小计', '总计', '金额', '数额', '预算数', '决算数', '本年预算数', '预算金额', '决算金额', '本年预算', '预算', '决算'],
  stages: {
    budget: ['.*预算数', '预算', '预算金额', '本年预算'],
    initial: ['年初预算(数)?'],
    full: ['全年预算(数)?', '调整(后)?预算(数)?'],
    actual: ['.*决算数', '决算', '决算金额', '实际(支出)?数'],
  },
  sides: {
    income: ['收入', '本年收入', '收入预算', '财政拨款收入', '收入决算'],
    expense: ['支出', '本年支出', '支出预算', '财政拨款支出', '支出决算', '支出用途', '功能分类'],
  },
  columns: [
    { id: 'income', name: '本年收入', words: ['本年收入(合计)?', '当年收入'], side: 'income', group: true },
    { id: 'expense', name: '本年支出', words: ['本年支出(合计)?', '当年支出'], side: 'expense', group: true },
    ...SHARED,
  ],
  rows: [
    { id: 'incomeSubtotal', name: '本年收入合计', words: ['本年收入(合计|小计)', '当年收入(合计|小计)'], side: 'income' },
    { id: 'incomeTotal', name: '收入合计', words: ['收入合计'], side: 'income' },
    { id: 'incomeGrand', name: '收入总计', words: ['收入总计', '收入合计总计'], side: 'income' },
    { id: 'expenseSubtotal', name: '本年支出合计', words: ['本年支出(合计|小计)', '当年支出(合计|小计)'], side: 'expense' },
    { id: 'expenseTotal', name: '支出合计', words: ['支出合计'], side: 'expense' },
    { id: 'expenseGrand', name: '支出总计', words: ['支出总计'], side: 'expense' },
    { id: 'total', name: '合计', words: ['合计', '总计', '小计'] },
    { id: 'balanceUse', name: '使用非财政拨款结余', words: ['使用非财政拨款结余.*', '用事业基金弥补收支差额', '使用专用结余'], side: 'income' },
    { id: 'surplusDistribution', name: '结余分配', words: ['结余分配'], side: 'expense' },
    { id: 'otherFunds', name: '其他资金', words: ['其他资金'], side: 'income' },
    ...SHARED,
  ],
};

/** Header and label text as compared: no spaces, no year prefix, one kind of quotes and brackets. */
export function normalizeHeader(text: string): string {
  return String(text ?? '')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/^(\d{4}年度?)/, '')
    .replace(/^(其中|含)[:：]/, '')
    .replace(/^([（(][一二三四五六七八九十]+[)）][、.．]?|[一二三四五六七八九十]+[、.．]|[（(]?\d{1,2}[)）]?[、.．](?!\d)|[（(]\d{1,2}[)）])/, '')
    .replace(/^(其中|含)[:：]/, '')
    .replace(/[‘’「」『』]/g, '"')
    .replace(/[“”]/g, '"')
    .replace(/：/g, ':');
}
