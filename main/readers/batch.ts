// Batch reading: a folder of disclosures read in parallel on the reading pool (./pool.ts), results delivered
// as each file finishes. A file that hangs, crashes its reader or exhausts its memory costs its worker,
// not the batch: the worker is replaced and the file reported.
import { toErrorData, type ErrorData } from '../model/errors.js';
import type { BudgetDocument } from '../model/types.js';
import { readPool, ReadPool } from './pool.js';

export interface BatchItem {
  fileName: string;
  bytes: Uint8Array;
}

/** `ms`: from the moment a worker took the file to its answer (time in the queue not counted). */
export type BatchResult<T extends BatchItem> = ({ item: T; doc: BudgetDocument } | { item: T; error: ErrorData }) & { ms: number };

export interface BatchOptions<T extends BatchItem> {
  /** Workers of a pool of its own for this batch (default: the process's pool). */
  concurrency?: number;
  /** Per file, after which the worker is stopped and the file reported as unreadable. */
  timeoutMs?: number;
  onResult?: (result: BatchResult<T>, done: number, total: number) => void | Promise<void>;
}

export async function readMany<T extends BatchItem>(items: readonly T[], options: BatchOptions<T> = {}): Promise<BatchResult<T>[]> {
  const own = options.concurrency ? new ReadPool({ size: options.concurrency }) : null;
  const pool = own ?? readPool();
  const results: BatchResult<T>[] = new Array(items.length);
  let done = 0;
  let chain = Promise.resolve();
  try {
    await Promise.all(
      items.map(async (item, i) => {
        let t0 = performance.now();
        const onStart = () => void (t0 = performance.now());
        let r: BatchResult<T>;
        try {
          r = { item, doc: await pool.read(item.bytes, item.fileName, { timeoutMs: options.timeoutMs, onStart }), ms: performance.now() - t0 };
        } catch (err) {
          r = { item, error: toErrorData(err), ms: performance.now() - t0 };
        }
        results[i] = r;
        done++;
        // Results are handed over one at a time, in the order they finish.
        const n = done;
        chain = chain.then(() => options.onResult?.(r, n, items.length));
      }),
    );
    await chain;
  } finally {
    await own?.close();
  }
  return results;
}
