// Two submissions side by side: two versions of a department's disclosure (the re-review: which confirmed
// findings are fixed, which remain, which are new, with the earlier comments; every figure that changed) or
// two years (every figure that differs, with the change). Figures are matched by table, row and column names.
import { useEffect, useMemo, useState } from 'react';
import type { ComparisonView, TableKey } from '../../../main/api/types';
import { api } from '../bridge';
import { errorText } from '../lib/errors';
import { money, TABLE_SHORT } from '../lib/labels';
import { navigate } from '../lib/route';
import { useWords } from '../lib/words';

const SHOWN = 500;

export function CompareScreen({ id, otherId }: { id: number; otherId: number }) {
  const words = useWords();
  const [cmp, setCmp] = useState<ComparisonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [table, setTable] = useState<TableKey | null>(null);
  useEffect(() => {
    let live = true;
    api('submission.compare', { id, otherId }).then(
      (c) => live && setCmp(c),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, otherId]);
  const tables = useMemo(() => {
    const m = new Map<TableKey, number>();
    for (const c of cmp?.changes ?? []) m.set(c.table, (m.get(c.table) ?? 0) + 1);
    return [...m.entries()];
  }, [cmp]);
  if (error) return <div className="notice notice-error">{error}</div>;
  if (!cmp) return <div className="loading">正在比较…</div>;
  const { before, after } = cmp;
  const label = (s: typeof before) => (cmp.mode === 'versions' ? `第 ${s.version} 版` : `${s.year} 年${s.kind}（第 ${s.version} 版）`);
  const changes = cmp.changes.filter((c) => table === null || c.table === table);
  const groups = (['fixed', 'remaining', 'new'] as const).map((o) => ({ o, list: cmp.outcomes.filter((x) => x.outcome === o) }));
  return (
    <div className="compare-screen" data-testid="compare">
      <header className="review-head">
        <button type="button" className="btn btn-small" onClick={() => history.back()}>
          ← 返回
        </button>
        <div className="rh-title">
          <span className="rh-dept">{after.department}</span>
          <span className="rh-meta">
            {cmp.mode === 'versions' ? `${after.year} 年${after.kind} · ` : ''}
            {label(before)} → {label(after)}
          </span>
        </div>
        <button type="button" className="btn" onClick={() => navigate({ screen: 'review', id: after.id, tab: null })}>
          打开{label(after)}
        </button>
        <button type="button" className="btn" onClick={() => navigate({ screen: 'review', id: before.id, tab: null })}>
          打开{label(before)}
        </button>
      </header>
      <div className="compare-body">
        {cmp.mode === 'versions' && (
          <section className="cmp-outcomes" data-testid="outcomes">
            <h2>上次确认问题的整改情况与新发现</h2>
            {groups.map(({ o, list }) => (
              <div key={o} className={`cmp-group carry-${o}`} data-outcome={o}>
                <h3>
                  {words.carry[o]} <span className="muted">{list.length} 项</span>
                </h3>
                {list.length === 0 && <p className="muted">无</p>}
                <ul>
                  {list.slice(0, SHOWN).map((x) => (
                    <li key={x.key}>
                      <span className={`sev-badge sev-${x.severity}`}>{words.severities[x.severity]}</span> <span className="fp-place">{x.place}</span>
                      <div>{x.message}</div>
                      {x.previousComment && <div className="cmp-comment">上次意见：{x.previousComment}</div>}
                      {x.status && x.outcome !== 'new' && <div className="muted">本版：{words.statuses[x.status]}{x.comment && x.comment !== x.previousComment ? `，${x.comment}` : ''}</div>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        )}
        <section className="cmp-changes">
          <h2>
            {cmp.mode === 'versions' ? '两版之间变动的单元格' : '两个年度的数字差异'} <span className="muted">{cmp.changes.length} 处</span>
          </h2>
          <div className="chip-row">
            <button type="button" className={`chip${table === null ? ' on' : ''}`} onClick={() => setTable(null)}>
              全部
            </button>
            {tables.map(([k, n]) => (
              <button key={k} type="button" className={`chip${table === k ? ' on' : ''}`} onClick={() => setTable(k)}>
                {TABLE_SHORT[k]} {n}
              </button>
            ))}
          </div>
          <table className="cmp-table" data-testid="changes">
            <thead>
              <tr>
                <th>报表</th>
                <th>项目</th>
                <th>栏目</th>
                <th className="num">{label(before)}</th>
                <th className="num">{label(after)}</th>
                <th className="num">增减</th>
                <th className="num">幅度</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice(0, SHOWN).map((c, i) => {
                const b = Number(c.before.replace(/,/g, ''));
                const pct = c.delta !== null && c.before && b ? `${((c.delta / b) * 100).toFixed(1)}%` : '';
                return (
                  <tr key={i} className="cmp-row" onDoubleClick={() => c.rowId && navigate({ screen: 'review', id: after.id, tab: c.table })}>
                    <td>{words.tables[c.table]}</td>
                    <td>{c.row}</td>
                    <td>{c.column}</td>
                    <td className="num">{c.before || '—'}</td>
                    <td className="num">{c.after || '—'}</td>
                    <td className={`num${c.delta !== null && c.delta < 0 ? ' neg' : ''}`}>{c.delta === null ? '' : `${c.delta > 0 ? '+' : ''}${money(c.delta)} ${c.unit}`}</td>
                    <td className="num">{pct}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {changes.length > SHOWN && <p className="muted">另有 {changes.length - SHOWN} 处，请按报表筛选。</p>}
          {cmp.changes.length === 0 && <p className="muted">两者的数字完全相同。</p>}
        </section>
      </div>
    </div>
  );
}
