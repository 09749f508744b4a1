// The finding in focus: what was compared, the numbers, and the auditor's decision with a comment.
import { useState } from 'react';
import type { FindingStatus, ReviewFinding } from '../../../main/api/types';
import { SEVERITY_LABEL, STATUS_LABEL, findingPlace, placeLabel, ruleLabel } from '../lib/labels';

const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export function FindingDetail({
  finding: f,
  onDecide,
  onGoto,
}: {
  finding: ReviewFinding;
  onDecide: (f: ReviewFinding, status: FindingStatus, comment: string) => Promise<void>;
  onGoto: (table: string, row: string | null, column: string | null) => void;
}) {
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
  return (
    <section className="finding-detail" aria-label="问题详情" data-testid="finding-detail">
      <div className="fd-head">
        <span className={`sev-badge sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
        <span className="fd-rule">{ruleLabel(f.rule)}</span>
        <span className={`status-badge status-${f.status}`}>{STATUS_LABEL[f.status]}</span>
      </div>
      <p className="fd-msg">{f.message}</p>
      <dl className="fd-facts">
        <dt>位置</dt>
        <dd>
          <button type="button" className="btn-link" onClick={() => onGoto(f.table, f.row, f.column)}>
            {findingPlace(f)}
          </button>
          {f.page !== null && <span className="fd-page">（第 {f.page} 页）</span>}
        </dd>
        {(f.expected !== null || f.actual !== null) && (
          <>
            <dt>应为</dt>
            <dd className="num">{money(f.expected)}</dd>
            <dt>实为</dt>
            <dd className="num">{money(f.actual)}</dd>
            {f.expected !== null && f.actual !== null && (
              <>
                <dt>差额</dt>
                <dd className="num">{money(Math.round((f.actual - f.expected) * 100) / 100)}</dd>
              </>
            )}
          </>
        )}
        {f.related.length > 0 && (
          <>
            <dt>比对</dt>
            <dd className="fd-related">
              {f.related.slice(0, 12).map((r, i) => (
                <button key={i} type="button" className="btn-link" onClick={() => onGoto(r.table, r.row, r.column)}>
                  {placeLabel(r.table, r.row, r.column)}
                </button>
              ))}
              {f.related.length > 12 && <span>等 {f.related.length} 处</span>}
            </dd>
          </>
        )}
      </dl>
      <textarea
        className="fd-comment"
        aria-label="审核意见"
        placeholder="审核意见（确认或忽略时一并保存）"
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="fd-actions">
        <button type="button" className="btn btn-confirm" disabled={busy} onClick={() => void decide('confirmed')}>
          确认问题
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void decide('dismissed')}>
          忽略
        </button>
        {f.status !== 'open' && (
          <button type="button" className="btn-link" disabled={busy} onClick={() => void decide('open')}>
            重新打开
          </button>
        )}
      </div>
    </section>
  );
}
