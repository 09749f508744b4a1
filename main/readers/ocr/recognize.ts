// Text recognition, PP-OCR's CRNN/SVTR model: each text box is cut out, scaled to 48 px high and
// normalised to [-1, 1], padded with 0 (as PaddleOCR pads) to at least 96 px. The output, one distribution
// over the dictionary per 8 px column, is read by CTC: the best class per column, repeats merged, blanks
// dropped. Each character keeps its probability and the column it was read at, so a line can be cut into
// words and placed. On the CPU the model's cost follows the padded width: one box per run, and PaddleOCR's
// 320 px minimum cut to 96, read the scans' cells alike at about half the time.
import type { PixelBox } from './detect.js';
import { cropResize, type GrayImage } from './image.js';

export const REC_HEIGHT = 48;
const MIN_WIDTH = 96;
/** Wider boxes are squeezed: a table line never needs more. */
const MAX_WIDTH = 48 * 40;
export const BATCH = 1;

export interface RecChar {
  ch: string;
  prob: number;
  /** Centre of the character, raster pixels. */
  x: number;
}

export interface RecText {
  box: PixelBox;
  chars: RecChar[];
}

export interface RecBatch {
  boxes: PixelBox[];
  data: Float32Array;
  width: number;
  /** Scaled width of each box inside the padded batch. */
  widths: number[];
}

function scaledWidth(b: PixelBox): number {
  const w = b.x1 - b.x0,
    h = b.y1 - b.y0;
  return Math.max(8, Math.min(MAX_WIDTH, Math.ceil((REC_HEIGHT * w) / Math.max(h, 1))));
}

/** Boxes in batches (of BATCH, by width), each a N×3×48×W tensor body. */
export function recBatches(img: GrayImage, boxes: readonly PixelBox[]): RecBatch[] {
  const order = [...boxes].sort((a, b) => scaledWidth(a) - scaledWidth(b));
  const out: RecBatch[] = [];
  for (let i = 0; i < order.length; i += BATCH) {
    const group = order.slice(i, i + BATCH);
    const widths = group.map(scaledWidth);
    const width = Math.max(MIN_WIDTH, ...widths);
    const plane = REC_HEIGHT * width;
    const data = new Float32Array(group.length * 3 * plane);
    group.forEach((b, n) => {
      const w = widths[n]!;
      const px = cropResize(img, b.x0, b.y0, b.x1, b.y1, w, REC_HEIGHT);
      const base = n * 3 * plane;
      for (let y = 0; y < REC_HEIGHT; y++) {
        for (let x = 0; x < w; x++) {
          const v = px[y * w + x]! / 127.5 - 1;
          const k = base + y * width + x;
          data[k] = v;
          data[k + plane] = v;
          data[k + 2 * plane] = v;
        }
      }
    });
    out.push({ boxes: group, data, width, widths });
  }
  return out;
}

/** CTC decoding of one batch's output (N × T × classes); `dict[k - 1]` is class k, the last class a space. */
export function decodeBatch(batch: RecBatch, probs: Float32Array, steps: number, classes: number, dict: readonly string[]): RecText[] {
  const out: RecText[] = [];
  batch.boxes.forEach((box, n) => {
    const chars: RecChar[] = [];
    // Columns of the padded batch are 8 px of the 48-px-high strip; back to raster pixels.
    const colWidth = batch.width / steps;
    const toRaster = (box.x1 - box.x0) / batch.widths[n]!;
    let prev = 0;
    for (let t = 0; t < steps; t++) {
      const base = (n * steps + t) * classes;
      let best = 0,
        p = probs[base]!;
      for (let k = 1; k < classes; k++) {
        const v = probs[base + k]!;
        if (v > p) [best, p] = [k, v];
      }
      if (best !== 0 && best !== prev) {
        const ch = best - 1 < dict.length ? dict[best - 1]! : ' ';
        const x = box.x0 + (t + 0.5) * colWidth * toRaster;
        if (x <= box.x1 + colWidth * toRaster) chars.push({ ch, prob: p, x });
      }
      prev = best;
    }
    out.push({ box, chars });
  });
  return out;
}
