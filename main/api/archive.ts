// Archive handlers: import (file, bytes, folder), list, the stored source, delete.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AppError, toErrorData } from '../model/errors.js';
import {
  attachedFilesBySubmission, carryDecisions, deleteSubmission, previousVersionId, findSubmissionBySha, getSubmissionRow, insertSubmission, listAttachedFiles, listSubmissionRows, setFindingsStamp, sourceBytes, submissionCounts,
  type ArchiveDb, type StoredSubmissionRow, type SubmissionCounts,
} from '../store/index.js';
import type { ApiContext } from './index.js';
import { joinFile, planImport } from './joining.js';
import { readFileBytes } from './reading.js';
import { archiveContext, dependentsOf, refreshFindings, storedDocument } from './documents.js';
import { CHECKS_STAMP } from '../checks/index.js';
import { readIsolated } from '../readers/pool.js';
import { readMany } from '../readers/batch.js';
import type { BudgetDocument } from '../model/types.js';
import { runChecks } from '../checks/index.js';
import type { ArchiveApi, FolderImportResult, ImportResult, PathApi, SubmissionApi, SubmissionSummary } from './types.js';

const IMPORTABLE = /\.(pdf|docx|xlsx|doc|wps|xls|et)$/i;

export function toSummary(row: StoredSubmissionRow, counts: SubmissionCounts | undefined, files: SubmissionSummary['files'] = []): SubmissionSummary {
  return {
    id: row.id, departmentCode: row.department_code, department: row.department, scope: row.scope, kind: row.kind, year: row.year,
    version: row.version, fileName: row.file_name, format: row.format, sha256: row.sha256, files, importedAt: row.imported_at,
    pageCount: row.page_count,
    findingCounts: { error: counts?.errors ?? 0, warning: counts?.warnings ?? 0, info: counts?.infos ?? 0 },
    reviewedTables: counts?.reviewed ?? 0, tableCount: counts?.tables ?? 0, correctionCount: counts?.corrections ?? 0,
  };
}

export function summaryOf(db: ArchiveDb, id: number): SubmissionSummary {
  const row = getSubmissionRow(db, id);
  if (!row) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
  return toSummary(row, submissionCounts(db, id).get(id), listAttachedFiles(db, id).map(({ fileName, format, sha256, role }) => ({ fileName, format, sha256, role })));
}

/** The submission these bytes were stored as before, if any (the same file is recognised by its hash). */
function storedBefore(db: ArchiveDb, bytes: Uint8Array): ImportResult | null {
  const existing = findSubmissionBySha(db, createHash('sha256').update(bytes).digest('hex'));
  return existing ? { status: 'duplicate', submission: summaryOf(db, existing.id) } : null;
}

