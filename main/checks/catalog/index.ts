// The 政府收支分类科目 the checks compare 科目名称 against: shipped for 2023 and 2024, extendable by the
// user (addCatalogEntries, or loadCatalogFile with a JSON list). A code not in the catalogue is not an error.
import { readFileSync } from 'node:fs';
import { unusableInput } from '../../model/errors.js';
import { normLabel } from '../lib/labels.js';
import { ECONOMIC_2023 } from './economic-2023.js';
import { ECONOMIC_2024 } from './economic-2024.js';
import { FUNCTION_2023 } from './function-2023.js';
import { FUNCTION_2024 } from './function-2024.js';
import { FORMER_CATEGORY_NAMES, type FormerName } from './former.js';

export type CatalogKind = 'function' | 'economic';

export interface CatalogEntry {
  kind: CatalogKind;
  code: string;
  name: string;
  /** Budget year; omitted → every year in the catalogue. */
  year?: number;
}

export class Catalog {
  private readonly books = new Map<string, Map<string, string>>();
  /** 类 names by year, normalised name → code (rebuilt after any change). */
  private readonly categoryMemo = new Map<number, Map<string, string>>();

  constructor(seed: { year: number; kind: CatalogKind; names: Record<string, string> }[] = []) {
    for (const s of seed) for (const [code, name] of Object.entries(s.names)) this.set(s.year, s.kind, code, name);
  }

  private book(year: number, kind: CatalogKind): Map<string, string> {
    const k = `${year}|${kind}`;
    let b = this.books.get(k);
    if (!b) this.books.set(k, (b = new Map()));
    return b;
  }

  private yearList: number[] | null = null;

  set(year: number, kind: CatalogKind, code: string, name: string): void {
    this.book(year, kind).set(code, name);
    this.categoryMemo.clear();
    this.yearList = null;
  }

  private categoryMap(year: number): Map<string, string> {
    const y = this.yearFor(year);
    if (y === null) return new Map();
    let m = this.categoryMemo.get(y);
    if (!m) {
      m = new Map();
      for (const [code, official] of this.books.get(`${y}|function`) ?? []) if (code.length === 3) m.set(normLabel(official), code);
      this.categoryMemo.set(y, m);
    }
    return m;
  }

  years(): number[] {
    this.yearList ??= [...new Set([...this.books.keys()].map((k) => Number(k.split('|')[0])))].sort((a, b) => a - b);
    return this.yearList;
  }

  /** The year whose list applies: the budget year, else the nearest year held. */
  yearFor(year: number): number | null {
    const ys = this.years();
    if (ys.length === 0) return null;
    return ys.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y < best) ? y : best), ys[0]!);
  }

  /** The official name of a code for a budget year, or null when the catalogue does not hold it. */
  name(kind: CatalogKind, code: string, year: number): string | null {
    const y = this.yearFor(year);
    return y === null ? null : (this.books.get(`${y}|${kind}`)?.get(code) ?? null);
  }

  /** The 类 code of a 功能分类 category name (一般公共服务支出 → 201; a former name too), or null. */
  categoryCode(name: string, year: number): string | null {
    const n = normLabel(name);
    return this.categoryMap(year).get(n) ?? FORMER_CATEGORY_NAMES.find((f) => normLabel(f.name) === n)?.code ?? null;
  }

  /** The former official name a printed 类 name is, if it is one (医疗卫生与计划生育支出 → 210 until 2018). */
  formerName(code: string, name: string): FormerName | null {
    const n = normLabel(name);
    return FORMER_CATEGORY_NAMES.find((f) => f.code === code && normLabel(f.name) === n) ?? null;
  }

  /** The catalogue holds the budget year (or the year beside one it holds): names can be judged. */
  covers(year: number): boolean {
    return this.years().some((y) => Math.abs(y - year) <= 1);
  }

  /** Every (code, name) of a kind for the year whose list applies. */
  entries(kind: CatalogKind, year: number): [string, string][] {
    const y = this.yearFor(year);
    return y === null ? [] : [...(this.books.get(`${y}|${kind}`) ?? [])];
  }

  /** The code whose official name is `name` under a parent code (a 款 numbered 01/02… instead of its own code). */
  codeOf(kind: CatalogKind, name: string, year: number, parent: string): string | null {
    const y = this.yearFor(year);
    if (y === null) return null;
    const n = normLabel(name);
    for (const [code, official] of this.books.get(`${y}|${kind}`) ?? []) {
      if (code.startsWith(parent) && code.length === parent.length + 2 && normLabel(official) === n) return code;
    }
    return null;
  }

  /** Every 类 (3-digit) name of the 功能分类 for a year, normalised. */
  categories(year: number): { code: string; name: string }[] {
    return [...this.categoryMap(year)].map(([name, code]) => ({ code, name }));
  }

  add(entries: CatalogEntry[]): void {
    const years = this.years();
    for (const e of entries) for (const y of e.year ? [e.year] : years) this.set(y, e.kind, e.code, e.name);
  }
}

export const defaultCatalog = new Catalog([
  { year: 2023, kind: 'function', names: FUNCTION_2023 },
  { year: 2024, kind: 'function', names: FUNCTION_2024 },
  { year: 2023, kind: 'economic', names: ECONOMIC_2023 },
  { year: 2024, kind: 'economic', names: ECONOMIC_2024 },
]);

/** Add or correct official names (e.g. a province's own 项). */
export function addCatalogEntries(entries: CatalogEntry[]): void {
  defaultCatalog.add(entries);
}

/** Load entries from a JSON file: [{"kind":"function","code":"2010301","name":"行政运行","year":2024}, …]. */
export function loadCatalogFile(path: string): number {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw unusableInput(`科目表文件无法读取：${path}`, `cannot read the catalogue file ${path}: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : null;
  const ok = list?.every((e) => e && (e.kind === 'function' || e.kind === 'economic') && /^\d{3,7}$/.test(String(e.code)) && typeof e.name === 'string' && (e.year === undefined || Number.isInteger(e.year)));
  if (!list || !ok) {
    throw unusableInput('科目表文件格式不对：应为 [{kind, code, name, year?}] 列表', 'catalogue file must be a JSON list of {kind, code, name, year?}');
  }
  addCatalogEntries(list.map((e) => ({ kind: e.kind, code: String(e.code), name: String(e.name), year: e.year })));
  return list.length;
}
