// A reading worker (./pool.ts): files in, canonical documents (or the reason they cannot be read) out.
// The check engine and the store stay in the main thread; only the reading runs here. Anything the readers
// throw that is not already a reason (a library's exception on a malformed file) is turned into one, and a
// promise a library leaves rejected after the read has settled is absorbed here, never in the main process.
import { parentPort } from 'node:worker_threads';
import { AppError, toErrorData, unusableInput } from '../model/errors.js';
import { detectFormat, readDisclosure } from './index.js';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

const FORMAT_NAMES: Record<string, [string, string]> = {
  pdf: ['PDF', 'PDF'],
  docx: ['Word', 'Word'],
  xlsx: ['Excel', 'Excel'],
};

/** A reason for an exception that is not one: the file's content made a reader fail. */
export function readerFailure(bytes: Uint8Array, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const [zh, en] = FORMAT_NAMES[detectFormat(bytes)] ?? ['', 'the'];
  const cause = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return unusableInput(`${zh}文件结构嵌套过深，无法读取`, `the ${en} file nests too deeply to be read`, { cause });
  }
  if (err instanceof RangeError) {
    return unusableInput(`${zh}文件中的尺寸或数量异常，文件已损坏`, `the ${en} file declares an impossible size or count; it is damaged`, { cause });
  }
  return unusableInput(`${zh}文件内容异常，无法读取（文件可能已损坏）`, `the ${en} file's content could not be read; it may be damaged`, { cause });
}

// pdf.js reports damage on the console; in a worker that is the process's stdout, where `check --json`
// writes. Silent unless debugging.
if (!process.env.BUDGET_DEBUG) {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = () => undefined;
}

let current: { id: number; bytes: Uint8Array } | null = null;
// A library's promise rejected with nobody listening (pdf.js on some damaged files): the read it belonged
// to has its own answer; the stray is only logged when debugging.
process.on('unhandledRejection', (reason) => {
  if (process.env.BUDGET_DEBUG) process.stderr.write(`stray rejection in reader: ${String((reason as Error)?.stack ?? reason)}\n`);
});
// An exception thrown from a callback: the current file gets it as its error; the worker then ends, since
// its state is unknown (the pool starts a fresh one).
process.on('uncaughtException', (err) => {
  if (current) parentPort?.postMessage({ id: current.id, ok: false, error: toErrorData(readerFailure(current.bytes, err)) });
  process.exit(1);
});

parentPort?.on('message', (req: ReadRequest) => {
  current = { id: req.id, bytes: req.bytes };
  // Each page read is reported: the pool's watchdog ends a worker stuck inside one page.
  const onPage = (done: number, total: number, scanned: number) => parentPort!.postMessage({ id: req.id, progress: { done, total, scanned } });
  void readDisclosure(req.bytes, req.fileName, { onPage })
    .then(
      (doc) => parentPort!.postMessage({ id: req.id, ok: true, doc }),
      (err: unknown) => parentPort!.postMessage({ id: req.id, ok: false, error: toErrorData(readerFailure(req.bytes, err)) }),
    )
    .finally(() => {
      current = null;
    });
});
