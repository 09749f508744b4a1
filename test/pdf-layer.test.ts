// The PDF layer on what real generators print: an amount whose last digit overflows a narrow cell's border
// (a cramped report engine, test/fixtures/pdf/report-engine.py OVERFLOW=1), two complete rows that print the
// same 类 code on both sides of a page break, Word's white background rectangles, and a continuation page
// whose grid splits the columns differently from the first page.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assembleDocument } from '../main/readers/assemble/index.js';
import { readDisclosure } from '../main/readers/index.js';
import type { TextRun } from '../main/readers/pdf/page.js';
import { extractRules } from '../main/readers/pdf/rules.js';
import { stitchCutRows } from '../main/readers/pdf/stitch.js';
import { splitRunAt } from '../main/readers/pdf/textlines.js';
import type { RawBlock, RawCell, RawRow, RawTableBlock } from '../main/readers/raw.js';
import { fixture } from './helpers/paths.js';
import { sameCell } from './helpers/truth-tables.js';

const run = (text: string, x0: number, x1: number): TextRun => ({ text, x0, x1, top: 0, bottom: 10, baseline: 9, size: 9, bold: false, spaceBefore: false, order: 0 });

describe('an amount that overflows its cell', () => {
  it('is never cut inside: the digits past the border stay with the number they began in', () => {
    // 7 digits/points at 4.5 pt and 6 CJK at 9 pt: the border at 310.5 falls between the 0 and the 5 of 1688.05.
    const [a, b] = splitRunAt(run('1688.05本年支出合计', 282, 367), 310.5);
    expect([a.text, b?.text]).toEqual(['1688.05', '本年支出合计']);
    // Two amounts that touch because the first overflows: cut after the first one's two decimals.
    const [c, d] = splitRunAt(run('1688.051292.02', 100, 163), 130);
    expect([c.text, d?.text]).toEqual(['1688.05', '1292.02']);
    // A lone amount a little past its border is not cut at all.
    expect(splitRunAt(run('1688.05', 100, 131.5), 130)[1]).toBeNull();
    // Text still splits where the border is.
    expect(splitRunAt(run('一般公共服务支出', 100, 172), 136).map((r) => r?.text)).toEqual(['一般公共', '服务支出']);
  });

  it('reads the cramped report engine fixture exactly: 1688.05 whole, the next cell without its 5', async () => {
    const truth = JSON.parse(fs.readFileSync(fixture('truth', 'seed000.json'), 'utf8')) as { tables: { key: string; rows: string[][] }[] };
    const doc = await readDisclosure(new Uint8Array(fs.readFileSync(fixture('pdf', 'seed000.report-overflow.pdf'))), 'overflow.pdf');
    const t1 = doc.tables.find((t) => t.key === 't1')!;
    expect(t1.rows[0]).toEqual(['1', '一、一般公共预算拨款收入', '1688.05', '一、一般公共服务支出', '1292.02']);
    for (const t of truth.tables) {
      const got = doc.tables.find((x) => x.key === t.key)!;
      expect(got.rows.length, t.key).toBe(t.rows.length);
      t.rows.forEach((row, r) => row.forEach((cell, c) => expect(sameCell(cell, got.rows[r]![c]), `${t.key} r${row[0]} c${c}: ${got.rows[r]![c]} ≠ ${cell}`).toBe(true)));
    }
  });
});

const cell = (text: string, page: number): RawCell => ({ text, src: { page }, rowSpan: 1, colSpan: 1 });
const row = (texts: string[], page: number): RawRow => ({ cells: texts.map((t) => cell(t, page)), page });
const grid = (rows: RawRow[], page: number, top: boolean, bottom: boolean): RawTableBlock => ({ kind: 'table', rows, page, atPageTop: top, atPageBottom: bottom });

