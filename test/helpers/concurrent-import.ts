// Child process for the concurrency test: waits for "go DB FILE START_MS" lines on stdin; at START_MS
// (a barrier shared with the other child) imports FILE into the archive DB through the Api, as the CLI
// would, and answers one JSON line: the import's status, or its error.
import readline from 'node:readline';
import { createApi } from '../../main/api/index.js';
import { toErrorData } from '../../main/model/errors.js';

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const [cmd, db, file, start] = line.split('\t');
  if (cmd !== 'go') break;
  // Sleep until the barrier without burning the core the other child needs.
  const wait = Number(start) - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  const api = createApi({ dbPath: db! });
  let answer: unknown;
  try {
    const r = await api['archive.importFile']({ path: file! });
    answer = { status: r.status, id: r.submission.id, version: r.submission.version };
  } catch (err) {
    const e = toErrorData(err);
    answer = { status: 'error', code: e.code, zh: e.zh, en: e.en };
  } finally {
    api.close();
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
