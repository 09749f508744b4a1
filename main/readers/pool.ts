// Reading in isolation: every file is read in a worker thread with its own heap limit and a wall-clock
// deadline after which the worker is terminated (a synchronous loop inside pdf.js cannot stop itself).
// Whatever happens inside — an exception, a stray rejection, an out-of-memory, a hang — becomes that
// file's error; the process, the bridge, the Electron main process and the rest of a batch go on.
// Workers are reused between files (pdf.js is loaded once) and unref'd while idle, so a CLI exits.
import os from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError, unusableInput, type ErrorData } from '../model/errors.js';
import type { BudgetDocument } from '../model/types.js';
import { detectFormat } from './detect.js';
import { fileTooLarge, LIMITS } from './limits.js';
import { terminateQuietly } from './worker-exit.js';

export interface ReadPoolOptions {
  /** Workers at most (default: the cores, at most 2). */
  size?: number;
  /** The worker script (tests give their own). */
  workerUrl?: URL;
  resourceLimits?: ResourceLimits;
  /** An idle worker is ended after this long (ms). */
  idleMs?: number;
}

export interface ReadOptions {
  /** Deadline for this file (ms), after which its worker is terminated. */
  timeoutMs?: number;
  /** Called when a worker starts on the file (it may wait in the queue before). */
  onStart?: () => void;
}

/** Hard deadline per file: within the 60 s a user (and the contract) waits for an answer. */
export const DEFAULT_READ_TIMEOUT_MS = 50_000;

/** A PDF page that takes longer than this stops its reader: a real page takes well under a second, while a
 *  crafted one (200,000 nested `q`) would keep pdf.js busy, quadratically, for many minutes. */
export const PAGE_TIMEOUT_MS = 20_000;

/** Time a scanned page read by OCR adds to a file's deadline, and the longest an OCR page may go without
 *  progress (a page is recognised in seconds; this leaves room for a machine busy with other work). */
export const OCR_PAGE_MS = 30_000;
const OCR_STALL_MS = 2 * OCR_PAGE_MS;

/** Heap of one reading worker. A 30-page disclosure needs well under 200 MB; the rest is headroom. */
export const READER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

/** What a worker answers for one file. */
export type ReadReply =
  | { id: number; ok: true; doc: BudgetDocument }
  | { id: number; ok: false; error: ErrorData }
  | { id: number; progress: { done: number; total: number; scanned?: number } };

const defaultWorkerUrl = () => new URL('./read-worker.mjs', import.meta.url);

interface Job {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  timeoutMs: number;
  onStart?: () => void;
  /** When a worker started on it; pages read by OCR, once known (each extends the deadline). */
  started: number;
  scanned: number;
  timer?: NodeJS.Timeout;
  /** PDFs only: reset after each page. */
  stall?: NodeJS.Timeout;
  pagesDone: number;
  resolve(doc: BudgetDocument): void;
  reject(err: AppError): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

export function timeoutError(fileName: string, ms: number): AppError {
  const s = Math.round(ms / 1000);
  return unusableInput(
    `读取超时（超过 ${s} 秒）：${fileName}，文件可能已损坏或过于复杂`,
    `reading ${fileName} took longer than ${s} s; the file may be damaged or too complex`,
  );
}

export function pageTimeoutError(fileName: string, page: number, scanning = false): AppError {
  if (scanning) {
    const s = Math.round(OCR_STALL_MS / 1000);
    return unusableInput(
      `读取超时：${fileName} 的扫描页文字识别超过 ${s} 秒没有进展`,
      `recognising the scanned pages of ${fileName} made no progress for ${s} s`,
    );
  }
  const s = Math.round(PAGE_TIMEOUT_MS / 1000);
  return unusableInput(
    `读取超时：${fileName} 第 ${page} 页超过 ${s} 秒仍未读完，文件可能已损坏或结构异常复杂`,
    `page ${page} of ${fileName} took longer than ${s} s; the file may be damaged or abnormally complex`,
  );
}

export function crashError(fileName: string, err: unknown): AppError {
  const code = (err as { code?: string } | null)?.code;
  const cause = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return unusableInput(
      `读取 ${fileName} 时超出内存上限，文件过大或已损坏`,
      `reading ${fileName} needed more memory than allowed; the file is too large or damaged`,
      { cause },
    );
  }
  return unusableInput(`读取 ${fileName} 时读取程序异常终止，文件可能已损坏`, `the reader stopped unexpectedly on ${fileName}; the file may be damaged`, {
    cause,
  });
}

