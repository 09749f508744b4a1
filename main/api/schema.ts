// Every argument that crosses a process boundary is checked here, once, for every transport.
import { z } from 'zod';
import { AppError } from '../model/errors.js';
import { LIMITS } from '../readers/limits.js';
import type { ApiMethod, LocalMethod } from './types.js';

const tableKey = z.enum(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
const findingStatus = z.enum(['open', 'confirmed', 'dismissed']);
const reviewState = z.enum(['not-started', 'in-review', 'opinion-issued', 'resubmitted', 'closed']);
const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);
const handle = z.string().regex(/^[0-9a-f]{32}$/);
const localPath = z.string().min(1).max(4096);

/** What crosses a process boundary (IPC, HTTP): no paths. */
export const INPUT_SCHEMAS: Record<ApiMethod, z.ZodType> = {
  'archive.list': z.object({ query: text(200).optional(), offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(100_000).optional() }).strict(),
  'archive.overview': z
    .object({
      query: text(200).optional(),
      year: z.number().int().min(1900).max(2999).optional(),
      kind: z.enum(['预算', '决算']).optional(),
      state: reviewState.optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  // Base64 of the largest file a reader accepts (LIMITS.fileBytes), not more.
  'archive.importBytes': z.object({ fileName: text(512).min(1), dataBase64: z.string().max(Math.ceil((LIMITS.fileBytes * 4) / 3) + 4) }).strict(),
  'archive.importPicked': z.object({ handle }).strict(),
  'archive.importPickedFolder': z.object({ handle }).strict(),
  'submission.get': z.object({ id }).strict(),
  'submission.source': z.object({ id, sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() }).strict(),
  'submission.delete': z.object({ id }).strict(),
  'submission.compare': z.object({ id, otherId: id }).strict(),
  'correction.apply': z
    .object({
      submissionId: id,
      table: tableKey,
      row: text(200).min(1),
      column: text(8).min(1),
      value: text(200),
      reason: text(2000).min(1),
      author: text(100).optional(),
    })
    .strict(),
  'correction.undo': z.object({ submissionId: id, correctionId: id }).strict(),
  'correction.redo': z.object({ submissionId: id, correctionId: id }).strict(),
  'finding.setStatus': z
    .object({ submissionId: id, key: text(400).min(1), status: findingStatus, comment: text(2000).optional() })
    .strict(),
  'finding.setStatusMany': z
    .object({ submissionId: id, keys: z.array(text(400).min(1)).min(1).max(20_000), status: findingStatus, comment: text(2000).optional() })
    .strict(),
  'review.update': z
    .object({ submissionId: id, conclusion: text(20_000).optional(), opinionIssued: z.boolean().optional(), closed: z.boolean().optional() })
    .strict(),
  'table.setReviewed': z.object({ submissionId: id, table: tableKey, reviewed: z.boolean() }).strict(),
  'export.workbook': z.object({ submissionId: id, plain: z.boolean().optional() }).strict(),
  'export.opinion': z.object({ submissionId: id }).strict(),
  'opinion.content': z.object({ submissionId: id }).strict(),
  'vocabulary.get': z.undefined().or(z.object({}).strict()),
  'settings.get': z.undefined().or(z.object({}).strict()),
  'settings.setAuthor': z.object({ author: text(100).min(1) }).strict(),
};

/** In-process only (the command line): paths on this machine. */
export const LOCAL_SCHEMAS: Record<Exclude<LocalMethod, ApiMethod>, z.ZodType> = {
  'archive.importFile': z.object({ path: localPath }).strict(),
  'archive.importFolder': z.object({ path: localPath }).strict(),
  'document.check': z.object({ path: localPath }).strict(),
  'export.workbookFile': z.object({ submissionId: id, plain: z.boolean().optional(), outPath: localPath }).strict(),
};

const ALL_SCHEMAS: Record<LocalMethod, z.ZodType> = { ...INPUT_SCHEMAS, ...LOCAL_SCHEMAS };

/** Methods a transport may carry. */
export const API_METHODS = Object.keys(INPUT_SCHEMAS) as ApiMethod[];
export const LOCAL_METHODS = Object.keys(ALL_SCHEMAS) as LocalMethod[];

/** A method a transport (IPC, HTTP) may call: never a path-taking one. */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(INPUT_SCHEMAS, name);
}

export function validateInput(method: LocalMethod, input: unknown): unknown {
  const r = ALL_SCHEMAS[method].safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
    throw new AppError('invalid-argument', `参数无效（${method}）：${issues}`, `invalid argument for ${method}: ${issues}`);
  }
  return r.data;
}
