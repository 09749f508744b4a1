// What a narrative amount speaks of, recognised by the words just before it. Each concept names the
// table cells it must equal (resolved in ./targets.ts). Order does not matter: the match ending
// nearest the number wins, the longest on a tie.

export type ConceptId =
  | 'totalIncome' | 'totalExpense' | 'totalBoth'
  | 'gpbIncome' | 'fundIncome' | 'socIncome' | 'fiscalIncome' | 'specialIncome' | 'businessIncome'
  | 'operatingIncome' | 'otherIncome' | 'carryOver'
  | 'gpbExpense' | 'fiscalExpense' | 'fundExpense' | 'socExpense'
  | 'basic' | 'project' | 'reserve' | 'personnel' | 'publicUse' | 'operatingCost'
  | 'sangong' | 'abroad' | 'carTotal' | 'carBuy' | 'carRun' | 'reception' | 'meeting' | 'training'
  | 'procurement' | 'procurementGoods' | 'procurementWorks' | 'procurementServices' | 'assetsHeld' | 'assetsPurchase';

export interface Concept {
  id: ConceptId;
  /** How the message names it. */
  label: string;
  pattern: RegExp;
  /** Contradicting its table is certain (error) or depends on how the department reads the term (warning). */
  severity: 'error' | 'warning';
}

const Q = '["“”\'‘’]?';

export const CONCEPTS: Concept[] = [
  { id: 'totalIncome', label: '收入预算', pattern: /收入预算|预算收入|收入总计|总收入|收入合计|本年收入|全部收入/g, severity: 'error' },
  { id: 'totalExpense', label: '支出预算', pattern: /支出预算|预算支出|支出总计|总支出|支出合计|本年支出|全部支出/g, severity: 'error' },
  { id: 'totalBoth', label: '预算收支总额', pattern: /收、?支预算|预算收、?支|收、?支总预算|收、?支安排|收、?支总额|收、?支(?:预算)?总计|收入、?支出(?:预算)?(?:总计|总额)|预算总额|预算总计/g, severity: 'error' },
  { id: 'gpbIncome', label: '一般公共预算拨款收入', pattern: /一般公共预算(?:财政)?(?:拨款)?收入|一般公共预算(?:财政)?拨款/g, severity: 'error' },
  { id: 'fundIncome', label: '政府性基金预算拨款收入', pattern: /政府性?基金预算(?:财政)?(?:拨款)?收入|政府性基金(?:拨款)?收入|基金预算(?:拨款)?收入/g, severity: 'error' },
  { id: 'socIncome', label: '国有资本经营预算拨款收入', pattern: /国有资本经营预算(?:财政)?(?:拨款)?收入/g, severity: 'error' },
  { id: 'fiscalIncome', label: '财政拨款收入', pattern: /财政拨款收、?支(?:总预算|预算|总计)?|财政拨款收入|财政拨款/g, severity: 'error' },
  { id: 'specialIncome', label: '财政专户管理资金收入', pattern: /财政专户(?:管理资金|核拨)?(?:资金)?收入/g, severity: 'error' },
  { id: 'businessIncome', label: '事业收入', pattern: /(?<!其他)事业收入/g, severity: 'error' },
  { id: 'operatingIncome', label: '经营收入', pattern: /(?:事业单位)?经营收入/g, severity: 'error' },
  { id: 'otherIncome', label: '其他收入', pattern: /其他收入|其他资金(?:收入)?/g, severity: 'error' },
  { id: 'carryOver', label: '上年结转', pattern: /上年结转(?:结余)?|年初结转(?:和结余)?/g, severity: 'error' },
  { id: 'gpbExpense', label: '一般公共预算财政拨款支出', pattern: /一般公共预算(?:财政)?(?:拨款)?支出/g, severity: 'error' },
  { id: 'fiscalExpense', label: '财政拨款支出', pattern: /财政拨款(?:预算)?支出/g, severity: 'error' },
  { id: 'fundExpense', label: '政府性基金预算财政拨款支出', pattern: /政府性?基金(?:预算)?(?:财政)?(?:拨款)?支出/g, severity: 'error' },
  { id: 'socExpense', label: '国有资本经营预算财政拨款支出', pattern: /国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出/g, severity: 'error' },
  { id: 'basic', label: '基本支出', pattern: /基本支出/g, severity: 'error' },
  { id: 'project', label: '项目支出', pattern: /项目支出/g, severity: 'error' },
  { id: 'reserve', label: '单位预留机动经费', pattern: /(?:单位)?预留机动经费/g, severity: 'error' },
  { id: 'personnel', label: '人员经费', pattern: /人员经费/g, severity: 'error' },
  { id: 'publicUse', label: '公用经费', pattern: /(?:日常)?公用经费/g, severity: 'error' },
  { id: 'operatingCost', label: '机关运行经费', pattern: /机关运行经费|机关运行费|运行经费/g, severity: 'warning' },
  { id: 'sangong', label: '“三公”经费', pattern: new RegExp(`${Q}三公${Q}经费`, 'g'), severity: 'error' },
  { id: 'abroad', label: '因公出国（境）费', pattern: /因公出国[（(]?境[)）]?费用?|出国[（(]境[)）]费用?/g, severity: 'error' },
  { id: 'carTotal', label: '公务用车购置及运行维护费', pattern: /公务(?:用)?车(?:用车)?购置及运(?:行)?(?:维(?:护)?)?费/g, severity: 'error' },
  { id: 'carBuy', label: '公务用车购置费', pattern: /公务(?:用)?车购置(?:费)?(?!及)/g, severity: 'error' },
  { id: 'carRun', label: '公务用车运行维护费', pattern: /(?<!购置及)公务(?:用)?车(?:用车)?运(?:行)?(?:维(?:护)?)?费|(?<!购置及)运行维护费/g, severity: 'error' },
  { id: 'reception', label: '公务接待费', pattern: /公务接待费/g, severity: 'error' },
  { id: 'meeting', label: '会议费', pattern: /会议费/g, severity: 'warning' },
  { id: 'training', label: '培训费', pattern: /培训费/g, severity: 'warning' },
  { id: 'procurement', label: '政府采购预算', pattern: /政府采购(?:支出)?预算|政府采购(?:资金|金额|总额)/g, severity: 'warning' },
  { id: 'procurementGoods', label: '政府采购货物', pattern: /(?:政府采购|拟采购|采购)货物|货物(?:类)?采购/g, severity: 'warning' },
  { id: 'procurementWorks', label: '政府采购工程', pattern: /(?:政府采购|拟采购|采购)工程|工程(?:类)?采购/g, severity: 'warning' },
  { id: 'procurementServices', label: '政府采购服务', pattern: /(?:政府采购|拟购买|购买|采购)服务|服务(?:类)?采购/g, severity: 'warning' },
  { id: 'assetsHeld', label: '上年末固定资产', pattern: /(?:上年末|年末|期末)?固定资产(?:金额|总额|原值|价值|账面价值)?(?!占用)/g, severity: 'warning' },
  { id: 'assetsPurchase', label: '拟购置固定资产', pattern: /(?:拟|计划)购置(?:的)?固定资产(?:总额|金额)?/g, severity: 'warning' },
];

