// Tables after the nine (政府采购预算, 固定资产占用情况表 …): columns named by their header block,
// cells addressed as "extra:<title>", rows by 序号 when printed, else by 1-based position.
import type { CellRef, ExtraTable, HeaderGrid } from '../../model/types.js';
import { toCents } from './amounts.js';
import { normLabel, squash } from './labels.js';

export class ExtraView {
  readonly table: ExtraTable;
  readonly name: string;
  /** Column labels: the header texts over each column, top to bottom, merged cells included. */
  readonly columns: string[];
  private readonly numbered: boolean;

  constructor(table: ExtraTable) {
    this.table = table;
    this.name = `extra:${table.title}`;
    this.columns = headerLabels(table);
    this.numbered = /^序号$/.test(squash(this.columns[0] ?? ''));
  }

  get title(): string {
    return this.table.title;
  }

  get rows(): string[][] {
    return this.table.rows;
  }

  text(r: number, c: number): string {
    return String(this.table.rows[r]?.[c] ?? '').trim();
  }

  cents(r: number, c: number): number | null {
    return toCents(this.text(r, c));
  }

  /** A plain decimal number (数量, 单价 may carry more than two decimals), or null. */
  number(r: number, c: number): number | null {
    const t = squash(this.text(r, c)).replace(/[,，]/g, '');
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
  }

  rowId(r: number): string {
    const id = this.numbered ? squash(this.table.rows[r]?.[0]) : '';
    return id !== '' ? id : String(r + 1);
  }

  ref(r: number | null, c: number | null): CellRef {
    return { table: this.name, row: r === null ? null : this.rowId(r), column: c === null ? null : String(c + 1) };
  }

  page(r: number | null, c: number | null): number | null {
    const src = r === null ? null : this.table.sources?.[r]?.[c ?? 0];
    return src?.page ?? this.table.pages?.[0] ?? null;
  }

  /** First column whose label matches. */
  column(re: RegExp, from = 0): number | null {
    for (let c = from; c < this.columns.length; c++) if (re.test(this.columns[c]!)) return c;
    return null;
  }

  /** True when some cell below the header holds a non-zero number. */
  hasFigures(): boolean {
    return this.table.rows.some((row) => row.some((cell) => {
      const v = toCents(cell);
      return v !== null && v !== 0 && squash(cell) !== '';
    }));
  }
}

/** Column labels of a header grid: the texts over each column, top to bottom, merged cells included. */
export function headerLabels(t: { header?: HeaderGrid | null; rows: string[][] }): string[] {
  const rows = t.header?.rows ?? [];
  const width = Math.max(0, ...rows.map((r) => r.length), ...t.rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => String(r[c] ?? '')));
  for (const [r1, c1, r2, c2] of t.header?.merges ?? []) {
    const text = grid[r1]?.[c1] ?? '';
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (grid[r] && c < width) grid[r]![c] = text;
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of grid) {
      const p = normLabel(row[c] ?? '');
      if (p !== '' && !parts.includes(p)) parts.push(p);
    }
    return parts.join('/');
  });
}

export const isProcurement = (v: ExtraView): boolean => /政府采购/.test(squash(v.title)) && !/绩效/.test(v.title);
export const isFixedAssets = (v: ExtraView): boolean => /固定资产/.test(squash(v.title)) && !/绩效/.test(v.title);

/** Rows that total others (合计, 小计), by their first text cell. */
export const isTotalRow = (v: ExtraView, r: number): boolean => /^(合计|总计|小计)$|小计$|合计$/.test(normLabel(v.text(r, 0)));