describe('rows at a page break', () => {
  it('keeps two complete rows that print the same 类 code apart (codes are no 序号)', () => {
    const a = grid([row(['302', '', '商品和服务支出', '1,932,777.54'], 1), row(['302', '02', '印刷费', '20,000.00'], 1)], 1, false, true);
    const b = grid([row(['302', '04', '手续费', '2,000.00'], 2), row(['302', '07', '邮电费', '30,000.00'], 2)], 2, true, true);
    const blocks: RawBlock[] = [a, { kind: 'page-break', page: 2 }, b];
    stitchCutRows(blocks);
    expect(a.rows.map((r) => r.cells[2]!.text)).toEqual(['商品和服务支出', '印刷费']);
    expect(b.rows.map((r) => r.cells[2]!.text)).toEqual(['手续费', '邮电费']);
  });

  it('still joins the two pieces of a row cut in a table numbered 1, 2, 3 …', () => {
    const a = grid([row(['1', '合计', '10'], 1), row(['2', '行政', '4'], 1), row(['3', '事业单位', ''], 1)], 1, false, true);
    const b = grid([row(['', '医疗', '6'], 2), row(['4', '其他', '0'], 2), row(['5', '其他', '0'], 2)], 2, true, true);
    stitchCutRows([a, { kind: 'page-break', page: 2 }, b]);
    expect(a.rows[2]!.cells.map((c) => c.text)).toEqual(['3', '事业单位医疗', '6']);
    expect(b.rows).toHaveLength(2);
  });
});

describe('ruling lines', () => {
  const rect = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 3]);
  it("takes Word's white background rectangles for no rules, black thin ones for rules", () => {
    const fn = [OPS.save, OPS.setFillRGBColor, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath];
    const args = [
      null,
      ['#ffffff'],
      [OPS.fill, [rect(50, 100, 400, 0.6)], null], // white: a background strip, invisible on paper
      null,
      [OPS.fill, [rect(50, 200, 400, 0.6)], null], // the colour before the save again: black
      ['#fdfdfd'],
      [OPS.eoFill, [rect(60, 50, 0.5, 300)], null], // near-white: not a rule either
    ];
    const rules = extractRules(fn, args, [1, 0, 0, 1, 0, 0]);
    expect(rules.horizontal.map((r) => Math.round(r.pos))).toEqual([200]);
    expect(rules.vertical).toEqual([]);
  });
});

describe('a continuation page whose grid differs from the first page', () => {
  it('maps its cells onto the table columns by position; a label merged over the code columns sits in the first', () => {
    const boxed = (text: string, x0: number, x1: number, page: number): RawCell => ({ text, src: { page, box: [x0, 0, x1, 10] }, rowSpan: 1, colSpan: 1 });
    const edges = [40, 70, 100, 130, 300, 400];
    const full = (texts: string[], page: number): RawRow => ({ cells: texts.map((t, i) => boxed(t, edges[i]!, edges[i + 1]!, page)), page });
    const head: RawRow[] = [
      { cells: [{ ...boxed('功能分类科目编码', 40, 130, 1), colSpan: 3 }, { text: '', src: null, rowSpan: 1, colSpan: 1, covered: true }, { text: '', src: null, rowSpan: 1, colSpan: 1, covered: true }, { ...boxed('功能分类科目名称', 130, 300, 1), rowSpan: 2 }, { ...boxed('合计', 300, 400, 1), rowSpan: 2 }], page: 1 },
      { cells: [boxed('类', 40, 70, 1), boxed('款', 70, 100, 1), boxed('项', 100, 130, 1), { text: '', src: null, rowSpan: 1, colSpan: 1, covered: true }, { text: '', src: null, rowSpan: 1, colSpan: 1, covered: true }], page: 1 },
    ];
    const first = grid([...head, full(['201', '', '', '一般公共服务支出', '1,000.00'], 1), full(['201', '03', '01', '行政运行', '1,000.00'], 1)], 1, false, true);
    // Page 2 prints only the 合计 row: one cell across the code and name columns, one amount.
    const second = grid([{ cells: [boxed('合计', 40, 300, 2), boxed('1,000.00', 300, 400, 2)], page: 2 }], 2, true, true);
    const blocks: RawBlock[] = [
      { kind: 'paragraph', text: '2025年部门支出预算总表', src: { page: 1 }, page: 1 },
      { kind: 'paragraph', text: '编制部门：某某区某某局 单位：元', src: { page: 1 }, page: 1 },
      first,
      { kind: 'page-break', page: 2 },
      second,
    ];
    const doc = assembleDocument({ format: 'pdf', pageCount: 2, blocks });
    expect(doc.tables[0]!.rows).toEqual([
      ['201', '', '', '一般公共服务支出', '1,000.00'],
      ['201', '03', '01', '行政运行', '1,000.00'],
      ['合计', '', '', '', '1,000.00'],
    ]);
    expect(doc.tables[0]!.header.rows).toEqual([
      ['功能分类科目编码', '', '', '功能分类科目名称', '合计'],
      ['类', '款', '项', '', ''],
    ]);
    expect(doc).toMatchObject({ department: '某某区某某局', unit: '元', year: 2025, department_code: null });
  });
});
