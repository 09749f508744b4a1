// The one implementation of the Api (types.ts). Every transport — IPC, loopback HTTP, the CLI — calls this.
import os from 'node:os';
import { AppError } from '../model/errors.js';
import { openArchive, getSetting, setSetting, type ArchiveDb } from '../store/index.js';
import { archiveHandlers } from './archive.js';
import { reviewHandlers } from './review.js';
import { workflowHandlers } from './workflow.js';
import { validateInput, LOCAL_METHODS } from './schema.js';
import type { LocalApi, LocalMethod, ProgressEvent } from './types.js';
import { readAndCheckFile } from './reading.js';
import { PathGrants } from './grants.js';

export { PathGrants } from './grants.js';

export interface ApiDeps {
  /** The archive database; null for commands that need none (`check`). */
  dbPath: string | null;
  onEvent?: (event: ProgressEvent) => void;
  /** Clock, for tests. */
  now?: () => string;
  version?: string;
  /** Paths the user picked in native dialogs (the Electron shell); `archive.importPicked*` resolve handles here. */
  grants?: PathGrants;
}

export interface ApiContext {
  db(): ArchiveDb;
  now(): string;
  author(explicit?: string): string;
  emit(event: ProgressEvent): void;
  dbPath: string | null;
  version: string;
  grants: PathGrants;
}

/** The whole Api with its in-process path methods; transports expose only `Api` (schema.isApiMethod). */
export type ApiInstance = LocalApi & { close(): void };

export function createApi(deps: ApiDeps): ApiInstance {
  let db: ArchiveDb | null = null;
  const ctx: ApiContext = {
    db() {
      if (!deps.dbPath) throw new AppError('invalid-argument', '此命令需要档案库（--db）', 'this command needs an archive database (--db)');
      return (db ??= openArchive(deps.dbPath));
    },
    now: deps.now ?? (() => new Date().toISOString()),
    author(explicit) {
      if (explicit && explicit.trim()) return explicit.trim();
      return (deps.dbPath ? getSetting(ctx.db(), 'author') : undefined) ?? safeUserName();
    },
    emit: (e) => deps.onEvent?.(e),
    dbPath: deps.dbPath,
    version: deps.version ?? '0.1.0',
    grants: deps.grants ?? new PathGrants(),
  };
  const handlers: LocalApi = {
    ...archiveHandlers(ctx),
    ...reviewHandlers(ctx),
    ...workflowHandlers(ctx),
    'document.check': async ({ path }) => readAndCheckFile(path),
    'settings.get': async () => ({ author: ctx.author(), version: ctx.version }),
    'settings.setAuthor': async ({ author }) => {
      setSetting(ctx.db(), 'author', author.trim());
      return { author: author.trim() };
    },
  };
  // Validate every input at the door, whichever transport brought it.
  const api = {} as Record<LocalMethod, (input: unknown) => Promise<unknown>>;
  for (const method of LOCAL_METHODS) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    api[method] = async (input: unknown) => handler(validateInput(method, input));
  }
  return Object.assign(api as unknown as LocalApi, {
    close() {
      db?.close();
      db = null;
    },
  });
}

function safeUserName(): string {
  try {
    return os.userInfo().username || '审核人';
  } catch {
    return '审核人';
  }
}

export type { Api, LocalApi } from './types.js';
