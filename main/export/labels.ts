// Chinese labels for what the audit sheets print: table names and times (rules, severities and statuses are
// the shared vocabulary, ../model/vocabulary.ts).
import { ALL_TABLE_KEYS } from '../model/tables.js';
import type { TableKey } from '../model/types.js';

/** A finding's or correction's table as an auditor reads it: the standard name, never the printed title. */
export { tableWord as tableLabel, isStandardKey as isStandardTable } from '../model/places.js';

/** Order of tables in the audit sheets: t1…t9, then extra tables, the narrative, the document. */
export function tableOrder(table: string): number {
  const i = ALL_TABLE_KEYS.indexOf(table as TableKey);
  if (i >= 0) return i;
  if (table.startsWith('extra:')) return 20;
  if (table === 'narrative') return 30;
  return 40;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO time → "2024-05-01 10:00" in local time; anything unparsable is printed as given. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
