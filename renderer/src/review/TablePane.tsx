// One table's page of the review screen: title, unit, pages, note, table-level findings, the reviewed mark,
// and the table itself. Ticking 本表已审核 while errors are still open asks first.
import { useState } from 'react';
import type { StandardTable, TableKey, TableLayoutView, ViewFinding } from '../../../main/api/types';
import { useWords } from '../lib/words';
import { isActive, type FindingIndex } from './findingIndex';
import { TableView, type CellSelection } from './TableView';
import type { ScrollRequest } from './WindowedList';

interface Props {
  tableKey: TableKey;
  table: StandardTable | undefined;
  layout: TableLayoutView | undefined;
  /** The document's unit, for a table that prints none. */
  unit: string;
  reviewed: boolean;
  index: FindingIndex;
  selected: CellSelection;
  focus: ViewFinding | null;
  changed: Map<string, string> | null;
  hit: { row: number; col: number } | null;
  scrollTo: ScrollRequest | null;
  reason: string;
  onReviewed: (reviewed: boolean) => void;
  onSelect: (row: number, col: number | null) => void;
  onCommit: (row: number, col: number, value: string, reason: string) => Promise<boolean>;
  onOpenFinding: (f: ViewFinding) => void;
  onPrint: () => void;
}

export function TablePane(p: Props) {
  const words = useWords();
  const [asking, setAsking] = useState(false);
  const mine = p.index.byTable.get(p.tableKey) ?? [];
  const tableLevel = mine.filter((f) => f.row === null && (isActive(f) || f.key === p.focus?.key));
  const openErrors = mine.filter((f) => f.severity === 'error' && f.status === 'open').length;
  const pages = p.table?.pages ?? null;
  const unit = p.layout?.unit || p.table?.unit || p.unit;
  const toggle = (checked: boolean) => {
    if (checked && openErrors > 0) setAsking(true);
    else p.onReviewed(checked);
  };
  return (
    <div className="table-pane" data-table={p.tableKey}>
      <div className="table-bar">
        <h2 className="table-title">{p.table?.title || words.tables[p.tableKey]}</h2>
        <span className="table-meta" data-testid="table-unit">
          单位：{unit}
          {pages && pages.length > 0 && ` · 原文第 ${pages[0]}${pages.length > 1 ? `–${pages[pages.length - 1]}` : ''} 页`}
          {p.table && ` · ${p.table.rows.length} 行`}
        </span>
        <span className="toolbar-sep" />
        {p.table && (
          <button type="button" className="btn btn-small" onClick={p.onPrint} title="打印预览本表（Ctrl+P）">
            打印预览
          </button>
        )}
        <label className="reviewed-toggle">
          <input type="checkbox" checked={p.reviewed} disabled={!p.table} onChange={(e) => toggle(e.target.checked)} />
          本表已审核
        </label>
      </div>
      {asking && (
        <div className="confirm-bar" role="alertdialog" aria-label="确认标记已审核">
          <span>
            本表还有 <b>{openErrors}</b> 个待处理的错误。仍要标记为已审核吗？
          </span>
          <button type="button" className="btn btn-small btn-confirm" onClick={() => (setAsking(false), p.onReviewed(true))}>
            仍然标记
          </button>
          <button type="button" className="btn btn-small" autoFocus onClick={() => setAsking(false)}>
            取消
          </button>
        </div>
      )}
      {tableLevel.length > 0 && (
        <div className="table-findings">
          {tableLevel.map((f) => (
            <button key={f.key} type="button" className={`note sev-border-${f.severity}`} onClick={() => p.onOpenFinding(f)}>
              <span className={`sev-badge sev-${f.severity}`}>{words.severities[f.severity]}</span> {f.message}
            </button>
          ))}
        </div>
      )}
      {p.table?.note && <div className="table-note">{p.table.note}</div>}
      {!p.table && <div className="empty-state">文件中没有找到{words.tables[p.tableKey]}。</div>}
      {p.table && p.table.rows.length === 0 && <div className="empty-state">本表为空表。</div>}
      {p.table && p.layout && p.table.rows.length > 0 && (
        <TableView
          table={p.table}
          layout={p.layout}
          index={p.index}
          selected={p.selected}
          focus={p.focus}
          changed={p.changed}
          hit={p.hit}
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
