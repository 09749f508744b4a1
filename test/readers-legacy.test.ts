// The legacy readers on corpus documents saved as .xls and .doc by LibreOffice (test/fixtures/legacy/README.md):
// the nine tables cell by cell against the truth (the scorer's F1 and exact equality), metadata, and the same
// RawDocument as the .docx/.xlsx of the same document. The .et and .wps fixtures are stand-ins: WPS 表格 .et
// is the BIFF8 workbook of .xls and WPS 文字 .wps the Word binary of .doc, and LibreOffice cannot write them
// under those names, so they are .xls/.doc bytes under the WPS names (the readers go by content anyway).
import fs from 'node:fs';
import path from 'node:path';
import { CFB } from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../main/api/index.js';
import { AppError } from '../main/model/errors.js';
import type { ContractDocument } from '../main/model/types.js';
import { detectFormat, readDisclosure } from '../main/readers/index.js';
import { readDocRaw } from '../main/readers/doc/index.js';
import { oleStreams } from '../main/readers/ole.js';
import { readDocxRaw } from '../main/readers/docx/index.js';
import type { RawDocument } from '../main/readers/raw.js';
import { readXlsRaw } from '../main/readers/xls/index.js';
import { readXlsxRaw } from '../main/readers/xlsx/index.js';
import { fixture, tempDir } from './helpers/paths.js';
import { scoreTables } from './helpers/table-score.js';

const legacy = (name: string) => new Uint8Array(fs.readFileSync(fixture('legacy', name)));
const truthOf = (id: string) => JSON.parse(fs.readFileSync(fixture('truth', `${id}.json`), 'utf8')) as ContractDocument;

const FIXTURES: [file: string, format: 'xls' | 'doc'][] = [
  ['seed001.excel.xls', 'xls'],
  ['seed002.excel.xls', 'xls'],
  ['seed000.excel.et', 'xls'],
  ['seed000.word.doc', 'doc'],
  ['seed002.word.doc', 'doc'],
  ['seed001.word.wps', 'doc'],
];

describe('legacy readers against the truth', () => {
  for (const [file, format] of FIXTURES) {
    it(`reads ${file}: every standard table cell as the truth, metadata right`, async () => {
      const doc = await readDisclosure(legacy(file), file);
      const truth = truthOf(file.split('.')[0]!);
      expect(doc.source.format).toBe(format);
      const score = scoreTables(truth, doc);
      expect(score.misses).toEqual([]);
      expect(score.f1).toBe(1);
      expect(score.meta).toEqual([]);
      expect(doc.unit).toBe(truth.unit);
      // Beyond the score: every cell's text exactly, titles, header grids with their merges, 栏次 rows, notes.
      const shape = (t: Pick<ContractDocument['tables'][number], 'key' | 'title' | 'header' | 'lanes' | 'rows' | 'note'>) =>
        ({ key: t.key, title: t.title, header: t.header.rows, merges: t.header.merges.map((m) => m.join(',')).sort(), lanes: t.lanes, rows: t.rows, note: t.note });
      expect(doc.tables.map(shape)).toEqual(truth.tables.map(shape));
    });
  }

  it('gives .xls cells their sheet and address, .doc cells their table, row and column', async () => {
    const xls = await readDisclosure(legacy('seed002.excel.xls'), 'seed002.excel.xls');
    const t3 = xls.tables.find((t) => t.key === 't3')!;
    const total = t3.rows.findIndex((r) => r[2] === '合计');
    expect(t3.sources[total]![3]).toEqual({ sheet: '支出总表', cell: expect.stringMatching(/^D\d+$/) });
    const doc = await readDisclosure(legacy('seed002.word.doc'), 'seed002.word.doc');
    for (const t of doc.tables) t.sources.forEach((row) => row.forEach((src, c) => expect(src).toMatchObject({ table: expect.any(Number), row: expect.any(Number), col: c })));
  });
});

/** A RawDocument without what one format records and the other cannot; whitespace runs as one space. */
function comparable(raw: RawDocument, { cues }: { cues: boolean }) {
  const ws = (s: string) => s.replace(/\s+/g, ' ');
  return raw.blocks.map((b) => {
    if (b.kind === 'paragraph') return { text: ws(b.text), src: b.src, ...(cues ? { heading: b.heading, bold: b.bold, centered: b.centered, fontSize: b.fontSize } : {}) };
    if (b.kind === 'table') return { rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: ws(c.text) })) })) };
    return b;
  });
}

describe('the same document in the legacy and the OOXML format', () => {
  it.each(['seed000', 'seed002'])('%s: the .doc gives the RawDocument of the .docx (paragraphs, heading cues, grids, merges)', async (id) => {
    const doc = readDocRaw(legacy(`${id}.word.doc`));
    const docx = await readDocxRaw(new Uint8Array(fs.readFileSync(fixture('docs', `${id}.word.docx`))));
    expect(doc.format).toBe('doc');
    // LibreOffice saved a line break typed inside a run of the .docx as the space Word shows for it.
    expect(comparable(doc, { cues: true })).toEqual(comparable(docx, { cues: true }));
  });

  it.each(['seed001', 'seed002'])('%s: the .xls gives the lines and grids of the .xlsx', async (id) => {
    const xls = readXlsRaw(legacy(`${id}.excel.xls`));
    const xlsx = await readXlsxRaw(new Uint8Array(fs.readFileSync(fixture('docs', `${id}.excel.xlsx`))));
    expect(xls.format).toBe('xls');
    // SheetJS reads no fonts or alignment from BIFF: the bold/centred/size cues are .xlsx-only.
    expect(comparable(xls, { cues: false })).toEqual(comparable(xlsx, { cues: false }));
  });

  it('detects each by content, whatever its name', () => {
    for (const [file, format] of FIXTURES) expect(detectFormat(legacy(file)), file).toBe(format);
  });
});

