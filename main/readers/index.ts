// Reading a disclosure: decide the format by content, run its reader, then the shared assembler.
import { createHash } from 'node:crypto';
import { AppError, unusableInput } from '../model/errors.js';
import type { BudgetDocument, SourceFormat } from '../model/types.js';
import { assembleDocument } from './assemble/index.js';
import { detectFormat, type DetectedFormat } from './detect.js';
import { readDocRaw } from './doc/index.js';
import { readDocxRaw } from './docx/index.js';
import { passwordProtected } from './ole.js';
import type { RawDocument } from './raw.js';
import { LIMITS, tableTooLarge, textTooLong } from './limits.js';
import { readXlsRaw } from './xls/index.js';
import { readXlsxRaw } from './xlsx/index.js';

export { detectFormat, type DetectedFormat };
export { assembleDocument } from './assemble/index.js';
export { readIsolated, readPool, ReadPool } from './pool.js';
export { LIMITS } from './limits.js';

/** What any reader made is held to LIMITS before the assembler and the checks see it (whatever the format). */
function checkRawLimits(raw: RawDocument): void {
  for (const b of raw.blocks) {
    if (b.kind === 'paragraph' && b.text.length > LIMITS.paragraphChars) throw textTooLong('段落', b.text.length, LIMITS.paragraphChars);
    if (b.kind !== 'table') continue;
    if (b.rows.length > LIMITS.tableRows) throw tableTooLarge(b.rows.length, b.rows[0]?.cells.length ?? 0);
    for (const row of b.rows) {
      for (const cell of row.cells) if (cell.text.length > LIMITS.cellChars) throw textTooLong('单元格', cell.text.length, LIMITS.cellChars);
    }
  }
}
export type { RawDocument } from './raw.js';

function refuse(kind: Exclude<DetectedFormat, SourceFormat>): AppError {
  switch (kind) {
    case 'empty':
      return unusableInput('文件为空', 'the file is empty');
    case 'damaged-zip':
      return unusableInput('文件已损坏或不完整（压缩包结构缺失），无法读取', 'the file is damaged or truncated (incomplete ZIP archive)');
    case 'zip':
      return unusableInput('压缩包不是 Word（.docx）或 Excel（.xlsx）文件', 'a ZIP archive that is not a Word (.docx) or Excel (.xlsx) file');
    case 'encrypted':
      return passwordProtected('Office');
    case 'damaged-ole':
      return unusableInput('Office 文件已损坏或不完整（复合文档结构缺失），无法读取', 'the Office file is damaged or truncated (broken compound-file structure)');
    case 'ole':
      return unusableInput(
        'Office 复合文档中既无 Word 正文也无 Excel 工作簿（如 PowerPoint 或其他程序的文件），无法读取',
        'a compound (OLE) file with neither a Word document nor an Excel workbook in it (PowerPoint or another program)',
      );
    default:
      return unusableInput('不是 PDF、Word（.docx/.doc）或 Excel（.xlsx/.xls）文件', 'not a PDF, Word (.docx/.doc) or Excel (.xlsx/.xls) file');
  }
}

const READABLE: readonly DetectedFormat[] = ['pdf', 'docx', 'xlsx', 'doc', 'xls'] satisfies SourceFormat[];
const isReadable = (kind: DetectedFormat): kind is SourceFormat => READABLE.includes(kind);

export interface ReadDisclosureOptions {
  /** After each page of a PDF (the reading pool's watchdog listens). */
  onPage?: (done: number, total: number, scanned: number) => void;
}

async function readRaw(format: SourceFormat, bytes: Uint8Array, options: ReadDisclosureOptions = {}): Promise<RawDocument> {
  if (format === 'pdf') {
    // Loaded on demand: pdfjs is heavy and Word/Excel reading never needs it.
    const { readPdfRaw } = await import('./pdf/index.js');
    return readPdfRaw(bytes, { onPage: options.onPage });
  }
  if (format === 'docx') return readDocxRaw(bytes);
  if (format === 'doc') return readDocRaw(bytes);
  if (format === 'xls') return readXlsRaw(bytes);
  return readXlsxRaw(bytes);
}

/** Read one disclosure file into the canonical document (findings empty: the checks fill them), in this
 *  thread. Callers outside the readers use `readIsolated` (./pool.ts), which runs this in a worker. */
export async function readDisclosure(bytes: Uint8Array, fileName: string, options: ReadDisclosureOptions = {}): Promise<BudgetDocument> {
  const kind = detectFormat(bytes);
  if (!isReadable(kind)) throw refuse(kind);
  const raw = await readRaw(kind, bytes, options);
  checkRawLimits(raw);
  const assembled = assembleDocument(raw);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    id: sha256,
    ...assembled,
    findings: [],
    source: { format: kind, fileName, sha256, size: bytes.length, pageCount: raw.pageCount },
  };
}
