// 科目 named in the narrative: “一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元 (Shanghai),
// 1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出9370.12万元 under a “（一）一般公共服务（类）” line
// (Jiangsu), 住房保障（类）支出3894.09万元 — each resolved to its 科目编码 through the document's own tables
// (by name under its parent), else through the 政府收支分类科目 catalogue (a narrative-only file).
import type { CheckContext } from '../../types.js';
import { codePanels, codeTree, type CodeRow } from '../codes.js';
import { normLabel, squash } from '../labels.js';

export interface Mention {
  start: number;
  end: number;
  text: string;
  lei: string | null;
  kuan: string | null;
  xiang: string | null;
}

export interface ResolvedItem {
  code: string;
  /** The names as printed, joined (一般公共服务支出/财政事务/行政运行). */
  label: string;
  /** The 类 name as printed and the 类 code it was resolved to. */
  lei: string | null;
  leiCode: string;
}

const NAME = String.raw`((?:[^\s，,。；;、：:“”"‘’（）()【】]|[（(][^类款项（）()]{1,6}[)）])+?)`;
const PART = new RegExp(`${NAME}\\s*[（(]\\s*(类|款|项)\\s*[)）]`, 'g');
const LEVEL: Record<string, number> = { 类: 0, 款: 1, 项: 2 };
const DASHED = /[“"]([^“”"]{4,80}?[-－—][^“”"]{2,80}?)[”"]\s*科目/g;

/** Clean a printed 科目 name: numbering, a year prefix and the words before a colon go. */
function cleanName(raw: string): string {
  return normLabel(raw.replace(/^.*?[:：]/, '').replace(/^(?:19|20)\d{2}\s*年度?/, ''))
    .replace(/^(?:其中|此外|包括)/, '');
}

/** Mentions of 类/款/项 in a text, consecutive parts grouped (only quotes or spaces between them). */
export function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  let cur: Mention | null = null;
  let level = -1;
  for (const m of text.matchAll(PART)) {
    const name = cleanName(m[1]!);
    const l = LEVEL[m[2]!]!;
    const start = m.index! + m[0].indexOf(m[1]!);
    const gap = cur ? text.slice(cur.end, m.index!) : '';
    if (!cur || l <= level || !/^[\s“”"‘’]*$/.test(gap)) {
      if (cur) out.push(cur);
      cur = { start, end: m.index! + m[0].length, text: '', lei: null, kuan: null, xiang: null };
    }
    if (l === 0) cur.lei = name;
    else if (l === 1) cur.kuan = name;
    else cur.xiang = name;
    cur.end = m.index! + m[0].length;
    level = l;
  }
  if (cur) out.push(cur);
  // “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目: the three levels joined by dashes.
  for (const m of text.matchAll(DASHED)) {
    const parts = m[1]!.split(/\s*[-－—]\s*/).map(cleanName).filter(Boolean);
    if (parts.length < 2 || parts.length > 3 || out.some((x) => x.start <= m.index! && x.end >= m.index!)) continue;
    const start = m.index! + 1;
    out.push({ start, end: m.index! + m[0].length, text: m[1]!, lei: parts[0] ?? null, kuan: parts[1] ?? null, xiang: parts[2] ?? null });
  }
  out.sort((a, b) => a.start - b.start);
  for (const x of out) x.text ||= text.slice(x.start, x.end);
  return out;
}

/** Names compare without numbering, spaces, 其它/其他 and a trailing 支出. */
export const key = (s: string): string => normLabel(s).replace(/其它/g, '其他').replace(/支出$/, '').replace(/[（(]项[)）]$/, '');

/** The same name, or the same characters in another order (一般行政事务管理 for 一般行政管理事务). */
const sameName = (a: string, b: string): boolean => {
  const x = key(a);
  const y = key(b);
  return x === y || (x.length >= 4 && x.length === y.length && [...x].sort().join('') === [...y].sort().join(''));
};

/** The 功能分类 code rows the document prints (支出总表 first: it lists every 科目). */
function documentRows(ctx: CheckContext): CodeRow[] {
  for (const k of ['t3', 't5', 't2', 'd3', 'd5', 'd2']) {
    const v = ctx.table(k);
    const panel = v ? codePanels(v)[0] : undefined;
    if (!v || panel === undefined) continue;
    const tree = codeTree(v, panel);
    if (tree.kind === 'function' && tree.rows.length) return tree.rows;
  }
  return [];
}

export type Resolver = (m: Mention, contextLei: string | null) => ResolvedItem | null;

export function itemResolver(ctx: CheckContext): Resolver {
  const rows = documentRows(ctx);
  const year = ctx.year;
  const under = (parent: string, level: number, name: string): string | null => {
    const k = key(name);
    const row = rows.find((r) => r.level === level && r.code.startsWith(parent) && key(r.name) === k) ?? rows.find((r) => r.level === level && r.code.startsWith(parent) && sameName(r.name, name));
    if (row) return row.code;
    return ctx.catalog.codeOf('function', name, year, parent) ?? ctx.catalog.codeOf('function', `${normLabel(name)}支出`, year, parent) ?? ctx.catalog.codeOf('function', normLabel(name).replace(/支出$/, ''), year, parent);
  };
  const uniqueXiang = (lei: string, name: string): string | null => {
    const k = key(name);
    const fromRows = rows.filter((r) => r.level === 2 && r.code.startsWith(lei) && key(r.name) === k).map((r) => r.code);
    const hits = fromRows.length ? fromRows : ctx.catalog.entries('function', year).filter(([c, n]) => c.length === 7 && c.startsWith(lei) && key(n) === k).map(([c]) => c);
    return new Set(hits).size === 1 ? hits[0]! : null;
  };
  const leiCode = (name: string): string | null => {
    const k = key(name);
    const row = rows.find((r) => r.level === 0 && key(r.name) === k);
    return row?.code ?? ctx.catalog.categoryCode(name, year) ?? ctx.catalog.categoryCode(`${normLabel(name)}支出`, year);
  };
  return (m, contextLei) => {
    let lei = m.lei;
    let kuan = m.kuan;
    let cl = lei ? leiCode(lei) : null;
    // A 款 labelled （类） under a 类 named on the line above.
    if (lei && !cl && contextLei) {
      const ctxCode = leiCode(contextLei);
      if (ctxCode && !kuan && under(ctxCode, 1, lei)) {
        kuan = lei;
        lei = contextLei;
        cl = ctxCode;
      }
    }
    if (!lei && contextLei) {
      lei = contextLei;
      cl = leiCode(contextLei);
    }
    if (!cl) return null;
    let code = cl;
    if (kuan) {
      const k = under(cl, 1, kuan);
      if (!k && !m.xiang) return null;
      if (k) code = k;
    }
    if (m.xiang) {
      const x = kuan && code.length === 5 ? under(code, 2, m.xiang) : null;
      // A 款 printed under an older name: the 项 alone, when its name is unique under the 类.
      const y = x ?? uniqueXiang(cl, m.xiang);
      if (!y) return null;
      code = y;
    }
    const label = [m.lei ?? lei, kuan, m.xiang].filter(Boolean).map((s) => squash(s)).join('/');
    return { code, label, lei: m.lei, leiCode: cl };
  };
}
