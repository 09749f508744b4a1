// Reviewing one submission: tabs of the nine tables (+ 情况说明, 修改记录), the findings panel on the left,
// the source on the right. Selection, focus and scrolling live here; the data lives in useSubmission.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Correction, FindingStatus, ReviewFinding, SubmissionView, TableKey } from '../../../main/api/types';
import { useCommand } from '../hooks';
import { FORMAT_LABEL, SEVERITY_LABEL, isTableKey, placeLabel } from '../lib/labels';
import { startMeasure, takeOpen } from '../lib/perf';
import { navigate } from '../lib/route';
import { CorrectionsPanel } from './CorrectionsPanel';
import { ExportMenu } from './ExportMenu';
import { buildIndex, counts, locate, tableOf, type FindingIndex } from './findingIndex';
import { applyFilter, DEFAULT_FILTER, FindingsPanel, type FindingFilter } from './FindingsPanel';
import { NarrativeView } from './NarrativeView';
import { releasePdf } from './pdf';
import { SourcePane } from './SourcePane';
import { EMPTY_TARGET, sourceTarget } from './sourceTarget';
import { TablePane } from './TablePane';
import { TableTabs } from './TableTabs';
import { useSubmission } from './useSubmission';
import type { ScrollRequest } from './WindowedList';

interface Selection {
  table: TableKey | null;
  row: number | null;
  col: number | null;
}

function firstTab(view: SubmissionView, index: FindingIndex): string {
  const first = view.document.tables.find((t) => (index.byTable.get(t.key) ?? []).some((f) => f.status === 'open'));
  return first?.key ?? view.document.tables[0]?.key ?? 't1';
}