export class ReadPool {
  private readonly size: number;
  private readonly workerUrl: URL;
  private readonly limits: ResourceLimits;
  private readonly idleMs: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ReadPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism()));
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
    this.limits = options.resourceLimits ?? READER_LIMITS;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Reads one file in a worker; rejects with an AppError that names the file's problem. */
  read(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<BudgetDocument> {
    if (this.closed) return Promise.reject(new AppError('internal', '读取服务已关闭', 'the read pool is closed'));
    if (bytes.length > LIMITS.fileBytes) return Promise.reject(fileTooLarge(bytes.length));
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        bytes,
        fileName,
        timeoutMs: options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
        onStart: options.onStart,
        started: 0,
        scanned: 0,
        pagesDone: 0,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  /** Ends every worker; queued files are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AppError('internal', '读取服务已关闭', 'the read pool is closed'));
    await Promise.all([...this.slots].map((s) => this.retire(s)));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => s.job === null);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { resourceLimits: this.limits });
    const slot: Slot = { worker, job: null, idleTimer: null };
    this.slots.add(slot);
    worker.on('message', (reply: ReadReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      if ('progress' in reply) {
        job.pagesDone = reply.progress.done;
        // Scanned pages found: the file may take their recognition's time too.
        if ((reply.progress.scanned ?? 0) > job.scanned) {
          job.scanned = reply.progress.scanned!;
          this.armDeadline(slot, job);
        }
        if (job.stall) this.watchPages(slot, job);
        return;
      }
      this.finish(slot, job);
      if (reply.ok) job.resolve(reply.doc);
      else job.reject(new AppError(reply.error.code, reply.error.zh, reply.error.en, reply.error.details));
    });
    // An uncaught error (out of memory included) ends the worker: the file it was reading is the cause.
    worker.on('error', (err) => this.lost(slot, err));
    worker.on('exit', (code) => this.lost(slot, new Error(`reader exited with code ${code}`)));
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.job = job;
    slot.worker.ref();
    job.onStart?.();
    job.started = Date.now();
    this.armDeadline(slot, job);
    if (detectFormat(job.bytes) === 'pdf') this.watchPages(slot, job);
    // The worker gets its own copy; the caller keeps its bytes (they are stored after reading).
    const copy = job.bytes.slice();
    slot.worker.postMessage({ id: job.id, bytes: copy, fileName: job.fileName }, [copy.buffer]);
  }

  /** The file's deadline: its time limit from the start, plus OCR_PAGE_MS per scanned page. */
  private armDeadline(slot: Slot, job: Job): void {
    clearTimeout(job.timer);
    const limit = job.timeoutMs + job.scanned * OCR_PAGE_MS;
    job.timer = setTimeout(
      () => {
        if (slot.job !== job) return;
        this.finish(slot, job);
        job.reject(timeoutError(job.fileName, limit));
        void this.retire(slot);
        this.pump();
      },
      Math.max(0, job.started + limit - Date.now()),
    );
    job.timer.unref();
  }

  /** (Re)starts the per-page clock of a PDF: no page finished within PAGE_TIMEOUT_MS stops the worker. */
  private watchPages(slot: Slot, job: Job): void {
    clearTimeout(job.stall);
    job.stall = setTimeout(
      () => {
        if (slot.job !== job) return;
        this.finish(slot, job);
        job.reject(pageTimeoutError(job.fileName, job.pagesDone + 1, job.scanned > 0));
        void this.retire(slot);
        this.pump();
      },
      job.scanned > 0 ? OCR_STALL_MS : Math.min(PAGE_TIMEOUT_MS, job.timeoutMs),
    );
    job.stall.unref();
  }

  /** The slot's job is settled: stop its clocks, make the worker idle. */
  private finish(slot: Slot, job: Job): void {
    clearTimeout(job.timer);
    clearTimeout(job.stall);
    slot.job = null;
    if (!this.slots.has(slot)) return;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.retire(slot), this.idleMs);
    slot.idleTimer.unref();
    queueMicrotask(() => this.pump());
  }

  private lost(slot: Slot, err: unknown): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const job = slot.job;
    if (job) {
      clearTimeout(job.timer);
      clearTimeout(job.stall);
      slot.job = null;
      job.reject(crashError(job.fileName, err));
    }
    this.pump();
  }

  private async retire(slot: Slot): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    await terminateQuietly(slot.worker);
  }
}

let shared: ReadPool | null = null;

/** The process's reading pool (created on first use). */
export function readPool(): ReadPool {
  return (shared ??= new ReadPool());
}

/** Read one disclosure file in isolation: the entry point for every caller outside the readers. */
export function readIsolated(bytes: Uint8Array, fileName: string, options?: ReadOptions): Promise<BudgetDocument> {
  return readPool().read(bytes, fileName, options);
}
