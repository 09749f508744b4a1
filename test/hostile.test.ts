// The acceptance of issue 12: every class of hostile file it lists, rebuilt here on the fly (nothing large
// is committed), through the real command line and the loopback bridge. Each `check` ends within 60 s with
// exit 0 or 2 and one clear line, inside the memory budget; one multi-file import with every hostile file
// between good ones imports the good ones; the bridge survives each upload and imports the next file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createApi, type ApiInstance } from '../main/api/index.js';
import { startBridge, type Bridge } from '../main/bridge/index.js';
import { fixture, ROOT, tempDir } from './helpers/paths.js';
import * as office from './hostile/office.js';
import { textPagePdf } from './hostile/pdf.js';
import { buildZip } from './hostile/zip.js';

/** What the contract promises a user waits at most. */
const TIME_BOUND_MS = 60_000;
/** Peak RSS of one `check` process: its main thread and one reading worker (heap capped at 1 GB). */
const MEMORY_BOUND_MB = 1_536;

interface Hostile {
  name: string;
  /** Writes the file into `dir`, returns its path. */
  make(dir: string): Promise<string>;
  /** Too large to upload through the bridge (refused by size before the body is read; tested there). */
  noUpload?: boolean;
}

const write = (name: string, make: () => Promise<Uint8Array> | Uint8Array) => async (dir: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await make());
  return file;
};

/** seed000.word.docx with its largest table grown to `rows` rows (copies of its last row: many findings). */
async function grownTableDocx(rows: number): Promise<Uint8Array> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(fixture('docs', 'seed000.word.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => ({ at: m.index!, text: m[0] }));
  const biggest = tables.sort((a, b) => b.text.split('<w:tr').length - a.text.split('<w:tr').length)[0]!;
  const lastRow = biggest.text.slice(biggest.text.lastIndexOf('<w:tr'), biggest.text.lastIndexOf('</w:tr>') + '</w:tr>'.length);
  const need = Math.max(0, rows - (biggest.text.split('<w:tr').length - 1));
  const end = biggest.at + biggest.text.length - '</w:tbl>'.length;
  // Streamed into the package: a 100,000-row table is hundreds of megabytes of XML, never held here.
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir && n !== 'word/document.xml')
      .map(async (n) => ({ name: n, data: await zip.file(n)!.async('uint8array') })),
  );
  const document = function* () {
    yield xml.slice(0, end);
    for (let i = 0; i < need; i += 1000) yield lastRow.repeat(Math.min(1000, need - i));
    yield xml.slice(end);
  };
  return buildZip([...parts, { name: 'word/document.xml', data: document }]);
}

const PDF_TEXT = 'BT /F1 12 Tf 72 700 Td (2024 budget table) Tj ET 0 0 m 500 0 l S';

