// The .docx and .xlsx readers on real corpus files: every standard table equals the truth cell by cell,
// metadata, headers, notes, narrative and extra tables as transcribed; bad inputs are refused clearly.
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../main/model/errors.js';
import type { BudgetDocument, ContractDocument } from '../main/model/types.js';
import { detectFormat, readDisclosure } from '../main/readers/index.js';
import { fixture } from './helpers/paths.js';

const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(fixture('docs', name)));
const truthOf = (id: string) => JSON.parse(fs.readFileSync(fixture('truth', `${id}.json`), 'utf8')) as ContractDocument;
const read = (name: string) => readDisclosure(bytesOf(name), name);

async function refusal(bytes: Uint8Array, name = 'x.bin'): Promise<AppError> {
  try {
    await readDisclosure(bytes, name);
  } catch (err) {
    return err as AppError;
  }
  throw new Error('not refused');
}

function expectTablesEqualTruth(doc: BudgetDocument, truth: ContractDocument): void {
  expect(doc.tables.map((t) => t.key)).toEqual(truth.tables.map((t) => t.key));
  for (const t of truth.tables) {
    const o = doc.tables.find((x) => x.key === t.key)!;
    expect(o.title, t.key).toBe(t.title);
    expect(o.lanes, t.key).toEqual(t.lanes);
    expect(o.header.rows, t.key).toEqual(t.header.rows);
    expect([...o.header.merges].sort(), t.key).toEqual([...t.header.merges].sort());
    expect(o.note, t.key).toBe(t.note);
    expect(o.rows.length, t.key).toBe(t.rows.length);
    t.rows.forEach((row, i) => expect(o.rows[i], `${t.key} row ${i + 1}`).toEqual(row));
  }
  expect(doc.department_code).toBe(truth.department_code);
  expect(doc.department).toBe(truth.department);
  expect(doc.year).toBe(truth.year);
  expect(doc.scope).toBe(truth.scope);
  expect(doc.unit).toBe(truth.unit);
}

describe('docx reader', () => {
  it('reads seed000.word.docx: tables, narrative and extra tables as the truth', async () => {
    const doc = await read('seed000.word.docx');
    const truth = truthOf('seed000');
    expectTablesEqualTruth(doc, truth);
    expect(doc.source).toMatchObject({ format: 'docx', fileName: 'seed000.word.docx', size: bytesOf('seed000.word.docx').length });
    expect(doc.id).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.tables.every((t) => t.pages === null)).toBe(true);
    expect(doc.narrative.map((s) => s.heading)).toEqual(truth.narrative.map((s) => s.heading));
    // Every transcribed paragraph is there, in order (this reader also keeps extra-table titles as paragraphs).
    truth.narrative.forEach((s, i) => {
      const got = doc.narrative[i]!.paragraphs;
      let at = 0;
      for (const p of s.paragraphs) {
        at = got.indexOf(p, at);
        expect(at, `${s.heading}: ${p.slice(0, 30)}`).toBeGreaterThanOrEqual(0);
      }
    });
    expect(doc.extra_tables.map(({ sources: _s, pages: _p, ...t }) => t)).toEqual(truth.extra_tables);
  });

  it('reads seed002.word.docx (单位 scope, 6-digit code, 5、 heading, goal tables) exactly', async () => {
    const doc = await read('seed002.word.docx');
    const truth = truthOf('seed002');
    expectTablesEqualTruth(doc, truth);
    expect(doc.narrative.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs }))).toEqual(truth.narrative);
    expect(doc.extra_tables.map(({ sources: _s, pages: _p, ...t }) => t)).toEqual(truth.extra_tables);
  });

  it('gives every cell its table/row/column provenance', async () => {
    const doc = await read('seed002.word.docx');
    for (const t of doc.tables) {
      expect(t.sources.length).toBe(t.rows.length);
      t.sources.forEach((row, i) => {
        expect(row.length).toBe(t.rows[i]!.length);
        row.forEach((src, c) => expect(src).toMatchObject({ table: expect.any(Number), row: expect.any(Number), col: c }));
      });
    }
    const t6 = doc.tables.find((t) => t.key === 't6')!;
    expect(t6.sources[0]![3]!.table).toBe(11); // the 12th w:tbl of the body: meta line + grid per table
  });
});

describe('xlsx reader', () => {
  it('reads seed001.excel.xlsx: numbers as displayed, tables as the truth', async () => {
    const doc = await read('seed001.excel.xlsx');
    expectTablesEqualTruth(doc, truthOf('seed001'));
    expect(doc.source.format).toBe('xlsx');
    expect(doc.narrative).toEqual([]);
  });

  it('reads seed002.excel.xlsx with sheet/cell provenance', async () => {
    const doc = await read('seed002.excel.xlsx');
    expectTablesEqualTruth(doc, truthOf('seed002'));
    const t3 = doc.tables.find((t) => t.key === 't3')!;
    const total = t3.rows.findIndex((r) => r[2] === '合计');
    expect(t3.sources[total]![3]).toMatchObject({ sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/) });
  });
});

describe('format detection and refusals', () => {
  it('detects by content, not by name', () => {
    expect(detectFormat(bytesOf('seed000.word.docx'))).toBe('docx');
    expect(detectFormat(bytesOf('seed001.excel.xlsx'))).toBe('xlsx');
    expect(detectFormat(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat(new Uint8Array())).toBe('empty');
  });

  it('reads a .docx whatever its file name says', async () => {
    const doc = await readDisclosure(bytesOf('seed000.word.docx'), 'renamed.pdf');
    expect(doc.source.format).toBe('docx');
  });

  it('refuses empty, text, a non-Office zip, truncated files and Office files without the tables', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(), /为空/],
      ['text', new TextEncoder().encode('部门预算收支总表\n434 某部门 预算年度：2023\n'), /不是 PDF/],
    ];
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    cases.push(['zip', await zip.generateAsync({ type: 'uint8array' }), /不是 Word/]);
    const docx = bytesOf('seed000.word.docx');
    cases.push(['truncated docx', docx.subarray(0, Math.floor(docx.length / 2)), /损坏|不完整/]);
    const xlsx = bytesOf('seed001.excel.xlsx');
    cases.push(['truncated xlsx', xlsx.subarray(0, Math.floor(xlsx.length * 0.7)), /损坏|不完整/]);
    const plain = new JSZip();
    plain.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    plain.file(
      'word/document.xml',
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>',
    );
    cases.push(['docx without tables', await plain.generateAsync({ type: 'uint8array' }), /未找到部门预算公开表/]);
    for (const [what, bytes, zh] of cases) {
      const err = await refusal(bytes, `${what}.docx`);
      expect(err, what).toBeInstanceOf(AppError);
      expect(err.code, what).toBe('unusable-input');
      expect(err.zh, what).toMatch(zh);
      expect(err.en.length, what).toBeGreaterThan(5);
    }
  });

  it('refuses a .docx whose document.xml is not well-formed', async () => {
    const zip = await JSZip.loadAsync(bytesOf('seed000.word.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.slice(0, xml.length - 5000));
    const err = await refusal(await zip.generateAsync({ type: 'uint8array' }));
    expect(err.code).toBe('unusable-input');
  });
});