/** Filler allowed between the words and the number: "共计安排", "为", "预算安排" … */
export const FILLER = String.raw`(?:\s|[:：，,“”"]|[（(][^（）()]{0,12}[)）]|执行|各|为|是|共计|合计|总计|共|计|约|达到|达|总额|金额|数额|数|的|年度|全年|本年度|本年|当年|安排|预算|拨款|财政|支出|经费|费用|资金|部分|其中)`;
/** Comparisons with last year: the amount after them is a change, not a level. */
export const COMPARE = String.raw`(?:比上年|较上年|比去年|较去年|与上年相比|与去年相比|与上年|与去年|同比|比上年度|较上年度|(?:比|较|与)\s*(?:19|20)\d{2}\s*年度?(?:当年)?(?:预算)?(?:执行数|数)?(?:相比)?|上年)`;
export const CHANGE = String.raw`(?:增加|减少|增长|下降|上升|降低|节约|压减|缩减|下调|上调|减|增)`;
export const DECREASE = /减少|下降|降低|节约|压减|缩减|下调|减/;

export const GAP_RE = new RegExp(`^(?:${FILLER}|${COMPARE}|${CHANGE})*$`);
export const CHANGE_RE = new RegExp(CHANGE);
export const SHARE_RE = /占/;

/** Total concepts: the base of 占预算 x% and the whole of 其中 parts. */
export const TOTAL_CONCEPTS: ConceptId[] = ['totalIncome', 'totalExpense', 'totalBoth'];

export const conceptById = (id: ConceptId): Concept => CONCEPTS.find((c) => c.id === id)!;
