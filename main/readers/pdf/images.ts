// The images a page paints, decoded by pdf.js (Flate, DCT, CCITT, JBIG2, JPX alike) and placed on the page:
// what a scanned page is made of. The operator list gives each image's transform (save/restore/transform
// and form XObjects); pdf.js' decoded pixels come from the page's object store — no canvas is involved.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { multiplyAffine, type Affine } from '../affine.js';
import { IMAGE_KIND, toGray, type PlacedImage } from '../ocr/image.js';

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | null;
}

function objectOf(page: PDFPageProxy, id: string): Promise<DecodedImage | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      store.get(id, (img: unknown) => resolve((img as DecodedImage | null) ?? null));
    } catch {
      resolve(null);
    }
  });
}

/** Image space (unit square, y up) → image pixels (x right, y down) for a w × h image. */
const pixelToUnit = (w: number, h: number): Affine => [1 / w, 0, 0, -1 / h, 0, 1];

/** Images painted on the page with their placement in top-left page points (viewport at scale 1). */
export async function pageImages(page: PDFPageProxy): Promise<PlacedImage[]> {
  const viewport = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList();
  const stack: Affine[] = [];
  let ctm: Affine = viewport.transform as Affine;
  const found: { id: string | null; inline: DecodedImage | null; mask: boolean; ctm: Affine }[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiplyAffine(ctm, args as Affine);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args?.[0]) && args[0].length === 6) ctm = multiplyAffine(ctm, args[0] as Affine);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.paintImageXObject:
        if (typeof args?.[0] === 'string') found.push({ id: args[0], inline: null, mask: false, ctm });
        break;
      case OPS.paintInlineImageXObject:
        found.push({ id: null, inline: (args?.[0] as DecodedImage) ?? null, mask: false, ctm });
        break;
      case OPS.paintImageMaskXObject: {
        const img = args?.[0] as (DecodedImage & { data?: unknown }) | undefined;
        if (img && typeof img.data === 'string') found.push({ id: img.data, inline: null, mask: true, ctm });
        else if (img) found.push({ id: null, inline: img, mask: true, ctm });
        break;
      }
      default:
        break;
    }
  }
  const placed: PlacedImage[] = [];
  for (const f of found) {
    const img = f.id ? await objectOf(page, f.id) : f.inline;
    if (!img?.data || !(img.width > 0) || !(img.height > 0)) continue;
    // A stencil mask paints where its bit is 0, like a 1-bit image whose 1 is white.
    const gray = toGray(f.mask ? IMAGE_KIND.GRAYSCALE_1BPP : (img.kind ?? 0), img.width, img.height, img.data);
    if (!gray) continue;
    placed.push({ image: gray, toPage: multiplyAffine(f.ctm, pixelToUnit(img.width, img.height)) });
  }
  return placed;
}

/** Share of the page the images cover (their placed boxes, overlaps counted once per box). */
export function imageCoverage(images: readonly PlacedImage[], width: number, height: number): number {
  let covered = 0;
  for (const p of images) {
    const [a, b, c, d, e, f] = p.toPage;
    const xs = [e, a * p.image.width + e, c * p.image.height + e, a * p.image.width + c * p.image.height + e];
    const ys = [f, b * p.image.width + f, d * p.image.height + f, b * p.image.width + d * p.image.height + f];
    const w = Math.min(width, Math.max(...xs)) - Math.max(0, Math.min(...xs));
    const h = Math.min(height, Math.max(...ys)) - Math.max(0, Math.min(...ys));
    if (w > 0 && h > 0) covered += w * h;
  }
  return Math.min(1, covered / (width * height));
}
