// The 审核意见书 of a re-reviewed resubmission: version 1 of a disclosure with two findings confirmed (with
// comments), version 2 in which one of them is fixed. The letter (.docx) holds the confirmed findings, the
// previous version's outcome and the auditor's conclusion; LibreOffice opens it and prints it to PDF, and the
// page is drawn to a PNG (test-output/opinion/) for a person to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type ApiInstance } from '../main/api/index.js';
import { fixture, tempDir } from './helpers/paths.js';

const OUT = fileURLToPath(new URL('../test-output/opinion/', import.meta.url));
const CONCLUSION = '经复审，第 1 版确认的离休费合计问题已整改；情况说明中的年度表述仍未更正，请于五个工作日内修改后重新公开。';

let dir: string;
let api: ApiInstance;
let v2: number;

/** Plain text of the .docx body (w:t runs), paragraphs on their own lines. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

beforeAll(async () => {
  dir = tempDir('budget-opinion-');
  api = createApi({ dbPath: path.join(dir, 'archive.sqlite'), now: () => '2026-05-06T09:30:00.000Z' });
  const first = await api['archive.importFile']({ path: fixture('docs', 'seed000-m01.word.docx') });
  const v1 = await api['submission.get']({ id: first.submission.id });
  const wrongSum = v1.findings.find((f) => f.rule === 'row-sum' && f.severity === 'error')!;
  const wrongYear = v1.findings.find((f) => f.rule === 'year-mismatch')!;
  await api['finding.setStatus']({ submissionId: v1.summary.id, key: wrongSum.key, status: 'confirmed', comment: '离休费合计与明细之和不符' });
  await api['finding.setStatus']({ submissionId: v1.summary.id, key: wrongYear.key, status: 'confirmed', comment: '年份应为本预算年度' });
  // The department sends version 2: the 离休费 figure is put right, the narrative is not.
  const second = await api['archive.importFile']({ path: fixture('docs', 'seed000.word.docx') });
  expect(second.submission.version).toBe(2);
  v2 = second.submission.id;
  await api['review.update']({ submissionId: v2, conclusion: CONCLUSION, opinionIssued: true });
}, 120_000);

afterAll(() => {
  api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('审核意见书', () => {
  it('holds the confirmed findings with table, row and comment, the previous version\'s outcome, the conclusion and the signature lines', async () => {
    const { fileName, dataBase64 } = await api['export.opinion']({ submissionId: v2 });
    expect(fileName).toMatch(/审核意见书\.docx$/);
    const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
    const text = await docxText(bytes);
    const view = await api['submission.get']({ id: v2 });
    expect(view.review.state).toBe('opinion-issued');
    const confirmed = view.findings.filter((f) => f.status === 'confirmed');
    // Carried over from version 1: the narrative's year is still wrong, so it is still confirmed here.
    expect(confirmed.map((f) => f.rule)).toEqual(['year-mismatch']);
    expect(text).toContain(`关于${view.document.department}2023年度部门预算信息公开的审核意见书`);
    for (const f of confirmed) {
      expect(text).toContain(f.place);
      expect(text).toContain(f.comment);
    }
    // The fixed finding of version 1 is reported as put right, with its place, figures and the old comment.
    expect(text).toContain('第 1 版确认的问题共 2 项，本次已整改 1 项，仍存在 1 项');
    expect(text).toMatch(/已整改1．一般公共预算财政拨款基本支出表 · 30301 离休费/);
    expect(text).toContain('离休费合计与明细之和不符');
    expect(text).toContain(CONCLUSION);
    expect(text).toMatch(/审核人：\S+/);
    expect(text).toContain('审核单位（盖章）');
    expect(text).toContain('2026年5月6日');
    // No internal names in the letter: no rule ids, no table keys.
    expect(text).not.toMatch(/row-sum|year-mismatch|column-sum|rounding|\bt[1-9]\b|\bd[1-9]\b/);
  });

  it('opens in LibreOffice and prints to a PDF page with the title and the findings table', async () => {
    const { dataBase64 } = await api['export.opinion']({ submissionId: v2 });
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const docx = path.join(OUT, 'opinion.docx');
    fs.writeFileSync(docx, Buffer.from(dataBase64, 'base64'));
    // A private profile, so a LibreOffice running elsewhere on the machine cannot block the conversion.
    const profile = path.join(os.tmpdir(), `lo-opinion-test-${process.pid}`);
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'ignore', timeout: 120_000 });
    fs.rmSync(profile, { recursive: true, force: true });
    const pdf = path.join(OUT, 'opinion.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('审核意见书');
    expect(text).toContain('审核发现的问题');
    expect(text).toContain('审核结论');
    expect(text).toContain(CONCLUSION.replace(/\s+/g, ''));
    execFileSync('pdftoppm', ['-r', '80', '-png', pdf, path.join(OUT, 'page')]);
    const pages = fs.readdirSync(OUT).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // A page with ink on it: the PNG of an empty page compresses to a few kilobytes.
    expect(fs.statSync(path.join(OUT, pages.sort()[0]!)).size).toBeGreaterThan(20_000);
  }, 180_000);
});
