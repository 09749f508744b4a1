// An OCR worker thread: loads the models once, then reads the scanned pages it is sent, one at a time.
// Inference in onnxruntime-node is synchronous, so it runs here and never in the thread that answers.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorData } from '../../model/errors.js';
import { loadModels, type OcrModels } from './models.js';
import { readScannedPage, type OcrPageRequest } from './page.js';

export interface OcrJob {
  id: number;
  request: OcrPageRequest;
}

const threads = Number((workerData as { threads?: number } | null)?.threads ?? 1);
let models: Promise<OcrModels> | null = null;

function modelsMissing(err: unknown): AppError {
  return new AppError(
    'internal',
    '文字识别（OCR）模型无法加载，请重新安装本程序',
    `the OCR models could not be loaded; reinstall the application (${err instanceof Error ? err.message : String(err)})`,
  );
}

// Pages are read one after another: a worker's inference already uses the threads it was given.
let queue = Promise.resolve();
parentPort?.on('message', (job: OcrJob) => {
  queue = queue.then(async () => {
    try {
      models ??= loadModels({ threads });
      const m = await models.catch((err: unknown) => {
        models = null;
        throw modelsMissing(err);
      });
      const page = await readScannedPage(job.request, m);
      parentPort!.postMessage({ id: job.id, ok: true, page });
    } catch (err) {
      parentPort!.postMessage({ id: job.id, ok: false, error: toErrorData(err) });
    }
  });
});