export function ReviewScreen({ id, tab: routeTab }: { id: number; tab: string | null }) {
  const { view, loadError, actionError, clearActionError, correct, undo, decide, setReviewed } = useSubmission(id);
  const [tabState, setTabState] = useState<string | null>(routeTab);
  const [sel, setSel] = useState<Selection>({ table: null, row: null, col: null });
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [filter, setFilter] = useState<FindingFilter>(DEFAULT_FILTER);
  const [scrollTo, setScrollTo] = useState<ScrollRequest | null>(null);
  const [reason, setReason] = useState('');
  const [narrPage, setNarrPage] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const seq = useRef(0);
  const endOpen = useRef<(() => void) | null>(null);
  const endRecheck = useRef<(() => void) | null>(null);
  if (endOpen.current === null) endOpen.current = takeOpen();

  useEffect(() => () => releasePdf(id), [id]);

  const index = useMemo(() => (view ? buildIndex(view) : null), [view]);
  const visible = useMemo(() => (index ? applyFilter(index.ordered, filter) : []), [index, filter]);
  const focus = (focusKey && index?.byKey.get(focusKey)) || null;
  // Until the auditor picks a tab: the one the URL named, else the first table with open findings.
  // Chosen once, during the render that first has the view (no extra commit, no jump on later re-checks).
  if (tabState === null && view && index) setTabState(firstTab(view, index));
  const tab = tabState ?? 't1';

  // The measurements end once the view they waited for has been committed (and then painted).
  useLayoutEffect(() => {
    if (!view) return;
    endOpen.current?.();
    endRecheck.current?.();
    endRecheck.current = null;
  }, [view]);

  const setTab = useCallback(
    (t: string) => {
      setTabState(t);
      navigate({ screen: 'review', id, tab: t }, true);
    },
    [id],
  );

  const goto = useCallback(
    (table: string, row: string | null, column: string | null) => {
      if (!view) return;
      if (table === 'narrative') return setTab('narrative');
      const t = tableOf(view, table);
      if (!t) return;
      setTab(t.key);
      const at = locate(t, row, column);
      setSel({ table: t.key, row: at.row, col: at.col });
      if (at.row !== null) setScrollTo({ index: at.row, align: 'center', seq: ++seq.current });
    },
    [view, setTab],
  );

  const openFinding = useCallback(
    (f: ReviewFinding) => {
      setFocusKey(f.key);
      goto(f.table, f.row, f.column);
    },
    [goto],
  );

  const step = (dir: 1 | -1) => {
    if (visible.length === 0) return;
    const at = focus ? visible.indexOf(focus) : -1;
    const next = at < 0 ? (dir === 1 ? 0 : visible.length - 1) : (at + dir + visible.length) % visible.length;
    openFinding(visible[next]!);
  };
  useCommand('next-finding', () => step(1));
  useCommand('previous-finding', () => step(-1));
  useCommand('undo-correction', () => {
    const last = [...(view?.corrections ?? [])].filter((c) => c.undoneAt === null).sort((a, b) => b.id - a.id)[0];
    if (last) void undoCorrection(last);
    else setNotice('没有可撤销的修改');
  });

  const undoCorrection = async (c: Correction) => {
    endRecheck.current = startMeasure('correction-recheck');
    if (await undo(c.id)) setNotice(`已撤销：${placeLabel(c.table, c.row, c.column)} ${c.newValue || '（空）'} → ${c.oldValue || '（空）'}`);
  };

  const commit = async (row: number, col: number, value: string, why: string): Promise<boolean> => {
    const t = sel.table && tableOf(view!, sel.table);
    if (!t) return false;
    setReason(why);
    endRecheck.current = startMeasure('correction-recheck');
    const ok = await correct(t.key, t.rows[row]![0]!, (t.lanes ?? [])[col] ?? String(col + 1), value, why);
    if (!ok) endRecheck.current = null;
    return ok;
  };

  const onDecide = async (f: ReviewFinding, status: FindingStatus, comment: string) => {
    await decide(f.key, status, comment);
  };

  const currentTable = view && isTableKey(tab) ? tableOf(view, tab) : undefined;
  const selTable = view && sel.table ? tableOf(view, sel.table) : undefined;
  const target = useMemo(() => {
    if (!view) return EMPTY_TARGET;
    // The narrative shows its page in a PDF; a Word/Excel source keeps showing the selected cell's position.
    if (tab === 'narrative' && view.summary.format === 'pdf') return { ...EMPTY_TARGET, page: narrPage ?? focus?.page ?? null };
    // On a table tab its own selection; elsewhere (修改记录) the last selection stays on show.
    const t = (tab === 'narrative' ? undefined : currentTable) ?? selTable;
    if (!t || sel.table !== t.key) return { ...EMPTY_TARGET, page: t?.pages?.[0] ?? null };
    return sourceTarget(view, t, sel.row, sel.col, focus, null);
  }, [view, tab, currentTable, selTable, sel, focus, narrPage]);

  if (loadError)
    return (
      <div className="review-error">
        <div className="notice notice-error" role="alert">
          {loadError}
        </div>
        <button type="button" className="btn" onClick={() => navigate({ screen: 'archive' })}>
          返回档案库
        </button>
      </div>
    );
  if (!view || !index) return <div className="loading">正在打开…</div>;

  const { summary, document: doc } = view;
  const c = counts(view.findings);
  const selLabel =
    selTable && sel.row !== null ? placeLabel(selTable.key, selTable.rows[sel.row]?.[0] ?? null, sel.col !== null ? ((selTable.lanes ?? [])[sel.col] ?? null) : null) : null;
  const selValue = selTable && sel.row !== null && sel.col !== null ? (selTable.rows[sel.row]?.[sel.col] ?? null) : null;
  const selKey = selTable && sel.row !== null && sel.col !== null ? `${selTable.key}|${selTable.rows[sel.row]?.[0]}|${(selTable.lanes ?? [])[sel.col]}` : null;

  return (
    <div className="review-screen" data-submission={id}>
      <header className="review-head">
        <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'archive' })} title="返回档案库（Ctrl+1）">
          ← 档案库
        </button>
        <div className="rh-title">
          <span className="dept-code">{doc.department_code}</span>
          <span className="rh-dept">{doc.department}</span>
          <span className="rh-meta">
            {doc.year} 年{doc.scope}预算 · 第 {summary.version} 版 · {FORMAT_LABEL[summary.format]} · {summary.fileName}
          </span>
        </div>
        <div className="rh-status" data-testid="status-counts">
          {(['error', 'warning', 'info'] as const).map((s) => (
            <span key={s} className={`count-pill sev-${s}${c[s] ? '' : ' zero'}`}>
              {SEVERITY_LABEL[s]} {c[s]}
            </span>
          ))}
          <span className="count-pill neutral">
            已审核 {view.reviewed.length}/{doc.tables.length} 表
          </span>
        </div>
        <ExportMenu submissionId={id} onError={setNotice} />
      </header>
      {(actionError || notice) && (
        <div className={`notice ${actionError ? 'notice-error' : 'notice-info'}`} role={actionError ? 'alert' : 'status'}>
          {actionError ?? notice}
          <button type="button" className="btn-link" onClick={() => (clearActionError(), setNotice(null))}>
            知道了
          </button>
        </div>
      )}
      <div className={`review-body source-${summary.format}`}>
        <FindingsPanel
          all={index.ordered}
          visible={visible}
          filter={filter}
          onFilter={setFilter}
          focusKey={focusKey}
          onFocus={openFinding}
          onStep={step}
          onDecide={onDecide}
          onGoto={goto}
        />
        <main className="review-center">
          <TableTabs view={view} byTable={index.byTable} tab={tab} onTab={setTab} />
          {isTableKey(tab) && (
            <TablePane
              key={tab}
              tableKey={tab}
              table={currentTable}
              unit={doc.unit}
              reviewed={view.reviewed.includes(tab)}
              index={index}
              selected={sel.table === tab ? sel : { row: null, col: null }}
              focus={focus}
              scrollTo={sel.table === tab ? scrollTo : null}
              reason={reason}
              onReviewed={(r) => void setReviewed(tab, r)}
              onSelect={(row, col) => setSel({ table: tab, row, col })}
              onCommit={commit}
              onOpenFinding={openFinding}
            />
          )}
          {tab === 'narrative' && (
            <NarrativeView sections={doc.narrative} findings={index.byTable.get('narrative') ?? []} focusKey={focusKey} onOpenFinding={openFinding} onParagraph={setNarrPage} />
          )}
          {tab === 'trail' && <CorrectionsPanel corrections={view.corrections} onUndo={(c) => void undoCorrection(c)} onGoto={(c) => goto(c.table, c.row, c.column)} />}
        </main>
        <SourcePane
          submissionId={id}
          format={summary.format}
          fileName={summary.fileName}
          target={target}
          label={selLabel}
          current={selValue}
          original={selKey ? (index.original.get(selKey) ?? selValue) : null}
        />
      </div>
    </div>
  );
}
