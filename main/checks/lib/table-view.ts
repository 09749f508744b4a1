// A standard table seen by the checks: cells by 栏次 number, amounts in cents, the 序号 as printed,
// a CellRef and the source page for any cell.
import type { CellRef, StandardTable, TableKey } from '../../model/types.js';
import { TABLE_DEFS } from '../../model/tables.js';
import { toCents } from './amounts.js';
import { normLabel, squash } from './labels.js';
import { headerLabels } from './extra.js';

export class TableView {
  readonly key: TableKey;
  readonly table: StandardTable;
  readonly rows: string[][];
  private readonly laneToCol = new Map<number, number>();
  private readonly centsMemo = new Map<number, number | null>();

  constructor(table: StandardTable) {
    this.key = table.key;
    this.table = table;
    this.rows = table.rows;
    // Lanes as printed: ['栏次','1','2',…]; fall back to position when a lane label is not a number.
    (table.lanes ?? []).forEach((label, i) => {
      const n = Number(squash(label));
      if (i > 0 && Number.isInteger(n) && n > 0 && !this.laneToCol.has(n)) this.laneToCol.set(n, i);
    });
    const width = Math.max((table.lanes ?? []).length, ...table.rows.map((r) => r.length), 0);
    for (let i = 1; i < width; i++) if (!this.laneToCol.has(i) && ![...this.laneToCol.values()].includes(i)) this.laneToCol.set(i, i);
  }

  get title(): string {
    return this.table.title;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The 栏次 numbers of the amount columns this table defines and prints. */
  amountLanes(): number[] {
    const def = TABLE_DEFS.find((d) => d.key === this.key);
    return (def?.columns ?? []).filter((c) => c.kind === 'amount' && this.hasLane(c.lane)).map((c) => c.lane);
  }

  private headerMemo: string[] | null = null;

  /** The header text over a lane's column ("本年收入/小计"), '' when the header does not say. */
  laneHeader(lane: number): string {
    this.headerMemo ??= headerLabels(this.table);
    const c = this.laneToCol.get(lane);
    return c === undefined ? '' : (this.headerMemo[c] ?? '');
  }

  /** Number of lanes printed (栏次 1…n). */
  get laneCount(): number {
    return this.laneToCol.size;
  }

  hasLane(lane: number): boolean {
    return this.laneToCol.has(lane);
  }

  laneName(lane: number): string {
    const def = TABLE_DEFS.find((d) => d.key === this.key);
    return def?.columns.find((c) => c.lane === lane)?.name ?? `第${lane}栏`;
  }

  text(r: number, lane: number): string {
    const c = this.laneToCol.get(lane);
    return c === undefined ? '' : String(this.rows[r]?.[c] ?? '').trim();
  }

  /** Cents; blank → 0; not a number → null. */
  cents(r: number, lane: number): number | null {
    const k = r * 256 + lane;
    let v = this.centsMemo.get(k);
    if (v === undefined) this.centsMemo.set(k, (v = toCents(this.text(r, lane))));
    return v;
  }

  isBlank(r: number, lane: number): boolean {
    return squash(this.text(r, lane)) === '';
  }

  label(r: number, lane: number): string {
    return normLabel(this.text(r, lane));
  }

  private readonly ids: string[] = [];

  /** The 序号 as printed, else the 1-based position. */
  rowId(r: number): string {
    let id = this.ids[r];
    if (id === undefined) {
      const printed = squash(this.rows[r]?.[0]);
      this.ids[r] = id = printed !== '' ? printed : String(r + 1);
    }
    return id;
  }

  ref(r: number, lane: number | null): CellRef {
    return { table: this.key, row: this.rowId(r), column: lane === null ? null : String(lane) };
  }

  page(r: number, lane: number | null): number | null {
    const c = lane === null ? 0 : this.laneToCol.get(lane);
    const src = c === undefined ? null : this.table.sources?.[r]?.[c];
    return src?.page ?? this.table.sources?.[r]?.find((s) => s?.page)?.page ?? this.table.pages?.[0] ?? null;
  }

  /** True when every amount cell is blank or zero (an empty table, or one printed with blank rows). */
  isEmpty(): boolean {
    const lanes = this.amountLanes();
    return this.rows.every((_, r) => lanes.every((l) => (this.cents(r, l) ?? 0) === 0));
  }
}

export const buildViews = (tables: StandardTable[]): Map<string, TableView> => {
  const m = new Map<string, TableView>();
  for (const t of tables) if (!m.has(t.key)) m.set(t.key, new TableView(t));
  return m;
};
