// What a file is, by its bytes (never by its name): PDF, a Word or Excel package, a legacy Word or Excel
// compound file (.doc/.wps, .xls/.et), a password-protected Office file, or something else.
import { OLE_SIGNATURE, oleKind, type OleKind } from './ole.js';

export type DetectedFormat = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'damaged-zip' | OleKind | 'empty' | 'unknown';

const WORD_PARTS = ['word/document', 'word/styles.xml', 'word/_rels/', 'word/settings.xml', 'word/fontTable.xml'];
const EXCEL_PARTS = ['xl/workbook.xml', 'xl/worksheets/', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/_rels/'];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Find an ASCII string in the bytes (ZIP entry names are stored uncompressed). */
function contains(b: Uint8Array, s: string): boolean {
  const needle = Array.from(s, (c) => c.charCodeAt(0));
  const first = needle[0]!;
  outer: for (let i = b.indexOf(first); i >= 0 && i <= b.length - needle.length; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** A complete ZIP ends with its end-of-central-directory record (within the last 64 KiB). */
function hasEndOfCentralDirectory(b: Uint8Array): boolean {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return true;
  }
  return false;
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return 'empty';
  // %PDF- may follow a little junk (the spec allows it within the first KiB).
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  if (contains(head, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Part names are stored in clear in every entry header, so even a truncated package tells its kind.
    if (WORD_PARTS.some((p) => contains(bytes, p))) return 'docx';
    if (EXCEL_PARTS.some((p) => contains(bytes, p))) return 'xlsx';
    return hasEndOfCentralDirectory(bytes) ? 'zip' : 'damaged-zip';
  }
  // OLE2 compound file: legacy .doc/.xls (and WPS .wps/.et), or a .docx/.xlsx under a password.
  if (startsWith(bytes, OLE_SIGNATURE)) return oleKind(bytes);
  return 'unknown';
}
