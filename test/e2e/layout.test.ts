// The review screen on a laptop (1366×768) and a desktop (1920×1080): on every standard table of each
// document, a flagged row's message (审核提示) and the row's code/name are both in view without scrolling,
// and stay in view when the amounts are scrolled to the far right; every tab shows whole; editing a cell does
// not move the grid and its reason popup is not cut off; 本表已审核 with open errors asks first; 情况说明
// brings the source to its page; no finding text on screen carries an internal name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SubmissionView, TableKey } from '../../main/api/types.js';
import { fixture } from '../helpers/paths.js';
import { ensureRenderer, gotoScreen, openBrowser, shot, startWorkstation, type BrowserSession, type Workstation } from './harness.js';

/** Documents of different layouts and formats; each must hold up on every table it has. */
const DOCUMENTS = [
  { name: 'hebei-pdf', file: fixture('docs', 'seed000-m01.word.pdf') },
  { name: 'hebei-xlsx', file: fixture('docs', 'seed002.excel.xlsx') },
  { name: 'shanghai', file: fixture('real', 'SH-PT-zfban-2025-dept-budget.pdf') },
  { name: 'jiangsu', file: fixture('real', 'JS-renda-2019-dept-tables.pdf') },
  { name: 'shanghai-final', file: fixture('real', 'SH-PT-shehuigongzuobu-2024-dept-final.pdf') },
];
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const ROW_HEIGHT = 26;
const INTERNAL = /[A-Za-z]{3,}|\b[td][1-9]\b|第\s*\d+:\d+\s*栏/;

let ws: Workstation;
const views = new Map<string, SubmissionView>();

/** A flagged row of the table: one with an open finding, else one made by correcting a total by 1,000
 *  (also when an open error is wanted and the table has none). */
async function flaggedRow(id: number, key: TableKey, forceError = false): Promise<{ view: SubmissionView; row: number }> {
  let view = await ws.api['submission.get']({ id });
  const rowOf = (v: SubmissionView) => {
    const layout = v.layouts[key]!;
    for (const f of v.findings) {
      if (f.table !== key || f.row === null || f.status === 'dismissed') continue;
      const r = layout.rowIds.findIndex((ids) => ids.includes(f.row!));
      if (r >= 0) return r;
    }
    return -1;
  };
  let row = rowOf(view);
  const hasError = view.findings.some((f) => f.table === key && f.severity === 'error' && f.status === 'open');
  if (row < 0 || (forceError && !hasError)) {
    const table = view.document.tables.find((t) => t.key === key)!;
    const layout = view.layouts[key]!;
    const amount = layout.columns.find((c) => c.role === 'amount' && table.rows.some((r) => /\d/.test(r[c.index] ?? '')))!;
    const r = table.rows.findIndex((cells) => /\d/.test(cells[amount.index] ?? ''));
    const value = Number(String(table.rows[r]![amount.index]).replace(/,/g, '')) + 1000;
    view = await ws.api['correction.apply']({
      submissionId: id, table: key, row: layout.rowIds[r]![Math.max(0, amount.panel)]!, column: amount.id, value: value.toFixed(2), reason: '版式测试：制造一个问题',
    });
    row = rowOf(view);
  }
  expect(row, `${key}: a flagged row`).toBeGreaterThanOrEqual(0);
  return { view, row };
}

/** The element is inside the scroller's visible box and is what the eye sees at its centre (not covered). */
async function inView(el: Locator, scroller: Locator): Promise<boolean> {
  return el.evaluate((node, box) => {
    const r = node.getBoundingClientRect();
    const s = (box as HTMLElement).getBoundingClientRect();
    const visibleRight = s.left + (box as HTMLElement).clientWidth;
    const visibleBottom = s.top + (box as HTMLElement).clientHeight;
    const x = Math.min(r.left + r.width / 2, r.left + 20);
    const y = r.top + r.height / 2;
    if (r.width < 8 || r.left < s.left - 1 || x > visibleRight || y < s.top || y > visibleBottom || r.right > window.innerWidth + 1) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (node === hit || node.contains(hit));
  }, await scroller.elementHandle());
}

beforeAll(async () => {
  await ensureRenderer();
  ws = await startWorkstation();
  for (const d of DOCUMENTS) {
    const { submission } = await ws.api['archive.importFile']({ path: d.file });
    views.set(d.name, await ws.api['submission.get']({ id: submission.id }));
  }
}, 180_000);

afterAll(async () => {
  await ws?.close();
});

