// Ruling lines of a scanned page: long thin runs of ink, horizontal and vertical, found on the binarised
// raster; and the skew of the scan, from the projection profile of its ink (rows of text and rules line up
// best at the true angle). The lines feed the same grid builder as a text PDF's drawn rules.
import type { GrayImage } from './image.js';

/** A line on the raster: at `pos` (y of a horizontal, x of a vertical; pixel centre) from..to, `thick` px. */
export interface PixelRule {
  pos: number;
  from: number;
  to: number;
  thick: number;
}

export interface PixelRulings {
  horizontal: PixelRule[];
  vertical: PixelRule[];
}

/** Ink mask: 1 where darker than the threshold. */
export function inkMask(img: GrayImage, threshold: number): Uint8Array {
  const mask = new Uint8Array(img.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = img.data[i]! < threshold ? 1 : 0;
  return mask;
}

function transpose(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + y] = mask[y * w + x]!;
  return out;
}

interface Segment {
  from: number;
  to: number;
  last: number;
  first: number;
  weight: number;
  sum: number;
}

/** Runs of ink along rows (gaps up to `gap` px bridged), at least `minLen` long, joined across rows into lines. */
function rowSegments(mask: Uint8Array, w: number, h: number, minLen: number, maxThick: number, gap: number): PixelRule[] {
  const done: Segment[] = [];
  let open: Segment[] = [];
  for (let y = 0; y < h; y++) {
    const runs: [number, number][] = [];
    let start = -1,
      end = -1;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (!mask[row + x]) continue;
      if (start >= 0 && x - end <= gap + 1) end = x;
      else {
        if (start >= 0 && end - start + 1 >= minLen) runs.push([start, end + 1]);
        start = end = x;
      }
    }
    if (start >= 0 && end - start + 1 >= minLen) runs.push([start, end + 1]);
    const next: Segment[] = [];
    for (const [a, b] of runs) {
      const seg = open.find((s) => s.last >= y - 1 && Math.min(b, s.to) - Math.max(a, s.from) >= 0.5 * Math.min(b - a, s.to - s.from));
      if (seg) {
        seg.from = Math.min(seg.from, a);
        seg.to = Math.max(seg.to, b);
        seg.last = y;
        seg.weight += b - a;
        seg.sum += (b - a) * y;
        if (!next.includes(seg)) next.push(seg);
      } else next.push({ from: a, to: b, first: y, last: y, weight: b - a, sum: (b - a) * y });
    }
    for (const s of open) if (!next.includes(s)) done.push(s);
    open = next;
  }
  done.push(...open);
  return done
    .filter((s) => s.last - s.first + 1 <= maxThick)
    .map((s) => ({ pos: s.sum / s.weight + 0.5, from: s.from, to: s.to, thick: s.last - s.first + 1 }));
}

/**
 * Horizontal and vertical rules of an upright raster at `dpi`. A rule is at least 0.3 inch long (longer
 * than any stroke of body text) and at most 1/25 inch thick (a filled area is not a line).
 */
export function findRulings(mask: Uint8Array, w: number, h: number, dpi: number): PixelRulings {
  const minLen = Math.round(dpi * 0.3);
  const maxThick = Math.max(3, Math.round(dpi / 25));
  const gap = Math.max(1, Math.round(dpi / 75));
  const horizontal = rowSegments(mask, w, h, minLen, maxThick, gap);
  const vertical = rowSegments(transpose(mask, w, h), h, w, minLen, maxThick, gap);
  return { horizontal, vertical };
}

/** Paints the rules white (a copy), so that a cell's text is recognised without its borders. */
export function eraseRulings(img: GrayImage, mask: Uint8Array, rulings: PixelRulings): GrayImage {
  const data = img.data.slice();
  const { width: w, height: h } = img;
  const paint = (x: number, y: number): void => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    data[y * w + x] = 255;
  };
  for (const r of rulings.horizontal) {
    const y0 = Math.floor(r.pos - r.thick / 2 - 1),
      y1 = Math.ceil(r.pos + r.thick / 2 + 1);
    for (let y = y0; y <= y1; y++)
      for (let x = r.from - 1; x <= r.to; x++) if (y >= 0 && y < h && x >= 0 && x < w && (mask[y * w + x] || data[y * w + x]! < 235)) paint(x, y);
  }
  for (const r of rulings.vertical) {
    const x0 = Math.floor(r.pos - r.thick / 2 - 1),
      x1 = Math.ceil(r.pos + r.thick / 2 + 1);
    for (let x = x0; x <= x1; x++)
      for (let y = r.from - 1; y <= r.to; y++) if (y >= 0 && y < h && x >= 0 && x < w && (mask[y * w + x] || data[y * w + x]! < 235)) paint(x, y);
  }
  return { width: w, height: h, data };
}

/**
 * The skew of the page in radians (rows of ink run along y = y0 + x·tan θ), searched within ±3°:
 * the angle whose projection profile is sharpest. Ink is sampled so a page costs a few milliseconds.
 */
export function estimateSkew(mask: Uint8Array, w: number, h: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const step = Math.max(1, Math.round(Math.sqrt((w * h) / 1_500_000)));
  for (let y = 0; y < h; y += step)
    for (let x = 0; x < w; x += step)
      if (mask[y * w + x]) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 200) return 0;
  const bins = new Float64Array(h + 2 * Math.ceil(w * 0.06) + 4);
  const offset = Math.ceil(w * 0.06) + 2;
  const score = (angle: number): number => {
    bins.fill(0);
    const t = Math.tan(angle);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(ys[i]! - xs[i]! * t) + offset;
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  const search = (from: number, to: number, by: number): number => {
    let best = 0,
      bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += by) {
      const s = score(a);
      if (s > bestScore) [best, bestScore] = [a, s];
    }
    return best;
  };
  const deg = Math.PI / 180;
  const coarse = search(-3 * deg, 3 * deg, 0.2 * deg);
  return search(coarse - 0.2 * deg, coarse + 0.2 * deg, 0.02 * deg);
}
