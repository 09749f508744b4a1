// What a file may ask of the workstation before it is refused: sizes checked before the work they would
// cause, each refusal with a reason in Chinese and English. The figures are far above any real disclosure
// (tens of pages, a few thousand cells) and far below what would exhaust a reading worker.
import { unusableInput, type AppError } from '../model/errors.js';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Bytes of one input file (checked before it is read from disk). */
  fileBytes: 100 * MiB,
  /** Entries in one .docx/.xlsx package. */
  zipEntries: 20_000,
  /** Decompressed bytes of one part of a package. */
  partBytes: 64 * MiB,
  /** Decompressed bytes of all parts read from one package. */
  packageBytes: 256 * MiB,
  /** Elements open at once in an XML part. */
  xmlDepth: 256,
  /** Elements in one XML part. */
  xmlElements: 2_000_000,
  /** Attributes on one XML element. */
  xmlAttributes: 1_000,
  /** Rows of one table (a Word table, a grid cut from a sheet). */
  tableRows: 50_000,
  /** Columns of one table (grid columns, spans included). */
  tableColumns: 1_000,
  /** Cells of one grid (rows × columns). */
  gridCells: 1_000_000,
  /** Characters of one table cell, and of one paragraph (the checks' patterns run over them). */
  cellChars: 10_000,
  paragraphChars: 100_000,
  /** Cells written in one workbook. */
  workbookCells: 1_000_000,
  /** Cells covered by merges in one workbook. */
  mergedCells: 200_000,
  /** Excel's own bounds: a reference beyond them is not a spreadsheet cell. */
  sheetRows: 1_048_576,
  sheetColumns: 16_384,
  /** Scanned pages recognised in one file (OCR takes seconds a page). */
  ocrPages: 200,
  /** Pixels of one image decoded for OCR (an A4 page at 600 dpi has 35 million), and of one page's raster. */
  ocrImagePixels: 80_000_000,
  ocrRasterPixels: 40_000_000,
} as const;

const fmtBytes = (n: number): string => (n >= MiB ? `${Math.round(n / MiB)} MB` : `${Math.round(n / 1024)} KB`);

export function fileTooLarge(size: number): AppError {
  return unusableInput(
    `文件过大（${fmtBytes(size)}，上限 ${fmtBytes(LIMITS.fileBytes)}），不是可读取的预算公开文件`,
    `the file is too large (${fmtBytes(size)}; the limit is ${fmtBytes(LIMITS.fileBytes)})`,
  );
}

/** A package part (or the package) that inflates beyond its budget: a ZIP bomb or a corrupt size. */
export function inflatesTooMuch(what: string, budget: number): AppError {
  return unusableInput(
    `文件解压后过大（${what} 超过 ${fmtBytes(budget)}），可能是压缩炸弹或已损坏`,
    `the file inflates beyond ${fmtBytes(budget)} (${what}); a ZIP bomb or a damaged package`,
  );
}

export function tooManyEntries(count: number): AppError {
  return unusableInput(`压缩包内文件过多（${count} 个），不是正常的 Office 文件`, `the package holds too many entries (${count})`);
}

export function nestedTooDeep(part: string): AppError {
  return unusableInput(
    `文档结构嵌套过深（超过 ${LIMITS.xmlDepth} 层，${part}），无法读取`,
    `the document nests deeper than ${LIMITS.xmlDepth} levels (${part})`,
  );
}

export function tooManyElements(part: string): AppError {
  return unusableInput(
    `文档内容过多（${part} 超过 ${LIMITS.xmlElements.toLocaleString('en')} 个元素），无法读取`,
    `the document has too many elements (${part}: over ${LIMITS.xmlElements.toLocaleString('en')})`,
  );
}

export function tooManyAttributes(part: string): AppError {
  return unusableInput(`文档中有元素的属性过多（${part}），文件已损坏`, `an element has too many attributes (${part}); the file is damaged`);
}

export function tableTooLarge(rows: number, columns: number): AppError {
  return unusableInput(
    `表格过大（${rows.toLocaleString('en')} 行 × ${columns.toLocaleString('en')} 列，上限 ${LIMITS.tableRows.toLocaleString('en')} 行、${LIMITS.tableColumns} 列）`,
    `a table is too large (${rows} rows × ${columns} columns; the limits are ${LIMITS.tableRows} rows and ${LIMITS.tableColumns} columns)`,
  );
}

export function spanTooLarge(what: string, value: string): AppError {
  return unusableInput(
    `表格的合并范围异常（${what}=${value.slice(0, 24)}），文件已损坏`,
    `a table has an impossible span (${what}=${value.slice(0, 24)}); the file is damaged`,
  );
}

export function sheetOutOfBounds(sheet: string, what: string): AppError {
  return unusableInput(
    `工作表“${sheet.slice(0, 40)}”的${what}超出 Excel 的范围或本程序的上限，文件已损坏或不是预算表`,
    `sheet "${sheet.slice(0, 40)}": ${what} beyond Excel's bounds or this program's limits`,
  );
}

export function textTooLong(where: string, length: number, limit: number): AppError {
  return unusableInput(
    `${where}的文字过长（${length.toLocaleString('en')} 字，上限 ${limit.toLocaleString('en')} 字），文件已损坏或不是预算公开文件`,
    `a ${where === '单元格' ? 'table cell' : 'paragraph'} holds ${length} characters (the limit is ${limit}); the file is damaged or not a disclosure`,
  );
}
