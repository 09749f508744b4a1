// Development entry of the OCR worker: loads the TypeScript worker through tsx. The packaged app has its
// own bundled dist/app/ocr-worker.mjs beside the code that starts it (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
