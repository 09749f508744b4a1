// Review handlers: the submission as the auditor sees it (corrections applied, checks re-run, decisions
// attached), corrections with an audit trail, decisions on findings, tables marked reviewed, export.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../model/errors.js';
import { applyCorrections, locateCell } from '../model/corrections.js';
import { refreshWithDependents, storedDocument } from './documents.js';
import { TABLE_NAMES } from '../model/tables.js';
import { exportWorkbook, exportFileName } from '../export/index.js';
import {
  getCorrection, insertCorrection, listCorrections, markCorrectionUndone, setTableReviewed, upsertFindingReview, updateSubmissionReview, type ArchiveDb,
} from '../store/index.js';
import { summaryOf } from './archive.js';
import { buildView } from './view.js';
import type { ApiContext } from './index.js';
import type { ExportApi, PathApi, ReviewApi, SubmissionApi, SubmissionView } from './types.js';

export { buildView };

/** After a correction, an undo or a redo: re-run the checks and keep the stored findings current — this
 *  submission's and those of the submissions that compare with it (next year's, a 决算 of its budget). */
function recheck(db: ArchiveDb, id: number): SubmissionView {
  return buildView(db, id, refreshWithDependents(db, id));
}

async function workbookOf(ctx: ApiContext, submissionId: number, plain: boolean): Promise<{ bytes: Uint8Array; fileName: string }> {
  const view = buildView(ctx.db(), submissionId);
  const bytes = await exportWorkbook({ document: view.document, corrections: view.corrections, findings: view.findings, plain, exportedAt: ctx.now() });
  return { bytes, fileName: exportFileName(view.document) };
}

export function reviewHandlers(ctx: ApiContext): ReviewApi & ExportApi & Pick<PathApi, 'export.workbookFile'> & Pick<SubmissionApi, 'submission.get'> {
  return {
    'submission.get': async ({ id }) => buildView(ctx.db(), id),
    'correction.apply': async ({ submissionId, table, row, column, value, reason, author }) => {
      const db = ctx.db();
      const doc = applyCorrections(storedDocument(db, submissionId), listCorrections(db, submissionId));
      const at = locateCell(doc, { table, row, column });
      if (!at) {
        throw new AppError('not-found', `${TABLE_NAMES[table]}中没有第 ${row} 行、第 ${column} 列的单元格`, `no cell row ${row} column ${column} in ${table}`);
      }
      const oldValue = doc.tables[at.table]!.rows[at.row]![at.col]!;
      const newValue = value.trim();
      if (newValue === oldValue) return buildView(db, submissionId);
      return db.transaction(() => {
        insertCorrection(db, { submissionId, table, row, column, oldValue, newValue, author: ctx.author(author), at: ctx.now(), reason: reason.trim() });
        return recheck(db, submissionId);
      })();
    },
    'correction.undo': async ({ submissionId, correctionId }) => {
      const db = ctx.db();
      const c = getCorrection(db, correctionId);
      if (!c || c.submissionId !== submissionId) {
        throw new AppError('not-found', `没有编号为 ${correctionId} 的修改记录`, `no correction ${correctionId} in submission ${submissionId}`);
      }
      return db.transaction(() => {
        markCorrectionUndone(db, correctionId, ctx.now());
        return recheck(db, submissionId);
      })();
    },
    'correction.redo': async ({ submissionId, correctionId }) => {
      const db = ctx.db();
      const c = getCorrection(db, correctionId);
      if (!c || c.submissionId !== submissionId || c.undoneAt === null) {
        throw new AppError('not-found', `没有可重做的修改（编号 ${correctionId}）`, `no undone correction ${correctionId} in submission ${submissionId}`);
      }
      const doc = applyCorrections(storedDocument(db, submissionId), listCorrections(db, submissionId));
      const at = locateCell(doc, c);
      if (!at) throw new AppError('not-found', `${TABLE_NAMES[c.table]}中已没有该单元格`, `the cell of correction ${correctionId} is gone`);
      const oldValue = doc.tables[at.table]!.rows[at.row]![at.col]!;
      return db.transaction(() => {
        insertCorrection(db, { submissionId, table: c.table, row: c.row, column: c.column, oldValue, newValue: c.newValue, author: ctx.author(), at: ctx.now(), reason: c.reason });
        return recheck(db, submissionId);
      })();
    },
    'finding.setStatus': async ({ submissionId, key, status, comment }) => {
      const db = ctx.db();
      summaryOf(db, submissionId);
      upsertFindingReview(db, submissionId, { key, status, comment: comment ?? '', reviewer: ctx.author(), at: ctx.now() });
      return buildView(db, submissionId);
    },
    'finding.setStatusMany': async ({ submissionId, keys, status, comment }) => {
      const db = ctx.db();
      summaryOf(db, submissionId);
      const reviewer = ctx.author();
      const at = ctx.now();
      db.transaction(() => {
        for (const key of new Set(keys)) upsertFindingReview(db, submissionId, { key, status, comment: comment ?? '', reviewer, at });
      })();
      return buildView(db, submissionId);
    },
    'review.update': async ({ submissionId, conclusion, opinionIssued, closed }) => {
      const db = ctx.db();
      summaryOf(db, submissionId);
      const who = ctx.author();
      const at = ctx.now();
      updateSubmissionReview(
        db,
        submissionId,
        {
          ...(conclusion !== undefined ? { conclusion: conclusion.trim() } : {}),
          ...(opinionIssued !== undefined ? { opinionIssuedAt: opinionIssued ? at : null, opinionIssuedBy: opinionIssued ? who : null } : {}),
          ...(closed !== undefined ? { closedAt: closed ? at : null, closedBy: closed ? who : null } : {}),
        },
        at,
      );
      return buildView(db, submissionId);
    },
    'table.setReviewed': async ({ submissionId, table, reviewed }) => {
      const db = ctx.db();
      summaryOf(db, submissionId);
      setTableReviewed(db, submissionId, table, reviewed, ctx.author(), ctx.now());
      return buildView(db, submissionId);
    },
    'export.workbook': async ({ submissionId, plain }) => {
      const { bytes, fileName } = await workbookOf(ctx, submissionId, plain ?? false);
      return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
    },
    'export.workbookFile': async ({ submissionId, plain, outPath }) => {
      const { bytes, fileName } = await workbookOf(ctx, submissionId, plain ?? false);
      await fs.mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
      await fs.writeFile(outPath, bytes);
      return { path: path.resolve(outPath), fileName };
    },
  };
}
