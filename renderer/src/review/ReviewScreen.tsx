// Reviewing one submission: tabs of its standard tables (+ 情况说明, 修改记录, 审核意见书), the findings panel on
// the left, the source on the right. Selection, focus, search and scrolling live here; the data lives in
// useSubmission. Rows and columns are named by the layout the core sends for each table.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Correction, FindingStatus, SubmissionView, TableKey, ViewFinding } from '../../../main/api/types';
import { api } from '../bridge';
import { useCommand } from '../hooks';
import { FORMAT_LABEL, isTableKey } from '../lib/labels';
import { startMeasure, takeOpen } from '../lib/perf';
import { navigate } from '../lib/route';
import { useWords } from '../lib/words';
import { rowIdOf, rowLabelOf } from './columns';
import { CorrectionsPanel } from './CorrectionsPanel';
import { ExportMenu } from './ExportMenu';
import { buildIndex, cellKey, counts, locate, tableOf, type FindingIndex } from './findingIndex';
import { applyFilter, DEFAULT_FILTER, FindingsPanel, type FindingFilter } from './FindingsPanel';
import { NarrativeView } from './NarrativeView';
import { OpinionPanel } from './OpinionPanel';
import { releasePdf } from './pdf';
import { TablePrint } from './PrintPreview';
import { Shortcuts } from './Shortcuts';
import { SourcePane } from './SourcePane';
import { EMPTY_TARGET, sourceTarget } from './sourceTarget';
import { TablePane } from './TablePane';
import { TableSearch, type SearchHit } from './TableSearch';
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
  return first?.key ?? view.document.tables[0]?.key ?? (view.document.kind === '决算' ? 'd1' : 't1');
}

/** The page a narrative section starts on, and the file it was read from. */
function narrativeStart(view: SubmissionView): { file: string | null; page: number | null } {
  const s = view.document.narrative.find((x) => x.pages?.some((p) => p !== null)) ?? view.document.narrative[0];
  return { file: s?.file ?? null, page: s?.pages?.find((p) => p !== null) ?? null };
}

/** Cells changed since the previous version, per table: `rowId|columnId` → the earlier figure. */
function useChangedCells(view: SubmissionView | null): Map<string, Map<string, string>> | null {
  const [changed, setChanged] = useState<Map<string, Map<string, string>> | null>(null);
  const previous = view?.resubmission?.previousId ?? null;
  const id = view?.summary.id ?? null;
  const corrections = view?.corrections.length ?? 0;
  useEffect(() => {
    if (previous === null || id === null) return setChanged(null);
    let live = true;
    api('submission.compare', { id: previous, otherId: id }).then(
      (c) => {
        if (!live) return;
        const m = new Map<string, Map<string, string>>();
        for (const ch of c.changes) {
          if (ch.rowId === null || ch.columnId === null) continue;
          const t = m.get(ch.table) ?? new Map<string, string>();
          t.set(`${ch.rowId}|${ch.columnId}`, ch.before);
          m.set(ch.table, t);
        }
        setChanged(m);
      },
      () => live && setChanged(null),
    );
    return () => {
      live = false;
    };
  }, [previous, id, corrections]);
  return changed;
}

