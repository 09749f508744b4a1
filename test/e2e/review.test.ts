// The review workstation in a real browser: import a PDF with an injected error, see the flagged row and
// its message, the source page boxed, correct the cell, the flag clears, export; reload keeps everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { ClientBridge } from '../../main/api/types.js';
import { CORRECTIONS_SHEET, FINDINGS_SHEET } from '../../main/export/index.js';
import { fixture } from '../helpers/paths.js';
import { ensureRenderer, openBrowser, shot, showList, SHOTS, startWorkstation, type BrowserSession, type Workstation } from './harness.js';

interface Injected {
  table: string;
  row: string;
  column: string;
  old: string;
  new: string;
  code?: string;
}

const MUTANT = 'seed000-m01';
const injected = JSON.parse(fs.readFileSync(fixture('truth', `${MUTANT}.json`), 'utf8')).injected as Injected;
const perf: Record<string, number[]> = {};

let ws: Workstation;
let browser: BrowserSession;
let page: Page;

const rowOf = (p: Page, table: string, row: string) => p.locator(`.table-pane[data-table="${table}"] .trow[data-row="${row}"]`);
const cellOf = (p: Page, table: string, row: string, column: string) => rowOf(p, table, row).locator(`.cell[data-col="${column}"]`);

async function measures(p: Page): Promise<Record<string, number[]>> {
  return p.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const e of performance.getEntriesByType('measure'))
      if (/^(open-submission|correction-recheck)(:api)?$/.test(e.name)) (out[e.name] ??= []).push(Math.round(e.duration * 10) / 10);
    performance.clearMeasures();
    return out;
  });
}

function keepMeasures(m: Record<string, number[]>): void {
  for (const [k, v] of Object.entries(m)) (perf[k] ??= []).push(...v);
}

/** Select a cell, edit it with the keyboard (F2, type, Tab to the reason, Enter). */
async function correctCell(p: Page, table: string, row: string, column: string, value: string, reason: string): Promise<void> {
  await cellOf(p, table, row, column).click();
  await p.keyboard.press('F2');
  const input = p.getByLabel('新值');
  await input.fill(value);
  await input.press('Tab');
  await p.getByLabel('修改原因').fill(reason);
  await p.getByLabel('修改原因').press('Enter');
  await expect.poll(() => cellOf(p, table, row, column).getAttribute('class')).toContain('corrected');
}

beforeAll(async () => {
  await ensureRenderer();
  ws = await startWorkstation();
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  if (Object.keys(perf).length) {
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, 'perf.json'), JSON.stringify(perf, null, 2));
  }
  await browser?.close();
  await ws?.close();
});

