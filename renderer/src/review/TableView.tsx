// One standard table, line by line in its printed layout, windowed. Each row with findings carries its
// severity mark and its message beside it; the selected cell can be edited in place (Enter/F2, Esc, Tab).
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { StandardTable, TableLayoutView, ViewFinding } from '../../../main/api/types';
import type { Move } from './CellEditor';
import { columnsOf, frozenWidth, gridTemplate, totalWidth } from './columns';
import type { FindingIndex } from './findingIndex';
import { TableHeader } from './TableHeader';
import { TableRow, type Editing, type RowActions } from './TableRow';
import { WindowedList, type ScrollRequest } from './WindowedList';

export const ROW_HEIGHT = 26;

export interface CellSelection {
  row: number | null;
  col: number | null;
}

interface Props {
  table: StandardTable;
  layout: TableLayoutView;
  index: FindingIndex;
  selected: CellSelection;
  /** The finding in focus: its cell and the cells it compared are outlined. */
  focus: ViewFinding | null;
  /** Cells changed since the previous version: `rowId|columnId` → the earlier figure. */
  changed: Map<string, string> | null;
  /** The current search hit in this table. */
  hit: { row: number; col: number } | null;
  scrollTo: ScrollRequest | null;
  reason: string;
  onSelect: (row: number, col: number | null) => void;
  onCommit: (row: number, col: number, value: string, reason: string) => Promise<boolean>;
  onOpenFinding: (f: ViewFinding) => void;
}

