// .xlsx → RawDocument with exceljs. Each visible sheet is cut by content into lines (titles, the
// department/year/unit line, notes) and grids (the tables, with their merges); nothing assumes which
// sheet holds which table or where on the sheet it sits. The workbook's size is checked first (./limits.ts),
// and the sheet is walked by the cells it has, never by the rectangle its farthest cell spans.
import { AUDIT_SHEET_NAMES } from '../../model/workbook.js';
import ExcelJS from 'exceljs';
import { unusableInput } from '../../model/errors.js';
import { LIMITS, tableTooLarge } from '../limits.js';
import type { RawBlock, RawCell, RawDocument } from '../raw.js';
import { checkWorkbookLimits } from './limits.js';
import { formatNumber } from './number-format.js';

type Sheet = ExcelJS.Worksheet;

const colName = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function decodeAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** The text a cell shows: numbers under their number format, rich text flattened, formula results. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  const fmt = cell.numFmt;
  const show = (x: unknown): string => {
    if (x === null || x === undefined) return '';
    if (typeof x === 'number') return formatNumber(x, fmt);
    if (typeof x === 'string') return x.replace(/\r\n?/g, '\n');
    if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
    if (x instanceof Date) return Number.isNaN(x.getTime()) ? '' : x.toISOString().slice(0, 10);
    if (typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('').replace(/\r\n?/g, '\n');
      if ('result' in o || 'formula' in o || 'sharedFormula' in o) return show(o.result);
      if ('text' in o) return show(o.text);
      if ('error' in o) return String(o.error ?? '');
    }
    return String(x);
  };
  return show(v);
}

interface Grid {
  /** Shown text by row number, each row by column − 1; rows without values are absent (all blank). */
  text: Map<number, string[]>;
  /** Merge master of each covered cell, and the span of each master. */
  span: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

const key = (r: number, c: number) => `${r}:${c}`;

function readGrid(ws: Sheet): Grid {
  const text = new Map<number, string[]>();
  ws.eachRow((row, r) => {
    const line: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      line[c - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell);
    });
    text.set(r, line);
  });
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
  for (const m of merges) {
    const [a, b] = m.split(':') as [string, string | undefined];
    const tl = decodeAddress(a);
    const br = decodeAddress(b ?? a);
    span.set(key(tl.row, tl.col), { rows: br.row - tl.row + 1, cols: br.col - tl.col + 1 });
    for (let r = tl.row; r <= br.row; r++) for (let c = tl.col; c <= br.col; c++) if (r !== tl.row || c !== tl.col) covered.add(key(r, c));
  }
  return { text, span, covered };
}

const textAt = (g: Grid, r: number, c: number): string => g.text.get(r)?.[c - 1] ?? '';

const IGNORED_SHEET_NODES = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'extLst', 'rowBreaks', 'colBreaks', 'autoFilter', 'picture', 'drawing'];

const META_LINE = /预算年度|^\s*单位[:：]|截止(时间|日期)[:：]/;

/** Tab order of a sheet (exceljs keeps it as orderNo, not in its typings). */
const orderOf = (ws: Sheet): number => (ws as unknown as { orderNo?: number }).orderNo ?? ws.id;

export async function readXlsxRaw(bytes: Uint8Array): Promise<RawDocument> {
  await checkWorkbookLimits(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    // What the reading never uses is not loaded (exceljs would expand data-validation ranges cell by cell).
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, {
      ignoreNodes: IGNORED_SHEET_NODES,
    } as unknown as Parameters<typeof wb.xlsx.load>[1]);
  } catch (err) {
    throw unusableInput('Excel 文件已损坏或不完整，无法读取', 'the .xlsx file is damaged or truncated (exceljs could not load it)', {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  const sheets = wb.worksheets
    .filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden' && !AUDIT_SHEET_NAMES.includes(ws.name))
    .sort((a, b) => orderOf(a) - orderOf(b));
  const blocks: RawBlock[] = [];
  for (const ws of sheets) sheetBlocks(ws, blocks);
  return { format: 'xlsx', pageCount: null, blocks };
}

function sheetBlocks(ws: Sheet, blocks: RawBlock[]): void {
  const g = readGrid(ws);
  const visibleCols: number[] = [];
  // columnCount walks every row each time it is asked: asked once.
  const columnCount = ws.columnCount;
  for (let c = 1; c <= columnCount; c++) if (!ws.getColumn(c).hidden) visibleCols.push(c);
  const filledCols = new Set<number>();
  for (const line of g.text.values()) line.forEach((t, i) => t?.trim() && filledCols.add(i + 1));
  const usedCols = visibleCols.filter((c) => filledCols.has(c));
  if (!usedCols.length) return;
  const minCol = usedCols[0]!;
  const maxCol = usedCols[usedCols.length - 1]!;
  const cols = visibleCols.filter((c) => c >= minCol && c <= maxCol);
  const width = cols.length;

  let open: number[] = [];
  const flush = () => {
    if (open.length) blocks.push(gridBlock(ws, g, open, cols));
    open = [];
  };
  const hidden = (r: number): boolean => ws.findRow(r)?.hidden ?? false;
  // Rows with text in the table's columns, in order; a visible row between two of them is blank.
  const rows = [...g.text.keys()].sort((a, b) => a - b);
  let last = 0;
  for (const r of rows) {
    if (hidden(r)) continue;
    const filled = cols.filter((c) => textAt(g, r, c).trim() !== '');
    if (!filled.length) continue;
    for (let gap = last + 1; gap < r; gap++) {
      if (!hidden(gap)) {
        flush();
        break;
      }
    }
    last = r;
    const texts = filled.map((c) => textAt(g, r, c).trim());
    const first = filled[0]!;
    const firstSpan = g.span.get(key(r, first))?.cols ?? 1;
    const isMeta = texts.some((t) => META_LINE.test(t)) && filled.length <= 4;
    const isLine = filled.length === 1 && (open.length === 0 || firstSpan * 2 >= width || /^注/.test(texts[0]!));
    if (isMeta || isLine) {
      flush();
      const cell = ws.getRow(r).getCell(first);
      blocks.push({
        kind: 'paragraph',
        text: texts.join('  '),
        src: { sheet: ws.name, cell: `${colName(first)}${r}` },
        bold: cell.font?.bold || undefined,
        centered: cell.alignment?.horizontal === 'center' || cell.alignment?.horizontal === 'centerContinuous' || undefined,
        fontSize: cell.font?.size,
      });
    } else open.push(r);
  }
  flush();
}

function gridBlock(ws: Sheet, g: Grid, rows: number[], cols: number[]): RawBlock {
  if (rows.length > LIMITS.tableRows || cols.length > LIMITS.tableColumns || rows.length * cols.length > LIMITS.gridCells) throw tableTooLarge(rows.length, cols.length);
  const rowSet = new Set(rows);
  const colIdx = new Map(cols.map((c, i) => [c, i]));
  return {
    kind: 'table',
    rows: rows.map((r) => ({
      cells: cols.map((c): RawCell => {
        const k = key(r, c);
        const src = { sheet: ws.name, cell: `${colName(c)}${r}` };
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
        return { text: textAt(g, r, c), src, rowSpan: Math.max(1, rowSpan), colSpan: Math.max(1, colSpan) };
      }),
    })),
  };
}
