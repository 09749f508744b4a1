// The finding in focus: what was compared (summarised), the numbers, and the auditor's decision with a
// comment (Alt+C 确认, Alt+X 排除, Alt+O 重新打开).
import { useState } from 'react';
import type { FindingStatus, ViewFinding } from '../../../main/api/types';
import { useCommand } from '../hooks';
import { isTableKey, money } from '../lib/labels';
import { useWords } from '../lib/words';

const SHOWN_RELATED = 6;

export function FindingDetail({
  finding: f,
  onDecide,
  onGoto,
}: {
  finding: ViewFinding;
  onDecide: (f: ViewFinding, status: FindingStatus, comment: string) => Promise<void>;
  onGoto: (table: string, row: string | null, column: string | null) => void;
}) {
  const words = useWords();
  const [comment, setComment] = useState(f.comment);
  const [busy, setBusy] = useState(false);
  const decide = async (status: FindingStatus) => {
    setBusy(true);
    try {
      await onDecide(f, status, comment);
    } finally {
      setBusy(false);
    }
  };
  // Figures of a table cell read as amounts; elsewhere (a year, a percentage in the narrative) as printed.
  const shown = (n: number | null): string => (n === null ? '—' : isTableKey(f.table) ? money(n) : String(n));
  useCommand('confirm-finding', () => void decide('confirmed'));
  useCommand('dismiss-finding', () => void decide('dismissed'));
  useCommand('reopen-finding', () => void decide('open'));
  return (
    <section className="finding-detail" aria-label="问题详情" data-testid="finding-detail">
      <div className="fd-head">
        <span className={`sev-badge sev-${f.severity}`}>{words.severities[f.severity]}</span>
        <span className="fd-rule">
          {words.categories[f.category]} · {f.ruleName}
        </span>
        {f.carry && <span className={`carry-badge carry-${f.carry}`}>{words.carry[f.carry]}</span>}
        <span className={`status-badge status-${f.status}`}>{words.statuses[f.status]}</span>
      </div>
      <p className="fd-msg">{f.message}</p>
      <dl className="fd-facts">
        <dt>位置</dt>
        <dd>
          <button type="button" className="btn-link" onClick={() => onGoto(f.table, f.row, f.column)}>
            {f.place}
          </button>
          {f.page !== null && <span className="fd-page">（第 {f.page} 页）</span>}
        </dd>
        {(f.expected !== null || f.actual !== null) && (
          <>
            <dt>应为</dt>
            <dd className="num">{shown(f.expected)}</dd>
            <dt>实为</dt>
            <dd className="num">{shown(f.actual)}</dd>
            {f.expected !== null && f.actual !== null && (
              <>
                <dt>差额</dt>
                <dd className="num">{shown(Math.round((f.actual - f.expected) * 100) / 100)}</dd>
              </>
            )}
          </>
        )}
        {f.related.length > 0 && (
          <>
            <dt>比对</dt>
            <dd className="fd-related" data-testid="related">
              <span className="fd-related-text">{f.relatedText}</span>
              {f.related.length > 1 && (
                <span className="fd-related-links">
                  {f.related.slice(0, SHOWN_RELATED).map((r, i) => (
                    <button key={i} type="button" className="btn-link" title="转到该单元格" onClick={() => onGoto(r.table, r.row, r.column)}>
                      {i + 1}
                    </button>
                  ))}
                  {f.related.length > SHOWN_RELATED && <span className="muted">共 {f.related.length} 处</span>}
                </span>
              )}
            </dd>
          </>
        )}
        {f.carried && (
          <>
            <dt>沿用</dt>
            <dd className="muted">此处理意见沿用自上一版本，可修改。</dd>
          </>
        )}
      </dl>
      <textarea
        className="fd-comment"
        aria-label="审核意见"
        placeholder="审核意见（确认或排除时一并保存）"
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="fd-actions">
        <button type="button" className="btn btn-confirm" disabled={busy} onClick={() => void decide('confirmed')} title="Alt+C">
          确认问题
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void decide('dismissed')} title="Alt+X">
          排除
        </button>
        {f.status !== 'open' && (
          <button type="button" className="btn-link" disabled={busy} onClick={() => void decide('open')} title="Alt+O">
            重新打开
          </button>
        )}
      </div>
    </section>
  );
}
