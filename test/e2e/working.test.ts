// Working speed in a real browser, by keyboard where an auditor would: search the tables for a figure, a code
// and a name; dismiss every 尾差 at once; confirm a finding with Alt+C; undo and redo a correction; a table's
// print preview; the 审核意见书 written, downloaded as Word and issued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { attachFile, openArchive, replaceNarrative } from '../../main/store/index.js';
import { fixture } from '../helpers/paths.js';
import { ensureRenderer, gotoScreen, openBrowser, shot, startWorkstation, type BrowserSession, type Workstation } from './harness.js';

let ws: Workstation;
let browser: BrowserSession;
let page: Page;
let id: number;

beforeAll(async () => {
  await ensureRenderer();
  ws = await startWorkstation();
  browser = await openBrowser({ width: 1366, height: 768 });
  page = browser.page;
  id = (await ws.api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.pdf') })).submission.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ws?.close();
});

describe('working speed (browser)', () => {
  it('finds a figure, a code and a name in the tables', async () => {
    await gotoScreen(page, ws, `#/s/${id}/t3`);
    await page.locator('.table-pane .trow').first().waitFor();
    await page.keyboard.press('Control+f');
    const box = page.getByLabel('在表格中查找');
    for (const query of ['1,292.02', '1292.02', '2010301', '行政运行']) {
      await box.fill(query);
      await expect.poll(() => page.getByTestId('search-count').innerText()).toMatch(/^1 \/ \d+$/);
      const hit = page.locator('.cell.search-hit');
      await hit.waitFor();
      expect((await hit.innerText()).replace(/,/g, '')).toContain(query.replace(/,/g, ''));
    }
    // F3 walks on to the next hit (行政运行 is printed in several tables).
    const first = await page.locator('.cell.search-hit').evaluate((el) => `${el.closest('.table-pane')!.getAttribute('data-table')}|${el.closest('.trow')!.getAttribute('data-index')}`);
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('search-count').innerText()).toMatch(/^2 \//);
    const second = await page.locator('.cell.search-hit').evaluate((el) => `${el.closest('.table-pane')!.getAttribute('data-table')}|${el.closest('.trow')!.getAttribute('data-index')}`);
    expect(second).not.toBe(first);
    await box.press('Escape');
  });

  it('dismisses every 尾差 with one comment, confirms a finding with Alt+C, undoes and redoes a correction', async () => {
    await gotoScreen(page, ws, `#/s/${id}`);
    await page.getByTestId('findings-list').waitFor();
    const rules = page.getByLabel('按规则筛选');
    const tail = (await rules.locator('option').allInnerTexts()).find((o) => o.startsWith('尾差'))!;
    await rules.selectOption({ label: tail });
    const n = Number(/（(\d+)）/.exec(tail)![1]);
    await page.getByRole('button', { name: '全部排除' }).click();
    await page.getByLabel('批量意见').fill('尾差，不影响');
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(async () => (await ws.api['submission.get']({ id })).findings.filter((f) => f.ruleName === '尾差' && f.status === 'dismissed').length).toBe(n);
    await rules.selectOption('');

    // F8 to the first open finding, Alt+C confirms it.
    await page.keyboard.press('F8');
    const key = await page.locator('.fp-item[aria-current="true"]').getAttribute('data-finding');
    await page.keyboard.press('Alt+c');
    await expect.poll(async () => (await ws.api['submission.get']({ id })).findings.find((f) => f.key === key)?.status).toBe('confirmed');

    // A correction by keyboard, Ctrl+Z, Ctrl+Y.
    await page.locator('[data-tab="t3"]').click();
    const cell = page.locator('.table-pane[data-table="t3"] .trow[data-index="1"] .cell.k-amount').first();
    const before = await cell.innerText();
    await cell.click();
    await page.keyboard.press('F2');
    await page.getByLabel('新值').fill('1.23');
    await page.getByLabel('新值').press('Tab');
    await page.getByLabel('修改原因').fill('试改');
    await page.getByLabel('修改原因').press('Enter');
    await expect.poll(() => cell.innerText()).toBe('1.23');
    await page.locator('.table-pane[data-table="t3"] .table-view').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell.innerText()).toBe(before);
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell.innerText()).toBe('1.23');
    expect(await page.getByRole('status').innerText()).toContain('已重做');
  });

  it('shows a table ready to print, and writes, downloads and issues the 审核意见书', async () => {
    await gotoScreen(page, ws, `#/s/${id}/t6`);
    await page.locator('.table-pane .trow').first().waitFor();
    await page.keyboard.press('Control+p');
    const preview = page.getByTestId('print-preview');
    await preview.waitFor();
    const t6 = (await ws.api['submission.get']({ id })).document.tables.find((t) => t.key === 't6')!;
    expect(await preview.locator('h1').innerText()).toBe(t6.title);
    expect(await preview.locator('tbody tr').count()).toBe(t6.rows.length);
    await shot(page, '30-print-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    await page.locator('[data-tab="opinion"]').click();
    const conclusion = '经审核，离休费合计与明细不符，请更正后重新公开。';
    await page.getByLabel('审核结论').fill(conclusion);
    await page.getByRole('button', { name: '保存结论' }).click();
    await expect.poll(() => page.getByTestId('opinion-letter').innerText()).toContain(conclusion);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载审核意见书（Word）' }).click()]);
    const saved = path.join(ws.dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved).toMatch(/审核意见书\.docx$/);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(saved))).file('word/document.xml')!.async('string');
    expect(xml).toContain(conclusion);
    await page.getByRole('button', { name: '出具审核意见' }).click();
    await expect.poll(() => page.getByTestId('review-state').innerText()).toBe('已出具意见');
    await shot(page, '31-opinion');
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: '快捷键' }).waitFor();
    expect(browser.problems).toEqual([]);
  });

  it('a narrative published in a second file: 情况说明 shows that file at its page, the tables keep their own', async () => {
    // A Word file with the tables, and the narrative read from a separate PDF (as Jiangsu publishes them).
    const { submission } = await ws.api['archive.importFile']({ path: fixture('docs', 'seed002.word.docx') });
    const pdf = fs.readFileSync(fixture('docs', 'seed001.excel.pdf'));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const db = openArchive(path.join(ws.dir, 'archive.sqlite'));
    try {
      attachFile(db, submission.id, { source: { format: 'pdf', fileName: '情况说明.pdf', sha256, size: pdf.length, pageCount: 3 } }, new Uint8Array(pdf), 'narrative', '2026-05-01T00:00:00Z');
      replaceNarrative(db, submission.id, {
        narrative: [{ heading: '一、部门职责', paragraphs: ['本部门主要职责是……'], pages: [2], file: sha256 }],
        extra_tables: [],
      });
    } finally {
      db.close();
    }
    await gotoScreen(page, ws, `#/s/${submission.id}/t3`);
    await page.locator('.table-pane .trow').first().waitFor();
    expect(await page.locator('.source-pane').getAttribute('data-file')).toBe('');
    await page.getByTestId('office-source').waitFor();
    await page.locator('[data-tab="narrative"]').click();
    await expect.poll(() => page.locator('.source-pane').getAttribute('data-file')).toBe(sha256);
    await expect.poll(() => page.getByTestId('source-page').getAttribute('data-rendered'), { timeout: 30_000 }).toBe('2');
    expect(await page.locator('.sp-file-line').innerText()).toBe('情况说明.pdf');
    await shot(page, '32-narrative-second-file');
    expect(browser.problems).toEqual([]);
  });

  it('corrects an amount in a layout without 序号 or 栏次 (类/款/项 columns): the row is named by its code, the trail says where', async () => {
    const { submission } = await ws.api['archive.importFile']({ path: fixture('real', 'SH-PT-zfban-2025-dept-budget.pdf') });
    const view = await ws.api['submission.get']({ id: submission.id });
    const layout = view.layouts.t5!;
    const table = view.document.tables.find((t) => t.key === 't5')!;
    expect(table.lanes).toBeNull();
    const amount = layout.columns.find((c) => c.role === 'amount')!;
    const r = layout.rowLabels.findIndex((l) => /^\d{7} /.test(l[0] ?? ''));
    await gotoScreen(page, ws, `#/s/${submission.id}/t5`);
    const cell = page.locator(`.table-pane[data-table="t5"] .trow[data-index="${r}"] .cell[data-col="${amount.id}"]`);
    await cell.click();
    await page.keyboard.press('F2');
    await page.getByLabel('新值').fill('12345.67');
    await page.getByLabel('新值').press('Tab');
    await page.getByLabel('修改原因').fill('核对原件');
    await page.getByLabel('修改原因').press('Enter');
    await expect.poll(() => cell.getAttribute('class')).toContain('corrected');
    expect(await cell.innerText()).toBe('12345.67');
    const after = await ws.api['submission.get']({ id: submission.id });
    expect(after.corrections).toMatchObject([{ table: 't5', row: layout.rowIds[r]![0], column: amount.id, newValue: '12345.67' }]);
    await page.locator('[data-tab="trail"]').click();
    expect(await page.getByTestId('corrections').innerText()).toContain(layout.rowLabels[r]![0]!);
    await shot(page, '33-correction-shanghai');
    expect(browser.problems).toEqual([]);
  });
});
