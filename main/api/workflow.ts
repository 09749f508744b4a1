// The office's workflow around single reviews: two submissions compared (a resubmission's re-review, two
// years of a department), the archive overview by department × year × kind, the 审核意见书, the vocabulary.
import { AppError } from '../model/errors.js';
import { compareDocuments } from '../model/compare.js';
import { findingWords, placeNamer } from '../model/places.js';
import { TABLE_NAMES } from '../model/tables.js';
import type { BudgetDocument } from '../model/types.js';
import { VOCABULARY } from '../model/vocabulary.js';
import { exportOpinion, opinionContent, opinionFileName, type OpinionInput } from '../export/index.js';
import {
  archiveOverview, findingKey, getSubmissionRow, listFindingReviews, submissionCounts, type ArchiveDb, type StoredSubmissionRow,
} from '../store/index.js';
import { correctedDocument } from './documents.js';
import { buildView } from './view.js';
import type { ApiContext } from './index.js';
import type { ArchiveApi, ComparedSide, ComparisonView, FindingOutcome, OpinionApi, SettingsApi, SubmissionApi } from './types.js';

const PAGE = 50;

function rowOf(db: ArchiveDb, id: number): StoredSubmissionRow {
  const row = getSubmissionRow(db, id);
  if (!row) throw new AppError('not-found', `档案中没有编号为 ${id} 的报送`, `no submission ${id} in the archive`);
  return row;
}

const side = (r: StoredSubmissionRow): ComparedSide => ({ id: r.id, department: r.department, year: r.year, kind: r.kind, version: r.version, fileName: r.file_name });

/** Re-review: each finding confirmed on the earlier version (fixed or remaining) and each finding new on the later one. */
function outcomes(db: ArchiveDb, earlier: BudgetDocument, before: StoredSubmissionRow, afterDoc: BudgetDocument, afterId: number): FindingOutcome[] {
  const decided = new Map(listFindingReviews(db, before.id).map((d) => [d.key, d]));
  const now = new Map(listFindingReviews(db, afterId).map((d) => [d.key, d]));
  const laterKeys = new Map(afterDoc.findings.map((f) => [findingKey(f), f]));
  const earlierKeys = new Set(earlier.findings.map(findingKey));
  const earlierNamer = placeNamer(earlier);
  const laterNamer = placeNamer(afterDoc);
  const out: FindingOutcome[] = [];
  for (const f of earlier.findings) {
    const key = findingKey(f);
    const d = decided.get(key);
    if (d?.status !== 'confirmed') continue;
    const still = laterKeys.get(key);
    const words = findingWords(earlierNamer, f);
    out.push({
      key, outcome: still ? 'remaining' : 'fixed', severity: f.severity, ruleName: words.ruleName, place: words.place, message: (still ?? f).message,
      previousStatus: d.status, previousComment: d.comment, status: still ? (now.get(key)?.status ?? 'open') : null, comment: now.get(key)?.comment ?? '',
    });
  }
  for (const [key, f] of laterKeys) {
    if (earlierKeys.has(key)) continue;
    const words = findingWords(laterNamer, f);
    out.push({
      key, outcome: 'new', severity: f.severity, ruleName: words.ruleName, place: words.place, message: f.message,
      previousStatus: 'open', previousComment: '', status: now.get(key)?.status ?? 'open', comment: now.get(key)?.comment ?? '',
    });
  }
  return out;
}

export function compareSubmissions(db: ArchiveDb, id: number, otherId: number): ComparisonView {
  const a = rowOf(db, id);
  const b = rowOf(db, otherId);
  // The earlier one goes first: the lower version, else the earlier year (预算 before 决算).
  const [before, after] = a.version !== b.version && a.year === b.year && a.kind === b.kind
    ? (a.version < b.version ? [a, b] : [b, a])
    : a.year !== b.year ? (a.year < b.year ? [a, b] : [b, a]) : a.kind === '预算' ? [a, b] : [b, a];
  const mode = before.department === after.department && before.department_code === after.department_code && before.year === after.year && before.kind === after.kind ? 'versions' : 'years';
  const beforeDoc = correctedDocument(db, before.id);
  const afterDoc = correctedDocument(db, after.id);
  return {
    before: side(before),
    after: side(after),
    mode,
    outcomes: mode === 'versions' ? outcomes(db, beforeDoc, before, afterDoc, after.id) : [],
    changes: compareDocuments(beforeDoc, afterDoc),
  };
}

/** What the 审核意见书 says: the submission as reviewed, its decisions, the conclusion, the previous version's outcomes. */
function opinionInput(ctx: ApiContext, submissionId: number): OpinionInput {
  const db = ctx.db();
  const view = buildView(db, submissionId);
  const comparison = view.resubmission ? compareSubmissions(db, view.resubmission.previousId, submissionId) : null;
  return {
    document: view.document,
    version: view.summary.version,
    fileName: view.summary.fileName,
    findings: view.findings,
    conclusion: view.review.conclusion,
    reviewer: view.review.opinionIssuedBy ?? ctx.author(),
    date: view.review.opinionIssuedAt ?? ctx.now(),
    previous: comparison && view.resubmission ? { version: view.resubmission.previousVersion, outcomes: comparison.outcomes } : null,
  };
}

export function workflowHandlers(ctx: ApiContext): Pick<ArchiveApi, 'archive.overview'> & Pick<SubmissionApi, 'submission.compare'> & OpinionApi & Pick<SettingsApi, 'vocabulary.get'> {
  return {
    'archive.overview': async ({ query, year, kind, state, offset, limit }) => {
      const db = ctx.db();
      const page = archiveOverview(db, { query, year, kind, state, offset: offset ?? 0, limit: limit ?? PAGE });
      const counts = page.cells.length ? submissionCounts(db, page.cells.map((c) => c.id)) : new Map();
      return {
        total: page.total,
        offset: offset ?? 0,
        limit: limit ?? PAGE,
        states: page.states,
        years: page.years,
        departments: page.departments.map((d) => ({
          code: d.code,
          name: d.name,
          cells: page.cells
            .filter((c) => c.departmentId === d.id)
            .map((c) => {
              const n = counts.get(c.id);
              return {
                id: c.id, year: c.year, kind: c.kind, version: c.version, versions: c.versions, state: c.state,
                findingCounts: { error: n?.errors ?? 0, warning: n?.warnings ?? 0, info: n?.infos ?? 0 },
                reviewedTables: n?.reviewed ?? 0, tableCount: n?.tables ?? 0,
              };
            }),
        })),
      };
    },
    'submission.compare': async ({ id, otherId }) => compareSubmissions(ctx.db(), id, otherId),
    'export.opinion': async ({ submissionId }) => {
      const input = opinionInput(ctx, submissionId);
      return { fileName: opinionFileName(input.document, input.version), dataBase64: Buffer.from(await exportOpinion(input)).toString('base64') };
    },
    'opinion.content': async ({ submissionId }) => opinionContent(opinionInput(ctx, submissionId)),
    'vocabulary.get': async () => ({ ...VOCABULARY, tables: TABLE_NAMES }),
  };
}
