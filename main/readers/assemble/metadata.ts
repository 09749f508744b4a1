// The department line above each table — `434 石家庄市长安区人民政府办公室   预算年度：2023   单位：万元`,
// possibly wrapped over two lines — and the document-level metadata voted from all tables.
import { clean, squash } from './text.js';

export interface TableMeta {
  code?: string;
  department?: string;
  year?: number;
  unit?: string;
}

const YEAR = /预算年度\s*[:：]?\s*(\d{4})\s*年?(度)?/;
const UNIT = /单位\s*[:：]\s*([^\s\u3000,，;；]*元)/;
const CUTOFF = /截止(时间|日期)\s*[:：]\s*\S+/;
const LABEL = /^(编制|预算)?(部门|单位)(名称)?\s*[:：]\s*/;
/** Pre-table lines that are not the department: 表一, 续表, 公开表 3, (续)… */
const NOT_DEPARTMENT = /^(附?表[一二三四五六七八九十\d]*|续表|[（(]续[)）]|公开\d*表\d*|[-—]+)$/;

/** Pull year and unit out of the lines above a table; what is left of them is the department. */
export function parseMetaLines(lines: string[]): TableMeta {
  const meta: TableMeta = {};
  let rest = '';
  for (const line of lines) {
    let t = line;
    const y = YEAR.exec(t);
    if (y) {
      meta.year ??= Number(y[1]);
      t = t.replace(YEAR, ' ');
    }
    const u = UNIT.exec(t);
    if (u) {
      meta.unit ??= u[1]!;
      t = t.replace(UNIT, ' ');
    }
    t = t.replace(CUTOFF, ' ');
    t = clean(t).replace(LABEL, '');
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

/** The budget year named in the narrative title when no table prints 预算年度 ("…2023 年部门预算…"). */
export function yearFromText(texts: string[]): number | undefined {
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年\s*(度\s*)?(部门|单位)?预算/.exec(t);
    if (m) return Number(m[1]);
  }
  return undefined;
}