/** A compound file holding the given streams (SheetJS's CFB writes it). */
function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, Buffer.from(bytes));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** The streams of a fixture, one of them changed. */
function rewritten(name: string, change: (streams: Map<string, Uint8Array>) => void): Uint8Array {
  const streams = oleStreams(legacy(name))!;
  change(streams);
  // eslint-disable-next-line no-control-regex -- OLE property-set stream names start with \x01 or \x05
  return ole(Object.fromEntries([...streams].filter(([n]) => !/^[\x01\x05]|Sh33tJ5/.test(n))));
}

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function refusal(bytes: Uint8Array, name: string): Promise<AppError> {
  try {
    await readDisclosure(bytes, name);
  } catch (err) {
    return err as AppError;
  }
  throw new Error(`${name} was not refused`);
}

describe('bad legacy files', () => {
  const encryptionInfo = new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new TextEncoder().encode('<?xml version="1.0"?><encryption/>')]);
  const cases: [what: string, bytes: () => Uint8Array, zh: RegExp][] = [
    ['password-protected .xls (LibreOffice, RC4)', () => legacy('password.xls'), /密码/],
    ['password-protected .doc (LibreOffice, fEncrypted)', () => legacy('password.doc'), /密码/],
    ['password-protected .docx/.xlsx (EncryptedPackage)', () => ole({ EncryptionInfo: encryptionInfo, EncryptedPackage: noise(4096, 7) }), /密码/],
    ['truncated .xls', () => legacy('seed001.excel.xls').subarray(0, 20000), /损坏|不完整/],
    ['truncated .doc', () => legacy('seed000.word.doc').subarray(0, 150000), /损坏|不完整/],
    ['an OLE file of another program', () => ole({ Contents: noise(3000, 3) }), /既无 Word/],
    ['a WordDocument stream of noise', () => ole({ WordDocument: noise(5000, 11), '1Table': noise(2000, 12) }), /损坏|不完整/],
    ['a Word 6.0/95 document', () => rewritten('seed000.word.doc', (s) => {
      const word = Uint8Array.from(s.get('WordDocument')!);
      word[2] = 0x65; // nFib 101
      word[3] = 0;
      s.set('WordDocument', word);
    }), /Word 6\.0\/95/],
  ];
  for (const [what, bytes, zh] of cases) {
    it(`refuses ${what} with one clear reason`, async () => {
      const err = await refusal(bytes(), 'x.bin');
      expect(err, what).toBeInstanceOf(AppError);
      expect(err.code, what).toBe('unusable-input');
      expect(err.zh, what).toMatch(zh);
      expect(err.en, what).toMatch(/[a-z]{4,}/);
    });
  }

  it('tells an encrypted OOXML package from a legacy file', () => {
    expect(detectFormat(ole({ EncryptionInfo: encryptionInfo, EncryptedPackage: noise(4096, 7) }))).toBe('encrypted');
    expect(detectFormat(legacy('password.xls'))).toBe('xls');
    expect(detectFormat(legacy('seed001.excel.xls').subarray(0, 20000))).toBe('damaged-ole');
  });

  it('never crashes on damaged streams: each file reads or is refused as unusable input, printing nothing', async () => {
    const printed = vi.spyOn(console, 'error');
    const targets: [file: string, stream: string][] = [
      ['seed000.word.doc', 'WordDocument'],
      ['seed000.word.doc', '1Table'],
      ['seed001.excel.xls', 'Workbook'],
    ];
    for (const [file, stream] of targets) {
      for (let seed = 1; seed <= 8; seed++) {
        const bytes = rewritten(file, (s) => {
          const data = Uint8Array.from(s.get(stream)!);
          const junk = noise(64, seed * 31);
          // Overwrite a few spans spread over the stream (the FIB, the piece table, the property pages…).
          for (let k = 0; k < 8; k++) data.set(junk.subarray(k * 8, k * 8 + 8), Math.floor(((seed * 97 + k * 131) % 1000) / 1000 * (data.length - 8)));
          s.set(stream, data);
        });
        try {
          const doc = await readDisclosure(bytes, file);
          expect(doc.tables.length, `${file}/${stream}/${seed}`).toBeGreaterThan(0);
        } catch (err) {
          expect(err, `${file}/${stream}/${seed}: ${(err as Error).message}`).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('unusable-input');
        }
      }
    }
    // SheetJS's notes on records it cannot parse stay out of the command line's stderr.
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
  });
});

describe('importing a folder of legacy files', () => {
  it('takes .xls, .et, .wps and .doc by their extensions, reads each on the worker threads by content', async () => {
    const dir = tempDir();
    for (const f of ['seed001.excel.xls', 'seed000.excel.et', 'seed002.word.doc', 'password.doc']) fs.copyFileSync(fixture('legacy', f), path.join(dir, f));
    fs.copyFileSync(fixture('legacy', 'seed001.word.wps'), path.join(dir, 'seed001.word.WPS'));
    const api = createApi({ dbPath: path.join(dir, 'a.sqlite') });
    const { results } = await api['archive.importFolder']({ path: dir });
    const outcome = results.map((r) => (r.status === 'error' ? `error:${r.error.code}` : `${r.status}:${r.submission.format}:${r.submission.departmentCode}`));
    expect(outcome.sort()).toEqual(['error:unusable-input', 'stored:doc:151001', 'stored:doc:434', 'stored:xls:434', 'stored:xls:434']);
    api.close();
  });
});
