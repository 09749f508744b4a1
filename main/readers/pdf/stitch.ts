// Rows cut by a page break. When a numbered table (序号 in the first column) runs from the bottom of one
// page to the top of the next, the row at the break may come in two pieces: the piece without a number is
// joined to the piece with it (before or after the break), and a number printed on both pieces counts once.
// The assembler then receives whole rows.
import type { CellSource } from '../../model/types.js';
import type { RawBlock, RawCell, RawRow, RawTableBlock } from '../raw.js';
import { joinWrapped } from './normalize.js';

const LANE_LABEL = /^(栏次|档次|栏目|行次|栏号|列次)$/;
const squash = (s: string): string => s.replace(/\s+/g, '');

/** Index of the 栏次 row, or -1. */
function laneIndex(rows: RawRow[]): number {
  return rows.findIndex((r) => {
    const texts = r.cells.filter((c) => !c.covered).map((c) => squash(c.text));
    const k = texts.findIndex((t) => t !== '');
    return k >= 0 && LANE_LABEL.test(texts[k]!) && texts.slice(k + 1).filter(Boolean).every((t) => /^\d{1,2}$/.test(t)) && texts.length > k + 1;
  });
}

const numberOf = (row: RawRow): string => squash(row.cells[0]?.covered ? '' : (row.cells[0]?.text ?? ''));
const isBlank = (row: RawRow): boolean => row.cells.every((c) => c.covered || squash(c.text) === '');

function mergeSrc(a: CellSource | null, b: CellSource | null): CellSource | null {
  return a ?? b;
}

/** Cell-wise join: `first` above the break, `second` below it. */
function joinRows(first: RawRow, second: RawRow, keep: RawRow): RawRow {
  const cells: RawCell[] = keep.cells.map((c, i) => {
    const a = first.cells[i];
    const b = second.cells[i];
    if (!a || !b || c.covered) return c;
    const text = i === 0 ? squash(a.text) || squash(b.text) : joinWrapped(a.text.trim(), b.text.trim());
    return { ...c, text, src: mergeSrc(a.text.trim() ? a.src : null, b.src) ?? c.src };
  });
  return { ...keep, cells };
}

/**
 * A 序号 column counts its rows up one by one (1, 2, 3 …). A first column of codes (201, 201, 208 … or
 * 30101, 30102 …) is not one: two rows that print the same 类 code are two rows, never one row cut in two.
 */
function isNumbered(rows: RawRow[]): boolean {
  const numbers = rows.map(numberOf).filter((t) => /^\d{1,4}$/.test(t)).map(Number);
  if (numbers.length < 2) return false;
  let steps = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] === numbers[i - 1]! + 1) steps++;
  return steps >= (numbers.length - 1) * 0.8;
}

/** Joins the pieces of rows cut between consecutive table blocks (in place). */
export function stitchCutRows(blocks: RawBlock[]): void {
  const tables = blocks.filter((b): b is RawTableBlock => b.kind === 'table');
  for (let i = 0; i + 1 < tables.length; i++) {
    const a = tables[i]!;
    const b = tables[i + 1]!;
    if (!a.atPageBottom || !b.atPageTop || a.page === undefined || b.page !== a.page + 1) continue;
    const width = a.rows[0]?.cells.length ?? 0;
    if (width < 2 || b.rows.some((r) => r.cells.length !== width)) continue;
    const laneA = laneIndex(a.rows);
    const laneB = laneIndex(b.rows);
    const dataA = a.rows.slice(laneA + 1);
    const bodyB = laneB >= 0 ? laneB + 1 : 0;
    if (!isNumbered(dataA)) continue;
    // Without its own 栏次 row the later piece must at least look like the same table's body.
    if (laneB < 0 && !isNumbered(b.rows)) continue;
    let lastA = a.rows.length - 1;
    while (lastA > laneA && isBlank(a.rows[lastA]!)) lastA--;
    let firstB = bodyB;
    while (firstB < b.rows.length && isBlank(b.rows[firstB]!)) firstB++;
    if (lastA <= laneA || firstB >= b.rows.length) continue;
    const rowA = a.rows[lastA]!;
    const rowB = b.rows[firstB]!;
    const nA = numberOf(rowA);
    const nB = numberOf(rowB);
    if (nA === '' && /^\d{1,4}$/.test(nB)) {
      // The number sits on the lower piece: move the upper piece down to it.
      b.rows[firstB] = joinRows(rowA, rowB, rowB);
      a.rows.splice(lastA, 1);
    } else if (/^\d{1,4}$/.test(nA) && (nB === '' || nB === nA)) {
      a.rows[lastA] = joinRows(rowA, rowB, rowA);
      b.rows.splice(firstB, 1);
    }
  }
}
