// The audit trail of this submission: every correction (old, new, who, when, why), undone ones kept.
import type { Correction } from '../../../main/api/types';
import { formatTime } from '../lib/labels';

interface Props {
  corrections: Correction[];
  /** A correction's cell in words (表 · 行 · 栏). */
  placeOf: (c: Correction) => string;
  onUndo: (c: Correction) => void;
  onGoto: (c: Correction) => void;
}

export function CorrectionsPanel({ corrections, placeOf, onUndo, onGoto }: Props) {
  if (corrections.length === 0) return <div className="empty-state">尚无修改。在表格中选中单元格，按 Enter 或 F2 修改。</div>;
  const rows = [...corrections].sort((a, b) => b.id - a.id);
  return (
    <div className="trail">
      <table className="trail-table" data-testid="corrections">
        <thead>
          <tr>
            <th>时间</th>
            <th>位置</th>
            <th>原值</th>
            <th>新值</th>
            <th>原因</th>
            <th>修改人</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} className={c.undoneAt ? 'undone' : undefined} data-correction={c.id}>
              <td className="nowrap">{formatTime(c.at)}</td>
              <td>
                <button type="button" className="btn-link" onClick={() => onGoto(c)}>
                  {placeOf(c)}
                </button>
              </td>
              <td className="num mono">{c.oldValue || '（空）'}</td>
              <td className="num mono">{c.newValue || '（空）'}</td>
              <td>{c.reason}</td>
              <td>{c.author}</td>
              <td className="nowrap">
                {c.undoneAt ? (
                  <span className="muted">已撤销 {formatTime(c.undoneAt)}</span>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => onUndo(c)}>
                    撤销
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
