// Print preview: a page laid out for paper — one table as printed (header block with its merges, every row,
// the unit), or the 审核意见书 — with 打印 (the system's dialog prints it or saves it as PDF). Esc closes.
import { useEffect, type ReactNode } from 'react';
import type { HeaderGrid, StandardTable, TableLayoutView } from '../../../main/api/types';
import { headerSpans } from './columns';

export function PrintFrame({ title, onClose, children, landscape }: { title: string; onClose: () => void; children: ReactNode; landscape?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    document.body.classList.add('printing');
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing');
    };
  }, [onClose]);
  return (
    <div className="print-overlay" role="dialog" aria-label={title} data-testid="print-preview">
      <div className="print-toolbar">
        <span className="print-title">{title}</span>
        <span className="toolbar-sep" />
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          打印 / 存为 PDF
        </button>
        <button type="button" className="btn" onClick={onClose}>
          关闭（Esc）
        </button>
      </div>
      <div className="print-scroll">
        {landscape && <style>{'@page { size: A4 landscape; margin: 12mm; }'}</style>}
        <div className={`print-page${landscape ? ' landscape' : ''}`}>{children}</div>
      </div>
    </div>
  );
}

/** The header block as an HTML table head: merges become row and column spans. */
function HeaderRows({ header, width }: { header: HeaderGrid; width: number }) {
  const { rows, spans, covered } = headerSpans(header, width);
  return (
    <>
      {rows.map((row, r) => (
        <tr key={r}>
          {Array.from({ length: width }, (_, c) => c)
            .filter((c) => !covered.has(`${r},${c}`))
            .map((c) => {
              const s = spans.get(`${r},${c}`);
              return (
                <th key={c} rowSpan={s?.rs} colSpan={s?.cs}>
                  {row[c] ?? ''}
                </th>
              );
            })}
        </tr>
      ))}
    </>
  );
}

export function TablePrint({ table, layout, unit, department, onClose }: { table: StandardTable; layout: TableLayoutView | undefined; unit: string; department: string; onClose: () => void }) {
  const amount = new Set(layout?.columns.filter((c) => c.role === 'amount').map((c) => c.index) ?? []);
  const width = Math.max(table.header.rows.reduce((n, r) => Math.max(n, r.length), 0), ...table.rows.slice(0, 1).map((r) => r.length));
  return (
    <PrintFrame title={`打印预览：${table.title}`} onClose={onClose} landscape={width > 7}>
      <h1 className="print-h1">{table.title}</h1>
      <div className="print-meta">
        <span>编制单位：{department}</span>
        <span>单位：{unit}</span>
      </div>
      <table className="print-table">
        <thead>
          <HeaderRows header={table.header} width={width} />
          {table.lanes && (
            <tr>
              {table.lanes.map((l, i) => (
                <th key={i} className="lane">
                  {l}
                </th>
              ))}
            </tr>
          )}
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {Array.from({ length: width }, (_, c) => (
                <td key={c} className={amount.has(c) ? 'num' : undefined}>
                  {row[c] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="print-note">{table.note}</p>}
    </PrintFrame>
  );
}
