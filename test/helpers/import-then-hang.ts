// Child process for the crash test: stores a submission but stops inside the transaction (after every row
// is written, before commit), tells the parent, and waits to be killed.
import fs from 'node:fs';
import { openArchive, insertSubmission } from '../../main/store/index.js';
import { readAndCheckFile } from '../../main/api/reading.js';

const [dbPath, file, marker] = process.argv.slice(2) as [string, string, string];
const db = openArchive(dbPath);
const doc = await readAndCheckFile(file);
insertSubmission(db, {
  document: doc,
  bytes: new Uint8Array(fs.readFileSync(file)),
  importedAt: new Date().toISOString(),
  beforeCommit: () => {
    fs.writeFileSync(marker, 'inside');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
