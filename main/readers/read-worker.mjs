// Development entry of the reading worker: loads the TypeScript worker through tsx. The packaged app
// has its own bundled dist/app/read-worker.mjs in the same place relative to the code that starts it.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
