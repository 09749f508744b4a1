// Applies pending migrations in one transaction; the schema version lives in PRAGMA user_version.
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
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length ? list[list.length - 1]!.version : 0;
  if (current > latest) {
    throw new AppError(
      'conflict',
      `数据库版本（${current}）比本程序（${latest}）新，请升级程序后再打开`,
      `database schema version ${current} is newer than this app (${latest}); upgrade the app`,
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest;
}
