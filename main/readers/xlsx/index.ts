// .xlsx → RawDocument with exceljs: each visible sheet, in tab order, as a SheetView cut into lines and
// grids by ./sheet-blocks.ts. The workbook's size is checked before exceljs loads it (./limits.ts), and a
// sheet's rectangle (its last row × its last column) before it is laid out cell by cell.
import { AUDIT_SHEET_NAMES } from '../../model/workbook.js';
import ExcelJS from 'exceljs';
import { unusableInput } from '../../model/errors.js';
import { LIMITS, tableTooLarge } from '../limits.js';
import { checkWorkbookLimits } from './limits.js';
import type { RawBlock, RawDocument } from '../raw.js';
import { formatNumber } from './number-format.js';
import { sheetBlocks, type SheetMerge, type SheetView } from './sheet-blocks.js';

type Sheet = ExcelJS.Worksheet;

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

function decodeMerge(m: string): SheetMerge {
  const [a, b] = m.split(':') as [string, string | undefined];
  const tl = decodeAddress(a);
  const br = decodeAddress(b ?? a);
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

function sheetView(ws: Sheet): SheetView {
  // Both walk every row each time they are asked: asked once. A far cell (XFD1048576) makes a rectangle
  // no disclosure has; it is refused before any of it is laid out.
  const rowCount = ws.rowCount;
  const columnCount = ws.columnCount;
  if (rowCount * columnCount > LIMITS.gridCells) throw tableTooLarge(rowCount, columnCount);
  const text: string[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    const line: string[] = [];
    for (let c = 1; c <= columnCount; c++) line.push(row ? cellText(row.getCell(c)) : '');
    text.push(line);
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
  return {
    name: ws.name,
    text,
    columnCount,
    merges: merges.map(decodeMerge),
    rowHidden: (r) => ws.findRow(r)?.hidden ?? false,
    colHidden: (c) => ws.getColumn(c).hidden,
    style: (r, c) => {
      const cell = ws.getRow(r).getCell(c);
      const h = cell.alignment?.horizontal;
      const b = cell.border;
      const bordered = !!(b?.top?.style || b?.bottom?.style || b?.left?.style || b?.right?.style);
      return { bold: cell.font?.bold, centered: h === 'center' || h === 'centerContinuous', fontSize: cell.font?.size, bordered };
    },
  };
}

const IGNORED_SHEET_NODES = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'extLst', 'rowBreaks', 'colBreaks', 'autoFilter', 'picture', 'drawing'];

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
  for (const ws of sheets) sheetBlocks(sheetView(ws), blocks);
  return { format: 'xlsx', pageCount: null, blocks };
}
