// .xls (BIFF8, and BIFF5 of older budget systems) and WPS 表格 .et → RawDocument with SheetJS: each
// visible sheet, in tab order, as a SheetView cut into lines and grids by the same code as .xlsx.
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { unusableInput } from '../../model/errors.js';
import { AUDIT_SHEET_NAMES } from '../../model/workbook.js';
import { passwordProtected } from '../ole.js';
import type { RawBlock, RawDocument } from '../raw.js';
import { formatNumber } from '../xlsx/number-format.js';
import { sheetBlocks, type SheetView } from '../xlsx/sheet-blocks.js';
import { LIMITS, tableTooLarge } from '../limits.js';

// BIFF5 strings are stored in the workbook's code page (GBK for Chinese Excel 95 / early WPS files).
XLSX.set_cptable(cptable);

/** The text a cell shows: numbers under their number format (as the .xlsx reader shows them). */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? formatNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined) : '';
    case 's':
      return String(cell.v ?? '').replace(/\r\n?/g, '\n');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : '';
    case 'e':
      return cell.w ?? '';
    default:
      return ''; // 'z': a stub (formatted but empty, or covered by a merge)
  }
}

function sheetView(name: string, ws: XLSX.WorkSheet): SheetView {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
  const rowCount = ws['!ref'] ? range.e.r + 1 : 0;
  const columnCount = ws['!ref'] ? range.e.c + 1 : 0;
  // The range is what the file claims: a rectangle no disclosure has is refused before it is walked.
  if (rowCount * columnCount > LIMITS.gridCells) throw tableTooLarge(rowCount, columnCount);
  const text: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const line: string[] = [];
    for (let c = 0; c < columnCount; c++) line.push(cellText(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
    text.push(line);
  }
  const rows = ws['!rows'] ?? [];
  const cols = ws['!cols'] ?? [];
  return {
    name,
    text,
    columnCount,
    merges: (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })),
    rowHidden: (r) => !!rows[r - 1]?.hidden,
    colHidden: (c) => !!cols[c - 1]?.hidden,
    // SheetJS does not read fonts or alignment from BIFF; the assembler does without these cues.
    style: () => ({}),
  };
}

/**
 * SheetJS reports records it cannot parse on the console, but the command line's stderr is one line per
 * refusal: while it reads (synchronously, so nothing else can print meanwhile) its notes are collected
 * instead, and a refusal carries them in its details.
 */
function quietly<T>(read: () => T): { result?: T; error?: unknown; notes: string[] } {
  const notes: string[] = [];
  const saved = { error: console.error, warn: console.warn, log: console.log };
  console.error = console.warn = console.log = (...args: unknown[]) => void notes.push(args.map(String).join(' '));
  try {
    return { result: read(), notes };
  } catch (error) {
    return { error, notes };
  } finally {
    Object.assign(console, saved);
  }
}

export function readXlsRaw(bytes: Uint8Array): RawDocument {
  const read = quietly(() =>
    XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer', cellNF: true, cellDates: true, cellStyles: true }),
  );
  const wb = read.result;
  if (!wb) {
    const message = read.error instanceof Error ? read.error.message : String(read.error);
    if (/password|encrypt/i.test(message)) throw passwordProtected('.xls');
    throw unusableInput('Excel（.xls/.et）文件已损坏或不完整，无法读取', `the .xls/.et file is damaged or truncated (${message})`, { notes: read.notes });
  }
  const hidden = new Map((wb.Workbook?.Sheets ?? []).map((s) => [s.name, !!s.Hidden]));
  const blocks: RawBlock[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || hidden.get(name) || AUDIT_SHEET_NAMES.includes(name)) continue;
    sheetBlocks(sheetView(name, ws), blocks);
  }
  return { format: 'xls', pageCount: null, blocks };
}
