// Applies pending migrations in one immediate transaction; the schema version lives in PRAGMA user_version.
// The version is read inside the write transaction, so two processes opening a fresh archive at once do not
// both migrate it. Foreign keys are off while a migration rebuilds a table (SQLite's documented procedure)
// and checked before commit.
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

function tooNew(current: number, latest: number): AppError {
  return new AppError(
    'conflict',
    `数据库版本（${current}）比本程序（${latest}）新，请升级程序后再打开`,
    `database schema version ${current} is newer than this app (${latest}); upgrade the app`,
  );
}

export function migrate(db: Database.Database, list: readonly Migration[] = MIGRATIONS): number {
  checkMigrationList(list);
  const latest = list.length ? list[list.length - 1]!.version : 0;
  const seen = db.pragma('user_version', { simple: true }) as number;
  if (seen > latest) throw tooNew(seen, latest);
  if (seen === latest) return latest;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > latest) throw tooNew(current, latest);
      for (const m of list.filter((x) => x.version > current)) db.exec(m.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`foreign key check failed after migration (${broken.length} rows)`);
      db.pragma(`user_version = ${latest}`);
      return latest;
    }).immediate();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}
