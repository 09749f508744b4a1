// Text detection, PP-OCR's DB model: the page goes in (sides a multiple of 32, ImageNet normalisation),
// a probability map of "text here" comes out; its connected regions above threshold, grown back by the
// model's shrink ratio ("unclip"), are the text boxes. Boxes here are axis-aligned: the raster is upright.
import type { GrayImage } from './image.js';
import { cropResize } from './image.js';

export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** PaddleOCR's defaults for the DB head. */
const PROB_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetInput {
  data: Float32Array;
  width: number;
  height: number;
  /** Input pixels per raster pixel. */
  scaleX: number;
  scaleY: number;
}

/** The raster scaled by `scale` to sides that are multiples of 32, as a 1×3×H×W tensor body. */
export function detInput(img: GrayImage, scale: number): DetInput {
  const width = Math.max(32, Math.round((img.width * scale) / 32) * 32);
  const height = Math.max(32, Math.round((img.height * scale) / 32) * 32);
  const pixels = width === img.width && height === img.height ? img.data : cropResize(img, 0, 0, img.width, img.height, width, height);
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const k = 1 / (255 * STD[c]!);
    const b = MEAN[c]! / STD[c]!;
    const base = c * plane;
    for (let i = 0; i < plane; i++) data[base + i] = pixels[i]! * k - b;
  }
  return { data, width, height, scaleX: width / img.width, scaleY: height / img.height };
}

/** Connected regions of the probability map → boxes in raster pixels. */
export function detBoxes(prob: Float32Array, input: DetInput): PixelBox[] {
  const { width: w, height: h } = input;
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const boxes: PixelBox[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || prob[start]! <= PROB_THRESHOLD) continue;
    next++;
    let sp = 0;
    stack[sp++] = start;
    label[start] = next;
    let x0 = w,
      y0 = h,
      x1 = -1,
      y1 = -1,
      sum = 0,
      count = 0;
    while (sp > 0) {
      const i = stack[--sp]!;
      const x = i % w,
        y = (i - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += prob[i]!;
      count++;
      // 4-neighbours: diagonal contacts between two words do not join them.
      const push = (j: number): void => {
        if (label[j] !== 0 || prob[j]! <= PROB_THRESHOLD) return;
        label[j] = next;
        stack[sp++] = j;
      };
      if (x > 0) push(i - 1);
      if (x < w - 1) push(i + 1);
      if (y > 0) push(i - w);
      if (y < h - 1) push(i + w);
    }
    const bw = x1 - x0 + 1,
      bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 2 || sum / count < BOX_THRESHOLD) continue;
    // The model marks a shrunk core of each text region; grow it back by area × ratio / perimeter.
    const d = (bw * bh * UNCLIP_RATIO) / (2 * (bw + bh));
    boxes.push({
      x0: Math.max(0, (x0 - d) / input.scaleX),
      y0: Math.max(0, (y0 - d) / input.scaleY),
      x1: Math.min((w - 0) / input.scaleX, (x1 + 1 + d) / input.scaleX),
      y1: Math.min((h - 0) / input.scaleY, (y1 + 1 + d) / input.scaleY),
    });
  }
  return boxes;
}
