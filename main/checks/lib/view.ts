// A standard table as the checks see it: the semantic model of its columns (concept, side, stage, panel)
// and rows (code, level, label, concept, total) from ../../model/semantics, amounts in 分 with their printed
// precision, and the contract ids of any cell (row: 序号, else 科目编码, else first printed text; column:
// 栏次, else 1-based position). No rule reads a column by its number.
import { columnId, columnName, describeTable, rowIdAt, type ColumnMeaning, type Entry, type Panel, type TableSemantics } from '../../model/semantics/index.js';
import type { CellRef, StandardTable, TableKey } from '../../model/types.js';
import { money, unitFactor, type Money } from './amounts.js';
import { normLabel, squash } from './labels.js';

/** An amount cell: where it is, what it holds, how to name it. */
export interface Amount extends Money {
  ref: CellRef;
  /** 元 per unit of the table it is printed in. */
  factor: number;
  label: string;
  page: number | null;
}

/** Parsed amounts and row ids of a table, kept across check runs (a correction replaces the rows array). */
const cellCache = new WeakMap<string[][], { header: unknown; family: string | null; factor: number; money: Map<number, Money | null>; ids: Map<number, string> }>();

export class TableView {
  readonly key: TableKey;
  readonly table: StandardTable;
  readonly family: string | null;
  readonly sem: TableSemantics;
  /** 元 per unit of this table (its own printed unit, else the document's). */
  readonly factor: number;
  readonly unit: string;
  private readonly moneyMemo: Map<number, Money | null>;
  private readonly idMemo: Map<number, string>;

  constructor(table: StandardTable, family: string | null, docUnit: string) {
    this.key = table.key;
    this.table = table;
    this.family = family;
    this.sem = describeTable(table, family);
    this.unit = table.unit ?? docUnit;
    this.factor = unitFactor(this.unit);
    let cache = cellCache.get(table.rows);
    if (!cache || cache.header !== table.header || cache.family !== family || cache.factor !== this.factor) {
      cache = { header: table.header, family, factor: this.factor, money: new Map(), ids: new Map() };
      cellCache.set(table.rows, cache);
    }
    this.moneyMemo = cache.money;
    this.idMemo = cache.ids;
  }

  /** The title as printed: how messages name the table. */
  get title(): string {
    return squash(this.table.title);
  }

  get rows(): string[][] {
    return this.table.rows;
  }

  get rowCount(): number {
    return this.table.rows.length;
  }

  get columns(): ColumnMeaning[] {
    return this.sem.columns;
  }

  get panels(): Panel[] {
    return this.sem.panels;
  }

  text(r: number, c: number): string {
    return String(this.table.rows[r]?.[c] ?? '').trim();
  }

  isBlank(r: number, c: number): boolean {
    return squash(this.text(r, c)) === '';
  }

  /** The printed amount in 分 with its precision; blank → 0; not a number → null. */
  money(r: number, c: number): Money | null {
    const k = r * 1024 + c;
    let m = this.moneyMemo.get(k);
    if (m === undefined) this.moneyMemo.set(k, (m = money(this.text(r, c), this.factor)));
    return m;
  }

  fen(r: number, c: number): number | null {
    return this.money(r, c)?.fen ?? null;
  }

  /** The row id a finding names for a cell of column c (the entry of c's panel). */
  rowId(r: number, c: number | null = null): string {
    const k = r * 1024 + (c === null ? 1023 : c);
    let id = this.idMemo.get(k);
    if (id === undefined) this.idMemo.set(k, (id = rowIdAt(this.table, r, c, this.family)));
    return id;
  }

  ref(r: number | null, c: number | null): CellRef {
    return { table: this.key, row: r === null ? null : this.rowId(r, c), column: c === null ? null : columnId(this.table, c) };
  }

  page(r: number | null, c: number | null): number | null {
    const src = r === null ? null : this.table.sources?.[r]?.[c ?? 0];
    return src?.page ?? (r === null ? null : this.table.sources?.[r]?.find((s) => s?.page)?.page) ?? this.table.pages?.[0] ?? null;
  }

