// Two documents side by side (two versions of a submission, or two years of a department): every figure
// matched by what it is — its table, its row as printed (code and name, or the item) and its column as its
// header names it — never by position, so a row inserted above or a year with another layout still lines up.
import { toCents } from './amount.js';
import { cellLabels, columnId, columnName, describeTable, rowIdAt } from './semantics/index.js';
import { ALL_TABLE_KEYS, TABLE_NAMES } from './tables.js';
import type { BudgetDocument, StandardTable, TableKey } from './types.js';

export interface FigureChange {
  table: TableKey;
  tableName: string;
  /** The row and column in words (`2010301 行政运行`, `基本支出`). */
  row: string;
  column: string;
  /** As printed in each ('' where the row is absent). */
  before: string;
  after: string;
  /** after − before in the unit of `after`, where both are amounts. */
  delta: number | null;
  unit: string;
  /** Ids of the cell in the later document (to open it there), null where the row is gone. */
  rowId: string | null;
  columnId: string | null;
}

interface Figure {
  row: string;
  column: string;
  text: string;
  rowId: string;
  columnId: string;
  order: number;
}

/** Units as multiples of a 元, so a table printed in 万元 one year and in 元 the next compares exactly. */
const UNIT_FACTOR: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** Every amount cell of a table by `row|column` in words (a repeated row name gets its occurrence number). */
function figures(doc: Pick<BudgetDocument, 'family'>, table: StandardTable): Map<string, Figure> {
  const sem = describeTable(table, doc.family);
  const out = new Map<string, Figure>();
  const seen = new Map<string, number>();
  let order = 0;
  table.rows.forEach((cells, r) => {
    for (const col of sem.columns) {
      if (col.role !== 'amount') continue;
      const { row } = cellLabels(table, r, col.index, doc.family);
      const column = columnName(col);
      const base = `${row}|${column}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.set(n > 1 ? `${base}|${n}` : base, {
        row: n > 1 ? `${row}（第 ${n} 处）` : row,
        column,
        text: String(cells[col.index] ?? '').trim(),
        rowId: rowIdAt(table, r, col.index, doc.family),
        columnId: columnId(table, col.index),
        order: order++,
      });
    }
  });
  return out;
}

/** The figure in 分 of a 元 (a blank cell is 0), or null for text that is no amount. */
function cents(text: string, unit: string): number | null {
  const c = toCents(text);
  return c === null ? null : c * (UNIT_FACTOR[unit] ?? 1);
}

function same(a: string, b: string, unitA: string, unitB: string): boolean {
  const x = cents(a, unitA);
  const y = cents(b, unitB);
  return x === null || y === null ? a.replace(/\s+/g, '') === b.replace(/\s+/g, '') : x === y;
}

const inUnit = (centsOfYuan: number, unit: string): number => centsOfYuan / 100 / (UNIT_FACTOR[unit] ?? 1);

/** Figures that differ between `before` and `after`, table by table in standard order, rows in `after`'s order. */
export function compareDocuments(before: BudgetDocument, after: BudgetDocument): FigureChange[] {
  const out: FigureChange[] = [];
  for (const key of ALL_TABLE_KEYS) {
    const a = before.tables.find((t) => t.key === key);
    const b = after.tables.find((t) => t.key === key);
    if (!a && !b) continue;
    const unitA = a?.unit ?? before.unit;
    const unitB = b?.unit ?? after.unit;
    const fa = a ? figures(before, a) : new Map<string, Figure>();
    const fb = b ? figures(after, b) : new Map<string, Figure>();
    const changed: (FigureChange & { order: number })[] = [];
    for (const [k, y] of fb) {
      const x = fa.get(k);
      if (x && same(x.text, y.text, unitA, unitB)) continue;
      if (!x && !cents(y.text, unitB)) continue; // a row that is new and empty says nothing
      const cb = cents(y.text, unitB);
      const ca = x ? cents(x.text, unitA) : 0;
      const delta = cb === null || ca === null ? null : inUnit(cb - ca, unitB);
      changed.push({ table: key, tableName: TABLE_NAMES[key], row: y.row, column: y.column, before: x?.text ?? '', after: y.text, delta, unit: unitB, rowId: y.rowId, columnId: y.columnId, order: y.order });
    }
    let tail = fb.size;
    for (const [k, x] of fa) {
      const ca = cents(x.text, unitA);
      if (fb.has(k) || !ca) continue;
      changed.push({ table: key, tableName: TABLE_NAMES[key], row: x.row, column: x.column, before: x.text, after: '', delta: inUnit(-ca, unitB), unit: unitB, rowId: null, columnId: null, order: tail++ });
    }
    changed.sort((p, q) => p.order - q.order);
    for (const { order: _o, ...c } of changed) out.push(c);
  }
  return out;
}
