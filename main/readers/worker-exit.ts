// Ending a worker thread that a pool no longer wants (idle, crashed, timed out): its own exit and error
// events must no longer reach the pool's handlers, and an error during termination is not an unhandled one.
import type { Worker } from 'node:worker_threads';

export async function terminateQuietly(worker: Worker): Promise<void> {
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  worker.on('error', () => undefined);
  await worker.terminate();
}