describe('review workstation (browser)', () => {
  it('imports a PDF with an injected error, flags the row, boxes the source, clears on correction, exports', async () => {
    await page.goto(ws.url);
    await page.getByTestId('file-input').setInputFiles(fixture('docs', `${MUTANT}.word.pdf`));
    await page.locator('.batch[data-running="false"]').waitFor({ timeout: 50_000 });
    expect(await page.locator('.batch-item').getAttribute('data-status')).toBe('stored');

    await showList(page);
    await page.locator('.open-link', { hasText: `${MUTANT}.word.pdf` }).click();
    await page.locator(`[data-tab="${injected.table}"]`).click();

    // The flagged row: marked by severity, its message beside it, citing the wrong figure.
    const row = rowOf(page, injected.table, injected.row);
    await row.waitFor();
    expect(await row.getAttribute('data-severity')).toBe('error');
    const message = (await row.locator('.cell.msg').innerText()).trim();
    expect(message).toContain(injected.new);
    expect(await cellOf(page, injected.table, injected.row, injected.column).getAttribute('class')).toMatch(/sev-cell-error/);

    // The source pane: the page of that table, the row and the cell boxed, the cell inside the row.
    await cellOf(page, injected.table, injected.row, injected.column).click();
    const hlCell = page.getByTestId('hl-cell');
    await hlCell.waitFor({ timeout: 30_000 });
    const [cellBox, rowBox, pageBox] = await Promise.all([hlCell.boundingBox(), page.getByTestId('hl-row').boundingBox(), page.locator('.pdf-page').boundingBox()]);
    expect(cellBox && rowBox && pageBox).toBeTruthy();
    expect(cellBox!.y + cellBox!.height / 2).toBeGreaterThan(rowBox!.y);
    expect(cellBox!.y + cellBox!.height / 2).toBeLessThan(rowBox!.y + rowBox!.height);
    expect(rowBox!.width).toBeGreaterThan(cellBox!.width * 2);
    expect(rowBox!.x).toBeGreaterThanOrEqual(pageBox!.x - 4);
    const shownPage = Number(await page.getByTestId('source-page').getAttribute('data-rendered'));
    const tablePages = await page.evaluate(async (t) => {
      const id = Number(/#\/s\/(\d+)/.exec(location.hash)![1]);
      const bridge = (window as unknown as { budgetApi: ClientBridge }).budgetApi;
      const v = await bridge.call('submission.get', { id });
      return v.document.tables.find((x) => x.key === t)!.pages;
    }, injected.table);
    expect(tablePages).toContain(shownPage);
    await shot(page, '01-flagged-row-and-source');

    // Correct the cell back to what the original printed: the checks re-run and the flag clears.
    const reason = '核对原件：离休费合计应为人员经费与公用经费之和';
    await correctCell(page, injected.table, injected.row, injected.column, injected.old, reason);
    await expect.poll(() => row.getAttribute('data-severity')).toBeNull();
    expect(await cellOf(page, injected.table, injected.row, injected.column).innerText()).toBe(injected.old);
    expect(await cellOf(page, injected.table, injected.row, injected.column).getAttribute('class')).not.toMatch(/sev-cell/);
    await shot(page, '02-corrected-flag-cleared');

    // Export with 审核意见: the corrected value, the yellow fill, the 修改记录 row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（含审核意见）' }).click()]);
    const saved = path.join(ws.dir, 'export.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheetNames = wb.worksheets.map((w) => w.name);
    expect(sheetNames).toContain(CORRECTIONS_SHEET);
    expect(sheetNames).toContain(FINDINGS_SHEET);
    const num = (v: unknown) => (typeof v === 'number' ? v : Number(String(v ?? '').replace(/,/g, '')));
    const yellow: { sheet: string; value: number; rowText: string }[] = [];
    for (const ws2 of wb.worksheets) {
      if (ws2.name === CORRECTIONS_SHEET || ws2.name === FINDINGS_SHEET) continue;
      ws2.eachRow((r) =>
        r.eachCell((c) => {
          const fill = c.fill as { fgColor?: { argb?: string } } | undefined;
          if (fill?.fgColor?.argb && /^FFFFFF[0-9A-F]{2}$/i.test(fill.fgColor.argb) && fill.fgColor.argb !== 'FFFFFFFF')
            yellow.push({ sheet: ws2.name, value: num(c.value), rowText: (r.values as unknown[]).map(String).join(' ') });
        }),
      );
    }
    expect(yellow).toHaveLength(1);
    expect(yellow[0]!.value).toBeCloseTo(Number(injected.old), 2);
    if (injected.code) expect(yellow[0]!.rowText).toContain(injected.code);
    const trail = wb.getWorksheet(CORRECTIONS_SHEET)!;
    const trailRows: string[] = [];
    trail.eachRow((r) => trailRows.push((r.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    const line = trailRows.find((l) => l.includes(reason));
    expect(line, trailRows.join('\n')).toBeDefined();
    expect(line).toContain(String(Number(injected.new)));
    expect(line).toContain(String(Number(injected.old)));

    keepMeasures(await measures(page));
    expect(browser.problems).toEqual([]);
  });

  it('after a reload the correction, the decisions on findings and the review marks are all there', async () => {
    // A Word version of the same mutant, imported through the Api; the rest is done in the browser. The same
    // disclosure would be filed beside the PDF of the first test, so that one leaves the archive first.
    for (const s of await ws.api['archive.list']({})) await ws.api['submission.delete']({ id: s.id });
    const { submission } = await ws.api['archive.importFile']({ path: fixture('docs', `${MUTANT}.word.docx`) });
    expect(submission.format).toBe('docx');
    await page.goto(ws.url);
    await showList(page);
    await page.locator(`.sub-row[data-submission="${submission.id}"] .open-link`).click();
    await page.locator(`[data-tab="${injected.table}"]`).click();
    await rowOf(page, injected.table, injected.row).waitFor();

    const reason = '与原件核对后更正';
    await correctCell(page, injected.table, injected.row, injected.column, injected.old, reason);

    // Decide on the next two findings (F8): confirm one, dismiss the other, each with a comment.
    await page.keyboard.press('F8');
    const first = await page.locator('.fp-item[aria-current="true"]').getAttribute('data-finding');
    await page.getByLabel('审核意见').fill('已与单位核实，确认有误');
    await page.getByRole('button', { name: '确认问题', exact: true }).click();
    await page.locator(`.fp-item[data-finding="${first}"].status-confirmed`).waitFor();
    await page.keyboard.press('F8');
    const current = () => page.locator('.fp-item[aria-current="true"]').getAttribute('data-finding');
    await expect.poll(current).not.toBe(first);
    const second = await current();
    await page.getByLabel('审核意见').fill('尾差，不影响');
    await page.getByRole('button', { name: '排除', exact: true }).click();
    await page.locator(`.fp-item[data-finding="${second}"]`).waitFor({ state: 'detached' }); // hidden by the default filter

    // Mark the corrected table reviewed.
    await page.locator(`[data-tab="${injected.table}"]`).click();
    await page.getByLabel('本表已审核').check();
    await page.locator(`[data-tab="${injected.table}"] .tab-check`).waitFor();
    keepMeasures(await measures(page));

    await page.reload();
    await page.locator(`[data-tab="${injected.table}"] .tab-check`).waitFor();
    await page.locator(`[data-tab="${injected.table}"]`).click();
    expect(await page.getByLabel('本表已审核').isChecked()).toBe(true);
    const cell = cellOf(page, injected.table, injected.row, injected.column);
    await cell.waitFor();
    expect(await cell.innerText()).toBe(injected.old);
    expect(await cell.getAttribute('class')).toContain('corrected');

    expect(await page.locator(`.fp-item[data-finding="${first}"]`).getAttribute('class')).toContain('status-confirmed');
    await page.locator(`.fp-item[data-finding="${first}"]`).click();
    expect(await page.getByLabel('审核意见').inputValue()).toBe('已与单位核实，确认有误');
    await page.getByRole('button', { name: '已排除', exact: true }).click(); // show dismissed ones too
    expect(await page.locator(`.fp-item[data-finding="${second}"]`).getAttribute('class')).toContain('status-dismissed');

    await page.locator('[data-tab="trail"]').click();
    const trail = page.getByTestId('corrections');
    await trail.waitFor();
    expect(await trail.innerText()).toContain(reason);
    await shot(page, '03-after-reload-trail');

    // The narrative: each flagged sentence highlighted, its message beside the paragraph.
    const flagged = await page.evaluate(async () => {
      const id = Number(/#\/s\/(\d+)/.exec(location.hash)![1]);
      const v = await (window as unknown as { budgetApi: ClientBridge }).budgetApi.call('submission.get', { id });
      let placed = 0;
      let quoted = 0;
      for (const f of v.findings) {
        const p = f.paragraph;
        const section = p && v.document.narrative.find((s) => s.heading === p.heading);
        if (f.status === 'dismissed' || !p || !section) continue;
        placed++;
        if ((section.paragraphs[p.index] ?? '').includes(p.quote.trim())) quoted++;
      }
      return { placed, quoted };
    });
    await page.locator('[data-tab="narrative"]').click();
    await page.getByTestId('narrative').waitFor();
    expect(await page.locator('.para-notes .note').count()).toBe(flagged.placed);
    expect(await page.locator('mark.flag').count()).toBeGreaterThanOrEqual(Math.min(flagged.quoted, 1));
    if (flagged.quoted > 0) await page.locator('mark.flag').first().scrollIntoViewIfNeeded();
    await shot(page, '04-narrative-flags');

    // Undo from the trail: the flag comes back.
    await page.locator('[data-tab="trail"]').click();
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await page.locator('tr.undone').waitFor();
    await page.locator(`[data-tab="${injected.table}"]`).click();
    await expect.poll(() => rowOf(page, injected.table, injected.row).getAttribute('data-severity')).toBe('error');
    keepMeasures(await measures(page));
    expect(browser.problems).toEqual([]);
  });

  it('scrolls a 10,000-row table with only the visible rows in the page', async () => {
    const { submission } = await ws.api['archive.importFile']({ path: fixture('docs', 'seed002.excel.xlsx') });
    // Grow 支出总表 to 10,000 rows on the way to the page: the renderer sees a document that long.
    await page.route('**/api/submission.get', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      const t = body.data.document.tables.find((x: { key: string }) => x.key === 't3');
      const template = t.rows[t.rows.length - 1] as string[];
      const rows: string[][] = [];
      for (let i = 0; i < 10_000; i++) rows.push([String(i + 1), ...template.slice(1)]);
      t.rows = rows;
      t.sources = rows.map((r) => r.map(() => null));
      // The layout names each row (here by its 序号) as the core would.
      const layout = body.data.layouts.t3;
      layout.rowIds = rows.map((r) => layout.panelColumns.map(() => r[0]));
      layout.rowLabels = rows.map((r) => layout.panelColumns.map(() => `${r[1]} ${r[2]}`));
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(ws.url);
    await showList(page);
    await page.locator(`.sub-row[data-submission="${submission.id}"] .open-link`).click();
    await page.locator('[data-tab="t3"]').click();
    const grid = page.locator('.table-pane[data-table="t3"] .table-view');
    await grid.locator('.trow').first().waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe('10000');
    expect(await grid.locator('.trow').count()).toBeLessThan(120);

    // Scroll through it frame by frame and time the frames.
    const frames = await grid.evaluate(async (el) => {
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        el.scrollTop += 700;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    perf['scroll-frame-10k'] = frames.map((f) => Math.round(f * 10) / 10);
    expect(await grid.locator('.trow').count()).toBeLessThan(120);

    // Keyboard to the very end: the last row is there.
    await grid.locator('.trow').first().locator('.cell[data-col="3"]').click();
    await page.keyboard.press('Control+End');
    await grid.locator('.trow[data-row="10000"]').waitFor();
    await shot(page, '05-ten-thousand-rows');
    await page.unroute('**/api/submission.get');
    expect(browser.problems).toEqual([]);
  });
});
