// Grey page images for OCR: 8-bit, 0 black … 255 white, row-major. A scanned page arrives as one or more
// images placed on the page by an affine matrix; they are composed onto one upright raster of the page
// (with the scan's skew taken out), and every raster pixel maps back to page points by an affine matrix.
import { invertAffine, multiplyAffine, type Affine } from '../affine.js';

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** pdf.js ImageKind: 1 bit per pixel (1 = white), RGB, RGBA. */
export const IMAGE_KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const;

/** Decoded pixels as pdf.js hands them over → grey. Returns null for a layout it does not produce. */
export function toGray(kind: number, width: number, height: number, data: Uint8Array | Uint8ClampedArray): GrayImage | null {
  const n = width * height;
  if (!(width > 0 && height > 0)) return null;
  const out = new Uint8Array(n);
  if (kind === IMAGE_KIND.GRAYSCALE_1BPP) {
    const stride = (width + 7) >> 3;
    if (data.length < stride * height) return null;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = data[y * stride + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
    }
    return { width, height, data: out };
  }
  const channels = kind === IMAGE_KIND.RGB_24BPP ? 3 : kind === IMAGE_KIND.RGBA_32BPP ? 4 : 0;
  if (channels === 0 || data.length < n * channels) return null;
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    let v = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114) / 1000;
    // Transparent pixels show the white page.
    if (channels === 4) v = 255 - ((255 - v) * data[j + 3]!) / 255;
    out[i] = v;
  }
  return { width, height, data: out };
}

/** An image painted on the page: `toPage` maps image pixel coordinates (x right, y down) to page points. */
export interface PlacedImage {
  image: GrayImage;
  toPage: Affine;
}

/** The page-point size of one image pixel (geometric mean of both axes). */
export function pointsPerPixel(p: PlacedImage): number {
  const [a, b, c, d] = p.toPage;
  return Math.sqrt(Math.abs(a * d - b * c));
}

/**
 * Paints images onto a white raster of `width` × `height` pixels whose pixels map to page points by
 * `rasterToPage`. Sampling is bilinear when the raster is as fine as the image or finer, and averages a
 * 2×2 neighbourhood when it is coarser, so thin ruling lines survive a reduction.
 */
export function compose(images: readonly PlacedImage[], width: number, height: number, rasterToPage: Affine): GrayImage {
  const out = new Uint8Array(width * height).fill(255);
  for (const p of images) {
    const pageToImage = invertAffine(p.toPage);
    if (!pageToImage) continue;
    const m = multiplyAffine(pageToImage, rasterToPage);
    const { width: iw, height: ih, data } = p.image;
    // The usual scan: the image's pixels are the raster's (same resolution, upright, whole-pixel offset).
    const near = (v: number, to: number) => Math.abs(v - to) < 1e-6;
    if (near(m[0], 1) && near(m[1], 0) && near(m[2], 0) && near(m[3], 1) && near(m[4], Math.round(m[4])) && near(m[5], Math.round(m[5]))) {
      const dx = Math.round(m[4]),
        dy = Math.round(m[5]);
      for (let y = 0; y < height; y++) {
        const sy = y + dy;
        if (sy < 0 || sy >= ih) continue;
        for (let x = Math.max(0, -dx); x < width && x + dx < iw; x++) {
          const v = data[sy * iw + x + dx]!;
          if (v < out[y * width + x]!) out[y * width + x] = v;
        }
      }
      continue;
    }
    const coarse = Math.hypot(m[0], m[1]) > 1.3;
    const half = coarse ? Math.hypot(m[0], m[1]) / 4 : 0;
    const sample = (sx: number, sy: number): number => {
      const x0 = Math.floor(sx),
        y0 = Math.floor(sy);
      const fx = sx - x0,
        fy = sy - y0;
      const xa = Math.min(Math.max(x0, 0), iw - 1),
        xb = Math.min(Math.max(x0 + 1, 0), iw - 1);
      const ya = Math.min(Math.max(y0, 0), ih - 1),
        yb = Math.min(Math.max(y0 + 1, 0), ih - 1);
      const top = data[ya * iw + xa]! * (1 - fx) + data[ya * iw + xb]! * fx;
      const bottom = data[yb * iw + xa]! * (1 - fx) + data[yb * iw + xb]! * fx;
      return top * (1 - fy) + bottom * fy;
    };
    for (let y = 0; y < height; y++) {
      let sx = m[2] * (y + 0.5) + m[4] + m[0] * 0.5 - 0.5;
      let sy = m[3] * (y + 0.5) + m[5] + m[1] * 0.5 - 0.5;
      for (let x = 0; x < width; x++, sx += m[0], sy += m[1]) {
        if (sx < -0.5 || sy < -0.5 || sx > iw - 0.5 || sy > ih - 0.5) continue;
        let v: number;
        if (coarse) {
          v = (sample(sx - half, sy - half) + sample(sx + half, sy - half) + sample(sx - half, sy + half) + sample(sx + half, sy + half)) / 4;
        } else {
          v = sample(sx, sy);
        }
        const k = y * width + x;
        // Images on top of each other: the darker ink shows (scanners that split a page into strips).
        if (v < out[k]!) out[k] = v;
      }
    }
  }
  return { width, height, data: out };
}

/** Otsu's threshold over the grey histogram: below it is ink. Clamped so a blank page finds no ink. */
export function inkThreshold(img: GrayImage): number {
  const hist = new Array<number>(256).fill(0);
  const step = img.data.length > 4_000_000 ? 4 : 1;
  let n = 0;
  for (let i = 0; i < img.data.length; i += step) {
    hist[img.data[i]!]!++;
    n++;
  }
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0,
    wB = 0,
    best = 0,
    threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return Math.min(Math.max(threshold, 60), 200);
}

/** Crops [x0, x1) × [y0, y1) (clamped) and resizes it to `w` × `h` bilinearly. */
export function cropResize(img: GrayImage, x0: number, y0: number, x1: number, y1: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const sxScale = (x1 - x0) / w;
  const syScale = (y1 - y0) / h;
  const maxX = img.width - 1,
    maxY = img.height - 1;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(Math.max(y0 + (y + 0.5) * syScale - 0.5, 0), maxY);
    const ya = Math.floor(sy),
      yb = Math.min(ya + 1, maxY),
      fy = sy - ya;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(Math.max(x0 + (x + 0.5) * sxScale - 0.5, 0), maxX);
      const xa = Math.floor(sx),
        xb = Math.min(xa + 1, maxX),
        fx = sx - xa;
      const top = img.data[ya * img.width + xa]! * (1 - fx) + img.data[ya * img.width + xb]! * fx;
      const bottom = img.data[yb * img.width + xa]! * (1 - fx) + img.data[yb * img.width + xb]! * fx;
      out[y * w + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}
