// The one connection to the archive: WAL, foreign keys on, migrated on open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../model/errors.js';
import { migrate } from './migrate.js';

export type ArchiveDb = Database.Database;

export function openArchive(file: string): ArchiveDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: ArchiveDb;
  try {
    // The Electron shell passes a better-sqlite3 binding built for Electron's ABI (scripts/start.mjs).
    const nativeBinding = process.env.BUDGET_SQLITE_BINDING;
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
    // The timeout first: a second process opening the archive waits for the first one's write lock.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    throw new AppError('unusable-input', `无法打开档案库：${file}`, `cannot open the archive database ${file}: ${(err as Error).message}`);
  }
  try {
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('unusable-input', `档案库文件损坏或不是本程序的数据库：${file}`, `not an archive database or damaged: ${file}: ${(err as Error).message}`);
  }
  return db;
}
