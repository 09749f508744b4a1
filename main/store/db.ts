// The one connection to the archive: WAL, foreign keys on, migrated on open. Several processes may open the
// same archive at once (two imports from the command line, the app and a script): the busy timeout is set
// before anything else touches the file, so each waits for the other instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../model/errors.js';
import { migrate } from './migrate.js';

export type ArchiveDb = Database.Database;

/** How long a writer waits for another process's transaction (an import stores in well under a second). */
export const BUSY_TIMEOUT_MS = 30_000;

const isBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((err as { code?: string } | null)?.code ?? '');

/**
 * Runs `step` again while another process holds a lock SQLite will not wait for through the busy handler
 * (switching to WAL, recovering the WAL index of a fresh archive): a short, jittered pause, up to the
 * busy timeout.
 */
function whenNotBusy<T>(step: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return step();
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(200, 10 * (attempt + 1)) + Math.random() * 20);
    }
  }
}

export function openArchive(file: string): ArchiveDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: ArchiveDb;
  try {
    // The Electron shell passes a better-sqlite3 binding built for Electron's ABI (scripts/start.mjs).
    const nativeBinding = process.env.BUDGET_SQLITE_BINDING;
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (err) {
    throw new AppError('unusable-input', `无法打开档案库：${file}`, `cannot open the archive database ${file}`, { cause: (err as Error).message });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    whenNotBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('foreign_keys = ON');
    whenNotBusy(() => migrate(db));
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    if (isBusy(err)) throw new AppError('conflict', `档案库正被其他程序占用：${file}`, `the archive is locked by another process: ${file}`);
    throw new AppError('unusable-input', `档案库文件损坏或不是本程序的数据库：${file}`, `not an archive database or damaged: ${file}`, { cause: (err as Error).message });
  }
  return db;
}
