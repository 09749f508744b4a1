// The source beside the table: the PDF page with the selected row and cell boxed, or for Word/Excel the
// cell's position in the original file (table/row/column, sheet and address). A submission of two files (the
// narrative published apart from the tables) shows whichever file holds what is selected.
import { useCallback, useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { SourceFormat } from '../../../main/api/types';
import { errorText } from '../lib/errors';
import { FORMAT_LABEL } from '../lib/labels';
import { PdfView, type Highlight, type Zoom } from './PdfView';
import { sourcePdf } from './pdf';
import { rowSpanLabel, type SourceTarget } from './sourceTarget';

interface Props {
  submissionId: number;
  /** The file on show (the target's file) and its format. */
  format: SourceFormat;
  fileName: string;
  target: SourceTarget;
  /** The source pane is widened (landscape pages read better). */
  wide: boolean;
  onWide: (wide: boolean) => void;
  /** What is selected, in words (表 · 序号 · 栏次). */
  label: string | null;
  current: string | null;
  original: string | null;
}

export function SourcePane(props: Props) {
  return (
    <aside className="source-pane" aria-label="原文" data-file={props.target.file ?? ''}>
      {props.format === 'pdf' ? <PdfSource key={props.target.file ?? ''} {...props} /> : <OfficeSource {...props} />}
    </aside>
  );
}

const ZOOM_STEP = 1.25;

function PdfSource({ submissionId, target, label, fileName, wide, onWide }: Props) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState<number>(target.page ?? 1);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [share, setShare] = useState(1);
  const [renderedPage, setRenderedPage] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    sourcePdf(submissionId, target.file).then(
      (d) => live && setPdf(d),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [submissionId, target.file]);

  // A new selection brings its page; the auditor may still leaf through by hand.
  useEffect(() => {
    if (target.page) setPage(target.page);
  }, [target.page, target.cell, target.rowBox]);

  const highlights: Highlight[] = [];
  for (const r of target.related) if (r.page === page) highlights.push({ kind: 'related', box: r.box });
  if (target.page === page) {
    if (target.rowBox) highlights.push({ kind: 'row', box: target.rowBox });
    if (target.cellBox) highlights.push({ kind: 'cell', box: target.cellBox });
  }
  const onRendered = useCallback((p: number) => setRenderedPage(p), []);
  const pages = pdf?.numPages ?? 0;

  return (
    <>
      <div className="sp-toolbar">
        <span className="sp-title">原文</span>
        <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label="上一页">
          ◀
        </button>
        <span className="sp-page" data-testid="source-page" data-rendered={renderedPage ?? undefined}>
          第 {page} / {pages || '…'} 页
        </span>
        <button type="button" className="btn btn-small" disabled={!pages || page >= pages} onClick={() => setPage((p) => p + 1)} aria-label="下一页">
          ▶
        </button>
        <span className="toolbar-sep" />
        <button type="button" className="btn btn-small" onClick={() => setZoom(Math.max(0.25, share / ZOOM_STEP))} aria-label="缩小">
          －
        </button>
        <span className="sp-zoom" data-testid="source-zoom" title="相对于原文实际大小">
          {Math.round(share * 100)}%
        </span>
        <button type="button" className="btn btn-small" onClick={() => setZoom(Math.min(4, share * ZOOM_STEP))} aria-label="放大">
          ＋
        </button>
        <button type="button" className={`btn btn-small${zoom === 'fit' ? ' on' : ''}`} onClick={() => setZoom('fit')} title="页面宽度适合窗格（横向页面同样）">
          适合宽度
        </button>
        <button type="button" className="btn btn-small" onClick={() => setZoom(1)} title="按原文实际大小显示">
          100%
        </button>
        <button type="button" className={`btn btn-small${wide ? ' on' : ''}`} onClick={() => onWide(!wide)} title="加宽原文窗格">
          {wide ? '收窄' : '加宽'}
        </button>
      </div>
      <div className="sp-file-line" title={fileName}>
        {fileName}
      </div>
      {label && <div className="sp-where">{label}{target.cellBox || target.rowBox ? '' : target.page ? '（此处无位置信息，显示所在页）' : ''}</div>}
      {error && <div className="notice notice-error">{error}</div>}
      {!pdf && !error && <div className="sp-loading">正在载入原文…</div>}
      {pdf && <PdfView pdf={pdf} page={page} zoom={zoom} onScale={setShare} highlights={highlights} onRendered={onRendered} />}
    </>
  );
}

function OfficeSource({ format, fileName, target, label, current, original }: Props) {
  const cell = target.cell;
  const rowSpan = rowSpanLabel(target.row);
  const firstInRow = target.row.find((s) => s && (s.row !== undefined || s.cell));
  return (
    <>
      <div className="sp-toolbar">
        <span className="sp-title">原文位置</span>
        <span className="fmt-badge">{FORMAT_LABEL[format]}</span>
        <span className="sp-file" title={fileName}>
          {fileName}
        </span>
      </div>
      <div className="office-source" data-testid="office-source">
        {!label && <p className="muted">选中表格中的单元格，这里显示它在原文件中的位置。</p>}
        {label && (
          <dl className="fd-facts">
            <dt>所选</dt>
            <dd>{label}</dd>
            {(format === 'xlsx' || format === 'xls') && (
              <>
                <dt>工作表</dt>
                <dd>{cell?.sheet ?? firstInRow?.sheet ?? '—'}</dd>
                <dt>单元格</dt>
                <dd className="mono">{cell?.cell ?? '—'}</dd>
                <dt>整行</dt>
                <dd className="mono">{rowSpan ?? '—'}</dd>
              </>
            )}
            {(format === 'docx' || format === 'doc') && (
              <>
                <dt>表格</dt>
                <dd>{(cell ?? firstInRow)?.table !== undefined ? `文档中第 ${(cell ?? firstInRow)!.table! + 1} 个表格` : '—'}</dd>
                <dt>行</dt>
                <dd>{(cell ?? firstInRow)?.row !== undefined ? `第 ${(cell ?? firstInRow)!.row! + 1} 行` : '—'}</dd>
                <dt>列</dt>
                <dd>{cell?.col !== undefined ? `第 ${cell.col + 1} 列` : '—'}</dd>
              </>
            )}
            {current !== null && (
              <>
                <dt>当前值</dt>
                <dd className="mono">{current === '' ? '（空）' : current}</dd>
              </>
            )}
            {original !== null && original !== current && (
              <>
                <dt>原文值</dt>
                <dd className="mono">{original === '' ? '（空）' : original}</dd>
              </>
            )}
          </dl>
        )}
      </div>
    </>
  );
}
