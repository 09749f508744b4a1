// Arithmetic identities as drafts: "stated = Σ parts" (and "a ≥ b"), every figure in 分 with its printed
// precision, every compared cell kept as a term so the engine can move the blame to the cell that fails the
// most identities. A difference within the printed precision is a 尾差: reported (rule "rounding",
// warning), never hidden, never an error.
import type { CellRef, Severity } from '../../model/types.js';
import type { Draft, Term } from '../types.js';
import { diffNote, fmtIn, fmtUnit, isTailOf, sum } from './amounts.js';

/** Figures printed coarser than the finest of an identity may differ by half their step: that is rounding, not a difference. */
function roundingBand(steps: number[]): number {
  const fine = minOf(steps, (x) => x);
  return steps.filter((s) => s > fine).reduce((a, s) => a + s / 2, 0);
}
import type { Amount } from './view.js';
import { minOf } from '../../model/extent.js';

/** A message piece, built only when a check fails (checks run after every edit). */
export type Text = string | (() => string);
export const text = (t: Text | undefined): string => (typeof t === 'function' ? t() : (t ?? ''));

export interface Operand {
  ref: CellRef;
  /** 分. */
  value: number;
  /** Printed precision in 分 (1 where exact to the 分). */
  step: number;
  /** 元 per unit of the printed figure. */
  factor: number;
  label?: Text;
  page?: number | null;
}

export const fromAmount = (a: Amount, label?: Text): Operand => ({ ref: a.ref, value: a.fen, step: a.step, factor: a.factor, label: label ?? a.label, page: a.page });

/** A stand-in worth 0 for a row or table that is not printed (named in the message). */
export const missing = (table: string, column: string | null, label: string, factor: number): Operand => ({
  ref: { table, row: null, column }, value: 0, step: factor * 1, factor, label,
});

export interface SumIdentity {
  rule: string;
  /** The stated side (合计, the parent, the printed total). */
  total: Operand;
  parts: Operand[];
  /** "2101102 行政运行 合计" */
  subject: Text;
  /** "下级科目之和" */
  relation: Text;
  related?: CellRef[];
  /** Force a severity (e.g. a doubtful identity is only a warning). */
  severity?: Severity;
  note?: string;
}

/** Rule id of 尾差 findings. */
export const ROUNDING = 'rounding';

const term = (o: Operand, coef: 1 | -1): Term => ({ ref: o.ref, value: o.value, coef, factor: o.factor, label: o.label === undefined ? undefined : text(o.label) });

const mixed = (ops: Operand[]): boolean => new Set(ops.map((o) => o.factor)).size > 1;

/** A figure as a message prints it: in its own unit, with the unit named where units are mixed. */
export const show = (fen: number, factor: number, withUnit: boolean): string => (withUnit ? fmtUnit(fen, factor) : fmtIn(fen, factor));

/** null when the identity holds to the printed precision of its figures (a 尾差 is reported). */
export function checkSum(id: SumIdentity): Draft | null {
  const partsSum = sum(id.parts.map((p) => p.value));
  const diff = id.total.value - partsSum;
  const all = [id.total, ...id.parts];
  if (diff === 0 || Math.abs(diff) <= roundingBand(all.map((o) => o.step))) return null;
  const tail = isTailOf(diff, all.map((o) => o.step)) && id.severity === undefined;
  const units = mixed(all);
  const f = id.total.factor;
  return {
    rule: tail ? ROUNDING : id.rule,
    severity: tail ? 'warning' : (id.severity ?? 'error'),
    cell: id.total.ref,
    related: [...id.parts.map((p) => p.ref), ...(id.related ?? [])],
    expected: partsSum,
    actual: id.total.value,
    factor: f,
    message: `${text(id.subject)} ${show(id.total.value, f, units)} ≠ ${text(id.relation)} ${show(partsSum, f, units)}${diffNote(diff, f, tail)}${id.note ? `；${id.note}` : ''}`,
    page: id.total.page ?? null,
    terms: [term(id.total, 1), ...id.parts.map((p) => term(p, -1))],
    diff,
  };
}

/** a = b between two cells (a is named first and blamed by default). */
export function checkEqual(rule: string, a: Operand, b: Operand, subject: Text, relation: Text, severity?: Severity): Draft | null {
  return checkSum({ rule, total: a, parts: [b], subject, relation, severity });
}

/** a ≥ b (within the printed precision); a failing draft blames a. */
export function checkAtLeast(rule: string, a: Operand, b: Operand, subject: Text, relation: Text, severity: Severity): Draft | null {
  const diff = a.value - b.value;
  if (diff >= 0 || Math.abs(diff) <= roundingBand([a.step, b.step])) return null;
  const tail = isTailOf(diff, [a.step, b.step]);
  const units = mixed([a, b]);
  return {
    rule: tail ? ROUNDING : rule,
    severity: tail ? 'warning' : severity,
    cell: a.ref,
    related: [b.ref],
    expected: b.value,
    actual: a.value,
    factor: a.factor,
    message: `${text(subject)} ${show(a.value, a.factor, units)} < ${text(relation)} ${show(b.value, b.factor, units)}${diffNote(diff, a.factor, tail)}`,
    page: a.page ?? null,
    terms: [term(a, 1), term(b, -1)],
    diff,
  };
}
