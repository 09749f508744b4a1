// One submission as the review screen holds it: loaded once, then replaced by the view each action
// returns (the core re-runs the checks on every correction). Actions run one after another, in order.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FindingStatus, SubmissionView, TableKey } from '../../../main/api/types';
import { api } from '../bridge';
import { errorText } from '../lib/errors';
import { timed } from '../lib/perf';

export function useSubmission(id: number) {
  const [view, setView] = useState<SubmissionView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    setView(null);
    timed('open-submission:api', api('submission.get', { id })).then(
      (v) => live && setView(v),
      (e) => live && setLoadError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  /** Runs an action after the ones before it; true when it succeeded and its view is in place. */
  const run = useCallback((action: () => Promise<SubmissionView>, label?: string): Promise<boolean> => {
    const next = queue.current.then(async () => {
      try {
        setView(await (label ? timed(label, action()) : action()));
        setActionError(null);
        return true;
      } catch (e) {
        setActionError(errorText(e));
        return false;
      }
    });
    queue.current = next;
    return next;
  }, []);

  const actions = {
    correct: (table: TableKey, row: string, column: string, value: string, reason: string) =>
      run(() => api('correction.apply', { submissionId: id, table, row, column, value, reason }), 'correction-recheck:api'),
    undo: (correctionId: number) => run(() => api('correction.undo', { submissionId: id, correctionId }), 'correction-recheck:api'),
    redo: (correctionId: number) => run(() => api('correction.redo', { submissionId: id, correctionId }), 'correction-recheck:api'),
    decide: (key: string, status: FindingStatus, comment: string) => run(() => api('finding.setStatus', { submissionId: id, key, status, comment })),
    decideMany: (keys: string[], status: FindingStatus, comment: string) =>
      run(() => api('finding.setStatusMany', { submissionId: id, keys, status, comment })),
    updateReview: (change: { conclusion?: string; opinionIssued?: boolean; closed?: boolean }) =>
      run(() => api('review.update', { submissionId: id, ...change })),
    setReviewed: (table: TableKey, reviewed: boolean) => {
      // The tick shows at once; the answer from the core replaces it (or the error undoes it).
      const before = view;
      setView((v) => v && { ...v, reviewed: reviewed ? [...new Set([...v.reviewed, table])] : v.reviewed.filter((t) => t !== table) });
      return run(() => api('table.setReviewed', { submissionId: id, table, reviewed })).then((ok) => (ok || setView(before), ok));
    },
  };

  return { view, loadError, actionError, clearActionError: () => setActionError(null), ...actions };
}