  /** The printed header name of a column ("财政拨款收入", "公务用车购置费"). */
  colName(c: number): string {
    const col = this.sem.columns[c];
    return col ? columnName(col) : `第${c + 1}列`;
  }

  /** Entries of a row (one per panel holding something on it). */
  entriesAt(r: number): Entry[] {
    return this.sem.byRow[r] ?? [];
  }

  /** The entry of row r in column c's panel. */
  entryAt(r: number, c: number | null): Entry | null {
    const panel = c === null ? null : this.sem.columns[c]?.panel ?? null;
    const here = this.entriesAt(r);
    return here.find((e) => panel === null || panel < 0 || e.panel === panel) ?? here[0] ?? null;
  }

  entriesOf(panel: number): Entry[] {
    return this.sem.entries.filter((e) => e.panel === panel);
  }

  /** How a message names a row: "2010301 行政运行", "一般公共服务支出", "合计行". */
  rowName(r: number, c: number | null = null): string {
    const e = this.entryAt(r, c);
    if (!e) return `第${this.rowId(r, c)}行`;
    const label = squash(e.label) || squash(e.group);
    if (e.code) return [e.fullCode ?? e.code, label].filter(Boolean).join(' ');
    if (e.isTotal && /^(合计|总计)$/.test(label)) return `${label}行`;
    return label || `第${this.rowId(r, c)}行`;
  }

  /** "部门预算支出总表 2010301 行政运行 基本支出" — how an identity names an amount cell. */
  cellName(r: number, c: number): string {
    const row = this.rowName(r, c);
    const col = this.colName(c);
    return this.isSingleRow() ? `${this.title} ${col}` : `${this.title} ${row} ${col}`;
  }

  amount(r: number, c: number, label?: string): Amount | null {
    const m = this.money(r, c);
    if (!m) return null;
    // The page is looked up only for the cells a finding names (the engine does it).
    return { fen: m.fen, step: m.step, ref: this.ref(r, c), factor: this.factor, label: label ?? this.cellName(r, c), page: null };
  }

  /** Amount columns, of one panel or all. */
  amountColumns(panel: number | null = null): number[] {
    return this.sem.columns.filter((c) => c.role === 'amount' && (panel === null || c.panel === panel)).map((c) => c.index);
  }

  /** The first amount column of a concept (optionally within a panel or of a stage). */
  column(concept: string, opts: { panel?: number; stage?: string | null } = {}): number | null {
    const c = this.sem.columns.find((m) => m.role === 'amount' && m.concept === concept && (opts.panel === undefined || m.panel === opts.panel) && (opts.stage === undefined || m.stage === opts.stage));
    return c ? c.index : null;
  }

  /** The column holding a panel's whole amount: its 合计 column, else its only amount column. */
  totalColumn(panel: number): number | null {
    const p = this.sem.panels[panel];
    if (!p || p.amounts.length === 0) return null;
    const total = p.amounts.find((c) => this.sem.columns[c]?.concept === 'total')
      // 本年收入合计 / 本年支出合计 heading a 决算 table's columns.
      ?? p.amounts.find((c) => ['income', 'expense'].includes(this.sem.columns[c]?.concept ?? '') && /合计$/.test(this.colName(c)));
    return total ?? (p.amounts.length === 1 ? p.amounts[0]! : null);
  }

  /** A table printed as one data row (a horizontal 三公 table, Jiangsu's 支出总表). */
  isSingleRow(): boolean {
    return this.table.rows.length === 1 && this.sem.panels.every((p) => p.kind === 'item');
  }

  /** The 合计 entry of a panel (first total row). */
  totalEntry(panel: number): Entry | null {
    return this.entriesOf(panel).find((e) => e.isTotal && !e.code && /^(合计|总计|合计总计)$/.test(normLabel(e.label))) ?? null;
  }

  /** True when every amount cell is blank or zero. */
  isEmpty(): boolean {
    const cols = this.amountColumns();
    return this.table.rows.every((_, r) => cols.every((c) => (this.fen(r, c) ?? 0) === 0));
  }
}