const HOSTILE: Hostile[] = [
  { name: 'pdf-xref-generation.pdf', make: write('pdf-xref-generation.pdf', () => textPagePdf(PDF_TEXT, { xrefEdit: (e) => void (e[3]!.gen = 2) })) },
  { name: 'pdf-parser-eof.pdf', make: write('pdf-parser-eof.pdf', () => textPagePdf('BT /F1 12 Tf 72 700 Td [(2024 budget) 1 (tab')) },
  { name: 'docx-nested-sdt-100000.docx', make: write('docx-nested-sdt-100000.docx', () => office.nestedDocx('w:sdt', 100_000)) },
  { name: 'docx-nested-ins-100000.docx', make: write('docx-nested-ins-100000.docx', () => office.nestedDocx('w:ins', 100_000)) },
  { name: 'docx-nested-hyperlink-100000.docx', make: write('docx-nested-hyperlink-100000.docx', () => office.nestedDocx('w:hyperlink', 100_000)) },
  { name: 'docx-nested-tables-10000.docx', make: write('docx-nested-tables-10000.docx', () => office.nestedTablesDocx(10_000)) },
  { name: 'docx-rows-300000.docx', make: write('docx-rows-300000.docx', () => office.manyRowsDocx(300_000)) },
  { name: 'docx-gridspan-99999999999.docx', make: write('docx-gridspan-99999999999.docx', () => office.gridSpanDocx('99999999999')) },
  { name: 'docx-gridspan-2147483647.docx', make: write('docx-gridspan-2147483647.docx', () => office.gridSpanDocx(String(2 ** 31 - 1))) },
  { name: 'docx-bomb-400mb.docx', make: write('docx-bomb-400mb.docx', () => office.bombDocx(400)) },
  { name: 'docx-relationships-100000.docx', make: write('docx-relationships-100000.docx', () => office.manyRelationshipsDocx(100_000)) },
  { name: 'docx-malformed-attributes-300000.docx', make: write('docx-malformed-attributes-300000.docx', () => office.malformedAttributesDocx(300_000)) },
  { name: 'xlsx-sheet-bomb.xlsx', make: write('xlsx-sheet-bomb.xlsx', () => office.sheetBombXlsx(3_000_000)) },
  { name: 'xlsx-cell-XFD1048576.xlsx', make: write('xlsx-cell-XFD1048576.xlsx', () => office.farCellXlsx()) },
  { name: 'xlsx-merge-whole-sheet.xlsx', make: write('xlsx-merge-whole-sheet.xlsx', () => office.wholeSheetMergeXlsx()) },
  { name: 'xlsx-col-max-2000000000.xlsx', make: write('xlsx-col-max-2000000000.xlsx', () => office.hugeColXlsx()) },
  {
    name: 'pdf-1.9GB.pdf',
    noUpload: true,
    // A sparse file: 1.9 GB on the size the system reports, a few bytes on disk.
    make: async (dir) => {
      const file = path.join(dir, 'pdf-1.9GB.pdf');
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, '%PDF-1.7\n');
      fs.ftruncateSync(fd, 1_900_000_000);
      fs.closeSync(fd);
      return file;
    },
  },
  {
    name: 'pdf-nested-q-200000.pdf',
    make: write('pdf-nested-q-200000.pdf', () => textPagePdf(Buffer.from('q '.repeat(200_000) + PDF_TEXT + ' Q'.repeat(200_000), 'latin1'))),
  },
  ...[5_000, 10_000, 20_000, 100_000].map((rows) => ({
    name: `docx-table-${rows}-rows.docx`,
    make: write(`docx-table-${rows}-rows.docx`, () => grownTableDocx(rows)),
  })),
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb: number;
}

/** The CLI as a user runs it (TypeScript through tsx, in one process), its peak memory reported on descriptor 3. */
function cli(args: string[], killAfterMs = TIME_BOUND_MS + 30_000): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'measured-cli.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const stats: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => stats.push(c));
    const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (status) => {
      clearTimeout(kill);
      const peak = /"peakRssMb":(\d+)/.exec(Buffer.concat(stats).toString())?.[1];
      resolve({
        status,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        ms: performance.now() - t0,
        peakRssMb: Number(peak ?? NaN),
      });
    });
  });
}

let dir: string;
const files = new Map<string, string>();

