// Archive handlers: import (file, bytes, folder), list, the stored source, delete.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AppError, toErrorData } from '../model/errors.js';
import {
  deleteSubmission, findSubmissionBySha, getSubmissionRow, insertSubmission, latestSubmissionId, listSubmissionRows, sourceBytes, submissionCounts,
  type ArchiveDb, type StoredSubmissionRow, type SubmissionCounts,
} from '../store/index.js';
import type { ApiContext } from './index.js';
import { readFileBytes } from './reading.js';
import { previousYearOf, refreshFindings } from './documents.js';
import { readDisclosure } from '../readers/index.js';
import { runChecks } from '../checks/index.js';
import type { ArchiveApi, ImportResult, SubmissionApi, SubmissionSummary } from './types.js';

const IMPORTABLE = /\.(pdf|docx|xlsx)$/i;

export function toSummary(row: StoredSubmissionRow, counts: SubmissionCounts | undefined): SubmissionSummary {
  return {
    id: row.id, departmentCode: row.department_code, department: row.department, scope: row.scope, year: row.year,
    version: row.version, fileName: row.file_name, format: row.format, sha256: row.sha256, importedAt: row.imported_at,
    pageCount: row.page_count,
    findingCounts: { error: counts?.errors ?? 0, warning: counts?.warnings ?? 0, info: counts?.infos ?? 0 },
    reviewedTables: counts?.reviewed ?? 0, tableCount: counts?.tables ?? 0, correctionCount: counts?.corrections ?? 0,
  };
}

export function summaryOf(db: ArchiveDb, id: number): SubmissionSummary {
  const row = getSubmissionRow(db, id);
  if (!row) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
  return toSummary(row, submissionCounts(db).get(id));
}

/** Reads, checks and stores one file; the same bytes twice are recognised by their hash and stored once. */
export async function importBytes(ctx: ApiContext, bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const db = ctx.db();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = findSubmissionBySha(db, sha256);
  if (existing) return { status: 'duplicate', submission: summaryOf(db, existing.id) };
  const doc = await readDisclosure(bytes, fileName);
  doc.findings = runChecks(doc, { previousYear: previousYearOf(db, doc) });
  const { id } = db.transaction(() => {
    const stored = insertSubmission(db, { document: doc, bytes, importedAt: ctx.now() });
    // Next year's submission may now compare with this one.
    const next = latestSubmissionId(db, doc.department_code, doc.department, doc.year + 1);
    if (next !== undefined) refreshFindings(db, next);
    return stored;
  })();
  return { status: 'stored', submission: summaryOf(db, id) };
}

export function archiveHandlers(ctx: ApiContext): ArchiveApi & Omit<SubmissionApi, 'submission.get'> {
  return {
    'archive.list': async ({ query }) => {
      const db = ctx.db();
      const counts = submissionCounts(db);
      return listSubmissionRows(db, query).map((r) => toSummary(r, counts.get(r.id)));
    },
    'archive.importFile': async ({ path: file }) => importBytes(ctx, await readFileBytes(file), path.basename(file)),
    'archive.importBytes': async ({ fileName, dataBase64 }) => importBytes(ctx, new Uint8Array(Buffer.from(dataBase64, 'base64')), path.basename(fileName)),
    'archive.importFolder': async ({ path: folder }) => {
      let names: string[];
      try {
        names = (await fs.readdir(folder)).filter((n) => IMPORTABLE.test(n)).sort();
      } catch {
        throw new AppError('not-found', `无法打开文件夹：${folder}`, `cannot open folder ${folder}`);
      }
      const results: Awaited<ReturnType<ArchiveApi['archive.importFolder']>>['results'] = [];
      for (const [i, name] of names.entries()) {
        let result: (typeof results)[number];
        try {
          result = await importBytes(ctx, await readFileBytes(path.join(folder, name)), name);
        } catch (err) {
          // A bad file is reported and skipped; it never stops the batch.
          const e = toErrorData(err);
          result = { status: 'error', error: { fileName: name, code: e.code, zh: e.zh, en: e.en } };
        }
        results.push(result);
        ctx.emit({ kind: 'import-progress', done: i + 1, total: names.length, fileName: name, result });
      }
      return { results };
    },
    'submission.source': async ({ id }) => {
      const s = sourceBytes(ctx.db(), id);
      if (!s) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
      return { fileName: s.fileName, format: s.format, dataBase64: Buffer.from(s.bytes).toString('base64') };
    },
    'submission.delete': async ({ id }) => ({ deleted: deleteSubmission(ctx.db(), id) }),
  };
}
