// Findings and corrections indexed by where they sit, so each row and cell finds its own in O(1) while the
// table paints, and the panel can walk the findings in document order (F8 / Shift+F8).
import type { Correction, ReviewFinding, StandardTable, SubmissionView, TableKey } from '../../../main/api/types';
import { SEVERITY_RANK, TABLE_KEYS, isTableKey } from '../lib/labels';

export const cellKey = (table: string, row: string | null, column: string | null): string => `${table}|${row ?? ''}|${column ?? ''}`;

export interface FindingIndex {
  /** Findings naming this row (any column), most severe first. Dismissed ones included; callers decide. */
  byRow: Map<string, ReviewFinding[]>;
  /** Findings naming this exact cell. */
  byCell: Map<string, ReviewFinding[]>;
  byTable: Map<string, ReviewFinding[]>;
  /** The latest live correction of each corrected cell. */
  corrected: Map<string, Correction>;
  /** The value as first read, of each corrected cell. */
  original: Map<string, string>;
  /** Every finding in document order: table order, then row position, then column. */
  ordered: ReviewFinding[];
  byKey: Map<string, ReviewFinding>;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
};

function tableOrder(table: string): number {
  if (isTableKey(table)) return TABLE_KEYS.indexOf(table);
  if (table === 'narrative') return 20;
  if (table === 'document') return -1;
  return 30;
}

export function buildIndex(view: SubmissionView): FindingIndex {
  const byRow = new Map<string, ReviewFinding[]>();
  const byCell = new Map<string, ReviewFinding[]>();
  const byTable = new Map<string, ReviewFinding[]>();
  const byKey = new Map<string, ReviewFinding>();
  const rowPos = new Map<string, number>();
  for (const t of view.document.tables) t.rows.forEach((r, i) => rowPos.set(`${t.key}|${r[0] ?? ''}`, i));
  for (const f of view.findings) {
    byKey.set(f.key, f);
    push(byTable, f.table, f);
    if (f.row !== null) push(byRow, `${f.table}|${f.row}`, f);
    if (f.row !== null && f.column !== null) push(byCell, cellKey(f.table, f.row, f.column), f);
  }
  const bySeverity = (a: ReviewFinding, b: ReviewFinding) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  for (const m of [byRow, byCell]) for (const list of m.values()) list.sort(bySeverity);
  const sections = new Map(view.document.narrative.map((s, i) => [s.heading, i]));
  const position = (f: ReviewFinding): number =>
    f.paragraph ? (sections.get(f.paragraph.heading) ?? 0) * 10_000 + f.paragraph.index : (rowPos.get(`${f.table}|${f.row ?? ''}`) ?? -1);
  const ordered = [...view.findings].sort(
    (a, b) =>
      tableOrder(a.table) - tableOrder(b.table) ||
      position(a) - position(b) ||
      Number(a.column ?? 0) - Number(b.column ?? 0) ||
      bySeverity(a, b),
  );
  const corrected = new Map<string, Correction>();
  const original = new Map<string, string>();
  for (const c of [...view.corrections].sort((a, b) => a.id - b.id)) {
    if (c.undoneAt !== null) continue;
    const k = cellKey(c.table, c.row, c.column);
    corrected.set(k, c);
    if (!original.has(k)) original.set(k, c.oldValue);
  }
  return { byRow, byCell, byTable, corrected, original, ordered, byKey };
}

/** Findings that still need attention mark the table; dismissed ones do not. */
export const isActive = (f: ReviewFinding): boolean => f.status !== 'dismissed';

export function worstSeverity(list: readonly ReviewFinding[] | undefined): ReviewFinding['severity'] | null {
  let worst: ReviewFinding['severity'] | null = null;
  for (const f of list ?? []) if (isActive(f) && (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst])) worst = f.severity;
  return worst;
}

/** Row index of a 序号 and column index of a 栏次 in a table (the API names cells by what is printed). */
export function locate(table: StandardTable, row: string | null, column: string | null): { row: number | null; col: number | null } {
  const r = row === null ? -1 : table.rows.findIndex((x) => x[0] === row);
  const c = column === null ? -1 : (table.lanes ?? []).findIndex((l, i) => i > 0 && l === column);
  return { row: r < 0 ? null : r, col: c < 1 ? null : c };
}

export function tableOf(view: SubmissionView, key: string): StandardTable | undefined {
  return isTableKey(key) ? view.document.tables.find((t) => t.key === key) : undefined;
}

export function counts(list: readonly ReviewFinding[]): Record<ReviewFinding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of list) if (isActive(f)) c[f.severity]++;
  return c;
}

export type { TableKey };
