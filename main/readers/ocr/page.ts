// One scanned page, read: its images composed onto an upright raster (skew removed), the ruling lines found,
// text boxes detected, cut at cell borders and recognised on the raster with the rules erased. Everything
// comes out in points of the upright page, with the matrix back to the real page for provenance.
import { unusableInput } from '../../model/errors.js';
import { LIMITS } from '../limits.js';
import { detBoxes, detInput } from './detect.js';
import { applyAffine, multiplyAffine, type Affine } from '../affine.js';
import { compose, inkThreshold, pointsPerPixel, type PlacedImage } from './image.js';
import type { OcrModels } from './models.js';
import { decodeBatch, recBatches } from './recognize.js';
import { eraseRulings, estimateSkew, findRulings, inkMask, type PixelRule } from './rulings.js';
import { cutAtRulings, joinLineBoxes, recognitionBox, toWords } from './words.js';

export interface OcrPageRequest {
  /** Page size in points (after /Rotate). */
  width: number;
  height: number;
  images: PlacedImage[];
}

export interface OcrWord {
  text: string;
  /** Upright page, points, top-left origin. */
  x0: number;
  top: number;
  x1: number;
  bottom: number;
  /** Probability of each character as read. */
  probs: number[];
}

export interface OcrRule {
  pos: number;
  from: number;
  to: number;
}

export interface OcrPage {
  width: number;
  height: number;
  words: OcrWord[];
  horizontal: OcrRule[];
  vertical: OcrRule[];
  /** Upright page points → real page points (the skew put back). */
  toPage: Affine;
  /** Resolution of the scan (dots per inch) and the skew taken out (degrees). */
  dpi: number;
  skew: number;
}

/** Below this the characters of body text are a few pixels high: no recognition is worth trusting. */
export const MIN_DPI = 100;
/** The raster is never coarser than this (upsampled scans read better) nor finer than MAX_DPI. */
const BASE_DPI = 150;
const MAX_DPI = 300;
/** Detection works at about this resolution: text lines 12–20 px high, as the model was trained on (a
 *  finer raster breaks lines into pieces and costs twice the time). */
const DET_DPI = 110;

export function lowResolution(dpi: number) {
  const d = Math.round(dpi);
  return unusableInput(
    `扫描件分辨率过低（约 ${d} dpi），无法可靠识别文字；请以不低于 150 dpi 重新扫描`,
    `the scan's resolution is too low (about ${d} dpi) to recognise its text reliably; rescan at 150 dpi or more`,
  );
}

/** The resolution of a page's scan: that of its largest image. */
export function scanDpi(images: readonly PlacedImage[]): number {
  let best = 0,
    area = -1;
  for (const p of images) {
    const a = p.image.width * p.image.height * pointsPerPixel(p) ** 2;
    if (a > area) [area, best] = [a, 72 / pointsPerPixel(p)];
  }
  return best;
}

function toPoints(rules: PixelRule[], scale: number): OcrRule[] {
  return rules.map((r) => ({ pos: r.pos * scale, from: r.from * scale, to: r.to * scale }));
}

export async function readScannedPage(req: OcrPageRequest, models: OcrModels): Promise<OcrPage> {
  const dpi = scanDpi(req.images);
  if (!(dpi >= MIN_DPI)) throw lowResolution(dpi);
  // The raster of a very large page is coarser, within the pixel budget; too coarse to read is refused.
  const fits = Math.sqrt(LIMITS.ocrRasterPixels / ((req.width / 72) * (req.height / 72)));
  const rasterDpi = Math.min(MAX_DPI, Math.max(BASE_DPI, dpi), fits);
  if (!(rasterDpi >= MIN_DPI)) {
    throw unusableInput(
      '扫描页面过大，无法在内存限度内识别',
      `a scanned page is too large (${Math.round(req.width)} × ${Math.round(req.height)} pt) to recognise within the memory budget`,
    );
  }
  const k = 72 / rasterDpi; // points per raster pixel
  const w = Math.ceil(req.width / k),
    h = Math.ceil(req.height / k);
  let rasterToPage: Affine = [k, 0, 0, k, 0, 0];
  let raster = compose(req.images, w, h, rasterToPage);
  let threshold = inkThreshold(raster);
  let mask = inkMask(raster, threshold);
  const skew = estimateSkew(mask, w, h);
  if (Math.abs(skew) > (0.05 * Math.PI) / 180) {
    // Rotate about the page centre: raster rows then follow the printed rows.
    const cx = w / 2,
      cy = h / 2,
      c = Math.cos(skew),
      s = Math.sin(skew);
    const rotate: Affine = [c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy];
    rasterToPage = multiplyAffine(rasterToPage, rotate);
    raster = compose(req.images, w, h, rasterToPage);
    threshold = inkThreshold(raster);
    mask = inkMask(raster, threshold);
  }
  const rulings = findRulings(mask, w, h, rasterDpi);
  const clean = eraseRulings(raster, mask, rulings);
  // Thin strokes (一) scan grey: for the extent of text, anything clearly darker than paper is ink.
  const faint = Math.round((threshold + 255) / 2);

  const det = detInput(raster, Math.min(1, DET_DPI / rasterDpi));
  const prob = await models.detect(det);
  const boxes = cutAtRulings(joinLineBoxes(detBoxes(prob, det)), rulings)
    .map((b) => recognitionBox(clean, b, faint, rulings.vertical))
    .filter((b) => b !== null);
  const words: OcrWord[] = [];
  for (const batch of recBatches(clean, boxes)) {
    const out = await models.recognize(batch);
    for (const rec of decodeBatch(batch, out.probs, out.steps, out.classes, models.dictionary)) {
      for (const word of toWords(clean, rec, faint)) {
        words.push({ text: word.text, x0: word.box.x0 * k, top: word.box.y0 * k, x1: word.box.x1 * k, bottom: word.box.y1 * k, probs: word.probs });
      }
    }
  }
  // Upright points → raster pixels → real page points.
  const toPage = multiplyAffine(rasterToPage, [1 / k, 0, 0, 1 / k, 0, 0]);
  return {
    width: req.width,
    height: req.height,
    words,
    horizontal: toPoints(rulings.horizontal, k),
    vertical: toPoints(rulings.vertical, k),
    toPage,
    dpi,
    skew: (skew * 180) / Math.PI,
  };
}

/** A box of the upright page on the real page (the bounds of its corners). */
export function boxOnPage(toPage: Affine, box: [number, number, number, number]): [number, number, number, number] {
  const pts = [
    applyAffine(toPage, box[0], box[1]),
    applyAffine(toPage, box[2], box[1]),
    applyAffine(toPage, box[0], box[3]),
    applyAffine(toPage, box[2], box[3]),
  ];
  const xs = pts.map((p) => p[0]),
    ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
