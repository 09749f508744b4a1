// Before exceljs sees a workbook: every part is inflated once as a stream within the package budget, every
// XML part parsed within the depth and element limits, and what exceljs would expand cell by cell (cells,
// merges, defined names, column ranges) is measured against LIMITS. exceljs then loads a workbook whose
// cost is known. Nothing is kept from this pass.
import { unusableInput } from '../../model/errors.js';
import { LIMITS } from '../limits.js';
import { openPackage } from '../ooxml/package.js';
import { MalformedXmlError, scanXmlPart, type XmlEvents } from '../ooxml/xml.js';

const KIND = 'Excel';
const XML_PART = /\.(xml|rels|vml)$/i;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** Parts exceljs must parse; elsewhere malformed XML is exceljs's business (it ignores most parts). */
const ESSENTIAL = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml)$/i;
/** A cell or range reference: column letters and row digits, each optionally $-anchored. */
const REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
/** The longest defined name exceljs is given to parse (its range patterns are not linear in the text). */
const MAX_DEFINED_NAME = 4096;

interface Ref {
  row: number;
  col: number;
}

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

const localOf = (name: string): string => name.slice(name.indexOf(':') + 1);

function outOfBounds(sheet: string, zh: string, en: string): Error {
  return unusableInput(
    `工作表（${sheet}）的${zh}超出 Excel 的范围或本程序的上限，文件已损坏或不是预算表`,
    `${sheet}: ${en} beyond Excel's bounds or this program's limits; the file is damaged or not a budget table`,
  );
}

function parseRef(text: string | undefined): Ref | null {
  const m = text === undefined ? null : REF.exec(text.trim());
  return m ? { col: columnNumber(m[1]!), row: Number(m[2]) } : null;
}

const inSheet = (r: Ref): boolean => r.row >= 1 && r.row <= LIMITS.sheetRows && r.col >= 1 && r.col <= LIMITS.sheetColumns;

/** Cells of a range "A1:C3" (a single cell is 1); null when it is not a range inside a sheet. */
function rangeArea(text: string): number | null {
  const [a, b, extra] = text.split(':');
  if (extra !== undefined) return null;
  const from = parseRef(a);
  const to = b === undefined ? from : parseRef(b);
  if (!from || !to || !inSheet(from) || !inSheet(to)) return null;
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
}

/** Throws when the workbook asks for more than LIMITS allow; returns quietly otherwise. */
export async function checkWorkbookLimits(bytes: Uint8Array): Promise<void> {
  const pkg = await openPackage(bytes, KIND);
  let cells = 0;
  let merged = 0;
  const sheetEvents = (part: string): XmlEvents => ({
    open(name, attrs) {
      switch (localOf(name)) {
        case 'row': {
          const r = attrs.r;
          if (r !== undefined && !(/^\d{1,7}$/.test(r) && Number(r) >= 1 && Number(r) <= LIMITS.sheetRows))
            throw outOfBounds(part, `行号 ${r.slice(0, 20)}`, `row number ${r.slice(0, 20)}`);
          return;
        }
        case 'c': {
          if (++cells > LIMITS.workbookCells) throw outOfBounds(part, '单元格数量', `more than ${LIMITS.workbookCells} cells,`);
          const r = attrs.r;
          if (r === undefined) return;
          const ref = parseRef(r);
          if (!ref || !inSheet(ref)) throw outOfBounds(part, `单元格 ${r.slice(0, 20)}`, `cell ${r.slice(0, 20)}`);
          return;
        }
        case 'mergeCell': {
          const ref = attrs.ref ?? '';
          const area = rangeArea(ref);
          if (area === null) throw outOfBounds(part, `合并区域 ${ref.slice(0, 30)}`, `merged range ${ref.slice(0, 30)}`);
          merged += area;
          if (merged > LIMITS.mergedCells)
            throw outOfBounds(part, `合并区域 ${ref.slice(0, 30)}`, `merged range ${ref.slice(0, 30)} (over ${LIMITS.mergedCells} merged cells)`);
          return;
        }
        case 'col': {
          const min = Number(attrs.min ?? 1);
          const max = Number(attrs.max ?? min);
          if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && max <= LIMITS.sheetColumns)) {
            throw outOfBounds(
              part,
              `列定义 ${String(attrs.min).slice(0, 12)}–${String(attrs.max).slice(0, 12)}`,
              `column range ${String(attrs.min).slice(0, 12)}–${String(attrs.max).slice(0, 12)}`,
            );
          }
          return;
        }
      }
    },
  });
  // exceljs expands each defined name's ranges cell by cell.
  let definedName: string | null = null;
  let expanded = 0;
  const workbookEvents: XmlEvents = {
    open(name) {
      if (localOf(name) === 'definedName') definedName = '';
    },
    text(t) {
      if (definedName === null) return;
      definedName += t;
      if (definedName.length > MAX_DEFINED_NAME) throw outOfBounds('xl/workbook.xml', '名称定义', 'a defined name');
    },
    close(name) {
      if (localOf(name) !== 'definedName' || definedName === null) return;
      for (const item of definedName.split(',')) {
        const area = rangeArea(item.slice(item.lastIndexOf('!') + 1).trim());
        if (area !== null) expanded += area;
      }
      definedName = null;
      if (expanded > LIMITS.mergedCells) throw outOfBounds('xl/workbook.xml', '名称定义的范围', 'defined-name ranges');
    },
  };
  try {
    for (const part of pkg.names) {
      if (!XML_PART.test(part))
        await pkg.stream(part, () => undefined); // media: counted against the budget
      else if (SHEET_PART.test(part)) await scanXmlPart(pkg, part, KIND, sheetEvents(part));
      else if (part === 'xl/workbook.xml') await scanXmlPart(pkg, part, KIND, workbookEvents);
      else {
        try {
          await scanXmlPart(pkg, part, KIND, { open: () => undefined });
        } catch (err) {
          if (!(err instanceof MalformedXmlError) || ESSENTIAL.test(part)) throw err;
        }
      }
    }
  } finally {
    pkg.close();
  }
}