beforeAll(async () => {
  dir = tempDir('budget-hostile-');
  for (const h of HOSTILE) files.set(h.name, await h.make(dir));
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hostile files of issue 12 (generated on the fly)', () => {
  it('`check` ends each within 60 s, exit 0 or 2, one clear line, inside the memory budget', async () => {
    const rows: string[] = [];
    const problems: string[] = [];
    // Two at a time (two cores); each is its own process with its own clock and memory.
    const runs = new Map<string, Run>();
    const queue = [...HOSTILE];
    await Promise.all(
      [0, 1].map(async () => {
        for (let h = queue.shift(); h; h = queue.shift()) runs.set(h.name, await cli(['check', files.get(h.name)!, '--json']));
      }),
    );
    for (const h of HOSTILE) {
      const r = runs.get(h.name)!;
      const line = r.stderr.trim();
      rows.push(`${h.name}\texit ${r.status}\t${Math.round(r.ms)} ms\t${r.peakRssMb} MB\t${r.status === 0 ? 'read' : line.slice(0, 140)}`);
      if (r.status !== 0 && r.status !== 2) problems.push(`${h.name}: exit ${r.status} ${line.slice(0, 300)}`);
      if (r.ms > TIME_BOUND_MS) problems.push(`${h.name}: ${Math.round(r.ms)} ms`);
      if (!(r.peakRssMb <= MEMORY_BOUND_MB)) problems.push(`${h.name}: peak ${r.peakRssMb} MB`);
      if (r.status === 2) {
        if (line.split('\n').length !== 1) problems.push(`${h.name}: ${line.split('\n').length} lines`);
        if (!/[\u4e00-\u9fff]/.test(line) || !/Error: [A-Za-z]/.test(line)) problems.push(`${h.name}: not a bilingual reason: ${line}`);
        if (r.stdout !== '') problems.push(`${h.name}: stdout not empty`);
      }
      if (r.status === 0) expect(() => JSON.parse(r.stdout), h.name).not.toThrow();
    }
    console.log(`file\texit\ttime\tpeak RSS\tresult\n${rows.join('\n')}`);
    expect(problems).toEqual([]);
  }, 1_200_000);

  it('one `import` of every hostile file between good ones stores every good one and names each failure', async () => {
    const good = [
      fixture('docs', 'seed000.word.docx'),
      fixture('docs', 'seed001.excel.xlsx'),
      fixture('docs', 'seed002.excel.xlsx'),
      fixture('docs', 'seed000-m01.word.docx'),
    ];
    const args: string[] = [];
    HOSTILE.forEach((h, i) => args.push(files.get(h.name)!, ...(i % 6 === 5 ? [good[((i / 6) | 0) % good.length]!] : [])));
    args.push(good[3]!);
    const db = path.join(dir, 'import.sqlite');
    // Each file is bounded by its own deadline; the whole run by their sum.
    const r = await cli(['import', ...args, '--db', db], args.length * TIME_BOUND_MS);
    expect([0, 2], r.stderr).toContain(r.status);
    const stored = r.stdout.trim().split('\n').filter(Boolean);
    const goodNames = new Set(args.filter((a) => good.includes(a)));
    for (const g of goodNames)
      expect(
        stored.some((l) => l.startsWith(`${g}:`) && /已存储|已存档/.test(l)),
        g,
      ).toBe(true);
    for (const line of r.stderr.trim().split('\n').filter(Boolean)) {
      expect(
        HOSTILE.some((h) => line.startsWith(`${files.get(h.name)}: 错误：`)),
        line,
      ).toBe(true);
    }
    const list = await cli(['list', '--db', db, '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBeGreaterThanOrEqual(goodNames.size - 1); // seed000-m01 is a new version of seed000
  }, 1_200_000);

  describe('the loopback bridge', () => {
    let api: ApiInstance;
    let bridge: Bridge;
    beforeAll(async () => {
      const staticDir = path.join(dir, 'renderer');
      fs.mkdirSync(staticDir, { recursive: true });
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
      api = createApi({ dbPath: path.join(dir, 'bridge.sqlite') });
      bridge = await startBridge({ api, staticDir });
    });
    afterAll(async () => {
      await bridge?.close();
      api?.close();
    });

    const upload = async (name: string, bytes: Uint8Array) => {
      const res = await fetch(`http://127.0.0.1:${bridge.port}/api/archive.importBytes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-budget-token': bridge.token },
        body: JSON.stringify({ fileName: name, dataBase64: Buffer.from(bytes).toString('base64') }),
      });
      return (await res.json()) as { ok: boolean; data?: { status: string }; error?: { code: string; zh: string; en: string } };
    };

    it('survives each hostile upload and imports the file after it', async () => {
      const good = fs.readFileSync(fixture('docs', 'seed000.word.docx'));
      let first = true;
      for (const h of HOSTILE.filter((x) => !x.noUpload)) {
        const bad = await upload(h.name, fs.readFileSync(files.get(h.name)!));
        if (!bad.ok) expect(bad.error!.code, `${h.name}: ${bad.error!.en}`).toBe('unusable-input');
        const after = await upload('seed000.word.docx', good);
        expect(after.ok, h.name).toBe(true);
        expect(after.data!.status, h.name).toBe(first ? 'stored' : 'duplicate');
        first = false;
      }
    }, 1_200_000);
  });
});
