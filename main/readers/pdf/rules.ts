// Ruling lines from a page's operator list. pdfjs 5.4 hands paths over as one op, constructPath, with args
// [paintOp, [Float32Array of DrawOPS: moveTo x y | lineTo x y | curveTo x1 y1 x2 y2 x y | closePath], minMax]
// in user space; the current transform comes from save/restore/transform and form XObjects. Generators
// draw grids as stroked segments (Word/WPS, LibreOffice, Excel) or as thin filled rectangles (Skia and
// report engines): both become axis-aligned rules here. White paint is invisible and is not a rule.
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { applyAffine, multiplyAffine, type Affine } from '../affine.js';

/** An axis-aligned line in top-left page coordinates: at `pos` (y for horizontal, x for vertical) from..to. */
export interface Rule {
  pos: number;
  from: number;
  to: number;
}

export interface PageRules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** A filled rectangle thinner than this (points) is a drawn line, not a shaded area. */
const THIN = 2.5;
/** Coordinates within this (points) count as the same line when testing axis alignment. */
const AXIS_TOL = 0.6;

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_CLOSE = 3;

/** A colour far enough from white to show on paper. */
function visible(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return true;
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return v.some((c) => c < 0xe8);
}

interface GState {
  ctm: Affine;
  fill: boolean;
  stroke: boolean;
}

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const BOTH_OPS = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * Extracts rules from an operator list. `viewport` maps PDF user space to top-left page coordinates
 * (the pdfjs viewport transform at scale 1, which also carries the page rotation).
 */
export function extractRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, viewport: Affine): PageRules {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  let state: GState = { ctm: viewport, fill: true, stroke: true };
  const stack: GState[] = [];

  const addSegment = (ax: number, ay: number, bx: number, by: number): void => {
    if (Math.abs(ay - by) <= AXIS_TOL && Math.abs(ax - bx) > AXIS_TOL) {
      horizontal.push({ pos: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) <= AXIS_TOL && Math.abs(ay - by) > AXIS_TOL) {
      vertical.push({ pos: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  };
  const dots: { x: number; y: number; r: number }[] = [];
  const addBox = (x0: number, y0: number, x1: number, y1: number): void => {
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= THIN && h <= THIN && w < 2 * h && h < 2 * w) {
      dots.push({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, r: Math.max(w, h) / 2 }); // a dot of a dotted line
      return;
    }
    // Long and thin: a line, or one dash of a dashed line (the dashes are joined later).
    if (h <= THIN && w > h) horizontal.push({ pos: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= THIN && h > w) vertical.push({ pos: (x0 + x1) / 2, from: y0, to: y1 });
  };

  const paintPath = (paintOp: number, buf: ArrayLike<number>): void => {
    const stroke = (STROKE_OPS.has(paintOp) || BOTH_OPS.has(paintOp)) && state.stroke;
    const fill = (FILL_OPS.has(paintOp) || BOTH_OPS.has(paintOp)) && state.fill;
    if (!stroke && !fill) return;
    const m = state.ctm;
    let pts: [number, number][] = [];
    let curved = false;
    const flush = (closed: boolean): void => {
      if (pts.length >= 2) {
        if (stroke) {
          for (let i = 1; i < pts.length; i++) addSegment(pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1]);
          if (closed) addSegment(pts[pts.length - 1]![0], pts[pts.length - 1]![1], pts[0]![0], pts[0]![1]);
        }
        if (fill && !curved) {
          let x0 = Infinity,
            y0 = Infinity,
            x1 = -Infinity,
            y1 = -Infinity;
          for (const [x, y] of pts) {
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
          addBox(x0, y0, x1, y1);
        }
      }
      pts = [];
      curved = false;
    };
    for (let i = 0; i < buf.length;) {
      const op = buf[i++];
      if (op === DRAW_MOVE) {
        flush(false);
        pts.push(applyAffine(m, buf[i]!, buf[i + 1]!));
        i += 2;
      } else if (op === DRAW_LINE) {
        pts.push(applyAffine(m, buf[i]!, buf[i + 1]!));
        i += 2;
      } else if (op === DRAW_CURVE) {
        curved = true;
        pts.push(applyAffine(m, buf[i + 4]!, buf[i + 5]!));
        i += 6;
      } else if (op === DRAW_CLOSE) {
        const first = pts[0];
        flush(true);
        if (first) pts.push(first);
      } else {
        break; // unknown opcode: stop reading this path rather than misread it
      }
    }
    flush(false);
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        if (args && args.length === 6) state.ctm = multiplyAffine(state.ctm, args as Affine);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(state);
        state = { ...state };
        const matrix = args?.[0];
        if (Array.isArray(matrix) && matrix.length === 6) state.ctm = multiplyAffine(state.ctm, matrix as Affine);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor:
        state.fill = visible(args?.[0]);
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = visible(args?.[0]);
        break;
      case OPS.setFillTransparent:
        state.fill = false;
        break;
      case OPS.setStrokeTransparent:
        state.stroke = false;
        break;
      case OPS.constructPath: {
        const paintOp = args?.[0];
        const data = args?.[1];
        const buf = Array.isArray(data) ? data[0] : null;
        if (typeof paintOp === 'number' && buf && typeof (buf as ArrayLike<number>).length === 'number') {
          paintPath(paintOp, buf as ArrayLike<number>);
        }
        break;
      }
      default:
        break;
    }
  }
  chainDots(dots, horizontal, vertical);
  return { horizontal, vertical };
}

/** Dotted lines: three or more dots in a row, each close to the next, make a rule. */
function chainDots(dots: { x: number; y: number; r: number }[], horizontal: Rule[], vertical: Rule[]): void {
  if (dots.length < 3) return;
  const chain = (key: (d: { x: number; y: number }) => number, along: (d: { x: number; y: number }) => number, out: Rule[]): void => {
    const sorted = [...dots].sort((a, b) => key(a) - key(b) || along(a) - along(b));
    let run: typeof dots = [];
    const flush = (): void => {
      if (run.length >= 3) {
        const pos = run.reduce((a, d) => a + key(d), 0) / run.length;
        out.push({ pos, from: along(run[0]!) - run[0]!.r, to: along(run[run.length - 1]!) + run[run.length - 1]!.r });
      }
      run = [];
    };
    for (const d of sorted) {
      const last = run[run.length - 1];
      if (last && Math.abs(key(d) - key(last)) <= AXIS_TOL && along(d) - along(last) <= 4 + 2 * d.r) run.push(d);
      else {
        flush();
        run = [d];
      }
    }
    flush();
  };
  chain(
    (d) => d.y,
    (d) => d.x,
    horizontal,
  );
  chain(
    (d) => d.x,
    (d) => d.y,
    vertical,
  );
}
