// One table's page of the review screen: title, unit, pages, note, table-level findings, the reviewed mark,
// and the table itself.
import type { ReviewFinding, StandardTable, TableKey } from '../../../main/api/types';
import { SEVERITY_LABEL, TABLE_NAMES, tableTitle } from '../lib/labels';
import { isActive, type FindingIndex } from './findingIndex';
import { TableView, type CellSelection } from './TableView';
import type { ScrollRequest } from './WindowedList';

interface Props {
  tableKey: TableKey;
  table: StandardTable | undefined;
  unit: string;
  reviewed: boolean;
  index: FindingIndex;
  selected: CellSelection;
  focus: ReviewFinding | null;
  scrollTo: ScrollRequest | null;
  reason: string;
  onReviewed: (reviewed: boolean) => void;
  onSelect: (row: number, col: number | null) => void;
  onCommit: (row: number, col: number, value: string, reason: string) => Promise<boolean>;
  onOpenFinding: (f: ReviewFinding) => void;
}

export function TablePane(p: Props) {
  const tableLevel = (p.index.byTable.get(p.tableKey) ?? []).filter((f) => f.row === null && (isActive(f) || f.key === p.focus?.key));
  const pages = p.table?.pages ?? null;
  return (
    <div className="table-pane" data-table={p.tableKey}>
      <div className="table-bar">
        <h2 className="table-title">{p.table?.title ?? TABLE_NAMES[p.tableKey]}</h2>
        <span className="table-meta">
          单位：{p.unit || '万元'}
          {pages && pages.length > 0 && ` · 原文第 ${pages[0]}${pages.length > 1 ? `–${pages[pages.length - 1]}` : ''} 页`}
          {p.table && ` · ${p.table.rows.length} 行`}
        </span>
        <span className="toolbar-sep" />
        <label className="reviewed-toggle">
          <input type="checkbox" checked={p.reviewed} disabled={!p.table} onChange={(e) => p.onReviewed(e.target.checked)} />
          本表已审核
        </label>
      </div>
      {tableLevel.length > 0 && (
        <div className="table-findings">
          {tableLevel.map((f) => (
            <button key={f.key} type="button" className={`note sev-border-${f.severity}`} onClick={() => p.onOpenFinding(f)}>
              <span className={`sev-badge sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.message}
            </button>
          ))}
        </div>
      )}
      {p.table?.note && <div className="table-note">{p.table.note}</div>}
      {!p.table && <div className="empty-state">文件中没有找到{tableTitle(p.tableKey, undefined)}。</div>}
      {p.table && p.table.rows.length === 0 && <div className="empty-state">本表为空表。</div>}
      {p.table && p.table.rows.length > 0 && (
        <TableView
          table={p.table}
          index={p.index}
          selected={p.selected}
          focus={p.focus}
          scrollTo={p.scrollTo}
          reason={p.reason}
          onSelect={p.onSelect}
          onCommit={p.onCommit}
          onOpenFinding={p.onOpenFinding}
        />
      )}
    </div>
  );
}
