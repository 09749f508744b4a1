// Review handlers: the submission as the auditor sees it (corrections applied, checks re-run, decisions
// attached), corrections with an audit trail, decisions on findings, tables marked reviewed, export.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../model/errors.js';
import { applyCorrections, locateCell } from '../model/corrections.js';
import { currentDocument, refreshFindings, storedDocument } from './documents.js';
import type { BudgetDocument } from '../model/types.js';
import { TABLE_NAMES } from '../model/tables.js';
import { exportWorkbook, exportFileName } from '../export/index.js';
import {
  findingKey, getCorrection, insertCorrection, listCorrections, listFindingReviews, listReviewedTables, markCorrectionUndone,
  setTableReviewed, upsertFindingReview, type ArchiveDb,
} from '../store/index.js';
import { summaryOf } from './archive.js';
import { tableLayouts } from './layouts.js';
import type { ApiContext } from './index.js';
import type { ExportApi, PathApi, ReviewApi, ReviewFinding, SubmissionApi, SubmissionView } from './types.js';

export function buildView(db: ArchiveDb, id: number, doc: BudgetDocument = currentDocument(db, id)): SubmissionView {
  const decisions = new Map(listFindingReviews(db, id).map((r) => [r.key, r]));
  const findings: ReviewFinding[] = doc.findings.map((f) => {
    const key = findingKey(f);
    const d = decisions.get(key);
    return { ...f, key, status: d?.status ?? 'open', comment: d?.comment ?? '' };
  });
  return {
    summary: summaryOf(db, id), document: doc, layouts: tableLayouts(doc), findings, corrections: listCorrections(db, id), reviewed: listReviewedTables(db, id),
  };
}

/** After a correction or an undo: re-run the checks and keep the stored findings current (the archive counts them). */
function recheck(db: ArchiveDb, id: number): SubmissionView {
  return buildView(db, id, refreshFindings(db, id));
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
    'finding.setStatus': async ({ submissionId, key, status, comment }) => {
      const db = ctx.db();
      summaryOf(db, submissionId);
      upsertFindingReview(db, submissionId, { key, status, comment: comment ?? '', reviewer: ctx.author(), at: ctx.now() });
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
