// Reading a disclosure: decide the format by content, run its reader, then the shared assembler.
import { createHash } from 'node:crypto';
import { AppError, unusableInput } from '../model/errors.js';
import type { BudgetDocument, SourceFormat } from '../model/types.js';
import { assembleDocument } from './assemble/index.js';
import { detectFormat, type DetectedFormat } from './detect.js';
import { readDocxRaw } from './docx/index.js';
import type { RawDocument } from './raw.js';
import { LIMITS, tableTooLarge, textTooLong } from './limits.js';
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
    case 'ole':
      return unusableInput(
        '旧版 .doc/.xls 文件或已加密的 Office 文件，请另存为 .docx/.xlsx 或 PDF 后再导入',
        'a legacy .doc/.xls or password-protected Office file; save it as .docx/.xlsx or PDF first',
      );
    default:
      return unusableInput('不是 PDF、Word（.docx）或 Excel（.xlsx）文件', 'not a PDF, Word (.docx) or Excel (.xlsx) file');
  }
}

export interface ReadDisclosureOptions {
  /** After each page of a PDF (the reading pool's watchdog listens). */
  onPage?: (done: number, total: number) => void;
}

async function readRaw(format: SourceFormat, bytes: Uint8Array, options: ReadDisclosureOptions = {}): Promise<RawDocument> {
  if (format === 'pdf') {
    // Loaded on demand: pdfjs is heavy and Word/Excel reading never needs it.
    const { readPdfRaw } = await import('./pdf/index.js');
    return readPdfRaw(bytes, { onPage: options.onPage });
  }
  if (format === 'docx') return readDocxRaw(bytes);
  return readXlsxRaw(bytes);
}

/** Read one disclosure file into the canonical document (findings empty: the checks fill them), in this
 *  thread. Callers outside the readers use `readIsolated` (./pool.ts), which runs this in a worker. */
export async function readDisclosure(bytes: Uint8Array, fileName: string, options: ReadDisclosureOptions = {}): Promise<BudgetDocument> {
  const kind = detectFormat(bytes);
  if (kind !== 'pdf' && kind !== 'docx' && kind !== 'xlsx') throw refuse(kind);
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
