// The look of an exported workbook: what finance bureaus print — 宋体 body, 黑体 titles, thin borders, A4.
import type ExcelJS from 'exceljs';

/** 134 = GB2312, so Excel picks the Chinese face and not a Western substitute. */
const CJK_CHARSET = 134;

export const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10, charset: CJK_CHARSET };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 16, bold: true, charset: CJK_CHARSET };
export const SUBTITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 12, bold: true, charset: CJK_CHARSET };
export const HEADING_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10, bold: true, charset: CJK_CHARSET };

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A corrected cell: light yellow, so the department sees at once what the audit changed. */
export const CORRECTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF99' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const LEFT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
export const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: 'right', vertical: 'middle', wrapText: false };
export const TOP_LEFT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'top', wrapText: true };

/** Amount format: thousands separator and at least two decimals (more if the document printed more). */
export function amountFormat(decimals: number): string {
  return decimals <= 2 ? '#,##0.00' : `#,##0.${'0'.repeat(decimals)}`;
}

/** A4 print setup; the caller decides orientation and which rows repeat on every page. */
export function printSetup(ws: ExcelJS.Worksheet, opts: { landscape: boolean; repeatRows?: [number, number] }): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: opts.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(opts.repeatRows ? { printTitlesRow: `${opts.repeatRows[0]}:${opts.repeatRows[1]}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
}

/** Display width of text in Excel column units: CJK and full-width characters take two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x2e80 || (cp >= 0x2010 && cp <= 0x201f) ? 2 : 1.1;
  }
  return w;
}

/** The widest line of a cell's text. */
export function cellTextWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(textWidth));
}
