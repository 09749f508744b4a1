// What each row of a table holds, panel by panel: a 科目 with its code (joined from 类/款/项 columns as
// printed, and completed from the rows above where a part is left blank) and level, or an item label with
// its concept (本年收入合计, 一般公共预算, 公务接待费 …), or the 合计 row. The row id a finding names is the
// 序号 where printed, else the entry's code, else the row's first printed text (CONTRACT.md v2).
import type { ConceptDef, Lexicon } from '../lexicon/concepts.js';
import { normalizeHeader } from '../lexicon/concepts.js';
import { anyWhole } from '../lexicon/titles.js';
import type { Panel, TableLayout } from './columns.js';

export interface Entry {
  row: number;
  panel: number;
  /** The code as printed, parts joined without spaces ('2010601'; '71102' where the 类 is misprinted). */
  code: string | null;
  /** The code with parts left blank taken from the rows above ('2010601' for a row printing only 01). */
  fullCode: string | null;
  /** 1 类, 2 款, 3 项; null when not a code row. */
  level: 1 | 2 | 3 | null;
  /** The 科目名称 or item label as printed (numbering kept). */
  label: string;
  /** A label printed once for a group of rows (a merged first label column), for rows that leave it blank. */
  group: string | null;
  /** Row concept of an item label ('incomeSubtotal', 'general', 'reception' …), or null. */
  concept: string | null;
  /** The 合计 / 总计 row of the panel. */
  isTotal: boolean;
  /** Row id for findings. */
  id: string;
}

const GENERIC_LABEL = /^(小计|合计|总计)$/;
const TOTAL_LABEL = /^(合计|总计|小计|收入合计|支出合计|本年收入合计|本年支出合计|收入总计|支出总计)$|合计$|总计$/;

function rowConcept(label: string, defs: ConceptDef[]): string | null {
  const norm = normalizeHeader(label);
  if (!norm) return null;
  for (const d of defs) if (anyWhole(d.words).test(norm)) return d.id;
  return null;
}

const squash = (s: string | undefined): string => String(s ?? '').replace(/[\s\u3000]+/g, '');

function levelOfJoined(code: string): 1 | 2 | 3 | null {
  if (code.length === 3) return 1;
  if (code.length === 5) return 2;
  if (code.length === 7) return 3;
  return null;
}

/** 类, 款, 项 printed in the code columns of the 合计 row (a 决算 prints its header labels there). */
const CODE_CAPTION = /^[类款项]$/;

/** The row id where no 序号 is printed: the first non-empty text cell of the row (a 类/款/项 caption skipped). */
export function firstText(row: string[]): string {
  for (const cell of row) {
    const t = String(cell ?? '').trim();
    if (t && !CODE_CAPTION.test(t)) return t;
  }
  return '';
}

export function describeEntries(rows: string[][], layout: TableLayout, lex: Lexicon): Entry[] {
  const out: Entry[] = [];
  for (const panel of layout.panels) {
    let parents: string[] = [];
    let group: string | null = null;
    rows.forEach((row, r) => {
      const entry = entryOf(row, r, panel, layout, lex, parents, group);
      if (!entry) return;
      if (entry.fullCode && panel.codes.length > 1) parents = splitParts(row, panel, parents);
      group = entry.group;
      out.push(entry);
    });
  }
  return out;
}

function splitParts(row: string[], panel: Panel, parents: string[]): string[] {
  const parts = panel.codes.map((c) => squash(row[c]));
  const last = parts.reduce((k, p, i) => (p ? i : k), -1);
  return parts.map((p, i) => (i > last ? '' : p || parents[i] || ''));
}

function entryOf(row: string[], r: number, panel: Panel, layout: TableLayout, lex: Lexicon, parents: string[], prevGroup: string | null): Entry | null {
  const labelCells = panel.labels.filter((c) => !panel.codes.includes(c)).map((c) => String(row[c] ?? '').trim());
  const amountsBlank = panel.amounts.every((c) => squash(row[c]) === '');
  let code: string | null = null;
  let fullCode: string | null = null;
  let level: 1 | 2 | 3 | null = null;
  const codeTexts = panel.codes.map((c) => squash(row[c])).map((t) => (CODE_CAPTION.test(t) ? '' : t));
  if (codeTexts.some((t) => t !== '') && codeTexts.every((t) => t === '' || /^\d+$/.test(t))) {
    code = codeTexts.join('');
    if (panel.codes.length > 1) {
      const last = codeTexts.reduce((k, t, i) => (t ? i : k), -1);
      level = (last + 1) as 1 | 2 | 3;
      fullCode = codeTexts.slice(0, last + 1).map((t, i) => t || parents[i] || '').join('');
    } else {
      fullCode = code;
      level = levelOfJoined(code);
    }
  } else {
    // A label printed across the code columns (合计 merged over 类/款/项) is the row's label.
    const merged = codeTexts.find((t) => t !== '');
    if (merged) labelCells.unshift(merged);
  }
  const filled = labelCells.filter((t) => t !== '');
  if (!code && !filled.length && amountsBlank) return null;
  const specific = filled.filter((t) => !GENERIC_LABEL.test(squash(t)));
  let label = specific[specific.length - 1] ?? filled[0] ?? '';
  let group: string | null = null;
  if (labelCells.length > 1 && !panel.codes.length) {
    group = labelCells[0] ? labelCells[0] : prevGroup;
    if (!specific.length && filled.length && group) label = group;
  }
  const isTotal = !code && TOTAL_LABEL.test(normalizeHeader(label) || squash(label));
  const concept = code ? null : rowConcept(label, lex.rows);
  let id: string;
  if (layout.seq !== null && squash(row[layout.seq]) !== '') id = squash(row[layout.seq]);
  else if (code) id = code;
  else id = firstText(row);
  return { row: r, panel: panel.index, code, fullCode, level, label, group, concept, isTotal, id };
}
