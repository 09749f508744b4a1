// The PDF reader on real files of each generator style: the nine tables exactly as the truth, every cell
// with its page and box; image-only and malformed PDFs refused with a clear reason (CONTRACT exit 2).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { readDisclosure } from '../main/readers/index.js';
import { AppError } from '../main/model/errors.js';
import { fixture } from './helpers/paths.js';
import { buildPdf, imageOnlyPdf, stream, textPagePdf } from './hostile/pdf.js';

interface Truth {
  scope: string; department_code: string; department: string; year: number;
  tables: { key: string; rows: string[][]; lanes: string[]; note: string | null }[];
}
const truth = (id: string): Truth => JSON.parse(fs.readFileSync(fixture('truth', `${id}.json`), 'utf8'));
const squash = (s: string | undefined) => String(s ?? '').replace(/\s+/g, '');
/** Cells compare as the scorer compares them: amounts by value, text without whitespace. */
const same = (a: string | undefined, b: string | undefined) => {
  const x = squash(a).replace(/,/g, ''), y = squash(b).replace(/,/g, '');
  const num = /^-?(\d+(\.\d+)?|\.\d+)$/;
  return num.test(x) && num.test(y) ? Math.abs(Number(x) - Number(y)) < 0.005 : x === y;
};

// [file, truth, style, has a narrative (a spreadsheet print holds the nine tables only)]
const CASES = [
  ['seed000-m01.word.pdf', 'seed000-m01', 'Word/WPS, ruled', true],
  ['seed001.excel.pdf', 'seed001', 'spreadsheet print, ruled', false],
  ['seed000.web.pdf', 'seed000', 'browser print, radical code points', true],
  ['seed002.noline.pdf', 'seed002', 'no ruling lines', true],
] as const;

describe('PDF reader: the nine tables exactly', () => {
  for (const [file, id, style, hasNarrative] of CASES) {
    it(`${file} (${style})`, async () => {
      const want = truth(id);
      const doc = await readDisclosure(new Uint8Array(fs.readFileSync(fixture('docs', file))), file);
      expect([doc.scope, doc.department_code, doc.department, doc.year]).toEqual([want.scope, want.department_code, want.department, want.year]);
      expect(doc.source.format).toBe('pdf');
      expect(doc.tables.map((t) => t.key)).toEqual(want.tables.map((t) => t.key));
      for (const t of want.tables) {
        const got = doc.tables.find((x) => x.key === t.key)!;
        expect(got.lanes).toEqual(t.lanes);
        expect(squash(got.note ?? '')).toBe(squash(t.note ?? ''));
        expect(got.rows.length, `${t.key} rows`).toBe(t.rows.length);
        t.rows.forEach((row, r) => row.forEach((cell, c) => expect(same(got.rows[r]![c], cell), `${t.key} r${row[0]} c${c}: ${got.rows[r]![c]} ≠ ${cell}`).toBe(true)));
        expect(got.pages?.length, `${t.key} pages`).toBeGreaterThan(0);
        // Every filled cell knows its page and its box on that page.
        got.rows.forEach((row, r) => row.forEach((cell, c) => {
          if (!cell.trim()) return;
          const src = got.sources[r]?.[c];
          expect(src?.page, `${t.key} r${row[0]} c${c} page`).toBeGreaterThan(0);
          expect(src?.box?.length, `${t.key} r${row[0]} c${c} box`).toBe(4);
        }));
      }
      if (hasNarrative) expect(doc.narrative.map((s) => s.heading).join('|')).toMatch(/一、.*二、.*三、/);
    });
  }
});

describe('PDF reader: unusable PDFs are refused, never a crash', () => {
  const refuse = async (bytes: Uint8Array, name: string, pattern: RegExp) => {
    const err = await readDisclosure(bytes, name).then(() => null, (e: unknown) => e);
    expect(err, name).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unusable-input');
    expect((err as AppError).zh).toMatch(/[\u4e00-\u9fff]/);
    expect((err as AppError).en).toMatch(pattern);
  };
  const bytesOf = (...p: string[]) => new Uint8Array(fs.readFileSync(fixture(...p)));

  it('image-only (a scan: pages that paint images, no text layer; too coarse to recognise)', () => refuse(imageOnlyPdf(2), 'scan.pdf', /image-only|scan/i));
  // A blank page, an unknown filter and unusable coordinates are not scans, and are not called scans.
  it('blank pages (a line, no text, no image)', () => refuse(bytesOf('pdf', 'blank-page.pdf'), 'blank.pdf', /blank/i));
  it('page content under an unknown filter', () => {
    const content = stream('/Filter /BogusDecode', zlib.deflateSync('BT /F1 12 Tf 72 700 Td (2024 budget table) Tj ET'));
    const pdf = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', content, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
    return refuse(pdf, 'filter.pdf', /unknown compression filter/i);
  });
  it('text whose coordinates are not numbers', () => {
    const huge = '9'.repeat(400); // read as Infinity; the text's position becomes NaN
    return refuse(textPagePdf(`BT /F1 12 Tf ${huge} 0 0 ${huge} 0 0 Tm (2024 budget table) Tj ET`), 'nan.pdf', /positions are not numbers/i);
  });
  it('an inconsistent cross-reference table, named as such (not a raw exception)', () =>
    refuse(textPagePdf('BT /F1 12 Tf 72 700 Td (2024 budget table) Tj ET', { xrefEdit: (e) => void (e[3]!.gen = 2) }), 'xref.pdf', /cross-reference/i));
  it('encrypted', () => refuse(bytesOf('pdf', 'encrypted.pdf'), 'locked.pdf', /encrypt|password/i));
  it('zero pages', () => refuse(bytesOf('pdf', 'zero-pages.pdf'), 'empty.pdf', /no pages/i));
  it('truncated', async () => {
    const whole = bytesOf('docs', 'seed001.excel.pdf');
    await refuse(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.pdf', /damaged|invalid|truncat/i);
  });
  it('not a PDF with a .pdf name', () => refuse(new TextEncoder().encode('部门预算收支总表\n'), 'fake.pdf', /not|unrecogn|format/i));
});
