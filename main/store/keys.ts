import type { Finding } from '../model/types.js';

/** A finding's identity across re-checks: the auditor's decision on it survives a correction elsewhere. */
export const findingKey = (f: Pick<Finding, 'rule' | 'table' | 'row' | 'column'>): string =>
  `${f.rule}|${f.table}|${f.row ?? ''}|${f.column ?? ''}`;
