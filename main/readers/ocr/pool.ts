// OCR worker threads: scanned pages are read in parallel, one page per worker at a time, each worker with
// its share of the cores for inference (workers × threads = cores). Workers load the models once and stay
// while pages are coming; idle, they do not keep the process alive and end after a while.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorData } from '../../model/errors.js';
import type { OcrPage, OcrPageRequest } from './page.js';
import { terminateQuietly } from '../worker-exit.js';

interface Pending {
  id: number;
  request: OcrPageRequest;
  resolve(page: OcrPage): void;
  reject(err: AppError): void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
  idle: NodeJS.Timeout | null;
}

type Reply = { id: number; ok: true; page: OcrPage } | { id: number; ok: false; error: ErrorData };

const IDLE_MS = 20_000;

/**
 * The worker script: beside this module in development (main/readers/ocr/ocr-worker.mjs) and beside the
 * bundle in the packaged app (dist/app/ocr-worker.mjs); from a bundle elsewhere (a build cache inside
 * node_modules) the project's own copy is found above it.
 */
export function ocrWorkerUrl(): URL {
  const beside = new URL('./ocr-worker.mjs', import.meta.url);
  if (beside.protocol !== 'file:' || fs.existsSync(fileURLToPath(beside))) return beside;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'main', 'readers', 'ocr', 'ocr-worker.mjs');
    if (fs.existsSync(candidate)) return pathToFileURL(candidate);
    const up = path.dirname(dir);
    if (up === dir) return beside;
    dir = up;
  }
}

function crashed(err: unknown): AppError {
  const oom = (err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  return new AppError(
    'internal',
    oom ? '文字识别（OCR）超出内存上限' : '文字识别（OCR）程序异常终止',
    `the OCR worker ${oom ? 'ran out of memory' : 'stopped unexpectedly'}: ${err instanceof Error ? err.message : String(err)}`,
  );
}

export class OcrPool {
  readonly size: number;
  private readonly threads: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(size = Math.min(2, os.availableParallelism())) {
    this.size = Math.max(1, size);
    this.threads = Math.max(1, Math.floor(os.availableParallelism() / this.size));
  }

  /** Reads one scanned page in a worker. The request's image buffers are handed over (transferred). */
  read(request: OcrPageRequest): Promise<OcrPage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker (pages still queued are refused). */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new AppError('internal', '文字识别已停止', 'OCR was stopped'));
    await Promise.all([...this.slots].map((s) => this.retire(s)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.job === null);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.job = job;
      slot.worker.ref();
      const buffers = job.request.images.map((i) => i.image.data.buffer as ArrayBuffer);
      slot.worker.postMessage({ id: job.id, request: job.request }, [...new Set(buffers)]);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(ocrWorkerUrl(), { workerData: { threads: this.threads } });
    const slot: Slot = { worker, job: null, idle: null };
    this.slots.add(slot);
    worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      worker.unref();
      slot.idle = setTimeout(() => void this.retire(slot), IDLE_MS);
      slot.idle.unref();
      if (reply.ok) job.resolve(reply.page);
      else job.reject(new AppError(reply.error.code, reply.error.zh, reply.error.en, reply.error.details));
      this.pump();
    });
    const lost = (err: unknown): void => {
      if (!this.slots.delete(slot)) return;
      if (slot.idle) clearTimeout(slot.idle);
      slot.job?.reject(crashed(err));
      slot.job = null;
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    return slot;
  }

  private async retire(slot: Slot): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.idle) clearTimeout(slot.idle);
    await terminateQuietly(slot.worker);
  }
}

let shared: OcrPool | null = null;

/** The process's (or reading worker's) OCR pool, created on first use. */
export function ocrPool(): OcrPool {
  return (shared ??= new OcrPool());
}
