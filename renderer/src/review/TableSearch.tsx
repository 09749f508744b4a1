// Search inside the tables (Ctrl+F): a figure (with or without thousands separators), a code or a name.
// Enter / F3 goes to the next hit, Shift+Enter / Shift+F3 to the previous one; Esc closes.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StandardTable } from '../../../main/api/types';
import { useCommand } from '../hooks';

export interface SearchHit {
  table: StandardTable['key'];
  row: number;
  col: number;
}

const bare = (s: string): string => s.replace(/[\s,，\u3000]/g, '');

/** Every cell whose text holds the query; an amount also matches the same figure printed otherwise (1,234.50 / 1234.5). */
export function searchTables(tables: readonly StandardTable[], query: string): SearchHit[] {
  const q = bare(query);
  if (!q) return [];
  const asNumber = /^-?\d+(\.\d+)?$/.test(q) ? Number(q) : null;
  const hits: SearchHit[] = [];
  for (const t of tables)
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const text = bare(String(cell ?? ''));
        if (!text) return;
        if (text.includes(q) || (asNumber !== null && /^-?\d+(\.\d+)?$/.test(text) && Number(text) === asNumber)) hits.push({ table: t.key, row: r, col: c });
      }),
    );
  return hits;
}

interface Props {
  tables: readonly StandardTable[];
  onHit: (hit: SearchHit | null) => void;
}

export function TableSearch({ tables, onHit }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchTables(tables, query), [tables, query]);

  useEffect(() => {
    setAt(0);
  }, [query]);
  useEffect(() => {
    onHit(open && hits.length ? hits[Math.min(at, hits.length - 1)]! : null);
  }, [open, hits, at, onHit]);

  const step = (dir: 1 | -1) => hits.length && setAt((a) => (a + dir + hits.length) % hits.length);
  useCommand('search', () => {
    setOpen(true);
    requestAnimationFrame(() => input.current?.select());
  });
  useCommand('search-next', () => (open ? step(1) : setOpen(true)));
  useCommand('search-previous', () => open && step(-1));

  if (!open)
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)} title="在表格中查找数字、科目编码或名称（Ctrl+F）">
        查找
      </button>
    );
  return (
    <div className="table-search" role="search">
      <input
        ref={input}
        autoFocus
        aria-label="在表格中查找"
        placeholder="数字、科目编码或名称"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            setOpen(false);
            setQuery('');
          }
        }}
      />
      <span className="search-count" data-testid="search-count">
        {query ? (hits.length ? `${Math.min(at, hits.length - 1) + 1} / ${hits.length}` : '无结果') : ''}
      </span>
      <button type="button" className="btn btn-small" disabled={!hits.length} onClick={() => step(-1)} aria-label="上一个（Shift+F3）">
        ▲
      </button>
      <button type="button" className="btn btn-small" disabled={!hits.length} onClick={() => step(1)} aria-label="下一个（F3）">
        ▼
      </button>
      <button type="button" className="btn-link" onClick={() => (setOpen(false), setQuery(''))} aria-label="关闭查找">
        ✕
      </button>
    </div>
  );
}
