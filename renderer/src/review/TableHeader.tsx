// The column headers as printed — several rows, merged cells kept — then the 栏次 row where the layout prints
// one. Header cells over frozen label columns stay with them; 审核提示 stays on the right.
import type { ReactNode } from 'react';
import type { HeaderGrid } from '../../../main/api/types';
import { gridTemplate, headerSpans, type Column } from './columns';

export function TableHeader({ header, lanes, columns }: { header: HeaderGrid; lanes: string[] | null; columns: Column[] }) {
  const n = columns.length;
  const { rows, spans, covered } = headerSpans(header, n);
  const frozenStyle = (c: number, span: number): React.CSSProperties | undefined => {
    const cols = columns.slice(c, c + span);
    return cols.length && cols.every((x) => x.frozenLeft !== null) ? { left: columns[c]!.frozenLeft! } : undefined;
  };
  const cells: ReactNode[] = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < n; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spans.get(`${r},${c}`) ?? { rs: 1, cs: 1 };
      const frozen = frozenStyle(c, span.cs);
      cells.push(
        <div
          key={`h${r}-${c}`}
          className={`hcell${frozen ? ' frozen' : ''}`}
          style={{ gridRow: `${r + 1} / span ${span.rs}`, gridColumn: `${c + 1} / span ${span.cs}`, ...frozen }}
        >
          {(row[c] ?? '').replace(/\s{2,}/g, ' ')}
        </div>,
      );
    }
  });
  const laneRow = rows.length + 1;
  const lastRow = lanes ? laneRow : rows.length;
  return (
    <div className="thead" style={{ gridTemplateColumns: gridTemplate(columns) }} role="rowgroup">
      {cells}
      {lanes &&
        columns.map((col, c) => (
          <div
            key={`l${c}`}
            className={`hcell lane${col.frozenLeft !== null ? ' frozen' : ''}`}
            style={{ gridRow: laneRow, gridColumn: c + 1, ...(col.frozenLeft !== null ? { left: col.frozenLeft } : {}) }}
          >
            {col.kind === 'seq' ? '栏次' : (lanes[col.index] ?? '')}
          </div>
        ))}
      <div className="hcell msg-head" style={{ gridRow: `1 / span ${Math.max(1, lastRow)}`, gridColumn: n + 1 }}>
        审核提示
      </div>
    </div>
  );
}
