// One standard table, line by line in its printed layout, windowed. Each row with findings carries its
// severity mark and its message beside it; the selected cell can be edited in place (Enter/F2, Esc, Tab).
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewFinding, StandardTable } from '../../../main/api/types';
import type { Move } from './CellEditor';
import { columnsOf, gridTemplate, totalWidth } from './columns';
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
  index: FindingIndex;
  selected: CellSelection;
  /** The finding in focus: its cell and the cells it compared are outlined. */
  focus: ReviewFinding | null;
  scrollTo: ScrollRequest | null;
  reason: string;
  onSelect: (row: number, col: number | null) => void;
  onCommit: (row: number, col: number, value: string, reason: string) => Promise<boolean>;
  onOpenFinding: (f: ReviewFinding) => void;
}

export function TableView(props: Props) {
  const { table, index, selected, focus, scrollTo, reason, onSelect } = props;
  const columns = useMemo(() => columnsOf(table), [table]);
  const template = gridTemplate(columns);
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

  /** Per row, the 栏次 the finding in focus compared ("|3|5|"). */
  const related = useMemo(() => {
    const m = new Map<string, string>();
    if (!focus) return m;
    for (const r of [{ table: focus.table, row: focus.row, column: focus.column }, ...focus.related]) {
      if (r.table !== key || r.row === null) continue;
      m.set(r.row, `${m.get(r.row) ?? '|'}${r.column ?? '*'}|`);
    }
    return m;
  }, [focus, key]);

  // Rows share one set of callbacks; they see the latest props through this ref.
  const latest = useRef(props);
  latest.current = props;
  const actions = useMemo<RowActions>(() => {
    const finish = () => {
      setEditing(null);
      box.current?.focus({ preventScroll: true });
    };
    return {
      select: (row, col) => latest.current.onSelect(row, col),
      startEdit: (row, col, typed) => {
        const t = latest.current.table;
        if (col < 1 || (t.rows[row]?.[0] ?? '') === '') return; // a row without 序号 cannot be named
        const el = box.current;
        const above = el ? row * ROW_HEIGHT - el.scrollTop > (el.clientHeight - 80) / 2 : false;
        setEditing({ row, col, typed, above });
      },
      commit: (row, col, value, why, move: Move) => {
        void latest.current.onCommit(row, col, value, why).then((ok) => {
          if (!ok) return;
          finish();
          const n = columnsOf(latest.current.table).length;
          if (move === 'right' && col + 1 < n) latest.current.onSelect(row, col + 1);
          if (move === 'left' && col > 1) latest.current.onSelect(row, col - 1);
        });
      },
      cancel: finish,
      openFinding: (f) => latest.current.onOpenFinding(f),
    };
  }, []);

  // Keep the selected cell in view sideways (the list keeps it in view vertically).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || selected.col === null) return;
    const left = columns.slice(0, selected.col).reduce((s, c) => s + c.width, 0);
    const right = left + (columns[selected.col]?.width ?? 0);
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
  }, [selected.col, selected.row, columns]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const rows = table.rows.length;
    if (rows === 0) return;
    const r = selected.row ?? 0;
    const c = selected.col ?? 1;
    const go = (nr: number, nc: number) => {
      e.preventDefault();
      const row = Math.max(0, Math.min(rows - 1, nr));
      onSelect(row, Math.max(1, Math.min(columns.length - 1, nc)));
      setRequest({ index: row, align: 'auto', seq: (request?.seq ?? 0) + 1 });
    };
    switch (e.key) {
      case 'ArrowDown': return go(r + 1, c);
      case 'ArrowUp': return go(r - 1, c);
      case 'ArrowRight': return go(r, c + 1);
      case 'ArrowLeft': return go(r, c - 1);
      case 'PageDown': return go(r + pageSize, c);
      case 'PageUp': return go(r - pageSize, c);
      case 'Home': return go(e.ctrlKey ? 0 : r, 1);
      case 'End': return go(e.ctrlKey ? rows - 1 : r, columns.length - 1);
      case 'Tab':
        if ((e.shiftKey && c > 1) || (!e.shiftKey && c < columns.length - 1)) go(r, c + (e.shiftKey ? -1 : 1));
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

  const renderRow = (i: number, top: number) => {
    const row = table.rows[i]!;
    return (
      <TableRow
        key={i}
        i={i}
        top={top}
        height={ROW_HEIGHT}
        row={row}
        tableKey={key}
        columns={columns}
        template={template}
        index={index}
        selCol={selected.row === i ? selected.col : undefined}
        editing={editing?.row === i ? editing : null}
        related={related.get(row[0] ?? '') ?? ''}
        reason={editing?.row === i ? reason : ''}
        actions={actions}
      />
    );
  };

  return (
    <WindowedList
      className="table-view"
      containerRef={box}
      count={table.rows.length}
      rowHeight={ROW_HEIGHT}
      width={totalWidth(columns)}
      header={<TableHeader header={table.header} lanes={table.lanes ?? []} columns={columns} />}
      renderRow={renderRow}
      scrollTo={request}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPageSize={setPageSize}
      ariaLabel={table.title}
    />
  );
}
