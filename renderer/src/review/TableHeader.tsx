// The column headers as printed (merged cells kept), then the 栏次 row, above the rows.
import type { ReactNode } from 'react';
import type { HeaderGrid } from '../../../main/api/types';
import { gridTemplate, type Column } from './columns';

export function TableHeader({ header, lanes, columns }: { header: HeaderGrid; lanes: string[]; columns: Column[] }) {
  const n = columns.length;
  const rows = header.rows.filter((r) => r.length > 0);
  const covered = new Set<string>();
  const spans = new Map<string, { rs: number; cs: number }>();
  for (const [r1, c1, r2, c2] of header.merges) {
    if (r1 >= rows.length || c1 >= n) continue;
    const re = Math.min(r2, rows.length - 1);
    const ce = Math.min(c2, n - 1);
    spans.set(`${r1},${c1}`, { rs: re - r1 + 1, cs: ce - c1 + 1 });
    for (let r = r1; r <= re; r++) for (let c = c1; c <= ce; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  }
  const cells: ReactNode[] = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < n; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spans.get(`${r},${c}`) ?? { rs: 1, cs: 1 };
      cells.push(
        <div key={`h${r}-${c}`} className="hcell" style={{ gridRow: `${r + 1} / span ${span.rs}`, gridColumn: `${c + 1} / span ${span.cs}` }}>
          {(row[c] ?? '').replace(/\s{2,}/g, ' ')}
        </div>,
      );
    }
  });
  const laneRow = rows.length + 1;
  return (
    <div className="thead" style={{ gridTemplateColumns: gridTemplate(columns) }} role="rowgroup">
      {cells}
      {lanes.map((l, c) => (
        <div key={`l${c}`} className="hcell lane" style={{ gridRow: laneRow, gridColumn: c + 1 }}>
          {c === 0 ? '栏次' : l}
        </div>
      ))}
      <div className="hcell msg-head" style={{ gridRow: `1 / span ${laneRow}`, gridColumn: n + 1 }}>
        审核提示
      </div>
    </div>
  );
}
