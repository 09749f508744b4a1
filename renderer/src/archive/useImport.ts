// Importing into the archive, one file or a batch: files picked or dropped in the browser (sent as bytes),
// or files and folders picked in Electron's native dialogs (sent as the dialog's opaque handles; the core
// walks a picked folder and pushes progress as events). The renderer never names a path. A bad file is
// reported in its own result line and the batch goes on.
import { useCallback, useRef, useState } from 'react';
import type { ImportResult, Picked, ProgressEvent, SubmissionSummary } from '../../../main/api/types';
import { api, bridge } from '../bridge';
import { bytesToBase64 } from '../lib/bytes';
import { toShownError } from '../lib/errors';

export interface BatchItem {
  fileName: string;
  status: ImportResult['status'] | 'error';
  submission?: SubmissionSummary;
  error?: { zh: string; en: string };
}

export interface BatchState {
  label: string;
  total: number;
  done: number;
  current: string | null;
  running: boolean;
  items: BatchItem[];
}

export const IMPORTABLE = /\.(pdf|docx|xlsx|doc|wps|xls|et)$/i;

type Outcome = ImportResult | { status: 'error'; error: { fileName: string; zh: string; en: string } };

function toItem(fileName: string, r: Outcome): BatchItem {
  if (r.status === 'error') return { fileName, status: 'error', error: { zh: r.error.zh, en: r.error.en } };
  return { fileName, status: r.status, submission: r.submission };
}

/** A named unit of work in a batch: its display name and how to import it. */
interface Job {
  name: string;
  run: () => Promise<ImportResult>;
}

export function useImport(onChanged: () => void) {
  const [batch, setBatch] = useState<BatchState | null>(null);
  const busy = useRef(false);

  const runJobs = useCallback(
    async (label: string, jobs: Job[]) => {
      if (busy.current || jobs.length === 0) return;
      busy.current = true;
      const items: BatchItem[] = [];
      setBatch({ label, total: jobs.length, done: 0, current: jobs[0]!.name, running: true, items: [] });
      for (const [i, job] of jobs.entries()) {
        let item: BatchItem;
        try {
          item = toItem(job.name, await job.run());
        } catch (err) {
          const e = toShownError(err);
          item = { fileName: job.name, status: 'error', error: { zh: e.zh, en: e.en } };
        }
        items.push(item);
        setBatch({ label, total: jobs.length, done: i + 1, current: jobs[i + 1]?.name ?? null, running: i + 1 < jobs.length, items: [...items] });
        // The archive list follows the batch as it goes.
        if (item.status === 'stored' || item.status === 'joined') onChanged();
      }
      busy.current = false;
      onChanged();
    },
    [onChanged],
  );

  /** Browser: File objects from the file input, a folder input or a drop. */
  const importFiles = useCallback(
    (files: File[], label = '导入文件') =>
      runJobs(
        label,
        files.map((f) => ({
          name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
          run: async () => api('archive.importBytes', { fileName: f.name, dataBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) }),
        })),
      ),
    [runJobs],
  );

  /** Electron: files picked in the native dialog. */
  const importPicked = useCallback(
    (picked: Picked[]) =>
      runJobs(
        '导入文件',
        picked.map((p) => ({ name: p.name, run: () => api('archive.importPicked', { handle: p.handle }) })),
      ),
    [runJobs],
  );

  /** Electron: a folder picked in the native dialog; the core walks it and reports each file as an event. */
  const importFolder = useCallback(
    async (folder: Picked) => {
      if (busy.current) return;
      busy.current = true;
      const label = `导入文件夹 ${folder.name}`;
      setBatch({ label, total: 0, done: 0, current: null, running: true, items: [] });
      const items: BatchItem[] = [];
      const off = bridge.onEvent((e: ProgressEvent) => {
        if (e.kind !== 'import-progress' || !e.result) return;
        items.push(toItem(e.fileName, e.result));
        setBatch({ label, total: e.total, done: e.done, current: null, running: e.done < e.total, items: [...items] });
        if (e.result.status === 'stored') onChanged();
      });
      try {
        const { results } = await api('archive.importPickedFolder', { handle: folder.handle });
        // The answer is authoritative (an event stream may have dropped a line).
        const final = results.map((r) => toItem(r.status === 'error' ? r.error.fileName : r.submission.fileName, r));
        setBatch({ label, total: final.length, done: final.length, current: null, running: false, items: final });
      } catch (err) {
        const e = toShownError(err);
        setBatch({ label, total: 1, done: 1, current: null, running: false, items: [{ fileName: folder.name, status: 'error', error: { zh: e.zh, en: e.en } }] });
      } finally {
        off();
        busy.current = false;
        onChanged();
      }
    },
    [onChanged],
  );

  return { batch, importFiles, importPicked, importFolder, dismiss: () => setBatch(null) };
}

/** Every file under a drop, folders walked (webkitGetAsEntry), only the importable kinds from folders. */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e === null)) return [...dt.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, fromFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      if (!fromFolder || IMPORTABLE.test(file.name)) out.push(file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch.sort((a, b) => a.name.localeCompare(b.name))) await walk(e, true);
      }
    }
  };
  for (const e of entries) if (e) await walk(e, false);
  return out;
}
