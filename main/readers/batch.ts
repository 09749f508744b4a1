// Batch reading on worker threads: a folder of disclosures read in parallel (one worker per core, 2 here),
// results delivered as each file finishes. A file that hangs past its time limit costs its worker, not
// the batch: the worker is replaced and the file reported.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorData } from '../model/errors.js';
import type { BudgetDocument } from '../model/types.js';

export interface BatchItem {
  fileName: string;
  bytes: Uint8Array;
}

export type BatchResult<T extends BatchItem> = { item: T; doc: BudgetDocument } | { item: T; error: ErrorData };

export interface BatchOptions<T extends BatchItem> {
  concurrency?: number;
  /** Per file, after which the worker is stopped and the file reported as unreadable. */
  timeoutMs?: number;
  onResult?: (result: BatchResult<T>, done: number, total: number) => void | Promise<void>;
}

const workerUrl = () => new URL('./read-worker.mjs', import.meta.url);

export async function readMany<T extends BatchItem>(items: readonly T[], options: BatchOptions<T> = {}): Promise<BatchResult<T>[]> {
  const concurrency = Math.max(1, Math.min(options.concurrency ?? os.availableParallelism(), items.length));
  const timeoutMs = options.timeoutMs ?? 180_000;
  const results: BatchResult<T>[] = new Array(items.length);
  let next = 0;
  let done = 0;
  let chain = Promise.resolve();

  const deliver = (i: number, r: BatchResult<T>) => {
    results[i] = r;
    done++;
    // Results are handed over one at a time, in the order they finish.
    chain = chain.then(() => options.onResult?.(r, done, items.length));
  };

  async function lane(): Promise<void> {
    let worker: Worker | null = null;
    try {
      while (next < items.length) {
        const i = next++;
        const item = items[i]!;
        worker ??= new Worker(workerUrl());
        const w: Worker = worker;
        const outcome = await new Promise<{ doc?: BudgetDocument; error?: ErrorData; dead?: boolean }>((resolve) => {
          const timer = setTimeout(() => resolve({ dead: true, error: timeoutError(item.fileName, timeoutMs) }), timeoutMs);
          const finish = (v: { doc?: BudgetDocument; error?: ErrorData; dead?: boolean }) => {
            clearTimeout(timer);
            w.removeAllListeners('message');
            w.removeAllListeners('error');
            w.removeAllListeners('exit');
            resolve(v);
          };
          w.on('message', (m: { ok: boolean; doc?: BudgetDocument; error?: ErrorData }) => finish(m.ok ? { doc: m.doc } : { error: m.error }));
          w.on('error', (err) => finish({ dead: true, error: crashError(item.fileName, err) }));
          w.on('exit', (code) => finish({ dead: true, error: crashError(item.fileName, new Error(`worker exited with ${code}`)) }));
          w.postMessage({ id: i, bytes: item.bytes, fileName: item.fileName });
        });
        if (outcome.dead) {
          await w.terminate();
          worker = null;
        }
        deliver(i, outcome.doc ? { item, doc: outcome.doc } : { item, error: outcome.error! });
      }
    } finally {
      await worker?.terminate();
    }
  }

  await Promise.all(Array.from({ length: concurrency }, lane));
  await chain;
  return results;
}

function timeoutError(fileName: string, ms: number): ErrorData {
  const e = new AppError('unusable-input', `读取超时（超过 ${Math.round(ms / 1000)} 秒）：${fileName}`, `reading ${fileName} took longer than ${Math.round(ms / 1000)} s`);
  return { code: e.code, message: e.message, zh: e.zh, en: e.en };
}

function crashError(fileName: string, err: Error): ErrorData {
  return { code: 'internal', message: `读取进程异常 / reader crashed: ${err.message}`, zh: `读取 ${fileName} 时读取进程异常`, en: `the reader crashed on ${fileName}: ${err.message}` };
}
