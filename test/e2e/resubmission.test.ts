// Re-review of a resubmission in a real browser: version 1 with two findings confirmed (with comments),
// version 2 arrives with one of them fixed. The re-review shows one fixed and one remaining, carries the
// version 1 comments, marks the cell that changed, and compares the two versions side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../helpers/paths.js';
import { ensureRenderer, gotoScreen, openBrowser, shot, startWorkstation, type BrowserSession, type Workstation } from './harness.js';

let ws: Workstation;
let browser: BrowserSession;
let page: Page;

/** Internal names that must never reach an auditor: rule ids, table keys, English words. */
const INTERNAL = /[A-Za-z]{3,}|\b[td][1-9]\b|第\s*\d+:\d+\s*栏/;

async function decide(p: Page, key: string, comment: string): Promise<void> {
  await p.locator(`.fp-item[data-finding="${key}"]`).click();
  await p.getByLabel('审核意见').fill(comment);
  await p.getByRole('button', { name: '确认问题', exact: true }).click();
  await p.locator(`.fp-item[data-finding="${key}"].status-confirmed`).waitFor();
}

beforeAll(async () => {
  await ensureRenderer();
  ws = await startWorkstation();
  browser = await openBrowser({ width: 1366, height: 768 });
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ws?.close();
});

describe('re-review of a resubmission (browser)', () => {
  it('carries the triage of version 1, shows fixed / remaining / new, the changed cells and both versions side by side', async () => {
    const { submission: v1 } = await ws.api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.docx') });
    const view1 = await ws.api['submission.get']({ id: v1.id });
    const wrongSum = view1.findings.find((f) => f.rule === 'row-sum' && f.severity === 'error')!;
    const wrongYear = view1.findings.find((f) => f.rule === 'year-mismatch')!;
    expect(wrongSum && wrongYear).toBeTruthy();

    // Version 1: the auditor confirms both findings, each with a comment.
    await gotoScreen(page, ws, `#/s/${v1.id}`);
    await decide(page, wrongSum.key, '离休费合计与明细之和不符，请更正');
    await decide(page, wrongYear.key, '年份应为本预算年度');

    // Version 2 is imported from the archive screen: the same department and year, the 离休费 figure put right.
    await page.goto(ws.url);
    await page.getByTestId('file-input').setInputFiles(fixture('docs', 'seed000.word.docx'));
    await page.locator('.batch[data-running="false"]').waitFor({ timeout: 50_000 });
    expect(await page.locator('.batch-item').getAttribute('data-status')).toBe('stored');
    const cell = page.locator(`.ov-table tr[data-year="2023"] .ov-cell[data-kind="预算"]`);
    await expect.poll(() => cell.getAttribute('data-state')).toBe('resubmitted');
    expect(await cell.innerText()).toContain('第 2 版');
    await page.locator('.chip[data-state="resubmitted"]').click();
    await expect.poll(() => page.locator('.ov-table tbody tr').count()).toBe(1);
    await shot(page, '10-archive-resubmitted');
    await cell.locator('.ov-open').click();

    // The re-review: one fixed, one remaining, the version 1 comment on the remaining one, its decision carried.
    const bar = page.getByTestId('resubmission');
    await bar.waitFor();
    expect(await bar.innerText()).toMatch(/已整改 1 项.*仍存在 1 项/);
    const remaining = page.locator(`.fp-item[data-finding="${wrongYear.key}"]`);
    await remaining.waitFor();
    expect(await remaining.getAttribute('class')).toContain('status-confirmed');
    expect(await remaining.innerText()).toContain('仍存在');
    await remaining.click();
    expect(await page.getByLabel('审核意见').inputValue()).toBe('年份应为本预算年度');
    expect(await page.getByTestId('finding-detail').innerText()).toContain('沿用');
    expect(await page.locator(`.fp-item[data-finding="${wrongSum.key}"]`).count()).toBe(0);

    // The cell that changed between the versions is marked, with the version 1 figure.
    await page.locator('[data-tab="t6"]').click();
    const changed = page.locator(`.table-pane[data-table="t6"] .trow[data-row="${wrongSum.row}"] .cell[data-col="${wrongSum.column}"]`);
    await expect.poll(() => changed.getAttribute('class')).toContain('changed');
    const col = view1.layouts.t6!.columns.find((c) => c.id === wrongSum.column)!.index;
    const row = view1.layouts.t6!.rowIds.findIndex((ids) => ids.includes(wrongSum.row!));
    expect(await changed.getAttribute('title')).toContain(`上一版本：${view1.document.tables.find((t) => t.key === 't6')!.rows[row]![col]}`);
    await shot(page, '11-re-review');

    // Every finding text on screen in the auditor's words.
    for (const text of await page.locator('.fp-item, .cell.msg').allInnerTexts()) expect(text).not.toMatch(INTERNAL);

    // Both versions side by side: outcomes with the version 1 comments, and the changed figures.
    await bar.getByRole('button', { name: '查看两版对比' }).click();
    const outcomes = page.getByTestId('outcomes');
    await outcomes.waitFor();
    const fixed = outcomes.locator('[data-outcome="fixed"] li');
    expect(await fixed.count()).toBe(1);
    expect(await fixed.innerText()).toContain('30301 离休费');
    expect(await fixed.innerText()).toContain('上次意见：离休费合计与明细之和不符，请更正');
    expect(await outcomes.locator('[data-outcome="remaining"] li').count()).toBe(1);
    expect(await outcomes.locator('[data-outcome="remaining"] li').innerText()).toContain('上次意见：年份应为本预算年度');
    const changes = page.getByTestId('changes');
    const rows = await changes.locator('tbody tr').allInnerTexts();
    expect(rows.some((r) => r.includes('30301 离休费') && r.includes('22.63') && r.includes('17.56'))).toBe(true);
    for (const text of await outcomes.locator('li').allInnerTexts()) expect(text).not.toMatch(INTERNAL);
    await shot(page, '12-compare-versions');
    expect(browser.problems).toEqual([]);
  });
});
