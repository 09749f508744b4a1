// Which standard table a printed title names, by meaning: `2025年部门财务收支预算总表`, `公开01表 收支预算总表`,
// `部门预算收支总表` and `收入支出决算总表` are all the 收支总表. A title is stripped of what varies (numbering,
// year, scope, 续表, a bracketed remark) and tested against rules that say which words it must and must not
// hold. A layout family may add exact aliases and titles known to be extra tables.
import type { DocKind, Scope, TableKey } from '../types.js';

export type TableNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface TitleRule {
  n: TableNumber;
  /** Every pattern must match the stripped title. */
  all: string[];
  /** No pattern may match. */
  none?: string[];
}

const NOT_STANDARD = ['政府采购', '绩效', '项目支出(预算|决算)?(明细|情况)?表', '机构设置', '资产', '专户', '非税', '明细', '汇总'];

/**
 * First match wins; the order resolves overlaps (三公 before 财政拨款; 政府性基金/国有资本经营 before 财政拨款收支,
 * since the 决算 prints 政府性基金预算财政拨款收入支出决算表; 基本支出 before 一般公共预算支出).
 */
export const TITLE_RULES: TitleRule[] = [
  { n: 9, all: ['三公'] },
  { n: 8, all: ['国有资本经营'], none: [...NOT_STANDARD] },
  { n: 7, all: ['政府性?基金'], none: [...NOT_STANDARD] },
  { n: 4, all: ['财政拨款', '收(入)?支(出)?'], none: [...NOT_STANDARD] },
  { n: 6, all: ['(一般公共预算|公共财政)', '基本支出'], none: ['机关运行', ...NOT_STANDARD] },
  { n: 5, all: ['(一般公共预算|公共财政)', '支出'], none: ['机关运行', '经济分类', '经济科目', ...NOT_STANDARD] },
  { n: 1, all: ['(收支|收入支出)'], none: ['财政拨款', ...NOT_STANDARD] },
  { n: 2, all: ['收入'], none: ['支出', '财政拨款', ...NOT_STANDARD] },
  { n: 3, all: ['支出(预算|决算)?(总体情况|总|情况)?表'], none: ['收入', '财政拨款', '基本支出', '经济分类', '经济科目', '机关运行', ...NOT_STANDARD] },
];

/** Strip what a title varies by: leading numbering and labels, year, scope words, trailing remarks. */
export function stripTitle(title: string): string {
  let t = String(title ?? '').replace(/[\s\u3000]+/g, '');
  t = t.replace(/[“”"'‘’]/g, '"');
  // Trailing 续表 / (续) / a bracketed remark such as （功能科目）, (按经济分类).
  t = t.replace(/[（(]续(表)?[)）]$|续表$/, '');
  // Labels (公开01表, 表一, 附表3) and list numbering (1. / 一、); a bare 一 may begin the title (一般公共预算…).
  t = t.replace(/^(附件|附表|公开表|公开|表)[\d一二三四五六七八九十]{0,3}(号)?(表)?[、.．:：\-—]*/, '');
  t = t.replace(/^[\d一二三四五六七八九十]{1,3}[、.．:：\-—]+/, '');
  t = t.replace(/^\d{4}年度?/, '');
  t = t.replace(/^(预算单位|部门|单位)/, '');
  t = t.replace(/^(\d{4}年度?)/, '');
  return t;
}

/** A bracketed remark after a title: （功能科目）, (按经济分类), （预算公开表）. */
const REMARK = /[（(][^()（）]{1,12}[)）]$/;

/** The table number a printed title names by the generic rules, or null (a title must end in 表). */
export function genericNumber(title: string, rules: TitleRule[] = TITLE_RULES): TableNumber | null {
  const t = stripTitle(title);
  if (!/表$/.test(t.replace(REMARK, ''))) return null;
  return ruleNumber(t, rules);
}

/** The scope a title prints (部门预算…, 单位预算…, 预算单位…), or null. */
export function titleScope(title: string): Scope | null {
  const t = String(title ?? '').replace(/\s+/g, '');
  if (/预算单位|单位预算|单位决算|^(\d{4}年度?)?单位/.test(t)) return '单位';
  if (/部门预算|部门决算|^(\d{4}年度?)?部门/.test(t)) return '部门';
  return null;
}

export const titleKind = (title: string): DocKind | null =>
  /决算/.test(title) ? '决算' : /预算/.test(title) ? '预算' : null;

export const keyOf = (kind: DocKind, n: TableNumber): TableKey => `${kind === '决算' ? 'd' : 't'}${n}` as TableKey;

export const numberOf = (key: TableKey): TableNumber => Number(key.slice(1)) as TableNumber;

const compiled = new Map<string, RegExp>();
export const re = (source: string): RegExp => {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source)));
  return r;
};

const wholeWords = new WeakMap<readonly string[], RegExp>();
/** One regex that matches a text equal to any of the words (regex sources) as a whole: a lexicon list is
 *  tested once per text instead of once per word (the review screen describes every table on each open). */
export function anyWhole(words: readonly string[]): RegExp {
  let r = wholeWords.get(words);
  if (!r) wholeWords.set(words, (r = new RegExp(`^(?:${words.map((w) => `(?:${w})`).join('|') || '(?!)'})$`)));
  return r;
}

/** The table number a stripped title names by the generic rules, or null. */
export function ruleNumber(stripped: string, rules: TitleRule[] = TITLE_RULES): TableNumber | null {
  for (const rule of rules) {
    if (rule.all.every((p) => re(p).test(stripped)) && !(rule.none ?? []).some((p) => re(p).test(stripped))) return rule.n;
  }
  return null;
}
