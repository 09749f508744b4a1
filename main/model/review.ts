// The auditor's work on a submission: corrections (the audit trail) and decisions on findings.
import type { Finding, TableKey } from './types.js';

export type FindingStatus = 'open' | 'confirmed' | 'dismissed';

export interface Correction {
  id: number;
  submissionId: number;
  table: TableKey;
  /** 序号 as printed. */
  row: string;
  /** 栏次 number as printed. */
  column: string;
  oldValue: string;
  newValue: string;
  author: string;
  at: string;
  reason: string;
  /** Set when the correction was undone (it stays in the trail). */
  undoneAt: string | null;
}

/** A finding as the review screen sees it: the check's finding plus the auditor's decision on it. */
export interface ReviewFinding extends Finding {
  /** Stable across re-checks: rule|table|row|column. */
  key: string;
  status: FindingStatus;
  comment: string;
}
