// Findings and corrections indexed by where they sit, so each row and cell finds its own in O(1) while the
// table paints, and the panel can walk the findings in document order (F8 / Shift+F8). Rows and columns are
// named by the ids the core gives each table's layout (序号, 科目编码 or the row's text; 栏次 or position).
import type { Correction, StandardTable, SubmissionView, TableKey, TableLayoutView, ViewFinding } from '../../../main/api/types';
import { SEVERITY_RANK, TABLE_KEYS, isTableKey } from '../lib/labels';

export const cellKey = (table: string, row: string | null, column: string | null): string => `${table}|${row ?? ''}|${column ?? ''}`;

export interface FindingIndex {
  /** Findings naming this row (any column), most severe first. Dismissed ones included; callers decide. */
  byRow: Map<string, ViewFinding[]>;
  /** Findings naming this exact cell. */
  byCell: Map<string, ViewFinding[]>;
  byTable: Map<string, ViewFinding[]>;
  /** The latest live correction of each corrected cell. */
  corrected: Map<string, Correction>;
  /** The value as first read, of each corrected cell. */
  original: Map<string, string>;
  /** Every finding in document order: table order, then row position, then column. */
  ordered: ViewFinding[];
  byKey: Map<string, ViewFinding>;
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

/** Row index of each row id of a table (any block). */
function rowPositions(layout: TableLayoutView | undefined): Map<string, number> {
  const m = new Map<string, number>();
  layout?.rowIds.forEach((ids, r) => ids.forEach((id) => id && !m.has(id) && m.set(id, r)));
  return m;
}

export function buildIndex(view: SubmissionView): FindingIndex {
  const byRow = new Map<string, ViewFinding[]>();
  const byCell = new Map<string, ViewFinding[]>();
  const byTable = new Map<string, ViewFinding[]>();
  const byKey = new Map<string, ViewFinding>();
  const rowPos = new Map<string, Map<string, number>>();
  for (const t of view.document.tables) rowPos.set(t.key, rowPositions(view.layouts[t.key]));
  for (const f of view.findings) {
    byKey.set(f.key, f);
    push(byTable, f.table, f);
    if (f.row !== null) push(byRow, `${f.table}|${f.row}`, f);
    if (f.row !== null && f.column !== null) push(byCell, cellKey(f.table, f.row, f.column), f);
  }
  const bySeverity = (a: ViewFinding, b: ViewFinding) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  for (const m of [byRow, byCell]) for (const list of m.values()) list.sort(bySeverity);
  const sections = new Map(view.document.narrative.map((s, i) => [s.heading, i]));
  const position = (f: ViewFinding): number =>
    f.paragraph ? (sections.get(f.paragraph.heading) ?? 0) * 10_000 + f.paragraph.index : (rowPos.get(f.table)?.get(f.row ?? '') ?? -1);
  const ordered = [...view.findings].sort(
    (a, b) => tableOrder(a.table) - tableOrder(b.table) || position(a) - position(b) || Number(a.column ?? 0) - Number(b.column ?? 0) || bySeverity(a, b),
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
export const isActive = (f: ViewFinding): boolean => f.status !== 'dismissed';

export function worstSeverity(list: readonly ViewFinding[] | undefined): ViewFinding['severity'] | null {
  let worst: ViewFinding['severity'] | null = null;
  for (const f of list ?? []) if (isActive(f) && (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst])) worst = f.severity;
  return worst;
}

/** Row and column index of a (row id, column id) pair in a table's layout; either may be unknown. */
export function locate(layout: TableLayoutView | undefined, row: string | null, column: string | null): { row: number | null; col: number | null } {
  if (!layout) return { row: null, col: null };
  const c = column === null ? undefined : layout.columns.find((x) => x.id === column);
  const panel = c ? Math.max(0, c.panel) : null;
  let r = -1;
  if (row !== null) {
    r = layout.rowIds.findIndex((ids) => (panel !== null && ids[panel] !== undefined ? ids[panel] === row : ids.includes(row)));
    if (r < 0) r = layout.rowIds.findIndex((ids) => ids.includes(row));
  }
  return { row: r < 0 ? null : r, col: c ? c.index : null };
}

export function tableOf(view: SubmissionView, key: string): StandardTable | undefined {
  return isTableKey(key) ? view.document.tables.find((t) => t.key === key) : undefined;
}

export function counts(list: readonly ViewFinding[]): Record<ViewFinding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of list) if (isActive(f)) c[f.severity]++;
  return c;
}

export type { TableKey };
