// Table titles as printed: `2025年部门财务收支预算总表`, `公开01表` on its own line above `收支预算总表`,
// `一般公共预算支出预算表（功能科目）`, `部门预算财政拨款收支总表（续）`. A line is a table title when, without its
// label and 续表 mark, it names a table (ends in 表) and reads like a caption, not a sentence or a contents entry.
// Which standard table it is comes from the title lexicon (model/lexicon/titles.ts) and the layout family.
import type { LayoutFamily } from '../../model/families/index.js';
import { re, ruleNumber, stripTitle, titleKind, titleScope, type TableNumber } from '../../model/lexicon/titles.js';
import type { DocKind, Scope } from '../../model/types.js';
import { squash } from './text.js';

export interface TableTitle {
  /** As stored: the printed title without whitespace, its 公开NN表 label and its 续表 mark. */
  title: string;
  /** The standard table it names (1…9), or null for any other table. */
  number: TableNumber | null;
  /** 预算 / 决算 as the title says, or null. */
  kind: DocKind | null;
  scope: Scope | null;
  /** Printed with 续表 / （续）: the continuation of a table titled before. */
  continued: boolean;
  /** A unit printed in the title (…预算表（单位：万元）), else null. */
  unit: string | null;
}

const DIGITS = '[\\d０-９一二三四五六七八九十]';
/** A table's number label: 公开01表, 公开表一, 表3, 附表 3, 公开 01 表. */
const NUMBER = `${DIGITS}{1,3}([-－.．]${DIGITS}{1,2})?`;
const LABEL = new RegExp(`^(附件|附表|公开表|公开|表)${NUMBER}(号)?表?$|^${NUMBER}号?表$`);
const LEADING_LABEL = new RegExp(`^(附件|附表|公开表|公开|表)${NUMBER}(号)?表?[、.．:：\\-—]*(?=\\S)`);
const CONTINUED = /[（(]续(表)?[)）]$|续表$/;
/** A unit remark after the title: （单位：万元）, (金额单位:元). */
const UNIT_REMARK = /[（(](?:金额)?单位\s*[:：]\s*((?:千|万|亿)?元)[)）]$/;
/** A bracketed remark after the title: （功能科目）, (按经济分类), （预算公开表）. */
const REMARK = /[（(][^()（）]{1,12}[)）]$/;
/** Words that make a line a sentence or a reference, never a caption. */
const NOT_CAPTION = /^(详见|见|如|按|根据|其中|注|说明|备注)|[，,。；;！？!?:：]|[.…·．]{2,}|\d+$/;

/** A line that is only a table's number label (公开01表, 公开表一). */
export const isTableLabel = (text: string): boolean => LABEL.test(squash(text));

/** The printed title of a line, or null when the line is no table title. */
export function parseTableTitle(text: string, family: LayoutFamily | null = null): TableTitle | null {
  let t = squash(text).replace(/[‘’「」]/g, '"');
  if (t.length < 4 || t.length > 60 || LABEL.test(t)) return null;
  t = t.replace(LEADING_LABEL, '');
  const continued = CONTINUED.test(t);
  t = t.replace(CONTINUED, '');
  // A unit remark stays in the printed title; the title's words are judged without it.
  const unit = UNIT_REMARK.exec(t)?.[1] ?? null;
  const bare = t.replace(UNIT_REMARK, '');
  if (NOT_CAPTION.test(bare)) return null;
  if (!/表$/.test(bare.replace(REMARK, ''))) return null;
  return { title: t, number: titleNumber(bare, family), kind: titleKind(bare), scope: titleScope(bare), continued, unit };
}

/** The standard table a title names: the family's own titles first, then the generic rules. */
export function titleNumber(title: string, family: LayoutFamily | null): TableNumber | null {
  const stripped = stripTitle(title);
  for (const p of family?.extraTitles ?? []) if (re(p).test(stripped)) return null;
  for (const [key, patterns] of Object.entries(family?.titles ?? {})) {
    if (patterns.some((p) => re(p).test(stripped))) return Number(key.slice(1)) as TableNumber;
  }
  return ruleNumber(stripped);
}

/** Two printed titles of the same table (a title repeated on its continuation page). */
export const sameTitle = (a: TableTitle, b: TableTitle): boolean => a.title === b.title;
