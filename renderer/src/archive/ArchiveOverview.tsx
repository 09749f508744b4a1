// The archive at a glance: one line per department and year, its 预算 and 决算 side by side, each with where
// the review stands (未开始 / 审核中 / 已出具意见 / 已重新报送 / 已办结), its version, open errors and tables
// reviewed. Filters on state, kind and year; one page of departments at a time, however large the archive.
import { useEffect, useState, type ReactNode } from 'react';
import type { ArchiveOverview as Overview, DocKind, OverviewCell, ReviewState } from '../../../main/api/types';
import { api } from '../bridge';
import { errorText } from '../lib/errors';
import { useWords } from '../lib/words';

const STATES: ReviewState[] = ['not-started', 'in-review', 'resubmitted', 'opinion-issued', 'closed'];
const KINDS: DocKind[] = ['预算', '决算'];
const PAGE = 50;

function KindCell({ cell, onOpen }: { cell: OverviewCell | undefined; onOpen: (id: number) => void }) {
  const words = useWords();
  if (!cell) return <td className="ov-cell empty">—</td>;
  const pct = cell.tableCount ? Math.round((cell.reviewedTables / cell.tableCount) * 100) : 0;
  return (
    <td className="ov-cell" data-kind={cell.kind} data-state={cell.state}>
      <button type="button" className="ov-open" onClick={() => onOpen(cell.id)} title={`打开第 ${cell.version} 版`}>
        <span className={`state-badge state-${cell.state}`}>{words.reviewStates[cell.state]}</span>
        <span className="ov-ver">第 {cell.version} 版{cell.versions > 1 ? `（共 ${cell.versions} 版）` : ''}</span>
        {cell.findingCounts.error > 0 && <span className="count sev-error">错误 {cell.findingCounts.error}</span>}
        <span className="ov-progress" title={`已审核 ${cell.reviewedTables} / ${cell.tableCount} 张表`}>
          {pct}%
        </span>
      </button>
    </td>
  );
}

interface Props {
  query: string;
  /** Changes whenever the archive changed (an import finished), so the page is read again. */
  refreshKey: number;
  onOpen: (id: number) => void;
  /** Shown when the archive holds nothing at all (or nothing the search matches). */
  empty: ReactNode;
}

export function ArchiveOverview({ query, refreshKey, onOpen, empty }: Props) {
  const words = useWords();
  const [state, setState] = useState<ReviewState | null>(null);
  const [kind, setKind] = useState<DocKind | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setOffset(0), [query, state, kind, year]);
  useEffect(() => {
    let live = true;
    api('archive.overview', {
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(state ? { state } : {}),
      ...(kind ? { kind } : {}),
      ...(year ? { year } : {}),
      offset,
      limit: PAGE,
    }).then(
      (p) => live && (setPage(p), setError(null)),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [query, state, kind, year, offset, refreshKey]);

  if (error) return <div className="notice notice-error">{error}</div>;
  if (!page) return <div className="loading">正在读取档案…</div>;
  if (page.total === 0 && !state && !kind && !year) return <>{empty}</>;
  const shownKinds = kind ? [kind] : KINDS;
  return (
    <div className="archive-overview" data-testid="archive-overview">
      <div className="ov-filters">
        <div className="chip-row" role="group" aria-label="按审核状态筛选">
          <button type="button" className={`chip${state === null ? ' on' : ''}`} onClick={() => setState(null)}>
            全部 {STATES.reduce((n, s) => n + page.states[s], 0)}
          </button>
          {STATES.map((s) => (
            <button key={s} type="button" className={`chip state-chip-${s}${state === s ? ' on' : ''}`} aria-pressed={state === s} data-state={s} onClick={() => setState(state === s ? null : s)}>
              {words.reviewStates[s]} {page.states[s]}
            </button>
          ))}
        </div>
        <select aria-label="按类型筛选" value={kind ?? ''} onChange={(e) => setKind((e.target.value || null) as DocKind | null)}>
          <option value="">预算与决算</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              仅{k}
            </option>
          ))}
        </select>
        <select aria-label="按年度筛选" value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
          <option value="">全部年度</option>
          {page.years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
        <span className="toolbar-sep" />
        <span className="muted">
          {page.total} 个部门{page.total > PAGE ? `，第 ${offset + 1}–${Math.min(offset + PAGE, page.total)} 个` : ''}
        </span>
        <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          上一页
        </button>
        <button type="button" className="btn btn-small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
          下一页
        </button>
      </div>
      {page.departments.length === 0 ? (
        <div className="empty-state">没有符合条件的报送。</div>
      ) : (
        <table className="ov-table">
          <thead>
            <tr>
              <th className="ov-dept">部门</th>
              <th className="ov-year">年度</th>
              {shownKinds.map((k) => (
                <th key={k} className="ov-kind">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.departments.flatMap((d) => {
              const years = [...new Set(d.cells.map((c) => c.year))].sort((a, b) => b - a);
              return years.map((y, i) => (
                <tr key={`${d.code}|${d.name}|${y}`} data-department={d.name} data-year={y}>
                  {i === 0 && (
                    <th className="ov-dept" rowSpan={years.length} scope="rowgroup">
                      <span className="dept-code">{d.code}</span> {d.name}
                    </th>
                  )}
                  <td className="ov-year">{y}</td>
                  {shownKinds.map((k) => (
                    <KindCell key={k} cell={d.cells.find((c) => c.year === y && c.kind === k)} onOpen={onOpen} />
                  ))}
                </tr>
              ));
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
