// The PDF reader on layouts the corpus styles do not show: a "report engine" PDF (fixtures made by
// test/fixtures/pdf/report-engine.py) with a non-embedded Chinese font read through CMaps, one text
// operator per character, no ruling lines or thin filled rectangles as lines, amounts wrapped inside
// narrow cells ("1688." / "05"), bottom-aligned cells, headers repeated with 档次, and a row cut by a
// page break whose 序号 is printed on the second piece. Plus text normalisation and the time limit.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { readDisclosure } from '../main/readers/index.js';
import { readPdfRaw } from '../main/readers/pdf/index.js';
import { normalizeText } from '../main/readers/pdf/normalize.js';
import { AppError } from '../main/model/errors.js';
import type { RawTableBlock } from '../main/readers/raw.js';
import { fixture } from './helpers/paths.js';

interface Truth {
  department_code: string;
  department: string;
  year: number;
  tables: { key: string; rows: string[][]; lanes: string[] }[];
}
const truth: Truth = JSON.parse(fs.readFileSync(fixture('truth', 'seed000.json'), 'utf8'));
const squash = (s: string | undefined) => String(s ?? '').replace(/\s+/g, '');
const same = (a: string | undefined, b: string | undefined) => {
  const x = squash(a), y = squash(b);
  const num = /^-?(\d+(\.\d+)?|\.\d+)$/;
  return num.test(x) && num.test(y) ? Math.abs(Number(x) - Number(y)) < 0.005 : x === y;
};
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(fixture('pdf', name)));

describe('PDF reader: report-engine layouts', () => {
  for (const [file, style] of [
    ['seed000.report-noline.pdf', 'no lines, one text operator per character'],
    ['seed000.report-ruled.pdf', 'thin filled rectangles as lines'],
  ] as const) {
    it(`${file} (${style}): the nine tables exactly`, async () => {
      const doc = await readDisclosure(bytesOf(file), file);
      expect([doc.department_code, doc.department, doc.year]).toEqual([truth.department_code, truth.department, truth.year]);
      expect(doc.tables.map((t) => t.key)).toEqual(truth.tables.map((t) => t.key));
      for (const t of truth.tables) {
        const got = doc.tables.find((x) => x.key === t.key)!;
        expect(got.lanes).toEqual(t.lanes);
        expect(got.rows.length, `${t.key} rows`).toBe(t.rows.length);
        t.rows.forEach((row, r) => row.forEach((cell, c) => expect(same(got.rows[r]![c], cell), `${t.key} r${row[0]} c${c}: ${got.rows[r]![c]} ≠ ${cell}`).toBe(true)));
      }
      // t4 row 30 is cut by the page break, its 序号 printed under the break: one row, both pages.
      const t4 = doc.tables.find((t) => t.key === 't4')!;
      const r30 = t4.rows.find((r) => r[0] === '30')!;
      expect(r30[3]).toBe('三十、抗疫特别国债安排的支出');
      expect(t4.pages!.length).toBeGreaterThan(1);
      // Wrapped amounts are whole again.
      expect(doc.tables.find((t) => t.key === 't1')!.rows[0]![2]).toBe('1688.05');
    });
  }

  it('hands the assembler grids whose every cell carries its page and box', async () => {
    const raw = await readPdfRaw(bytesOf('seed000.report-noline.pdf'));
    expect(raw.format).toBe('pdf');
    const tables = raw.blocks.filter((b): b is RawTableBlock => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const t of tables) {
      for (const row of t.rows) {
        expect(row.page).toBe(t.page);
        for (const cell of row.cells) {
          if (cell.covered || !cell.text) continue;
          // A row joined over a page break keeps the page where its text begins.
          expect([t.page, t.page! - 1]).toContain(cell.src?.page);
          const [x0, y0, x1, y1] = cell.src!.box!;
          expect(x1).toBeGreaterThan(x0);
          expect(y1).toBeGreaterThan(y0);
        }
      }
    }
    // The header repeated on later pages prints 档次: those grids start at the top of their page.
    expect(tables.some((t) => t.atPageTop && t.rows.some((r) => r.cells.some((c) => c.text === '档次')))).toBe(true);
  });
});

describe('PDF reader: text and limits', () => {
  it('maps radical code points of browser prints to ordinary characters, keeps full-width punctuation', () => {
    expect(normalizeText('部⻔预算⽀出')).toBe('部门预算支出');
    expect(normalizeText('财政专⼾管理')).toBe('财政专户管理');
    expect(normalizeText('⻓安区⼈⺠政府')).toBe('长安区人民政府');
    expect(normalizeText('政府办公厅（室）：1,2')).toBe('政府办公厅（室）：1,2');
  });

  it('gives up with a clear reason when the time limit passes', async () => {
    const err = await readPdfRaw(bytesOf('seed000.report-ruled.pdf'), { timeoutMs: 1 }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unusable-input');
    expect((err as AppError).en).toMatch(/longer than/);
    expect((err as AppError).zh).toMatch(/超时/);
  });
});
