// What the source pane should show for the current selection: the page, the selected cell's and row's
// boxes (PDF) or positions (Word/Excel), and the boxes of the cells the finding in focus compared.
import type { CellSource, ReviewFinding, StandardTable, SubmissionView } from '../../../main/api/types';
import { locate, tableOf } from './findingIndex';

export type Box = [number, number, number, number];

export interface SourceTarget {
  /** The file that holds it: null for the submission's first file, else a further file's sha256. */
  file: string | null;
  page: number | null;
  cell: CellSource | null;
  row: (CellSource | null)[];
  rowBox: Box | null;
  cellBox: Box | null;
  related: { page: number; box: Box }[];
}

export const EMPTY_TARGET: SourceTarget = { file: null, page: null, cell: null, row: [], rowBox: null, cellBox: null, related: [] };

function union(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Box>((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])], [...boxes[0]!] as Box);
}

export function sourceTarget(
  view: SubmissionView,
  table: StandardTable | undefined,
  row: number | null,
  col: number | null,
  focus: ReviewFinding | null,
  fallbackPage: number | null,
): SourceTarget {
  const rowSources = table && row !== null ? (table.sources?.[row] ?? []) : [];
  const file = table?.file ?? null;
  const cell = col !== null ? (rowSources[col] ?? null) : null;
  const page = cell?.page ?? rowSources.find((s) => s?.page)?.page ?? focus?.page ?? fallbackPage ?? table?.pages?.[0] ?? null;
  const onPage = (s: CellSource | null | undefined): s is CellSource & { box: Box } => !!s?.box && (s.page === undefined || s.page === page);
  const rowBox = union(rowSources.filter(onPage).map((s) => s.box));
  const related: SourceTarget['related'] = [];
  if (focus) {
    for (const r of [{ table: focus.table, row: focus.row, column: focus.column }, ...focus.related]) {
      const t = tableOf(view, r.table);
      if (!t || (t.file ?? null) !== file) continue;
      const at = locate(view.layouts[t.key], r.row, r.column);
      if (at.row === null) continue;
      const srcs = at.col !== null ? [t.sources?.[at.row]?.[at.col]] : (t.sources?.[at.row] ?? []);
      for (const s of srcs) if (s?.box && s.page) related.push({ page: s.page, box: s.box });
    }
  }
  return { file, page, cell, row: rowSources, rowBox, cellBox: onPage(cell) ? cell.box : null, related };
}

/** Excel column letters ↔ numbers, for naming a row's span (A5:M5). */
export function rowSpanLabel(row: (CellSource | null)[]): string | null {
  const cells = row.filter((s): s is CellSource & { cell: string } => !!s?.cell);
  if (cells.length === 0) return null;
  const first = cells[0]!.cell;
  const last = cells[cells.length - 1]!.cell;
  return first === last ? first : `${first}:${last}`;
}
