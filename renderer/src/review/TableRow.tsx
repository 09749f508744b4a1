// One table row: its cells (severity, correction and selection marks), the editor when it is being edited,
// and its findings' message beside it. Memoised: scrolling mounts only the rows that come into view.
import { memo } from 'react';
import type { ReviewFinding } from '../../../main/api/types';
import { SEVERITY_LABEL } from '../lib/labels';
import { CellEditor, type Move } from './CellEditor';
import { codeDepth, type Column } from './columns';
import { cellKey, isActive, worstSeverity, type FindingIndex } from './findingIndex';

export interface Editing {
  row: number;
  col: number;
  typed: string | null;
  above: boolean;
}

/** Stable callbacks shared by every row (they read the latest state through a ref). */
export interface RowActions {
  select(row: number, col: number | null): void;
  startEdit(row: number, col: number, typed: string | null): void;
  commit(row: number, col: number, value: string, reason: string, move: Move): void;
  cancel(): void;
  openFinding(f: ReviewFinding): void;
}

interface Props {
  i: number;
  top: number;
  height: number;
  row: string[];
  tableKey: string;
  columns: Column[];
  template: string;
  index: FindingIndex;
  /** undefined: not the selected row; null: the row is selected, no cell. */
  selCol: number | null | undefined;
  editing: Editing | null;
  /** 栏次 of this row's cells that the finding in focus compared, as "|3|5|". */
  related: string;
  reason: string;
  actions: RowActions;
}

function TableRowImpl({ i, top, height, row, tableKey, columns, template, index, selCol, editing, related, reason, actions }: Props) {
  const label = row[0] ?? '';
  const rowFindings = label ? index.byRow.get(`${tableKey}|${label}`) : undefined;
  const worst = worstSeverity(rowFindings);
  const active = rowFindings?.filter(isActive) ?? [];
  const first = active[0];
  const depth = columns.some((c) => c.kind === 'code') ? codeDepth(row[1] ?? '') : 0;
  const total = /合计|总计|小计/.test(row.slice(1, 3).join(''));
  const cls = ['trow', worst ? `sev-row-${worst}` : '', selCol !== undefined ? 'sel-row' : '', editing ? 'editing' : '', total ? 'total-row' : '', i % 2 ? 'odd' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div role="row" aria-rowindex={i + 1} data-row={label} data-index={i} data-severity={worst ?? undefined} className={cls} style={{ top, height, gridTemplateColumns: template }}>
      {columns.map((col) => {
        const text = row[col.index] ?? '';
        const ck = cellKey(tableKey, label, col.lane);
        const cellFindings = col.index > 0 ? index.byCell.get(ck) : undefined;
        const cellWorst = worstSeverity(cellFindings);
        const correction = col.index > 0 ? index.corrected.get(ck) : undefined;
        const isEdit = editing?.col === col.index;
        const c = [
          'cell',
          `k-${col.kind}`,
          cellWorst ? `sev-cell-${cellWorst}` : '',
          correction ? 'corrected' : '',
          col.index > 0 && (related.includes(`|${col.lane}|`) || related.includes('|*|')) ? 'related' : '',
          selCol === col.index ? 'selected' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const title = [
          ...(cellFindings ?? []).map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}`),
          correction ? `已修改：${correction.oldValue || '（空）'} → ${correction.newValue || '（空）'}（${correction.reason}，${correction.author}）` : '',
        ]
          .filter(Boolean)
          .join('\n');
        return (
          <div
            key={col.index}
            role="gridcell"
            className={c}
            data-col={col.index === 0 ? undefined : col.lane}
            title={title || undefined}
            style={col.kind === 'name' || col.kind === 'item' ? { paddingLeft: 6 + depth * 14 } : undefined}
            onMouseDown={() => actions.select(i, col.index === 0 ? null : col.index)}
            onDoubleClick={() => actions.startEdit(i, col.index, null)}
          >
            {col.index === 0 && worst && <span className={`sev-dot sev-${worst}`} aria-label={SEVERITY_LABEL[worst]} />}
            {isEdit ? (
              <CellEditor
                initial={text}
                typed={editing!.typed}
                original={index.original.get(ck) ?? text}
                reason={reason}
                amount={col.kind === 'amount'}
                above={editing!.above}
                onCommit={(v, why, move) => actions.commit(i, col.index, v, why, move)}
                onCancel={actions.cancel}
              />
            ) : (
              <span className="cell-text">{text}</span>
            )}
          </div>
        );
      })}
      <div className={`cell msg${first ? ` sev-text-${first.severity}` : ''}`} title={active.map((f) => f.message).join('\n') || undefined}>
        {first && (
          <button type="button" className="msg-link" onMouseDown={(e) => e.stopPropagation()} onClick={() => actions.openFinding(first)}>
            {first.message}
          </button>
        )}
        {active.length > 1 && <span className="msg-more">+{active.length - 1}</span>}
      </div>
    </div>
  );
}

export const TableRow = memo(TableRowImpl);
