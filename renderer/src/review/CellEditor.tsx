// Editing one cell in place: the value, and the reason the audit trail will keep.
// Enter or Tab commits (Tab moves on), Esc cancels; without a reason the reason field asks for one.
// The input takes focus without scrolling the grid; the reason popup floats above the page (a portal placed
// by the cell's position, turned upward or leftward where the window ends), so no scroller clips it.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export type Move = 'stay' | 'right' | 'left';

interface Props {
  initial: string;
  /** Replace the text with this (typing on a selected cell starts the edit with that key). */
  typed: string | null;
  original: string;
  reason: string;
  amount: boolean;
  onCommit: (value: string, reason: string, move: Move) => void;
  onCancel: () => void;
}

const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

const POP_WIDTH = 300;

export function CellEditor({ initial, typed, original, reason: initialReason, amount, onCommit, onCancel }: Props) {
  const [value, setValue] = useState(typed ?? initial);
  const [reason, setReason] = useState(initialReason);
  const [problem, setProblem] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const popRef = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  // Place the popup under the cell (above it near the window's bottom), inside the window.
  useLayoutEffect(() => {
    const cell = valueRef.current?.getBoundingClientRect();
    if (!cell) return;
    const height = popRef.current?.offsetHeight ?? 130;
    const below = cell.bottom + 2 + height <= window.innerHeight;
    const top = below ? cell.bottom + 2 : Math.max(4, cell.top - 2 - height);
    const left = Math.max(4, Math.min(cell.left, window.innerWidth - POP_WIDTH - 4));
    setAt((p) => (p && p.left === left && p.top === top ? p : { left, top }));
  }, [problem]);

  useEffect(() => {
    const el = valueRef.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    if (typed === null) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [typed]);

  const commit = (move: Move, from: 'value' | 'reason') => {
    const v = value.trim();
    if (v === initial.trim()) return onCancel();
    if (amount && v !== '' && !AMOUNT.test(v)) {
      setProblem('请输入金额（如 1234.56），或留空表示 0');
      valueRef.current?.focus({ preventScroll: true });
      return;
    }
    if (!reason.trim()) {
      setProblem('请填写修改原因（将记入修改记录）');
      if (from === 'value') reasonRef.current?.focus({ preventScroll: true });
      return;
    }
    onCommit(amount ? v.replace(/,/g, '') : v, reason.trim(), move);
  };

  const keys = (from: 'value' | 'reason') => (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation(); // the table's own keys stay out of the editor
    if (e.key === 'Enter') {
      e.preventDefault();
      commit('stay', from);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Tab') {
      // Tab from the value goes to an empty reason first; otherwise it commits and moves on.
      if (from === 'value' && !reason.trim() && !e.shiftKey) {
        e.preventDefault();
        reasonRef.current?.focus({ preventScroll: true });
        return;
      }
      if (from === 'reason' && e.shiftKey) {
        e.preventDefault();
        valueRef.current?.focus({ preventScroll: true });
        return;
      }
      e.preventDefault();
      commit(e.shiftKey ? 'left' : 'right', from);
    } else if (e.altKey && (e.key === 'r' || e.key === 'R')) {
      e.preventDefault();
      reasonRef.current?.focus({ preventScroll: true });
    }
  };

  return (
    <div className="cell-editor" onMouseDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()}>
      <input
        ref={valueRef}
        className={`cell-input${amount ? ' num' : ''}`}
        aria-label="新值"
        value={value}
        onChange={(e) => (setValue(e.target.value), setProblem(null))}
        onKeyDown={keys('value')}
        spellCheck={false}
      />
      {createPortal(
        <div
          ref={popRef}
          className="edit-pop"
          data-testid="edit-pop"
          style={{ left: at?.left ?? -9999, top: at?.top ?? -9999, width: POP_WIDTH }}
          onMouseDown={(e) => e.stopPropagation()}
        >
          <div className="edit-orig">
            原值：<span className="mono">{original === '' ? '（空）' : original}</span>
          </div>
          <label className="edit-reason">
            修改原因
            <input
              ref={reasonRef}
              aria-label="修改原因"
              value={reason}
              placeholder="如：核对原件，合计应为下级科目之和"
              onChange={(e) => (setReason(e.target.value), setProblem(null))}
              onKeyDown={keys('reason')}
            />
          </label>
          {problem && (
            <div className="edit-problem" role="alert">
              {problem}
            </div>
          )}
          <div className="edit-hint">Enter 确认 · Tab 确认并右移 · Esc 取消 · Alt+R 填写原因</div>
        </div>,
        document.body,
      )}
    </div>
  );
}
