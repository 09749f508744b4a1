// Batch import in the browser: a whole folder, a progress bar that moves, one result line per file, the
// unreadable ones (a scan, a damaged file) reported and skipped, and every department and year archived.
// E2E_BATCH_DIR=<folder> [E2E_TRUTH_DIR=<truth folder>] runs the same test over another folder (the corpus).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fixture, tempDir } from '../helpers/paths.js';
import { ensureRenderer, openBrowser, shot, startWorkstation, type BrowserSession, type Workstation, showList } from './harness.js';
import { imageOnlyPdf } from '../hostile/pdf.js';

const IMPORTABLE = /\.(pdf|docx|xlsx)$/i;
const external = process.env.E2E_BATCH_DIR;
const truthDir = process.env.E2E_TRUTH_DIR ?? fixture('truth');

/** A folder like an auditor's inbox: three generators' files, a scan, a damaged file, a note to skip. */
function inbox(): string {
  const dir = tempDir('budget-inbox-');
  for (const f of ['seed000.word.docx', 'seed001.excel.xlsx', 'seed002.excel.xlsx', 'seed000-m01.word.pdf']) fs.copyFileSync(fixture('docs', f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'seed009.scan.pdf'), imageOnlyPdf(3));
  fs.writeFileSync(path.join(dir, '损坏的文件.docx'), Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
  fs.writeFileSync(path.join(dir, '说明.txt'), '不是公开文件');
  return dir;
}

interface Expected {
  file: string;
  code: string;
  department: string;
  year: number;
}

/** What the truth says each readable file holds (the file's id is its name up to the first dot). */
function expectations(files: string[]): Expected[] {
  return files.flatMap((file) => {
    const truth = path.join(truthDir, `${file.split('.')[0]}.json`);
    if (/scan/i.test(file) || !fs.existsSync(truth)) return [];
    const t = JSON.parse(fs.readFileSync(truth, 'utf8'));
    return [{ file, code: String(t.department_code), department: String(t.department), year: Number(t.year) }];
  });
}

let ws: Workstation;
let browser: BrowserSession;
let folder: string;

beforeAll(async () => {
  await ensureRenderer();
  ws = await startWorkstation();
  browser = await openBrowser();
  folder = external ?? inbox();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ws?.close();
  if (!external && folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('batch import (browser)', () => {
  it(
    'imports a whole folder with a progress bar and a result per file; bad files are reported and skipped',
    async () => {
      const page = browser.page;
      const files = fs.readdirSync(folder).filter((f) => IMPORTABLE.test(f));
      const expected = expectations(files);
      await page.goto(ws.url);
      // Record every value the progress bar shows while the batch runs.
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { __progress: number[] }).__progress = seen;
        new MutationObserver(() => {
          const v = Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? -1);
          if (v >= 0 && seen[seen.length - 1] !== v) seen.push(v);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
      });
      // The folder is chosen in the browser's folder picker: its files travel as bytes, never as a path.
      await page.getByTestId('folder-input').setInputFiles(folder);
      await page.locator('.batch[data-running="false"]').waitFor({ timeout: external ? 1_700_000 : 55_000 });

      const bar = page.getByRole('progressbar');
      expect(await bar.getAttribute('aria-valuemax')).toBe(String(files.length));
      expect(await bar.getAttribute('aria-valuenow')).toBe(String(files.length));
      const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
      expect(seen.length).toBeGreaterThan(1); // it moved file by file, not just 0 → done
      expect(seen[seen.length - 1]).toBe(files.length);

      const items = await page.locator('.batch-item').evaluateAll((els) =>
        els.map((e) => ({ file: e.querySelector('.batch-file')!.textContent ?? '', status: e.getAttribute('data-status'), reason: e.querySelector('.batch-reason')?.textContent ?? '' })),
      );
      // A folder's files are listed by their path inside the chosen folder.
      for (const item of items) item.file = item.file.split('/').pop()!;
      expect(items.map((i) => i.file).sort()).toEqual([...files].sort());
      for (const item of items) {
        if (/scan/i.test(item.file) || item.file.includes('损坏')) {
          expect(item.status, item.file).toBe('error');
          expect(item.reason, item.file).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      for (const e of expected) expect(items.find((i) => i.file === e.file)?.status, e.file).toMatch(/stored|duplicate/);

      // The archive lists every department and year the readable files hold.
      await showList(page);
      for (const e of expected) {
        const group = page.locator(`.dept-group[data-department="${e.department}"]`);
        await group.waitFor();
        expect(await group.locator('.dept-code').innerText()).toBe(e.code);
        expect(await group.locator('.sub-row .col-year').allInnerTexts()).toContain(String(e.year));
      }
      await shot(page, external ? '07-batch-corpus' : '06-batch-import');

      // Search by department narrows the list.
      const one = expected[0]!;
      await page.getByLabel('搜索部门').fill(one.department);
      await expect.poll(() => page.locator('.dept-group').count()).toBe(new Set(expected.filter((e) => e.department.includes(one.department)).map((e) => `${e.code}|${e.department}`)).size);
      expect(browser.problems).toEqual([]);
    },
    external ? 1_800_000 : 60_000,
  );
});
