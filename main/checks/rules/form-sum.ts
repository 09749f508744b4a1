// form-sum — a form printed as label/amount pairs (项目支出绩效目标表: 项目资金总额 / 其中：财政资金 / 其他资金;
// 年度资金申请总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金): an amount labelled 总额 against the lines
// under it that start with 其中. Where the lines end with 其他… they are the whole breakdown and must add up to
// the 总额; otherwise each may only not exceed it. A document holds many such forms under one title, so a
// finding names the form by its 项目名称 and page rather than by a table key.
import { fmtUnit } from '../lib/amounts.js';
import type { ExtraView } from '../lib/extra.js';
import { squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

const WHOLE = /(总额|总计|合计)$/;
/** Rows below a 总额 searched for its parts (a block of the form is a few lines). */
const REACH = 6;

interface Line {
  label: string;
  fen: number;
}

/** The first amount right of column c in row r before another label, with its column. */
function amountRight(v: ExtraView, r: number, c: number): { col: number; fen: number } | null {
  for (let k = c + 1; k < (v.rows[r]?.length ?? 0); k++) {
    const t = v.text(r, k);
    if (t === '') continue;
    const fen = v.cents(r, k);
    return fen === null ? null : { col: k, fen };
  }
  return null;
}

/** The label/amount lines under a 总额 at (r, c) whose amount stands in column a; stops at a label without an
 *  amount there, another 总额, or two empty lines. */
function linesUnder(v: ExtraView, r: number, c: number, a: number): Line[] {
  const out: Line[] = [];
  let empty = 0;
  for (let k = r + 1; k < Math.min(v.rows.length, r + 1 + REACH); k++) {
    let label = '';
    for (let j = c; j < a && label === ''; j++) label = squash(v.text(k, j));
    const printed = v.text(k, a);
    const fen = printed === '' ? null : v.cents(k, a);
    if (label === '' && printed === '') {
      if (++empty >= 2) break;
      continue;
    }
    if (label === '' || fen === null || WHOLE.test(label)) break;
    empty = 0;
    out.push({ label, fen });
  }
  return out;
}

/** The form's 项目名称 (the first text right of that label), for naming it. */
function projectName(v: ExtraView): string {
  for (let r = 0; r < v.rows.length; r++) {
    const row = v.rows[r]!;
    const at = row.findIndex((x) => /^项目名称$/.test(squash(x)));
    if (at < 0) continue;
    const name = row
      .slice(at + 1)
      .map(squash)
      .find((x) => x !== '');
    if (name) return name;
  }
  return '';
}

/** 元 per printed unit: a form that says 万元 anywhere in its title, header or labels prints 万元; else 元. */
function unitFactor(v: ExtraView): number {
  const texts = [v.title, ...(v.table.header?.rows.flat() ?? []), ...v.rows.flat()];
  return texts.some((t) => /万元/.test(String(t ?? ''))) ? 10_000 : 1;
}

export function formSums(v: ExtraView): Draft[] {
  const out: Draft[] = [];
  const factor = unitFactor(v);
  const shown = (fen: number): string => fmtUnit(fen * factor, factor);
  const form = (): string => {
    const name = projectName(v);
    return name ? `${v.title}（${name}）` : v.title;
  };
  for (let r = 0; r < v.rows.length; r++) {
    for (let c = 0; c < (v.rows[r]?.length ?? 0); c++) {
      const label = squash(v.text(r, c));
      if (!WHOLE.test(label) || /^其中/.test(label)) continue;
      const whole = amountRight(v, r, c);
      if (!whole) continue;
      const lines = linesUnder(v, r, c, whole.col);
      if (lines.length === 0 || !/^其中/.test(lines[0]!.label)) continue;
      const named = (l: Line) => `${l.label} ${shown(l.fen)}`;
      const complete = lines.length > 1 && /^其他/.test(lines[lines.length - 1]!.label);
      const total = lines.reduce((s, l) => s + l.fen, 0);
      const over = lines.filter((l) => l.fen > whole.fen);
      let message: string | null = null;
      if (over.length > 0) {
        message = over.map((l) => `${named(l)} 超过 ${label} ${shown(whole.fen)}（多 ${shown(l.fen - whole.fen)}）`).join('；');
      } else if (complete && total !== whole.fen) {
        message = `${label} ${shown(whole.fen)} ≠ 其中各项之和 ${shown(total)}（${lines.map(named).join(' + ')}）`;
      }
      if (message === null) continue;
      const name = form();
      out.push({
        rule: 'form-sum',
        severity: 'error',
        cell: { table: 'document', row: name, column: null },
        related: [],
        expected: whole.fen * factor,
        actual: (complete && over.length === 0 ? total : over[0]!.fen) * factor,
        factor,
        message: `${name}：${message}`,
        page: v.page(r, whole.col),
      });
    }
  }
  return out;
}

export const formSum: Rule = {
  id: 'form-sum',
  title: '表单中的金额：“其中”各项不超过总额，列全（至“其他”）时之和等于总额',
  reads: '以“项目/金额”成对列示的表单（如项目支出绩效目标表的项目资金总额、年度资金申请总额及其中各项）',
  run: (ctx) => ctx.extras.flatMap(formSums),
};