export function ReviewScreen({ id, tab: routeTab }: { id: number; tab: string | null }) {
  const words = useWords();
  const { view, loadError, actionError, clearActionError, correct, undo, redo, decide, decideMany, setReviewed, updateReview } = useSubmission(id);
  const [tabState, setTabState] = useState<string | null>(routeTab);
  const [sel, setSel] = useState<Selection>({ table: null, row: null, col: null });
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [filter, setFilter] = useState<FindingFilter>(DEFAULT_FILTER);
  const [scrollTo, setScrollTo] = useState<ScrollRequest | null>(null);
  const [reason, setReason] = useState('');
  const [narrPlace, setNarrPlace] = useState<{ file: string | null; page: number | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hit, setHit] = useState<SearchHit | null>(null);
  const [printing, setPrinting] = useState<TableKey | null>(null);
  const [help, setHelp] = useState(false);
  const [wide, setWide] = useState(false);
  /** Corrections undone in this session, last first: what redo (Ctrl+Y) applies again. */
  const [redoable, setRedoable] = useState<number[]>([]);
  const seq = useRef(0);
  const endOpen = useRef<(() => void) | null>(null);
  const endRecheck = useRef<(() => void) | null>(null);
  if (endOpen.current === null) endOpen.current = takeOpen();

  useEffect(() => () => releasePdf(id), [id]);

  const index = useMemo(() => (view ? buildIndex(view) : null), [view]);
  const visible = useMemo(() => (index ? applyFilter(index.ordered, filter) : []), [index, filter]);
  const changed = useChangedCells(view);
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
      // Opening 情况说明 brings the source to where the narrative starts (in whichever file holds it).
      if (t === 'narrative' && view) setNarrPlace(narrativeStart(view));
      navigate({ screen: 'review', id, tab: t }, true);
    },
    [id, view],
  );

  const select = useCallback(
    (t: TableKey, row: number | null, col: number | null) => {
      setTab(t);
      setSel({ table: t, row, col });
      if (row !== null) setScrollTo({ index: row, align: 'center', seq: ++seq.current });
    },
    [setTab],
  );

  const goto = useCallback(
    (table: string, row: string | null, column: string | null) => {
      if (!view) return;
      if (table === 'narrative') return setTab('narrative');
      const t = tableOf(view, table);
      if (!t) return;
      const at = locate(view.layouts[t.key], row, column);
      select(t.key, at.row, at.col);
    },
    [view, setTab, select],
  );

  const onHit = useCallback((h: SearchHit | null) => {
    setHit(h);
    if (h) select(h.table, h.row, h.col);
  }, [select]);

  const openFinding = useCallback(
    (f: ViewFinding) => {
      setFocusKey(f.key);
      if (f.table === 'narrative' && f.paragraph && view) {
        const s = view.document.narrative.find((x) => x.heading === f.paragraph!.heading);
        setNarrPlace({ file: s?.file ?? null, page: s?.pages?.[f.paragraph.index] ?? f.page });
      }
      goto(f.table, f.row, f.column);
    },
    [goto, view],
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
  useCommand('redo-correction', () => {
    const next = redoable[0];
    if (next === undefined) return setNotice('没有可重做的修改');
    endRecheck.current = startMeasure('correction-recheck');
    void redo(next).then((ok) => {
      if (!ok) return;
      setRedoable((r) => r.slice(1));
      const c = view?.corrections.find((x) => x.id === next);
      if (c) setNotice(`已重做：${placeOf(c)} ${c.oldValue || '（空）'} → ${c.newValue || '（空）'}`);
    });
  });
  useCommand('print-table', () => isTableKey(tab) && tableOf(view!, tab) && setPrinting(tab));
  useCommand('shortcuts', () => setHelp((h) => !h));

  /** A correction's cell in words: 表 · 行 · 栏. */
  const placeOf = (c: Correction): string => {
    const layout = view?.layouts[c.table];
    const at = locate(layout, c.row, c.column);
    const col = at.col !== null ? layout?.columns[at.col] : undefined;
    const row = at.row !== null && layout ? (layout.rowLabels[at.row]?.[Math.max(0, col?.panel ?? 0)] ?? c.row) : c.row;
    return [words.tables[c.table], row, col?.name ?? ''].filter(Boolean).join(' · ');
  };

  const undoCorrection = async (c: Correction) => {
    endRecheck.current = startMeasure('correction-recheck');
    if (await undo(c.id)) {
      setRedoable((r) => [c.id, ...r]);
      setNotice(`已撤销：${placeOf(c)} ${c.newValue || '（空）'} → ${c.oldValue || '（空）'}（Ctrl+Y 重做）`);
    }
  };

  const commit = async (row: number, col: number, value: string, why: string): Promise<boolean> => {
    const t = sel.table && tableOf(view!, sel.table);
    const layout = t ? view!.layouts[t.key] : undefined;
    const column = layout?.columns[col];
    if (!t || !layout || !column) return false;
    setReason(why);
    endRecheck.current = startMeasure('correction-recheck');
    const ok = await correct(t.key, layout.rowIds[row]?.[Math.max(0, column.panel)] ?? '', column.id, value, why);
    if (ok) setRedoable([]);
    else endRecheck.current = null;
    return ok;
  };

  const onDecide = async (f: ViewFinding, status: FindingStatus, comment: string) => {
    await decide(f.key, status, comment);
  };
  const onDecideMany = async (keys: string[], status: FindingStatus, comment: string) => {
    if (await decideMany(keys, status, comment)) setNotice(`已将 ${keys.length} 个问题标为“${words.statuses[status]}”`);
  };
  const showError = useCallback((m: string) => setNotice(m), []);

  const currentTable = view && isTableKey(tab) ? tableOf(view, tab) : undefined;
  const selTable = view && sel.table ? tableOf(view, sel.table) : undefined;
  const target = useMemo(() => {
    if (!view) return EMPTY_TARGET;
    // 情况说明: the page of the paragraph in focus (or where the narrative starts), in the file that holds it.
    if (tab === 'narrative') {
      const at = narrPlace ?? narrativeStart(view);
      return { ...EMPTY_TARGET, file: at.file, page: at.page ?? focus?.page ?? null };
    }
    // On a table tab its own selection; elsewhere (修改记录) the last selection stays on show.
    const t = currentTable ?? selTable;
    if (!t || sel.table !== t.key) return { ...EMPTY_TARGET, file: t?.file ?? null, page: t?.pages?.[0] ?? null };
    return sourceTarget(view, t, sel.row, sel.col, focus, null);
  }, [view, tab, currentTable, selTable, sel, focus, narrPlace]);

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
  const selLayout = selTable ? view.layouts[selTable.key] : undefined;
  const selLayoutCol = selLayout && sel.col !== null ? selLayout.columns[sel.col] : undefined;
  const selCol = selLayoutCol ? { id: selLayoutCol.id, name: selLayoutCol.name, panel: Math.max(0, selLayoutCol.panel) } : null;
  const selLabel =
    selTable && selLayout && sel.row !== null
      ? [words.tables[selTable.key], rowLabelOf(selLayout, sel.row, selCol), selCol?.name ?? ''].filter(Boolean).join(' · ')
      : null;
  const selValue = selTable && sel.row !== null && sel.col !== null ? (selTable.rows[sel.row]?.[sel.col] ?? null) : null;
  const selKey = selTable && selLayout && sel.row !== null && selCol ? cellKey(selTable.key, rowIdOf(selLayout, sel.row, selCol), selCol.id) : null;
  const sourceFile = target.file ? summary.files.find((f) => f.sha256 === target.file) : undefined;

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
            {doc.year} 年{doc.scope}
            {doc.kind} · 第 {summary.version} 版 · {FORMAT_LABEL[summary.format]} · {summary.fileName}
            {summary.files.length > 0 && ` 等 ${summary.files.length + 1} 个文件`}
          </span>
          <span className={`state-badge state-${view.review.state}`} data-testid="review-state-head">
            {words.reviewStates[view.review.state]}
          </span>
        </div>
        <TableSearch tables={doc.tables} onHit={onHit} />
        <div className="rh-status" data-testid="status-counts">
          {(['error', 'warning', 'info'] as const).map((s) => (
            <span key={s} className={`count-pill sev-${s}${c[s] ? '' : ' zero'}`}>
              {words.severities[s]} {c[s]}
            </span>
          ))}
          <span className="count-pill neutral">
            已审核 {view.reviewed.length}/{doc.tables.length} 表
          </span>
        </div>
        <ExportMenu submissionId={id} onError={setNotice} />
        <button type="button" className="btn-icon" title="快捷键（F1）" aria-label="快捷键" onClick={() => setHelp(true)}>
          ?
        </button>
      </header>
      {view.resubmission && (
        <div className="resubmission-bar" data-testid="resubmission">
          本版为第 {summary.version} 版，已沿用第 {view.resubmission.previousVersion} 版的 {view.resubmission.carried} 条处理意见：上次确认的问题
          <b> 已整改 {view.resubmission.fixed} 项</b>、<b>仍存在 {view.resubmission.remaining} 项</b>，本版新发现 {view.resubmission.new} 项
          {changed && `，与上一版相比有 ${[...changed.values()].reduce((n, m) => n + m.size, 0)} 个单元格变动（表中以虚线框标出）`}。
          <button type="button" className="btn-link" onClick={() => navigate({ screen: 'compare', id: view.resubmission!.previousId, otherId: id })}>
            查看两版对比
          </button>
        </div>
      )}
      {(actionError || notice) && (
        <div className={`notice ${actionError ? 'notice-error' : 'notice-info'}`} role={actionError ? 'alert' : 'status'}>
          {actionError ?? notice}
          <button type="button" className="btn-link" onClick={() => (clearActionError(), setNotice(null))}>
            知道了
          </button>
        </div>
      )}
      <div className={`review-body source-${sourceFile?.format ?? summary.format}${wide ? ' source-wide' : ''}`}>
        <FindingsPanel
          all={index.ordered}
          visible={visible}
          filter={filter}
          onFilter={setFilter}
          focusKey={focusKey}
          onFocus={openFinding}
          onStep={step}
          onDecide={onDecide}
          onDecideMany={onDecideMany}
          onGoto={goto}
        />
        <main className="review-center">
          <TableTabs view={view} byTable={index.byTable} tab={tab} onTab={setTab} />
          {isTableKey(tab) && (
            <TablePane
              key={tab}
              tableKey={tab}
              table={currentTable}
              layout={view.layouts[tab]}
              unit={doc.unit}
              reviewed={view.reviewed.includes(tab)}
              index={index}
              selected={sel.table === tab ? sel : { row: null, col: null }}
              focus={focus}
              changed={changed?.get(tab) ?? null}
              hit={hit && hit.table === tab ? hit : null}
              scrollTo={sel.table === tab ? scrollTo : null}
              reason={reason}
              onReviewed={(r) => void setReviewed(tab, r)}
              onSelect={(row, col) => setSel({ table: tab, row, col })}
              onCommit={commit}
              onOpenFinding={openFinding}
              onPrint={() => setPrinting(tab)}
            />
          )}
          {tab === 'narrative' && (
            <NarrativeView
              sections={doc.narrative}
              findings={index.byTable.get('narrative') ?? []}
              focusKey={focusKey}
              onOpenFinding={openFinding}
              onParagraph={(file, page) => setNarrPlace({ file, page })}
            />
          )}
          {tab === 'trail' && <CorrectionsPanel corrections={view.corrections} placeOf={placeOf} onUndo={(c) => void undoCorrection(c)} onGoto={(c) => goto(c.table, c.row, c.column)} />}
          {tab === 'opinion' && <OpinionPanel view={view} onUpdate={updateReview} onError={showError} />}
        </main>
        <SourcePane
          submissionId={id}
          format={sourceFile?.format ?? summary.format}
          fileName={sourceFile?.fileName ?? summary.fileName}
          target={target}
          wide={wide}
          onWide={setWide}
          label={selLabel}
          current={selValue}
          original={selKey ? (index.original.get(selKey) ?? selValue) : null}
        />
      </div>
      {printing && tableOf(view, printing) && (
        <TablePrint
          table={tableOf(view, printing)!}
          layout={view.layouts[printing]}
          unit={view.layouts[printing]?.unit ?? doc.unit}
          department={doc.department}
          onClose={() => setPrinting(null)}
        />
      )}
      {help && <Shortcuts onClose={() => setHelp(false)} />}
    </div>
  );
}
