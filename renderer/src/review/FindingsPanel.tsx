// The findings of the submission: filters (severity, rule, status), the list in document order,
// previous/next (Shift+F8 / F8) and, for the one in focus, its details and the auditor's decision.
import { useEffect, useMemo, useRef } from 'react';
import type { FindingStatus, ReviewFinding, Severity } from '../../../main/api/types';
import { SEVERITIES, SEVERITY_LABEL, STATUSES, STATUS_LABEL, findingPlace, ruleLabel } from '../lib/labels';
import { FindingDetail } from './FindingDetail';

export interface FindingFilter {
  severities: Severity[];
  statuses: FindingStatus[];
  rule: string | null;
}

export const DEFAULT_FILTER: FindingFilter = { severities: ['error', 'warning', 'info'], statuses: ['open', 'confirmed'], rule: null };

export function applyFilter(list: readonly ReviewFinding[], f: FindingFilter): ReviewFinding[] {
  return list.filter((x) => f.severities.includes(x.severity) && f.statuses.includes(x.status) && (f.rule === null || x.rule === f.rule));
}

const LIST_LIMIT = 400;

interface Props {
  all: readonly ReviewFinding[];
  visible: readonly ReviewFinding[];
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  focusKey: string | null;
  onFocus: (f: ReviewFinding) => void;
  onStep: (dir: 1 | -1) => void;
  onDecide: (f: ReviewFinding, status: FindingStatus, comment: string) => Promise<void>;
  onGoto: (table: string, row: string | null, column: string | null) => void;
}

export function FindingsPanel({ all, visible, filter, onFilter, focusKey, onFocus, onStep, onDecide, onGoto }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const rules = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of all) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [all]);
  const bySeverity = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of all) if (filter.statuses.includes(f.status)) c[f.severity]++;
    return c;
  }, [all, filter.statuses]);
  const focused = focusKey ? all.find((f) => f.key === focusKey) ?? null : null;
  const pos = focused ? visible.indexOf(focused) : -1;

  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [focusKey]);

  const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <aside className="findings-panel" aria-label="审核问题">
      <div className="fp-head">
        <span className="fp-title">审核问题</span>
        <span className="fp-total">
          {visible.length} / {all.length}
        </span>
      </div>
      <div className="fp-filters">
        <div className="chip-row" role="group" aria-label="按严重程度筛选">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              className={`chip sev-chip-${s}${filter.severities.includes(s) ? ' on' : ''}`}
              aria-pressed={filter.severities.includes(s)}
              onClick={() => onFilter({ ...filter, severities: toggle(filter.severities, s) })}
            >
              {SEVERITY_LABEL[s]} {bySeverity[s]}
            </button>
          ))}
        </div>
        <div className="chip-row" role="group" aria-label="按处理状态筛选">
          {STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={`chip status-chip${filter.statuses.includes(s) ? ' on' : ''}`}
              aria-pressed={filter.statuses.includes(s)}
              onClick={() => onFilter({ ...filter, statuses: toggle(filter.statuses, s) })}
            >
              {STATUS_LABEL[s]}
            </button>
          ))}
        </div>
        <select aria-label="按规则筛选" value={filter.rule ?? ''} onChange={(e) => onFilter({ ...filter, rule: e.target.value || null })}>
          <option value="">全部规则</option>
          {rules.map(([r, n]) => (
            <option key={r} value={r}>
              {ruleLabel(r)}（{n}）
            </option>
          ))}
        </select>
      </div>
      <div className="fp-nav">
        <button type="button" className="btn btn-small" onClick={() => onStep(-1)} disabled={visible.length === 0} title="上一个问题（Shift+F8）">
          ◀ 上一个
        </button>
        <span className="fp-pos">{pos >= 0 ? `${pos + 1} / ${visible.length}` : `— / ${visible.length}`}</span>
        <button type="button" className="btn btn-small" onClick={() => onStep(1)} disabled={visible.length === 0} title="下一个问题（F8）">
          下一个 ▶
        </button>
      </div>
      <ol className="fp-list" ref={listRef} data-testid="findings-list">
        {visible.slice(0, LIST_LIMIT).map((f) => (
          <li key={f.key}>
            <button
              type="button"
              className={`fp-item sev-border-${f.severity} status-${f.status}`}
              aria-current={f.key === focusKey}
              data-finding={f.key}
              onClick={() => onFocus(f)}
            >
              <span className="fp-line1">
                <span className={`sev-badge sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
                <span className="fp-place">{findingPlace(f)}</span>
                {f.status !== 'open' && <span className={`status-badge status-${f.status}`}>{STATUS_LABEL[f.status]}</span>}
              </span>
              <span className="fp-msg">{f.message}</span>
              <span className="fp-rule">{ruleLabel(f.rule)}</span>
            </button>
          </li>
        ))}
        {visible.length > LIST_LIMIT && <li className="fp-more">另有 {visible.length - LIST_LIMIT} 条，请用筛选缩小范围</li>}
        {visible.length === 0 && <li className="fp-empty">{all.length === 0 ? '未发现问题' : '没有符合筛选条件的问题'}</li>}
      </ol>
      {focused && <FindingDetail key={focused.key + focused.status} finding={focused} onDecide={onDecide} onGoto={onGoto} />}
    </aside>
  );
}
