// Applies pending migrations in one IMMEDIATE transaction; the schema version lives in PRAGMA user_version.
// The version is read inside the transaction, under the write lock: of two processes opening a fresh
// archive at once, one migrates and the other, waiting on the lock, then finds the schema in place.
import type Database from 'better-sqlite3';
import { AppError } from '../model/errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export function checkMigrationList(list: readonly Migration[]): void {
  let last = 0;
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= last) {
      throw new Error(`migrations out of order: ${m.name} (${m.version}) after ${last}`);
    }
    last = m.version;
  }
}

export function migrate(db: Database.Database, list: readonly Migration[] = MIGRATIONS): number {
  checkMigrationList(list);
  const latest = list.length ? list[list.length - 1]!.version : 0;
  const versionNow = () => db.pragma('user_version', { simple: true }) as number;
  const tooNew = (current: number) =>
    new AppError(
      'conflict',
      `数据库版本（${current}）比本程序（${latest}）新，请升级程序后再打开`,
      `database schema version ${current} is newer than this app (${latest}); upgrade the app`,
    );
  // Up to date: no write lock taken (every open of a current archive, the usual case).
  const seen = versionNow();
  if (seen > latest) throw tooNew(seen);
  if (seen === latest) return latest;
  return db
    .transaction(() => {
      const current = versionNow();
      if (current > latest) throw tooNew(current);
      for (const m of list) if (m.version > current) db.exec(m.sql);
      if (current !== latest) db.pragma(`user_version = ${latest}`);
      return latest;
    })
    .immediate();
}
