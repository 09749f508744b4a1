// One worksheet cut by content into lines (titles, the department/year/unit line, notes) and grids (the
// tables, with their merges); nothing assumes which sheet holds which table or where on the sheet it
// sits. Shared by the .xlsx reader (exceljs) and the .xls/.et reader (SheetJS): each hands a SheetView.
import type { RawBlock, RawCell } from '../raw.js';
import { LIMITS, spanTooLarge, tableTooLarge } from '../limits.js';

/** A merged range, 1-based and inclusive. */
export interface SheetMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What the cutting needs of a sheet, whatever library read it. Rows and columns are 1-based. */
export interface SheetView {
  name: string;
  /** The text each cell shows, text[r - 1][c - 1]; rows may be ragged. */
  text: string[][];
  columnCount: number;
  merges: SheetMerge[];
  rowHidden(r: number): boolean;
  colHidden(c: number): boolean;
  /** Visual cues of a cell where the format records them. */
  style(r: number, c: number): { bold?: boolean; centered?: boolean; fontSize?: number; bordered?: boolean };
}

export const colName = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const key = (r: number, c: number) => `${r}:${c}`;

interface Spans {
  /** The span of each merge's top-left cell. */
  span: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

function spansOf(merges: SheetMerge[]): Spans {
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  // Merges are walked cell by cell: their total area is held to LIMITS first (any spreadsheet reader).
  let area = 0;
  for (const m of merges) area += Math.max(0, m.bottom - m.top + 1) * Math.max(0, m.right - m.left + 1);
  if (!(area <= LIMITS.mergedCells)) throw spanTooLarge('merged cells', String(area));
  for (const m of merges) {
    span.set(key(m.top, m.left), { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  return { span, covered };
}

const META_LINE = /预算年度|^\s*单位[:：]|截止(时间|日期)[:：]/;

export function sheetBlocks(view: SheetView, blocks: RawBlock[]): void {
  const g = spansOf(view.merges);
  // A covered cell shows nothing, whatever a writer left in it.
  const textAt = (r: number, c: number): string => (g.covered.has(key(r, c)) ? '' : (view.text[r - 1]?.[c - 1] ?? ''));
  const visibleCols: number[] = [];
  for (let c = 1; c <= view.columnCount; c++) if (!view.colHidden(c)) visibleCols.push(c);
  const usedCols = visibleCols.filter((c) => view.text.some((_, i) => textAt(i + 1, c).trim() !== ''));
  if (!usedCols.length) return;
  const minCol = usedCols[0]!;
  const maxCol = usedCols[usedCols.length - 1]!;
  const cols = visibleCols.filter((c) => c >= minCol && c <= maxCol);
  const width = cols.length;

  const headerRowBelow = (r: number): boolean => {
    for (let n = r + 1; n <= view.text.length; n++) {
      if (view.rowHidden(n)) continue;
      return cols.filter((c) => textAt(n, c).trim() !== '' || g.covered.has(key(n, c))).length >= 2;
    }
    return false;
  };
  let open: number[] = [];
  const flush = () => {
    if (open.length) blocks.push(gridBlock(view.name, g, textAt, open, cols));
    open = [];
  };
  for (let r = 1; r <= view.text.length; r++) {
    if (view.rowHidden(r)) continue;
    const filled = cols.filter((c) => textAt(r, c).trim() !== '');
    if (!filled.length) {
      // A row that a merge from above reaches into (a blank header row under 公务用车购置费…) stays in its grid.
      if (open.length && cols.some((c) => g.covered.has(key(r, c)))) open.push(r);
      else flush();
      continue;
    }
    const texts = filled.map((c) => textAt(r, c).trim());
    const first = filled[0]!;
    const firstSpan = g.span.get(key(r, first))?.cols ?? 1;
    const isMeta = texts.some((t) => META_LINE.test(t)) && filled.length <= 4;
    // One text over the whole width with borders, right above a header row, is the header's top caption
    // (财政拨款“三公”经费 over its parts), not a title: titles are printed without borders.
    const caption = open.length === 0 && firstSpan * 2 >= width && view.style(r, first).bordered === true && headerRowBelow(r);
    const isLine = filled.length === 1 && !caption && (open.length === 0 || firstSpan * 2 >= width || /^注/.test(texts[0]!));
    if (isMeta || isLine) {
      flush();
      const style = view.style(r, first);
      blocks.push({
        kind: 'paragraph',
        text: texts.join('  '),
        src: { sheet: view.name, cell: `${colName(first)}${r}` },
        bold: style.bold || undefined,
        centered: style.centered || undefined,
        fontSize: style.fontSize,
      });
    } else open.push(r);
  }
  flush();
}

function gridBlock(sheet: string, g: Spans, textAt: (r: number, c: number) => string, rows: number[], cols: number[]): RawBlock {
  if (rows.length > LIMITS.tableRows || cols.length > LIMITS.tableColumns || rows.length * cols.length > LIMITS.gridCells) throw tableTooLarge(rows.length, cols.length);
  const rowSet = new Set(rows);
  const colIdx = new Map(cols.map((c, i) => [c, i]));
  return {
    kind: 'table',
    rows: rows.map((r) => ({
      cells: cols.map((c): RawCell => {
        const k = key(r, c);
        const src = { sheet, cell: `${colName(c)}${r}` };
        if (g.covered.has(k)) return { text: '', src, rowSpan: 1, colSpan: 1, covered: true };
        const s = g.span.get(k);
        // Spans count only the rows and columns that made it into this grid.
        let rowSpan = 1;
        let colSpan = 1;
        if (s) {
          rowSpan = 0;
          for (let rr = r; rr < r + s.rows; rr++) if (rowSet.has(rr)) rowSpan++;
          colSpan = 0;
          for (let cc = c; cc < c + s.cols; cc++) if (colIdx.has(cc)) colSpan++;
        }
        return { text: textAt(r, c), src, rowSpan: Math.max(1, rowSpan), colSpan: Math.max(1, colSpan) };
      }),
    })),
  };
}