export function TableView(props: Props) {
  const { table, layout, index, selected, focus, changed, hit, scrollTo, reason, onSelect } = props;
  const columns = useMemo(() => columnsOf(layout, table.rows), [layout, table.rows]);
  const template = gridTemplate(columns);
  const editable = useMemo(() => columns.filter((c) => c.kind !== 'seq').map((c) => c.index), [columns]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pageSize, setPageSize] = useState(20);
  // Scroll requests: from outside (a finding opened) and from the keyboard (the selection moved).
  const [request, setRequest] = useState<ScrollRequest | null>(scrollTo);
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    setRequest(scrollTo);
    // A finding opened (F8, a click in the list): the keyboard goes to the table, ready for Enter/F2,
    // unless the auditor is typing somewhere.
    const active = document.activeElement;
    if (scrollTo && !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) box.current?.focus({ preventScroll: true });
  }, [scrollTo]);
  const key = table.key;

  /** Per row index, the `|id|column|` cells the finding in focus compared. */
  const related = useMemo(() => {
    const m = new Map<number, string>();
    if (!focus) return m;
    const ids = new Map<string, number[]>();
    layout.rowIds.forEach((list, r) => list.forEach((id) => id && ids.set(id, [...(ids.get(id) ?? []), r])));
    for (const r of [{ table: focus.table, row: focus.row, column: focus.column }, ...focus.related]) {
      if (r.table !== key || r.row === null) continue;
      for (const at of ids.get(r.row) ?? []) m.set(at, `${m.get(at) ?? ''}|${r.row}|${r.column ?? '*'}|`);
    }
    return m;
  }, [focus, key, layout]);

  /** Per row index, the changed cells: column id → earlier figure. */
  const changedByRow = useMemo(() => {
    const m = new Map<number, Map<string, string>>();
    if (!changed) return m;
    layout.rowIds.forEach((list, r) => {
      for (const id of new Set(list))
        for (const col of layout.columns) {
          const before = changed.get(`${id}|${col.id}`);
          if (before === undefined) continue;
          const row = m.get(r) ?? new Map<string, string>();
          row.set(col.id, before);
          m.set(r, row);
        }
    });
    return m;
  }, [changed, layout]);

  // Rows share one set of callbacks; they see the latest props through this ref.
  const latest = useRef({ ...props, editable });
  latest.current = { ...props, editable };
  const actions = useMemo<RowActions>(() => {
    const finish = () => {
      setEditing(null);
      box.current?.focus({ preventScroll: true });
    };
    return {
      select: (row, col) => latest.current.onSelect(row, col),
      startEdit: (row, col, typed) => {
        if (!latest.current.editable.includes(col)) return;
        setEditing({ row, col, typed });
      },
      commit: (row, col, value, why, move: Move) => {
        void latest.current.onCommit(row, col, value, why).then((ok) => {
          if (!ok) return;
          finish();
          const cols = latest.current.editable;
          const at = cols.indexOf(col);
          if (move === 'right' && at + 1 < cols.length) latest.current.onSelect(row, cols[at + 1]!);
          if (move === 'left' && at > 0) latest.current.onSelect(row, cols[at - 1]!);
        });
      },
      cancel: finish,
      openFinding: (f) => latest.current.onOpenFinding(f),
    };
  }, []);

  // Keep the selected cell in view sideways, between the frozen labels and the 审核提示 column; a cell that
  // is being edited never moves the grid.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || selected.col === null || editing) return;
    const col = columns.find((c) => c.index === selected.col);
    if (!col || col.frozenLeft !== null) return;
    const left = columns.slice(0, columns.indexOf(col)).reduce((s, c) => s + c.width, 0);
    const right = left + col.width;
    const leftEdge = el.scrollLeft + frozenWidth(columns);
    const msg = (el.querySelector('.msg-head') as HTMLElement | null)?.offsetWidth ?? 0;
    const rightEdge = el.scrollLeft + el.clientWidth - msg;
    if (left < leftEdge) el.scrollLeft = Math.max(0, left - frozenWidth(columns));
    else if (right > rightEdge) el.scrollLeft = right - el.clientWidth + msg;
  }, [selected.col, selected.row, columns, editing]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const rows = table.rows.length;
    if (rows === 0 || editable.length === 0) return;
    const r = selected.row ?? 0;
    const at = Math.max(0, editable.indexOf(selected.col ?? editable[0]!));
    const go = (nr: number, nc: number) => {
      e.preventDefault();
      const row = Math.max(0, Math.min(rows - 1, nr));
      onSelect(row, editable[Math.max(0, Math.min(editable.length - 1, nc))]!);
      setRequest({ index: row, align: 'auto', seq: (request?.seq ?? 0) + 1 });
    };
    switch (e.key) {
      case 'ArrowDown': return go(r + 1, at);
      case 'ArrowUp': return go(r - 1, at);
      case 'ArrowRight': return go(r, at + 1);
      case 'ArrowLeft': return go(r, at - 1);
      case 'PageDown': return go(r + pageSize, at);
      case 'PageUp': return go(r - pageSize, at);
      case 'Home': return go(e.ctrlKey ? 0 : r, 0);
      case 'End': return go(e.ctrlKey ? rows - 1 : r, editable.length - 1);
      case 'Tab':
        if ((e.shiftKey && at > 0) || (!e.shiftKey && at < editable.length - 1)) go(r, at + (e.shiftKey ? -1 : 1));
        return;
      case 'Enter':
      case 'F2':
        if (selected.row !== null && selected.col !== null) {
          e.preventDefault();
          actions.startEdit(selected.row, selected.col, null);
        }
        return;
      default:
        // Typing on a selected cell starts editing with what was typed, as in a spreadsheet.
        if (selected.row !== null && selected.col !== null && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && /[\d.\-\p{L}]/u.test(e.key)) {
          e.preventDefault();
          actions.startEdit(selected.row, selected.col, e.key);
        }
    }
  };

  const renderRow = (i: number, top: number) => (
    <TableRow
      key={i}
      i={i}
      top={top}
      height={ROW_HEIGHT}
      row={table.rows[i]!}
      sources={table.sources?.[i]}
      ids={layout.rowIds[i] ?? []}
      tableKey={key}
      columns={columns}
      template={template}
      index={index}
      selCol={selected.row === i ? selected.col : undefined}
      editing={editing?.row === i ? editing : null}
      related={related.get(i) ?? ''}
      changed={changedByRow.get(i)}
      hit={hit?.row === i ? hit.col : null}
      reason={editing?.row === i ? reason : ''}
      actions={actions}
    />
  );

  return (
    <WindowedList
      className="table-view"
      containerRef={box}
      count={table.rows.length}
      rowHeight={ROW_HEIGHT}
      width={totalWidth(columns)}
      header={<TableHeader header={table.header} lanes={table.lanes} columns={columns} />}
      renderRow={renderRow}
      scrollTo={request}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPageSize={setPageSize}
      ariaLabel={table.title}
    />
  );
}
