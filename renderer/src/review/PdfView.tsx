// One PDF page drawn with pdfjs — fitted to the pane's width, or at a share of its printed size — with the
// selected row's and cell's boxes on top.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import type { Box } from './sourceTarget';

export interface Highlight {
  kind: 'row' | 'cell' | 'related';
  box: Box;
}

/** 'fit': the page's width fits the pane (a landscape page too); a number: that share of the printed size. */
export type Zoom = 'fit' | number;

/** CSS pixels per PDF point at 100 %: a page shows at its printed size. */
const ACTUAL = 96 / 72;

interface Props {
  pdf: PDFDocumentProxy;
  page: number;
  zoom: Zoom;
  /** The scale in use, as a share of the printed size (for the toolbar's percentage). */
  onScale?: (share: number) => void;
  highlights: Highlight[];
  onRendered?: (page: number) => void;
}

export function PdfView({ pdf, page, zoom, onScale, highlights, onRendered }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  const [paneWidth, setPaneWidth] = useState(0);
  const [drawn, setDrawn] = useState<{ page: number; scale: number; w: number; h: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setPaneWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (paneWidth <= 0) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    void (async () => {
      try {
        const p = await pdf.getPage(Math.min(Math.max(1, page), pdf.numPages));
        if (cancelled) return;
        const base = p.getViewport({ scale: 1 });
        const scale = zoom === 'fit' ? (paneWidth - 16) / base.width : zoom * ACTUAL;
        onScale?.(scale / ACTUAL);
        const dpr = window.devicePixelRatio || 1;
        const canvas = document.createElement('canvas');
        const vp = p.getViewport({ scale: scale * dpr });
        canvas.width = Math.ceil(vp.width);
        canvas.height = Math.ceil(vp.height);
        canvas.style.width = `${Math.round(base.width * scale)}px`;
        canvas.style.height = `${Math.round(base.height * scale)}px`;
        canvas.className = 'pdf-canvas';
        task = p.render({ canvas, viewport: vp });
        await task.promise;
        if (cancelled || !holder.current) return;
        // Swap in the finished page: no blank flash between pages.
        holder.current.replaceChildren(canvas);
        setDrawn({ page, scale, w: base.width * scale, h: base.height * scale });
        setProblem(null);
        onRendered?.(page);
      } catch (err) {
        if (!cancelled && (err as Error)?.name !== 'RenderingCancelledException') setProblem(`无法显示第 ${page} 页：${(err as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, paneWidth, zoom, onRendered, onScale]);

  // Bring the cell (else the row) into view, a third from the top.
  const target = highlights.find((h) => h.kind === 'cell') ?? highlights.find((h) => h.kind === 'row');
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !drawn || !target) return;
    const top = target.box[1] * drawn.scale;
    const left = target.box[0] * drawn.scale;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 40) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    if (left < el.scrollLeft || left > el.scrollLeft + el.clientWidth - 40) el.scrollLeft = Math.max(0, left - 40);
  }, [drawn, target?.box[0], target?.box[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="pdf-scroller" ref={scroller}>
      {problem && <div className="notice notice-error">{problem}</div>}
      <div className="pdf-page" style={drawn ? { width: drawn.w, height: drawn.h } : undefined} data-page={drawn?.page}>
        <div ref={holder} />
        {drawn &&
          drawn.page === page &&
          highlights.map((h, i) => (
            <div
              key={i}
              className={`hl hl-${h.kind}`}
              data-testid={`hl-${h.kind}`}
              style={{
                left: h.box[0] * drawn.scale - 2,
                top: h.box[1] * drawn.scale - 2,
                width: (h.box[2] - h.box[0]) * drawn.scale + 4,
                height: (h.box[3] - h.box[1]) * drawn.scale + 4,
              }}
            />
          ))}
      </div>
    </div>
  );
}
