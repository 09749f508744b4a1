// An exported workbook printed by LibreOffice looks like the standard tables: A4 pages, title and 栏次 row in
// the text, ink where the title is. Needs soffice and poppler (pdftoppm, pdftotext, pdfinfo).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../main/export/index.js';
import { truthDocument } from './export-support.js';

const OUT = fileURLToPath(new URL('../test-output/export-render/', import.meta.url));
const tools = ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo'];
const which = (tool: string): boolean => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = tools.filter((t) => !which(t));
const title = missing.length
  ? `export render — SKIPPED: ${missing.join(', ')} not installed (apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk)`
  : 'export render (LibreOffice → PDF → PNG)';

/** A grey-scale PGM (P5) as width, height and pixels. */
function readPgm(file: string): { w: number; h: number; px: Uint8Array } {
  const buf = readFileSync(file);
  const head = buf.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) throw new Error('not a PGM');
  return { w: Number(m[1]), h: Number(m[2]), px: buf.subarray(m[0].length) };
}

describe.skipIf(missing.length > 0)(title, () => {
  it('converts to PDF whose pages show the title, department line and 栏次 row', async () => {
    mkdirSync(OUT, { recursive: true });
    const doc = truthDocument('seed000');
    const xlsx = path.join(OUT, 'seed000.export.xlsx');
    writeFileSync(xlsx, await exportWorkbook({ document: doc, corrections: [], findings: [], plain: false, exportedAt: '2024-05-01T10:00:00' }));
    const pdf = path.join(OUT, 'seed000.export.pdf');
    rmSync(pdf, { force: true });
    // A private profile, so a LibreOffice running elsewhere on the machine cannot block the conversion.
    const profile = path.join(tmpdir(), `lo-export-test-${process.pid}`);
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, xlsx], { stdio: 'ignore', timeout: 120_000 });
    rmSync(profile, { recursive: true, force: true });
    expect(existsSync(pdf)).toBe(true);

    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // Nine tables and the two audit sheets, each at least one A4 page (portrait or landscape).
    expect(sizes.length).toBeGreaterThanOrEqual(11);
    for (const [w, h] of sizes) expect([Math.round(Math.min(w!, h!)), Math.round(Math.max(w!, h!))]).toEqual([595, 842]);

    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(page1).toContain('部门预算收支总表');
    expect(page1).toContain('预算年度：2023');
    expect(page1).toContain('单位：万元');
    expect(page1).toMatch(/栏次\s+1\s+2\s+3\s+4/);
    expect(page1).toContain('1,688.05');
    const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const t of doc.tables) expect(all.replace(/\s+/g, '')).toContain(t.title);
    expect(all).toMatch(/栏次\s+1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9\s+10\s+11\s+12/); // 收入总表 on one page width

    // Page 1 as a picture for people (PNG) and for the test (PGM): ink in the title band and in the table.
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', '-singlefile', pdf, path.join(OUT, 'seed000-page1')]);
    expect(existsSync(path.join(OUT, 'seed000-page1.png'))).toBe(true);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', '-singlefile', pdf, path.join(OUT, 'seed000-page1')]);
    const { w, h, px } = readPgm(path.join(OUT, 'seed000-page1.pgm'));
    const dark = (y0: number, y1: number): number => {
      let n = 0;
      for (let y = Math.floor(y0 * h); y < Math.floor(y1 * h); y++) for (let x = 0; x < w; x++) if (px[y * w + x]! < 128) n++;
      return n;
    };
    expect(dark(0.03, 0.09)).toBeGreaterThan(50); // the title
    expect(dark(0.1, 0.6)).toBeGreaterThan(2000); // the bordered grid
  });
});
