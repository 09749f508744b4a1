// The review screen for legacy files in a real browser: a cell of an .xls shows its sheet and address in the
// source pane, a cell of a .doc its table, row and column — as for .xlsx and .docx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../helpers/paths.js';
import { ensureRenderer, openBrowser, shot, startWorkstation, type BrowserSession, type Workstation, showList } from './harness.js';

let ws: Workstation;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  await ensureRenderer();
  ws = await startWorkstation();
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ws?.close();
});

/** Open a stored submission, select 支出总表's 合计 amount and return the source pane's facts. */
async function sourceOfTotal(file: string): Promise<{ badge: string; facts: string }> {
  const { submission } = await ws.api['archive.importFile']({ path: fixture('legacy', file) });
  const view = await ws.api['submission.get']({ id: submission.id });
  const t3 = view.document.tables.find((t) => t.key === 't3')!;
  const total = t3.rows.find((r) => r[2] === '合计')!;
  await page.goto(ws.url);
  await showList(page);
  await page.locator(`.sub-row[data-submission="${submission.id}"] .open-link`).click();
  await page.locator('[data-tab="t3"]').click();
  await page.locator(`.table-pane[data-table="t3"] .trow[data-row="${total[0]}"] .cell[data-col="3"]`).click();
  const pane = page.getByTestId('office-source');
  await pane.locator('dl').waitFor();
  return { badge: (await page.locator('.source-pane .fmt-badge').textContent()) ?? '', facts: (await pane.textContent()) ?? '' };
}

describe('source pane for legacy files (browser)', () => {
  it('shows the sheet and cell of an .xls figure', async () => {
    const { badge, facts } = await sourceOfTotal('seed002.excel.xls');
    expect(badge).toMatch(/Excel 97–2003/);
    expect(facts).toMatch(/工作表支出总表/);
    expect(facts).toMatch(/单元格D\d+/);
    await shot(page, 'legacy-xls-source');
    expect(browser.problems).toEqual([]);
  });

  it('shows the table, row and column of a .doc figure', async () => {
    const { badge, facts } = await sourceOfTotal('seed002.word.doc');
    expect(badge).toMatch(/Word 97–2003/);
    expect(facts).toMatch(/表格文档中第 \d+ 个表格/);
    expect(facts).toMatch(/行第 \d+ 行/);
    expect(facts).toMatch(/列第 4 列/);
    await shot(page, 'legacy-doc-source');
    expect(browser.problems).toEqual([]);
  });
});