describe.each(VIEWPORTS)('review screen at $width×$height (browser)', (viewport) => {
  let browser: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  }, 60_000);
  afterAll(async () => browser?.close());

  it.each(DOCUMENTS)('$name: flag text and row name in view on every table, before and after scrolling right; tabs whole', async ({ name }) => {
    const id = views.get(name)!.summary.id;
    // Every table that prints a figure (an empty table — 无, 本单位无此项支出 — has no row to flag).
    const view = views.get(name)!;
    const figures = (t: (typeof view.document.tables)[number]) =>
      view.layouts[t.key]!.columns.some((c) => c.role === 'amount' && t.rows.some((r) => /\d/.test(r[c.index] ?? '')));
    const tables = view.document.tables.filter(figures).map((t) => t.key);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const key of tables) {
      const { row } = await flaggedRow(id, key);
      await gotoScreen(page, ws, `#/s/${id}/${key}`);
      const grid = page.locator(`.table-pane[data-table="${key}"] .table-view`);
      await grid.locator('.trow').first().waitFor();
      // Each table shows its own unit (元 for most tables of a document, 万元 for its 三公 table).
      const table = views.get(name)!.document.tables.find((t) => t.key === key)!;
      expect(await page.getByTestId('table-unit').innerText()).toContain(`单位：${table.unit ?? views.get(name)!.document.unit}`);
      await grid.evaluate((el, top) => (el.scrollTop = top), Math.max(0, (row - 3) * ROW_HEIGHT));
      const line = grid.locator(`.trow[data-index="${row}"]`);
      await line.waitFor();
      const flag = line.locator('.cell.msg .msg-link');
      const label = line.locator('.cell.k-name, .cell.k-item').filter({ hasText: /\S/ }).first();
      const named = (await label.count()) ? label : line.locator('.cell.k-code').filter({ hasText: /\S/ }).first();
      // A table printed as one horizontal row (a 三公 table) has no row name: its columns name the figures.
      const hasName = (await named.count()) > 0;
      expect(hasName || (await grid.locator('.trow').count()) === 1, `${name} ${key}: a row name`).toBe(true);
      for (const scrolled of [false, true]) {
        if (scrolled) await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
        expect(await inView(flag, grid), `${name} ${key} row ${row}: 审核提示 in view${scrolled ? ' after scrolling right' : ''}`).toBe(true);
        if (hasName) expect(await inView(named, grid), `${name} ${key} row ${row}: row name in view${scrolled ? ' after scrolling right' : ''}`).toBe(true);
      }
      expect(await flag.innerText()).not.toMatch(INTERNAL);
      // Every tab whole: inside the strip and the window.
      const strip = await page.locator('.tabs').boundingBox();
      for (const tab of await page.locator('.tabs .tab').all()) {
        const b = (await tab.boundingBox())!;
        expect(b.x >= strip!.x - 1 && b.x + b.width <= strip!.x + strip!.width + 1 && b.x + b.width <= viewport.width, `${name}: tab ${await tab.innerText()} whole`).toBe(true);
      }
    }
    await shot(page, `20-layout-${name}-${viewport.width}`);
    for (const text of await page.locator('.fp-item').allInnerTexts()) expect(text).not.toMatch(INTERNAL);
    expect(browser.problems).toEqual([]);
  });

  it('editing a cell keeps the grid where it is and shows the whole reason popup; 本表已审核 with open errors asks first', async () => {
    const view = views.get('hebei-pdf')!;
    const key = 't3';
    await flaggedRow(view.summary.id, key, true);
    const { row } = await flaggedRow(view.summary.id, key);
    await gotoScreen(page, ws, `#/s/${view.summary.id}/${key}`);
    const grid = page.locator(`.table-pane[data-table="${key}"] .table-view`);
    const line = grid.locator(`.trow[data-index="${row}"]`);
    await line.waitFor();
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const amounts = line.locator('.cell.k-amount');
    const last = amounts.nth((await amounts.count()) - 1);
    await last.click();
    const before = await grid.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('F2');
    const pop = page.getByTestId('edit-pop');
    await pop.waitFor();
    expect(await grid.evaluate((el) => el.scrollLeft)).toBe(before);
    const b = (await pop.boundingBox())!;
    expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height).toBe(true);
    expect(await inView(line.locator('.cell.k-name').first(), grid)).toBe(true);
    await page.keyboard.press('Escape');
    await pop.waitFor({ state: 'detached' });

    // 本表已审核 while the table has open errors: a question, and nothing ticked until it is answered.
    await ws.api['table.setReviewed']({ submissionId: view.summary.id, table: key, reviewed: false });
    const current = await ws.api['submission.get']({ id: view.summary.id });
    const errors = current.findings.filter((f) => f.table === key && f.severity === 'error' && f.status === 'open').length;
    expect(errors).toBeGreaterThan(0);
    await page.reload();
    await grid.locator('.trow').first().waitFor();
    await page.getByLabel('本表已审核').click();
    const ask = page.getByRole('alertdialog', { name: '确认标记已审核' });
    await ask.waitFor();
    expect(await ask.innerText()).toContain(`还有 ${errors} 个待处理的错误`);
    expect(await page.getByLabel('本表已审核').isChecked()).toBe(false);
    await ask.getByRole('button', { name: '取消' }).click();
    expect(await page.getByLabel('本表已审核').isChecked()).toBe(false);
    await page.getByLabel('本表已审核').click();
    await ask.getByRole('button', { name: '仍然标记' }).click();
    await expect.poll(() => page.getByLabel('本表已审核').isChecked()).toBe(true);
    expect((await ws.api['submission.get']({ id: view.summary.id })).reviewed).toContain(key);

    // 情况说明: the source pane goes to the page the narrative starts on.
    const start = current.document.narrative.flatMap((s) => s.pages ?? []).find((p) => p !== null);
    await page.locator('[data-tab="narrative"]').click();
    await expect.poll(() => page.getByTestId('source-page').getAttribute('data-rendered'), { timeout: 30_000 }).toBe(String(start));
    await shot(page, `21-narrative-source-${viewport.width}`);
    expect(browser.problems).toEqual([]);
  });
});
