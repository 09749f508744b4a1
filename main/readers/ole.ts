// OLE2 compound files — the container of .xls/.et and .doc/.wps, and of a password-protected .docx/.xlsx —
// opened with SheetJS's CFB. What the file is follows from the streams it holds, never from its name.
import { CFB } from '@e965/xlsx';
import { unusableInput, type AppError } from '../model/errors.js';

export type OleKind = 'xls' | 'doc' | 'encrypted' | 'damaged-ole' | 'ole';

interface CfbEntry {
  name: string;
  type: number;
  content?: Uint8Array | number[];
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}

const STREAM = 2;

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The streams of a compound file by name, or null when its structure is broken (truncated, garbage). */
export function oleStreams(bytes: Uint8Array): Map<string, Uint8Array> | null {
  let cfb: CfbContainer;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' }) as CfbContainer;
  } catch {
    return null;
  }
  const streams = new Map<string, Uint8Array>();
  for (const e of cfb.FileIndex) {
    if (e.type !== STREAM || !e.content) continue;
    // The first stream of a name wins (names are unique within a storage; the main ones sit at the root).
    if (!streams.has(e.name)) streams.set(e.name, e.content instanceof Uint8Array ? e.content : Uint8Array.from(e.content));
  }
  return streams;
}

/**
 * A workbook (BIFF8 "Workbook", BIFF5 "Book": Excel and WPS 表格 .et), a Word binary document
 * ("WordDocument": Word and WPS 文字 .wps), or an OOXML package under a password (MS-OFFCRYPTO:
 * "EncryptionInfo" + "EncryptedPackage").
 */
export function oleKind(bytes: Uint8Array): OleKind {
  const streams = oleStreams(bytes);
  if (!streams) return 'damaged-ole';
  if (streams.has('EncryptedPackage') || streams.has('EncryptionInfo')) return 'encrypted';
  if (streams.has('Workbook') || streams.has('Book')) return 'xls';
  if (streams.has('WordDocument')) return 'doc';
  return 'ole';
}

/** The one refusal for every file that needs a password to open, whatever its format. */
export function passwordProtected(format: string): AppError {
  return unusableInput(
    `文件设有打开密码（已加密），无法读取；请在 Office/WPS 中取消密码后另存，再导入`,
    `the ${format} file is password-protected (encrypted); remove the password in Office/WPS, save it and import again`,
  );
}
