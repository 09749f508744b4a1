// The 政府收支分类科目 the checks compare 科目名称 against: shipped for 2023 and 2024, extendable by the
// user (addCatalogEntries, or loadCatalogFile with a JSON list). A code not in the catalogue is not an error.
import { readFileSync } from 'node:fs';
import { unusableInput } from '../../model/errors.js';
import { normLabel } from '../lib/labels.js';
import { ECONOMIC_2023 } from './economic-2023.js';
import { ECONOMIC_2024 } from './economic-2024.js';
import { FUNCTION_2023 } from './function-2023.js';
import { FUNCTION_2024 } from './function-2024.js';

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

  /** The 类 code of a 功能分类 category name (一般公共服务支出 → 201), or null. */
  categoryCode(name: string, year: number): string | null {
    return this.categoryMap(year).get(normLabel(name)) ?? null;
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
