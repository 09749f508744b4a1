// The findings of the submission: filters (severity, status, category, rule), the list in document order,
// previous/next (Shift+F8 / F8), one decision for every finding the filter shows (批量确认 / 批量排除 — every
// 尾差 at once), and for the one in focus its details and the auditor's decision.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FindingStatus, RuleCategory, Severity, ViewFinding } from '../../../main/api/types';
import { SEVERITIES } from '../lib/labels';
import { useWords } from '../lib/words';
import { FindingDetail } from './FindingDetail';

export interface FindingFilter {
  severities: Severity[];
  statuses: FindingStatus[];
  category: RuleCategory | null;
  /** A rule by its name (the vocabulary's), or null. */
  rule: string | null;
}

export const DEFAULT_FILTER: FindingFilter = { severities: ['error', 'warning', 'info'], statuses: ['open', 'confirmed'], category: null, rule: null };
const STATUSES: FindingStatus[] = ['open', 'confirmed', 'dismissed'];

export function applyFilter(list: readonly ViewFinding[], f: FindingFilter): ViewFinding[] {
  return list.filter(
    (x) => f.severities.includes(x.severity) && f.statuses.includes(x.status) && (f.category === null || x.category === f.category) && (f.rule === null || x.ruleName === f.rule),
  );
}

const LIST_LIMIT = 400;

interface Props {
  all: readonly ViewFinding[];
  visible: readonly ViewFinding[];
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  focusKey: string | null;
  onFocus: (f: ViewFinding) => void;
  onStep: (dir: 1 | -1) => void;
  onDecide: (f: ViewFinding, status: FindingStatus, comment: string) => Promise<void>;
  onDecideMany: (keys: string[], status: FindingStatus, comment: string) => Promise<void>;
  onGoto: (table: string, row: string | null, column: string | null) => void;
}

export function FindingsPanel({ all, visible, filter, onFilter, focusKey, onFocus, onStep, onDecide, onDecideMany, onGoto }: Props) {
  const words = useWords();
  const listRef = useRef<HTMLOListElement>(null);
  const [bulk, setBulk] = useState<FindingStatus | null>(null);
  const [bulkComment, setBulkComment] = useState('');
  const categories = useMemo(() => {
    const m = new Map<RuleCategory, number>();
    for (const f of all) m.set(f.category, (m.get(f.category) ?? 0) + 1);
    return [...m.entries()];
  }, [all]);
  const rules = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of all) if (filter.category === null || f.category === filter.category) m.set(f.ruleName, (m.get(f.ruleName) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [all, filter.category]);
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
  const runBulk = async () => {
    if (!bulk) return;
    await onDecideMany(visible.map((f) => f.key), bulk, bulkComment);
    setBulk(null);
    setBulkComment('');
  };

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
              {words.severities[s]} {bySeverity[s]}
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
              {words.statuses[s]}
            </button>
          ))}
        </div>
        <select aria-label="按类别筛选" value={filter.category ?? ''} onChange={(e) => onFilter({ ...filter, category: (e.target.value || null) as RuleCategory | null, rule: null })}>
          <option value="">全部类别</option>
          {categories.map(([c, n]) => (
            <option key={c} value={c}>
              {words.categories[c]}（{n}）
            </option>
          ))}
        </select>
        <select aria-label="按规则筛选" value={filter.rule ?? ''} onChange={(e) => onFilter({ ...filter, rule: e.target.value || null })}>
          <option value="">全部规则</option>
          {rules.map(([r, n]) => (
            <option key={r} value={r}>
              {r}（{n}）
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
      <div className="fp-bulk">
        {bulk === null ? (
          <>
            <span className="muted">筛选结果：</span>
            <button type="button" className="btn-link" disabled={!visible.length} onClick={() => setBulk('confirmed')} title="把当前列出的问题全部确认（Alt+Shift+C）">
              全部确认
            </button>
            <button type="button" className="btn-link" disabled={!visible.length} onClick={() => setBulk('dismissed')} title="把当前列出的问题全部排除（Alt+Shift+X）">
              全部排除
            </button>
          </>
        ) : (
          <form
            className="fp-bulk-form"
            onSubmit={(e) => {
              e.preventDefault();
              void runBulk();
            }}
          >
            <span>
              将 {visible.length} 个问题标为“{words.statuses[bulk]}”
            </span>
            <input aria-label="批量意见" placeholder="意见（可空）" value={bulkComment} autoFocus onChange={(e) => setBulkComment(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setBulk(null)} />
            <button type="submit" className="btn btn-small btn-confirm">
              确定
            </button>
            <button type="button" className="btn btn-small" onClick={() => setBulk(null)}>
              取消
            </button>
          </form>
        )}
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
                <span className={`sev-badge sev-${f.severity}`}>{words.severities[f.severity]}</span>
                <span className="fp-place">{f.place}</span>
                {f.carry && <span className={`carry-badge carry-${f.carry}`}>{words.carry[f.carry]}</span>}
                {f.status !== 'open' && <span className={`status-badge status-${f.status}`}>{words.statuses[f.status]}</span>}
              </span>
              <span className="fp-msg">{f.message}</span>
              <span className="fp-rule">
                {words.categories[f.category]} · {f.ruleName}
              </span>
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
