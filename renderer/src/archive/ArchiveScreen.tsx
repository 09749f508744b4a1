// The archive: every submission by department, year and version; import (pick, drop, folder); search.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubmissionSummary } from '../../../main/api/types';
import { api, bridge } from '../bridge';
import { preloadPdfjs } from '../review';
import { takeDeferredCommand, useCommand, useDebounced } from '../hooks';
import { errorText } from '../lib/errors';
import { ArchiveTable } from './ArchiveTable';
import { BatchPanel } from './BatchPanel';
import { filesFromDrop, IMPORTABLE, useImport } from './useImport';

export function ArchiveScreen({ onOpen }: { onOpen: (id: number) => void }) {
  const [rows, setRows] = useState<SubmissionSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const debounced = useDebounced(query, 150);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const listSeq = useRef(0);

  const refresh = useCallback(() => {
    const seq = ++listSeq.current;
    api('archive.list', debounced.trim() ? { query: debounced.trim() } : {}).then(
      (r) => seq === listSeq.current && (setRows(r), setError(null)),
      (e) => seq === listSeq.current && setError(errorText(e)),
    );
  }, [debounced]);
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
        {rows && rows.length > 0 && <ArchiveTable rows={rows} onOpen={onOpen} onDelete={(s) => void onDelete(s)} />}
        {rows && rows.length === 0 && (
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
        )}
      </div>
      {dragging && <div className="drop-overlay">松开鼠标导入文件</div>}
    </div>
  );
}
