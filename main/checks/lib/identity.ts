// Arithmetic identities as drafts: "stated = Σ parts" (and "a ≥ b"), with every compared cell kept as a
// term so the engine can move the blame to the cell that fails the most identities.
import type { CellRef, Severity } from '../../model/types.js';
import type { Draft, Term } from '../types.js';
import { diffNote, fmt, isTail, severityOf, sum } from './amounts.js';

/** A message piece, built only when a check fails (checks run after every edit). */
export type Text = string | (() => string);
export const text = (t: Text | undefined): string => (typeof t === 'function' ? t() : (t ?? ''));

export interface Operand {
  ref: CellRef;
  value: number;
  label?: Text;
  page?: number | null;
}

export interface SumIdentity {
  rule: string;
  /** The stated side (合计, the parent, the printed total). */
  total: Operand;
  parts: Operand[];
  /** "21011 行政事业单位医疗 合计" */
  subject: Text;
  /** "下级科目之和" */
  relation: Text;
  /** Extra cells compared that are not terms (shown in related). */
  related?: CellRef[];
  /** Force a severity (e.g. a doubtful identity is only a warning). */
  severity?: Severity;
  /** Appended to the message. */
  note?: string;
}

/** Rule id of 尾差 findings (a 0.01–0.03 difference where every part is rounded). */
export const ROUNDING = 'rounding';

const term = (o: Operand, coef: 1 | -1): Term => ({ ref: o.ref, value: o.value, coef, label: o.label === undefined ? undefined : text(o.label) });

/** null when the identity holds to the cent. */
export function checkSum(id: SumIdentity): Draft | null {
  const partsSum = sum(id.parts.map((p) => p.value));
  const diff = id.total.value - partsSum;
  if (diff === 0) return null;
  // A 尾差 is its own finding (rule "rounding", a warning): a real error on the same cell later is new.
  const tail = isTail(diff) && id.severity === undefined;
  return {
    rule: tail ? ROUNDING : id.rule,
    severity: id.severity ?? severityOf(diff),
    cell: id.total.ref,
    related: [...id.parts.map((p) => p.ref), ...(id.related ?? [])],
    expected: partsSum,
    actual: id.total.value,
    message: `${text(id.subject)} ${fmt(id.total.value)} ≠ ${text(id.relation)} ${fmt(partsSum)}${diffNote(diff)}${id.note ? `；${id.note}` : ''}`,
    page: id.total.page ?? null,
    terms: [term(id.total, 1), ...id.parts.map((p) => term(p, -1))],
    diff,
  };
}

/** a = b between two cells (a is named first and blamed by default). */
export function checkEqual(rule: string, a: Operand, b: Operand, subject: Text, relation: Text, severity?: Severity): Draft | null {
  return checkSum({ rule, total: a, parts: [b], subject, relation, severity });
}

/** a ≥ b; a failing draft blames a. */
export function checkAtLeast(rule: string, a: Operand, b: Operand, subject: Text, relation: Text, severity: Severity): Draft | null {
  const diff = a.value - b.value;
  if (diff >= 0) return null;
  return {
    rule,
    severity,
    cell: a.ref,
    related: [b.ref],
    expected: b.value,
    actual: a.value,
    message: `${text(subject)} ${fmt(a.value)} < ${text(relation)} ${fmt(b.value)}${diffNote(diff)}`,
    page: a.page ?? null,
    terms: [term(a, 1), term(b, -1)],
    diff,
  };
}
