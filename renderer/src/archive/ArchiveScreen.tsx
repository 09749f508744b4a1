// The archive: every submission by department, year and version; import (pick, drop, folder); search.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubmissionSummary } from '../../../main/api/types';
import { api, bridge } from '../bridge';
import { preloadPdfjs } from '../review';
import { takeDeferredCommand, useCommand, useDebounced } from '../hooks';
import { errorText } from '../lib/errors';
import { ArchiveOverview } from './ArchiveOverview';
import { ArchiveTable } from './ArchiveTable';
import { BatchPanel } from './BatchPanel';
import { filesFromDrop, IMPORTABLE, useImport } from './useImport';

const LIST_PAGE = 300;

export function ArchiveScreen({ onOpen }: { onOpen: (id: number) => void }) {
  const [rows, setRows] = useState<SubmissionSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /** 概览 (department × year, 预算 and 决算 side by side) or every submission listed with its versions. */
  const [mode, setMode] = useState<'overview' | 'list'>('overview');
  const [changes, setChanges] = useState(0);
  /** The full list is read a page at a time: an archive of ten thousand submissions lists as fast as a small one. */
  const [listLimit, setListLimit] = useState(LIST_PAGE);
  const debounced = useDebounced(query, 150);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const listSeq = useRef(0);

  const refresh = useCallback(() => {
    setChanges((n) => n + 1);
    // The overview reads its own page; the full list is read only when it is on show.
    if (mode !== 'list') return;
    const seq = ++listSeq.current;
    api('archive.list', { ...(debounced.trim() ? { query: debounced.trim() } : {}), limit: listLimit }).then(
      (r) => seq === listSeq.current && (setRows(r), setError(null)),
      (e) => seq === listSeq.current && setError(errorText(e)),
    );
  }, [debounced, mode, listLimit]);
  useEffect(refresh, [refresh]);
  useEffect(preloadPdfjs, []);

  const { batch, importFiles, importPicked, importFolder, dismiss } = useImport(refresh);
  const electron = bridge.platform === 'electron' && bridge.pickFiles && bridge.pickFolder;

  const pickFiles = async () => {
    if (electron) await importPicked(await bridge.pickFiles!());
    else fileInput.current?.click();
  };
  const pickFolder = async () => {
    if (electron) {
      const dir = await bridge.pickFolder!();
      if (dir) void importFolder(dir);
    } else folderInput.current?.click();
  };
  useCommand('import-files', () => void pickFiles());
  useCommand('import-folder', () => void pickFolder());
  useEffect(() => {
    const c = takeDeferredCommand();
    if (c === 'import-files') void pickFiles();
    if (c === 'import-folder') void pickFolder();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onDelete = async (s: SubmissionSummary) => {
    if (!window.confirm(`从档案中删除 ${s.department} ${s.year} 年第 ${s.version} 版（${s.fileName}）？修改记录与审核意见一并删除。`)) return;
    try {
      await api('submission.delete', { id: s.id });
      refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const empty = (
    <div className="empty-state">
      {debounced.trim() ? (
        <p>没有与“{debounced.trim()}”匹配的部门。</p>
      ) : (
        <>
          <p className="empty-title">档案库为空</p>
          <p>将预算公开文件（PDF、Word、Excel）或整个文件夹拖到此处，或使用“导入文件…”。</p>
        </>
      )}
    </div>
  );

  return (
    <div
      className={`archive-screen${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void filesFromDrop(e.dataTransfer).then((files) => importFiles(files, '拖入的文件'));
      }}
    >
      <div className="toolbar">
        <input
          className="search"
          type="search"
          placeholder="按部门代码或名称搜索"
          aria-label="搜索部门"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="seg" role="group" aria-label="显示方式">
          <button type="button" className={`seg-btn${mode === 'overview' ? ' on' : ''}`} aria-pressed={mode === 'overview'} onClick={() => setMode('overview')}>
            概览
          </button>
          <button type="button" className={`seg-btn${mode === 'list' ? ' on' : ''}`} aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
            全部报送
          </button>
        </div>
        <span className="toolbar-sep" />
        <button type="button" className="btn btn-primary" onClick={() => void pickFiles()}>
          导入文件…
        </button>
        <button type="button" className="btn" onClick={() => void pickFolder()}>
          导入文件夹…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".pdf,.docx,.xlsx,.doc,.wps,.xls,.et"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].filter((f) => IMPORTABLE.test(f.name));
            e.target.value = '';
            void importFiles(files, '导入文件夹');
          }}
        />
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {batch && <BatchPanel batch={batch} onOpen={onOpen} onClose={dismiss} />}
      <div className="archive-body">
        {mode === 'overview' && <ArchiveOverview query={debounced} refreshKey={changes} onOpen={onOpen} empty={empty} />}
        {mode === 'list' && rows && rows.length > 0 && <ArchiveTable rows={rows} onOpen={onOpen} onDelete={(s) => void onDelete(s)} />}
        {mode === 'list' && rows && rows.length >= listLimit && (
          <button type="button" className="btn list-more" onClick={() => setListLimit((n) => n + LIST_PAGE)}>
            显示更多报送
          </button>
        )}
        {mode === 'list' && rows && rows.length === 0 && empty}
      </div>
      {dragging && <div className="drop-overlay">松开鼠标导入文件</div>}
    </div>
  );
}