const isUniqueViolation = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Checks a document that was read (with last year's submission for context) and stores it in one IMMEDIATE
 *  transaction: as a new submission or version, as the missing half of a two-file disclosure, or beside the
 *  same content. What is already stored is asked again under the write lock: another process may have
 *  stored the same file (the answer is then "duplicate") or this department's submission meanwhile. */
function storeDocument(ctx: ApiContext, bytes: Uint8Array, doc: BudgetDocument): ImportResult {
  const db = ctx.db();
  const duplicate = storedBefore(db, bytes);
  if (duplicate) return duplicate;
  // The checks are the slow part: run before the lock is taken, for the plan as it stands now.
  const planned = planImport(db, doc);
  if (planned.action === 'new') doc.findings = runChecks(doc, archiveContext(db, doc));
  try {
    return db
      .transaction((): ImportResult => {
        const stored = storedBefore(db, bytes);
        if (stored) return stored;
        const plan = planImport(db, doc);
        if (plan.action !== 'new') {
          const id = joinFile(db, plan, doc, bytes, ctx.now());
          return { status: plan.action === 'alternate' ? 'same-content' : 'joined', submission: summaryOf(db, id) };
        }
        if (planned.action !== 'new') doc.findings = runChecks(doc, archiveContext(db, doc)); // the plan changed meanwhile
        const { id, version } = insertSubmission(db, { document: doc, bytes, importedAt: ctx.now() });
        setFindingsStamp(db, id, CHECKS_STAMP);
        // A resubmission starts from the previous version's decisions and comments (the re-review).
        const previous = version > 1 ? previousVersionId(db, id) : undefined;
        if (previous !== undefined) carryDecisions(db, previous, id);
        // Next year's submission, and this year's 决算 of a budget, may now compare with this one.
        for (const other of dependentsOf(db, doc)) if (other !== id) refreshFindings(db, other);
        return { status: 'stored', submission: summaryOf(db, id) };
      })
      .immediate();
  } catch (err) {
    // The same file stored by another connection between the check and the insert (a net under the lock).
    const stored = isUniqueViolation(err) ? storedBefore(db, bytes) : null;
    if (stored) return stored;
    throw err;
  }
}

/** Reads, checks and stores one file; the same bytes twice are stored once. */
export async function importBytes(ctx: ApiContext, bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  return storedBefore(ctx.db(), bytes) ?? storeDocument(ctx, bytes, await readIsolated(bytes, fileName));
}

type FolderResult = FolderImportResult['results'][number];

const failed = (fileName: string, err: unknown): FolderResult => {
  const e = toErrorData(err);
  return { status: 'error', error: { fileName, code: e.code, zh: e.zh, en: e.en } };
};

/** A folder: files read in parallel on worker threads, stored one by one as they finish; a bad file is
 *  reported and skipped, never stops the batch. Results come back in file-name order. */
async function importFolder(ctx: ApiContext, folder: string, shown = folder): Promise<FolderResult[]> {
  let names: string[];
  try {
    names = (await fs.readdir(folder)).filter((n) => IMPORTABLE.test(n)).sort();
  } catch {
    throw new AppError('not-found', `无法打开文件夹：${shown}`, `cannot open folder ${shown}`);
  }
  const results: FolderResult[] = new Array(names.length);
  let done = 0;
  const report = (i: number, result: FolderResult) => {
    results[i] = result;
    ctx.emit({ kind: 'import-progress', done: ++done, total: names.length, fileName: names[i]!, result });
  };
  const toRead: { fileName: string; bytes: Uint8Array; index: number }[] = [];
  for (const [i, name] of names.entries()) {
    try {
      const bytes = await readFileBytes(path.join(folder, name), name);
      const duplicate = storedBefore(ctx.db(), bytes);
      if (duplicate) report(i, duplicate);
      else toRead.push({ fileName: name, bytes, index: i });
    } catch (err) {
      report(i, failed(name, err));
    }
  }
  await readMany(toRead, {
    onResult: (r) => {
      let result: FolderResult;
      try {
        result = 'doc' in r ? storeDocument(ctx, r.item.bytes, r.doc) : failed(r.item.fileName, new AppError(r.error.code, r.error.zh, r.error.en));
      } catch (err) {
        result = failed(r.item.fileName, err);
      }
      report(r.item.index, result);
    },
  });
  return results;
}

/** Reads, checks and stores a file on disk; `shown` is how the file is named in messages. */
async function importPath(ctx: ApiContext, file: string, shown = file): Promise<ImportResult> {
  return importBytes(ctx, await readFileBytes(file, shown), path.basename(file));
}

export function archiveHandlers(
  ctx: ApiContext,
): Omit<ArchiveApi, 'archive.overview'> & Pick<PathApi, 'archive.importFile' | 'archive.importFolder'> & Omit<SubmissionApi, 'submission.get' | 'submission.compare'> {
  return {
    'archive.list': async ({ query, offset, limit }) => {
      const db = ctx.db();
      const rows = listSubmissionRows(db, query, limit !== undefined || offset !== undefined ? { offset: offset ?? 0, limit: limit ?? 1_000_000 } : undefined);
      // Counted for the listed submissions only: a search of a large archive costs what it returns (a long
      // list is counted in one pass over the archive instead of naming thousands of ids).
      const ids = rows.length <= 2000 ? rows.map((r) => r.id) : undefined;
      const counts = submissionCounts(db, ids);
      const files = attachedFilesBySubmission(db, ids);
      return rows.map((r) => toSummary(r, counts.get(r.id), files.get(r.id)));
    },
    'archive.importFile': async ({ path: file }) => importPath(ctx, file),
    'archive.importBytes': async ({ fileName, dataBase64 }) => importBytes(ctx, new Uint8Array(Buffer.from(dataBase64, 'base64')), path.basename(fileName)),
    'archive.importFolder': async ({ path: folder }) => ({ results: await importFolder(ctx, folder) }),
    'archive.importPicked': async ({ handle }) => {
      const file = ctx.grants.resolve(handle, 'file');
      return importPath(ctx, file, path.basename(file));
    },
    'archive.importPickedFolder': async ({ handle }) => {
      const folder = ctx.grants.resolve(handle, 'folder');
      return { results: await importFolder(ctx, folder, path.basename(folder)) };
    },
    'submission.source': async ({ id, sha256 }) => {
      const s = sourceBytes(ctx.db(), id, sha256);
      if (!s) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
      return { fileName: s.fileName, format: s.format, dataBase64: Buffer.from(s.bytes).toString('base64') };
    },
    'submission.delete': async ({ id }) => {
      const db = ctx.db();
      if (!getSubmissionRow(db, id)) return { deleted: false };
      // The submissions that compared with this one are checked again without it.
      const dependents = dependentsOf(db, storedDocument(db, id));
      return db.transaction(() => {
        const deleted = deleteSubmission(db, id);
        for (const other of dependents) if (other !== id && getSubmissionRow(db, other)) refreshFindings(db, other);
        return { deleted };
      })();
    },
  };
}
