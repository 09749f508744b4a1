// Scanned PDFs read by OCR (PP-OCR on onnxruntime-node, worker threads): the first five pages of seed000's
// scan (收支总表, 收入总表, 支出总表, and the 财政拨款收支总表 over two pages) imported through the API come
// back exactly as the truth prints them, each cell with its confidence; scans made here from the same page
// images — skewed, or at 40 dpi — are read straight, or refused with a clear reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../main/api/index.js';
import type { SubmissionView } from '../main/api/types.js';
import { AppError } from '../main/model/errors.js';
import type { ContractDocument } from '../main/model/types.js';
import { readDisclosure } from '../main/readers/index.js';
import type { Affine } from '../main/readers/affine.js';
import { compose, type PlacedImage } from '../main/readers/ocr/image.js';
import { ocrPool } from '../main/readers/ocr/pool.js';
import { openPdf } from '../main/readers/pdf/load.js';
import { pageImages } from '../main/readers/pdf/images.js';
import { fixture, tempDir } from './helpers/paths.js';
import { scanPdf } from './helpers/scan-pdf.js';
import { scoreTables } from './helpers/table-score.js';

const SCAN = fixture('docs', 'seed000-p1-5.scan.pdf');
const truth = JSON.parse(fs.readFileSync(fixture('truth', 'seed000.json'), 'utf8')) as ContractDocument & {
  known_findings?: { table: string; row: string | null }[];
};
/** The truth of the tables on the fixture's pages. */
const onPages = (keys: string[]): ContractDocument => ({ ...truth, tables: truth.tables.filter((t) => keys.includes(t.key)) });

async function pageOf(file: string, p: number): Promise<{ images: PlacedImage[]; width: number; height: number }> {
  const doc = await openPdf(new Uint8Array(fs.readFileSync(file)), { decodeImages: true });
  try {
    const page = await doc.getPage(p);
    const { width, height } = page.getViewport({ scale: 1 });
    return { images: await pageImages(page), width, height };
  } finally {
    await doc.destroy();
  }
}

/** A page of the fixture scanned again at `dpi`, turned by `degrees` about its centre. */
async function rescan(p: number, dpi: number, degrees = 0): Promise<Uint8Array> {
  const { images, width, height } = await pageOf(SCAN, p);
  const k = 72 / dpi;
  const w = Math.ceil(width / k),
    h = Math.ceil(height / k);
  const a = (degrees * Math.PI) / 180,
    c = Math.cos(a),
    s = Math.sin(a),
    cx = width / 2,
    cy = height / 2;
  // Raster pixel → page point: scale, then rotate about the page centre.
  const toPage: Affine = [k * c, k * s, -k * s, k * c, cx - c * cx + s * cy, cy - s * cx - c * cy];
  return scanPdf([{ image: compose(images, w, h, toPage), width, height }]);
}

describe('OCR: a scanned disclosure through import, store and review', { timeout: 600_000 }, () => {
  let view: SubmissionView;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    api = createApi({ dbPath: path.join(tempDir(), 'ocr.sqlite') });
    const { submission } = await api['archive.importFile']({ path: SCAN });
    view = await api['submission.get']({ id: submission.id });
  }, 600_000);
  afterAll(() => api?.close());

  it('reads every table on the scanned pages exactly, and the metadata', () => {
    const score = scoreTables(onPages(['t1', 't2', 't3', 't4']), view.document);
    expect(score.misses).toEqual([]);
    expect(score.meta).toEqual([]);
    expect(view.document.tables.find((t) => t.key === 't4')?.pages).toEqual([4, 5]);
    expect(view.document.source.pageCount).toBe(5);
  });

  it('keeps the confidence of every cell read by OCR, and its box on the printed page', () => {
    const cells = view.document.tables.flatMap((t) => t.rows.flatMap((row, r) => row.map((text, c) => ({ text, src: t.sources[r]?.[c] ?? null }))));
    const filled = cells.filter((x) => x.text.trim() !== '');
    expect(filled.length).toBeGreaterThan(300);
    for (const { text, src } of filled) {
      expect(src?.confidence, text).toBeGreaterThan(0);
      expect(src!.confidence!, text).toBeLessThanOrEqual(1);
      expect(src!.confirm === true, text).toBe(src!.confidence! < 0.9);
      const [x0, y0, x1, y1] = src!.box!;
      expect(x0 >= 0 && y0 >= 0 && x1 <= 842 && y1 <= 842 && x1 > x0 && y1 > y0, `${text} ${src!.box}`).toBe(true);
    }
    // A clean 150-dpi scan is read with near certainty: almost nothing is left to confirm.
    expect(filled.filter((x) => x.src!.confirm).length).toBeLessThan(filled.length * 0.02);
  });

  it('holds no error against the department that the figures as printed do not hold', () => {
    const known = truth.known_findings ?? [];
    const errors = view.document.findings.filter((f) => f.severity === 'error' && ['t1', 't2', 't3', 't4'].includes(f.table));
    const unexplained = errors.filter((f) => !known.some((k) => k.table === f.table && String(k.row) === String(f.row)));
    expect(unexplained).toEqual([]);
  });
});

describe('OCR: scans of other quality', { timeout: 300_000 }, () => {
  afterAll(() => ocrPool().close());

  it('reads a page scanned 1.5° askew as straight', async () => {
    const doc = await readDisclosure(await rescan(2, 150, 1.5), 'askew.pdf');
    const score = scoreTables(onPages(['t2']), doc);
    expect(score.misses).toEqual([]);
  });

  it('refuses a page photographed at 40 dpi with a clear reason', async () => {
    const err = await readDisclosure(await rescan(1, 40), 'photo.pdf').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unusable-input');
    expect((err as AppError).zh).toMatch(/分辨率过低.*40 dpi/);
    expect((err as AppError).en).toMatch(/resolution is too low/);
  });
});
