// Real published disclosures (public documents, copied from ../shared/corpus/real into test/fixtures/real with
// their truth): Shanghai 部门 and 单位 预算 (WPS; 类/款/项 code columns, amounts in 元 and the 三公 table in 万元,
// continuation pages repeating the header, two rows printing the same 类 code on both sides of a page break),
// a Jiangsu tables file (Distiller; 公开表 labels, 12 tables of which 8 standard), its narrative-only companion,
// and a Shanghai 部门决算 (d1–d9; notes of several lines; an empty 三公 table). Each is read exactly.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../main/readers/index.js';
import { fixture } from './helpers/paths.js';
import { realTruth as truthOf, tableDifferences } from './helpers/truth-tables.js';

const read = async (name: string) => readDisclosure(new Uint8Array(fs.readFileSync(fixture('real', `${name}.pdf`))), `${name}.pdf`);

describe('real disclosures: every standard table exactly, with its title, header, unit, note and pages', () => {
  for (const [name, what] of [
    ['SH-PT-zfban-2025-dept-budget', 'Shanghai 部门预算'],
    ['SH-PT-fuliyuan-2024-unit-budget', 'Shanghai 单位预算'],
    ['JS-renda-2019-dept-tables', 'Jiangsu 公开表 tables file'],
    ['SH-PT-shehuigongzuobu-2024-dept-final', 'Shanghai 部门决算'],
  ] as const) {
    it(`${name} (${what})`, async () => {
      const truth = truthOf(name);
      const doc = await read(name);
      expect(tableDifferences(truth, doc)).toEqual([]);
      expect(doc.extra_tables.map((t) => t.title.replace(/\s+/g, ''))).toEqual(truth.extra_tables.map((t) => t.title.replace(/\s+/g, '')));
    });
  }

  it('reads the Shanghai budget narrative before its tables and the notes of empty tables', async () => {
    const doc = await read('SH-PT-zfban-2025-dept-budget');
    expect(doc.family).toBe('shanghai');
    const headings = doc.narrative.map((s) => s.heading);
    expect(headings).toContain('2025年部门预算编制说明');
    expect(headings).toContain('其他相关情况说明');
    // The contents page is not narrative; no table title ends up as a paragraph.
    expect(doc.narrative.flatMap((s) => s.paragraphs).some((p) => /……/.test(p))).toBe(false);
    // Two rows with the same 类 code 302 on each side of the page break stay two rows.
    const t6 = doc.tables.find((t) => t.key === 't6')!;
    expect(t6.rows.filter((r) => r[0] === '302' && ['02', '04', '07'].includes(r[1]!)).map((r) => r[2])).toEqual(['印刷费', '手续费', '邮电费']);
    // The header printed again on the continuation page of t5 is no data row.
    const t5 = doc.tables.find((t) => t.key === 't5')!;
    expect(t5.pages).toEqual([14, 15]);
    expect(t5.rows.some((r) => r.some((c) => /项目|科目|类/.test(c)))).toBe(false);
  });

  it('reads a 决算 as 决算: kind, year accounted for, d-keys by meaning, multi-line notes', async () => {
    const doc = await read('SH-PT-shehuigongzuobu-2024-dept-final');
    expect(doc).toMatchObject({ kind: '决算', year: 2024, family: 'final-national', unit: '万元' });
    expect(doc.tables.map((t) => t.key)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd9', 'd7', 'd8']);
    const d7 = doc.tables.find((t) => t.key === 'd7')!;
    expect(d7.note!.split('\n')).toHaveLength(3);
    expect(doc.tables.find((t) => t.key === 'd9')!.rows).toEqual([]);
  });

  it('reads a narrative-only file: no tables, its narrative and metadata from the cover', async () => {
    const truth = truthOf('JS-shengweiban-2019-dept-text');
    const doc = await read('JS-shengweiban-2019-dept-text');
    expect(doc.tables).toEqual([]);
    // The cover prints 江苏省委办公厅; a party committee's body is filed under its formal name, as its tables
    // file prints it (中共…).
    expect(tableDifferences(truth, doc)).toEqual([]);
    expect(doc.department).toBe(truth.department);
    expect(doc.department).toBe('中共江苏省委办公厅');
    expect(doc.narrative.map((s) => s.heading)).toEqual(expect.arrayContaining(['一、收支预算总体情况说明', '九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明']));
  });
});
