// A reading worker: files in, canonical documents (or the reason they cannot be read) out. The check
// engine and the store stay in the main thread; only the CPU-heavy reading runs here.
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../model/errors.js';
import { readDisclosure } from './index.js';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

parentPort?.on('message', async (req: ReadRequest) => {
  try {
    const doc = await readDisclosure(req.bytes, req.fileName);
    parentPort!.postMessage({ id: req.id, ok: true, doc });
  } catch (err) {
    parentPort!.postMessage({ id: req.id, ok: false, error: toErrorData(err) });
  }
});
