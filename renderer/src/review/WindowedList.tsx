// A windowed list: only the rows in view (plus a margin) are in the DOM, so a 10,000-row table scrolls as
// smoothly as a 30-row one. Fixed row height; an optional header stays on top (sticky) in the same scroller,
// so header and rows scroll sideways together.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

export interface ScrollRequest {
  index: number;
  align: 'auto' | 'center';
  /** A new object or seq asks again, even for the same index. */
  seq: number;
}

interface Props {
  count: number;
  rowHeight: number;
  /** Rows rendered beyond the viewport on each side. */
  overscan?: number;
  header?: ReactNode;
  /** Least inner width (px), so the header and rows scroll sideways as one. */
  width?: number;
  renderRow: (index: number, top: number) => ReactNode;
  scrollTo?: ScrollRequest | null;
  className?: string;
  tabIndex?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  containerRef?: Ref<HTMLDivElement>;
  ariaLabel?: string;
  /** Rows visible at once, reported for PageUp/PageDown. */
  onPageSize?: (rows: number) => void;
}

export function WindowedList(props: Props) {
  const { count, rowHeight, overscan = 8, header, width, renderRow, scrollTo, onPageSize } = props;
  const box = useRef<HTMLDivElement | null>(null);
  const head = useRef<HTMLDivElement | null>(null);
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 60) });
  const headerHeight = () => head.current?.offsetHeight ?? 0;

  const measure = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const top = el.scrollTop;
    const visible = Math.max(0, el.clientHeight - headerHeight());
    const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const end = Math.min(count, Math.ceil((top + visible) / rowHeight) + overscan);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    onPageSize?.(Math.max(1, Math.floor(visible / rowHeight) - 1));
  }, [count, rowHeight, overscan, onPageSize]);

  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !scrollTo || scrollTo.index < 0 || scrollTo.index >= count) return;
    const hh = headerHeight();
    const y = scrollTo.index * rowHeight; // row top in body coordinates; body starts right below the header
    const view = el.clientHeight - hh;
    if (scrollTo.align === 'center') {
      if (y < el.scrollTop || y + rowHeight > el.scrollTop + view) el.scrollTop = Math.max(0, y - (view - rowHeight) / 2);
    } else if (y < el.scrollTop) el.scrollTop = y;
    else if (y + rowHeight > el.scrollTop + view) el.scrollTop = y + rowHeight - view;
    measure();
  }, [scrollTo, rowHeight, count, measure]);

  const rows: ReactNode[] = [];
  for (let i = range.start; i < Math.min(range.end, count); i++) rows.push(renderRow(i, i * rowHeight));

  return (
    <div
      ref={(el) => {
        box.current = el;
        const r = props.containerRef;
        if (typeof r === 'function') r(el);
        else if (r) (r as { current: HTMLDivElement | null }).current = el;
      }}
      className={`wlist ${props.className ?? ''}`}
      onScroll={measure}
      tabIndex={props.tabIndex}
      onKeyDown={props.onKeyDown}
      aria-label={props.ariaLabel}
      role="grid"
      aria-rowcount={count}
    >
      {header && (
        <div ref={head} className="wlist-head" style={{ minWidth: width }}>
          {header}
        </div>
      )}
      <div className="wlist-body" style={{ height: count * rowHeight, minWidth: width }}>
        {rows}
      </div>
    </div>
  );
}
