// Metadata wherever it is printed. Above each table: `434 石家庄市长安区人民政府办公室   预算年度：2023   单位：万元`,
// `编制部门：上海市普陀区人民政府办公室 单位：元`, `部门名称：江苏省高级人民法院 单位：万元` (possibly wrapped over two
// lines). On the cover: `上海市普陀区2025年区级部门预算` with `预算主管部门：…` under it, `…财政局2024年度部门决算`.
// The document's values are voted from all tables, the cover filling what the tables do not print.
import type { DocKind, Scope } from '../../model/types.js';
import { clean, squash } from './text.js';

export interface TableMeta {
  code?: string;
  department?: string;
  year?: number;
  unit?: string;
}

const YEAR = /预算年度\s*[:：]?\s*(\d{4})\s*年?(度)?/;
const UNIT = /(?:金额)?单位\s*[:：]\s*((?:千|万|亿|百万)?元)/;
/** A unit line garbled by overlapping text (`单位：万部门名称：… 元`): the multiplier right after the label. */
const UNIT_GARBLED = /(?:金额)?单位\s*[:：]\s*(千|万|亿)(?=.*元)/;
const CUTOFF = /截止(时间|日期)\s*[:：]\s*\S+/;
/** Labels printed before the department's name. */
const DEPARTMENT_LABELS = ['预算主管部门', '主管部门', '预算部门', '编制部门', '编制单位', '填报单位', '编报单位', '预算单位', '公开部门', '公开单位', '部门[（(]单位[)）](?:名称)?', '部门名称', '单位名称', '部门', '单位'];
const LABEL = new RegExp(`(${DEPARTMENT_LABELS.join('|')})\\s*[:：]\\s*`);
/** Pre-table lines that are not the department: 表一, 续表, 公开表 3, (续)… */
const NOT_DEPARTMENT = /^(附?表[一二三四五六七八九十\d]*|续表|[（(]续[)）]|公开\d*表\d*|公开表[一二三四五六七八九十\d]+|[-—]+)$/;

/** The unit a line prints (元, 万元), or undefined. */
export function unitOf(line: string): string | undefined {
  const u = UNIT.exec(line);
  if (u) return u[1]!;
  const g = UNIT_GARBLED.exec(line);
  return g ? `${g[1]}元` : undefined;
}

/** Pull year and unit out of the lines above a table; what is left of them is the department. */
export function parseMetaLines(lines: string[], labels: string[] = []): TableMeta {
  const meta: TableMeta = {};
  const label = labels.length ? new RegExp(`(${[...labels, ...DEPARTMENT_LABELS].join('|')})\\s*[:：]\\s*`) : LABEL;
  let rest = '';
  for (const line of lines) {
    let t = line;
    const y = YEAR.exec(t);
    if (y) {
      meta.year ??= Number(y[1]);
      t = t.replace(YEAR, ' ');
    }
    const unit = unitOf(t);
    if (unit) meta.unit ??= unit;
    t = t.replace(UNIT, ' ').replace(UNIT_GARBLED, ' ').replace(/(?<=\S)\s+元\s*$/, '');
    t = t.replace(CUTOFF, ' ');
    const m = label.exec(t);
    if (m) {
      // `编制部门：上海市… 单位：元`: the name runs from the label to a wide gap or the line's end.
      const after = t.slice(m.index + m[0].length);
      t = after.split(/\s{2,}|\t/)[0]!.trim().split(/\s+(?=\S*[:：])/)[0]!;
    }
    t = clean(t);
    if (!t || NOT_DEPARTMENT.test(squash(t))) continue;
    rest += squash(t);
  }
  const m = /^(\d{2,})(.*)$/.exec(rest);
  if (m) {
    meta.code = m[1]!;
    if (m[2]) meta.department = m[2];
  } else if (rest) meta.department = rest;
  return meta;
}

/** The most frequent value (ties: the first seen). */
export function vote<T>(values: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestN = 0;
  for (const v of values) {
    if (v === undefined) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

/** A document title: `…2023 年部门预算…`, `上海市普陀区2025年区级部门预算`, `…财政局2024年度部门决算`. */
const DOC_TITLE = /^(.*?)((?:19|20)\d{2})\s*年\s*度?\s*(?:区级|市级|省级|县级|本级)?\s*(部门|单位)?\s*(预算|决算)/;
/** A name that is only a place (上海市普陀区, 江苏省): not a department. */
const PLACE_ONLY = /^(.{1,8}(省|市|自治区))?(.{1,8}(市|区|县|自治州|旗))?$/;

/** The budget year named in a document title or a heading ("…2023 年部门预算…"). */
export function yearFromText(texts: string[]): number | undefined {
  for (const t of texts) {
    const m = DOC_TITLE.exec(squash(t));
    if (m) return Number(m[2]);
  }
  return undefined;
}

export interface CoverMeta {
  department?: string;
  year?: number;
  kind?: DocKind;
  scope?: Scope;
}

/** Metadata from the cover and the headings before the tables: labelled department lines, the document title. */
export function coverMeta(lines: string[], labels: string[] = []): CoverMeta {
  const out: CoverMeta = {};
  const label = new RegExp(`^(${[...labels, ...DEPARTMENT_LABELS].join('|')})\\s*[:：]\\s*(\\S.*)$`);
  let titled: string | undefined;
  for (const raw of lines) {
    const text = clean(raw);
    const l = label.exec(text);
    if (l && !unitOf(text)) {
      out.department ??= squash(l[2]!);
      if (l[1] === '预算单位') out.scope ??= '单位'; // the cover of a 单位预算 names its 预算单位
      continue;
    }
    const m = DOC_TITLE.exec(squash(text));
    if (!m || squash(text).length > 60) continue;
    out.year ??= Number(m[2]);
    out.kind ??= m[4] as DocKind;
    if (m[3]) out.scope ??= m[3] as Scope;
    const name = m[1]!.replace(/^(中国)?/, '');
    if (name && !PLACE_ONLY.test(name)) titled ??= name;
  }
  out.department ??= titled;
  return out;
}
