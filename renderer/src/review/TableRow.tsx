// One table row: its cells (severity, correction and selection marks), the editor when it is being edited,
// and its findings' message beside it. The label columns stay frozen on the left and the 审核提示 on the right,
// so a flagged row's name and its message are both in view however far the amounts are scrolled.
// Memoised: scrolling mounts only the rows that come into view.
import { memo } from 'react';
import type { CellSource, ViewFinding } from '../../../main/api/types';
import { useWords } from '../lib/words';
import { CellEditor, type Move } from './CellEditor';
import { codeDepth, type Column } from './columns';
import { cellKey, isActive, worstSeverity, type FindingIndex } from './findingIndex';

export interface Editing {
  row: number;
  col: number;
  typed: string | null;
}

/** Stable callbacks shared by every row (they read the latest state through a ref). */
export interface RowActions {
  select(row: number, col: number | null): void;
  startEdit(row: number, col: number, typed: string | null): void;
  commit(row: number, col: number, value: string, reason: string, move: Move): void;
  cancel(): void;
  openFinding(f: ViewFinding): void;
}

interface Props {
  i: number;
  top: number;
  height: number;
  row: string[];
  /** Where each cell was read (OCR cells carry their confidence). */
  sources: (CellSource | null)[] | undefined;
  /** The row's id in each block of the table (layout.rowIds[i]). */
  ids: string[];
  tableKey: string;
  columns: Column[];
  template: string;
  index: FindingIndex;
  /** undefined: not the selected row; null: the row is selected, no cell. */
  selCol: number | null | undefined;
  editing: Editing | null;
  /** `id|column` keys of this row's cells that the finding in focus compared ('id|*' for the whole row). */
  related: string;
  /** Column ids of this row's cells that changed since the previous version, with the earlier figure. */
  changed: Map<string, string> | undefined;
  /** The search hit on this row, by column index. */
  hit: number | null;
  reason: string;
  actions: RowActions;
}

function TableRowImpl({ i, top, height, row, sources, ids, tableKey, columns, template, index, selCol, editing, related, changed, hit, reason, actions }: Props) {
  const words = useWords();
  const distinct = [...new Set(ids.filter(Boolean))];
  const rowFindings = distinct.flatMap((id) => index.byRow.get(`${tableKey}|${id}`) ?? []);
  const worst = worstSeverity(rowFindings);
  const active = rowFindings.filter(isActive);
  const first = active[0];
  const code = columns.filter((c) => c.kind === 'code').map((c) => String(row[c.index] ?? '').trim()).join('');
  const depth = codeDepth(code);
  const total = columns.some((c) => c.kind !== 'amount' && /合计|总计|小计/.test(String(row[c.index] ?? '')));
  const cls = ['trow', worst ? `sev-row-${worst}` : '', selCol !== undefined ? 'sel-row' : '', editing ? 'editing' : '', total ? 'total-row' : '', i % 2 ? 'odd' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div role="row" aria-rowindex={i + 1} data-row={ids[0] ?? ''} data-index={i} data-severity={worst ?? undefined} className={cls} style={{ top, height, gridTemplateColumns: template }}>
      {columns.map((col) => {
        const text = row[col.index] ?? '';
        const id = ids[col.panel] ?? ids[0] ?? '';
        const ck = cellKey(tableKey, id, col.id);
        const editable = col.kind !== 'seq';
        const cellFindings = editable ? index.byCell.get(ck) : undefined;
        const cellWorst = worstSeverity(cellFindings);
        const correction = editable ? index.corrected.get(ck) : undefined;
        const before = changed?.get(col.id);
        const isEdit = editing?.col === col.index;
        // Read from a scan with an uncertain character: the auditor confirms it against the page.
        const src = sources?.[col.index];
        const unsure = !correction && src?.confirm === true;
        const c = [
          'cell',
          `k-${col.kind}`,
          col.frozenLeft !== null ? 'frozen' : '',
          cellWorst ? `sev-cell-${cellWorst}` : '',
          correction ? 'corrected' : '',
          before !== undefined ? 'changed' : '',
          hit === col.index ? 'search-hit' : '',
          editable && (related.includes(`|${id}|${col.id}|`) || related.includes(`|${id}|*|`)) ? 'related' : '',
          selCol === col.index ? 'selected' : '',
          unsure ? 'ocr-unsure' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const title = [
          ...(cellFindings ?? []).map((f) => `【${words.severities[f.severity]}】${f.message}`),
          correction ? `已修改：${correction.oldValue || '（空）'} → ${correction.newValue || '（空）'}（${correction.reason}，${correction.author}）` : '',
          before !== undefined ? `上一版本：${before || '（空）'}` : '',
          unsure ? `文字识别可信度 ${Math.round((src?.confidence ?? 0) * 100)}%，请核对原件` : '',
        ]
          .filter(Boolean)
          .join('\n');
        const style: React.CSSProperties = {};
        if (col.frozenLeft !== null) style.left = col.frozenLeft;
        if (col.kind === 'name' || col.kind === 'item') style.paddingLeft = 6 + depth * 12;
        return (
          <div
            key={col.index}
            role="gridcell"
            className={c}
            data-col={col.id}
            data-ocr={unsure ? 'confirm' : undefined}
            title={title || undefined}
            style={style}
            onMouseDown={() => actions.select(i, col.kind === 'seq' ? null : col.index)}
            onDoubleClick={() => editable && actions.startEdit(i, col.index, null)}
          >
            {col.index === 0 && worst && <span className={`sev-dot sev-${worst}`} aria-label={words.severities[worst]} />}
            {isEdit ? (
              <CellEditor
                initial={text}
                typed={editing!.typed}
                original={index.original.get(ck) ?? text}
                reason={reason}
                amount={col.kind === 'amount'}
                onCommit={(v, why, move) => actions.commit(i, col.index, v, why, move)}
                onCancel={actions.cancel}
              />
            ) : (
              <span className="cell-text">{text}</span>
            )}
          </div>
        );
      })}
      <div className={`cell msg${first ? ` sev-text-${first.severity}` : ''}`} data-testid={first ? 'row-flag' : undefined} title={active.map((f) => f.message).join('\n') || undefined}>
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
