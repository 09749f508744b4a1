// From detected boxes to recognised words. A box that runs across a ruled cell border is cut there (the
// detector may join two cells' text), cut boxes are fitted to their ink, and a recognised line is split
// into words where the recogniser read a space or where its characters stand far apart.
import type { PixelBox } from './detect.js';
import type { GrayImage } from './image.js';
import type { RecText } from './recognize.js';
import type { PixelRule, PixelRulings } from './rulings.js';

/** A recognised word in raster pixels. */
export interface PixelWord {
  text: string;
  box: PixelBox;
  probs: number[];
}

function crosses(rule: PixelRule, from: number, to: number): boolean {
  // The rule covers most of the span [from, to].
  return Math.min(rule.to, to) - Math.max(rule.from, from) >= 0.6 * (to - from);
}

/**
 * Joins boxes of one line that overlap or touch: the detector may break a line after 、 or leave a thin
 * character (一) to a box of its own; a line read whole reads better. Boxes joined across a ruled border are
 * cut there again afterwards.
 */
export function joinLineBoxes(boxes: readonly PixelBox[]): PixelBox[] {
  const out = [...boxes].sort((a, b) => a.x0 - b.x0).map((b) => ({ ...b }));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < out.length && !changed; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!,
          b = out[j]!;
        const ha = a.y1 - a.y0,
          hb = b.y1 - b.y0,
          h = Math.min(ha, hb);
        const overlapY = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (overlapY < 0.6 * h || Math.max(ha, hb) > 1.6 * h) continue;
        if (b.x0 - a.x1 > 0.3 * h || a.x0 - b.x1 > 0.3 * h) continue;
        out[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
        out.splice(j, 1);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** Cuts boxes at the vertical rules that run through them, and trims them at horizontal rules they overlap. */
export function cutAtRulings(boxes: readonly PixelBox[], rulings: PixelRulings): PixelBox[] {
  const out: PixelBox[] = [];
  for (const b of boxes) {
    let pieces: PixelBox[] = [{ ...b }];
    for (const v of rulings.vertical) {
      pieces = pieces.flatMap((p) => {
        const half = v.thick / 2 + 1;
        if (v.pos - half <= p.x0 || v.pos + half >= p.x1 || !crosses(v, p.y0, p.y1)) return [p];
        return [
          { ...p, x1: v.pos - half },
          { ...p, x0: v.pos + half },
        ];
      });
    }
    for (const p of pieces) {
      // A box grown over a horizontal rule stops at it (on the side away from the box's centre).
      const cy = (p.y0 + p.y1) / 2;
      for (const h of rulings.horizontal) {
        if (h.pos <= p.y0 || h.pos >= p.y1 || !crosses(h, p.x0, p.x1)) continue;
        if (h.pos < cy) p.y0 = h.pos + h.thick / 2 + 1;
        else p.y1 = h.pos - h.thick / 2 - 1;
      }
      if (p.x1 - p.x0 >= 3 && p.y1 - p.y0 >= 3) out.push(p);
    }
  }
  return out;
}

/** Ink bounding box inside `b` (null when there is none). */
export function inkBox(img: GrayImage, b: PixelBox, threshold: number): PixelBox | null {
  const x0 = Math.max(0, Math.floor(b.x0)),
    x1 = Math.min(img.width, Math.ceil(b.x1));
  const y0 = Math.max(0, Math.floor(b.y0)),
    y1 = Math.min(img.height, Math.ceil(b.y1));
  let ix0 = Infinity,
    ix1 = -Infinity,
    iy0 = Infinity,
    iy1 = -Infinity,
    n = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * img.width;
    for (let x = x0; x < x1; x++) {
      if (img.data[row + x]! >= threshold) continue;
      n++;
      if (x < ix0) ix0 = x;
      if (x > ix1) ix1 = x;
      if (y < iy0) iy0 = y;
      if (y > iy1) iy1 = y;
    }
  }
  // A speck (scan noise, the end of an erased rule) is no text.
  if (n < 4) return null;
  return { x0: ix0, y0: iy0, x1: ix1 + 1, y1: iy1 + 1 };
}

function columnInk(img: GrayImage, x: number, y0: number, y1: number, threshold: number): boolean {
  for (let y = y0; y < y1; y++) if (img.data[y * img.width + x]! < threshold) return true;
  return false;
}

/**
 * The box the recogniser reads: the ink, with a margin like the detector's, inside the detected box's rows.
 * Ink just beside the box on its line (a stroke the detector left out) is taken in, up to a ruled border
 * and across gaps narrower than half the line's height.
 */
export function recognitionBox(img: GrayImage, b: PixelBox, threshold: number, vertical: readonly PixelRule[]): PixelBox | null {
  const ink = inkBox(img, b, threshold);
  if (!ink) return null;
  const h = b.y1 - b.y0;
  let left = 0,
    right = img.width;
  for (const v of vertical) {
    if (!crosses(v, ink.y0, ink.y1)) continue;
    if (v.pos <= ink.x0) left = Math.max(left, Math.ceil(v.pos + v.thick / 2 + 1));
    if (v.pos >= ink.x1) right = Math.min(right, Math.floor(v.pos - v.thick / 2 - 1));
  }
  const maxGap = Math.max(2, h * 0.5);
  const grow = (from: number, step: number, limit: number): number => {
    let last = from,
      gap = 0;
    for (let x = from + step; step < 0 ? x >= limit : x < limit; x += step) {
      if (columnInk(img, x, ink.y0, ink.y1, threshold)) {
        last = x;
        gap = 0;
      } else if (++gap > maxGap) break;
    }
    return last;
  };
  const x0 = grow(ink.x0, -1, left);
  const x1 = grow(ink.x1 - 1, 1, right) + 1;
  const pad = Math.max(2, h * 0.12);
  return { x0: Math.max(left, x0 - pad), x1: Math.min(right, x1 + pad), y0: b.y0, y1: b.y1 };
}

/** One recognised box → words, each fitted to its ink. */
export function toWords(img: GrayImage, rec: RecText, threshold: number): PixelWord[] {
  const groups: { chars: RecText['chars'] }[] = [];
  const h = rec.box.y1 - rec.box.y0;
  let current: RecText['chars'] = [];
  for (const c of rec.chars) {
    if (c.ch.trim() === '') {
      if (current.length) groups.push({ chars: current });
      current = [];
      continue;
    }
    const prev = current[current.length - 1];
    // Characters a line height and a half apart are two words (two cells the detector joined).
    if (prev && c.x - prev.x > h * 1.5) {
      groups.push({ chars: current });
      current = [];
    }
    current.push(c);
  }
  if (current.length) groups.push({ chars: current });
  const words: PixelWord[] = [];
  groups.forEach((g, i) => {
    const first = g.chars[0]!,
      last = g.chars[g.chars.length - 1]!;
    const before = groups[i - 1]?.chars.at(-1);
    const after = groups[i + 1]?.chars[0];
    const x0 = before ? (before.x + first.x) / 2 : rec.box.x0;
    const x1 = after ? (last.x + after.x) / 2 : rec.box.x1;
    const ink = inkBox(img, { x0, x1, y0: rec.box.y0, y1: rec.box.y1 }, threshold) ?? { x0, x1, y0: rec.box.y0, y1: rec.box.y1 };
    words.push({ text: g.chars.map((c) => c.ch).join(''), box: ink, probs: g.chars.map((c) => c.prob) });
  });
  return words;
}
