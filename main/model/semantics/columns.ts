// What each printed column of a table means, from its header words: a label (序号, 科目编码 or 类/款/项, 科目
// 名称, 项目) or an amount of a concept (合计, 财政拨款收入, 人员经费, 公务接待费 …) with its stage (预算数 /
// 决算数) and side (收入/支出). Side-by-side blocks (the income and expenditure halves of a 收支总表, the two
// halves of a 基本支出决算表) are panels. Nothing here knows a province: only the lexicon's words.
import type { ConceptDef, LabelRole, Lexicon, Side, Stage } from '../lexicon/concepts.js';
import { normalizeHeader } from '../lexicon/concepts.js';
import { anyWhole } from '../lexicon/titles.js';
import type { HeaderGrid } from '../types.js';

export type ColumnRole = LabelRole | 'amount';

export interface ColumnMeaning {
  index: number;
  role: ColumnRole;
  /** Amount columns: the concept id ('total', 'fiscal', 'basic', 'reception' …). */
  concept: string | null;
  stage: Stage | null;
  side: Side | null;
  /** Side-by-side block the column belongs to (-1 for a row-level 序号). */
  panel: number;
  /** The header texts over the column, top to bottom, as printed. */
  path: string[];
}

export interface Panel {
  index: number;
  columns: number[];
  labels: number[];
  amounts: number[];
  /** Code parts in printed order (类, 款, 项) or one joined code column. */
  codes: number[];
  side: Side | null;
  /** 'code' when rows are 科目 with codes, else 'item' (项目 labels). */
  kind: 'code' | 'item';
}

export interface TableLayout {
  columns: ColumnMeaning[];
  panels: Panel[];
  /** The printed 序号 column, or null. */
  seq: number | null;
}

interface PathElement {
  text: string;
  norm: string;
  c1: number;
  c2: number;
}

const matchesAny = (norm: string, words: string[]): boolean => anyWhole(words).test(norm);

function conceptOf(norm: string, defs: ConceptDef[]): ConceptDef | null {
  for (const d of defs) if (matchesAny(norm, d.words)) return d;
  return null;
}

function labelRoleOf(norm: string, lex: Lexicon): LabelRole | null {
  for (const role of ['seq', 'code-lei', 'code-kuan', 'code-xiang', 'code', 'name', 'item'] as LabelRole[]) {
    if (matchesAny(norm, lex.labels[role])) return role;
  }
  return null;
}

function stageOf(norm: string, lex: Lexicon): Stage | null {
  for (const stage of ['initial', 'full', 'actual', 'budget'] as Stage[]) if (matchesAny(norm, lex.stages[stage])) return stage;
  return null;
}

/** A concept named with a stage suffix: “三公”经费预算数, 机关运行经费预算数. */
function conceptWithStage(norm: string, lex: Lexicon): ConceptDef | null {
  const direct = conceptOf(norm, lex.columns);
  if (direct) return direct;
  const bare = norm.replace(/(年初预算|全年预算|预算|决算)(数|金额)?$/, '');
  return bare && bare !== norm ? conceptOf(bare, lex.columns) : null;
}

/** The header texts over each column, top to bottom, with the span of the cell each comes from. */
function headerPaths(header: HeaderGrid, width: number): PathElement[][] {
  const owner = header.rows.map((row) => row.map((_, c) => c));
  const span = header.rows.map((row) => row.map((_, c) => [c, c] as [number, number]));
  const ownerRow = header.rows.map((row, r) => row.map(() => r));
  for (const [r1, c1, r2, c2] of header.merges) {
    for (let r = r1; r <= r2 && r < header.rows.length; r++) {
      for (let c = c1; c <= c2 && c < (header.rows[r]?.length ?? 0); c++) {
        owner[r]![c] = c1;
        ownerRow[r]![c] = r1;
        span[r]![c] = [c1, c2];
      }
    }
  }
  const paths: PathElement[][] = [];
  for (let c = 0; c < width; c++) {
    const path: PathElement[] = [];
    let last: string | null = null;
    for (let r = 0; r < header.rows.length; r++) {
      const oc = owner[r]?.[c] ?? c;
      const or = ownerRow[r]?.[c] ?? r;
      const text = (header.rows[or]?.[oc] ?? '').trim();
      const id = `${or}:${oc}`;
      if (!text || id === last) continue;
      last = id;
      const [c1, c2] = span[r]?.[c] ?? [c, c];
      path.push({ text, norm: normalizeHeader(text), c1, c2 });
    }
    paths.push(path);
  }
  return paths;
}

const AMOUNT_TEXT = /^-?[\d,，]+(\.\d+)?$|^-?\.\d+$/;

/** A column with no header words: judged by what its cells hold. */
function roleFromCells(rows: string[][], c: number): ColumnRole {
  let amounts = 0;
  let codes = 0;
  let text = 0;
  for (const row of rows) {
    const t = String(row[c] ?? '').replace(/\s+/g, '');
    if (!t) continue;
    if (/^\d{3,7}$/.test(t) || (/^\d{2}$/.test(t) && codes > 0)) codes++;
    else if (AMOUNT_TEXT.test(t)) amounts++;
    else text++;
  }
  if (codes > amounts && codes > text) return 'code';
  if (amounts > text) return 'amount';
  return 'item';
}

function roleOf(path: PathElement[], lex: Lexicon, rows: string[][], c: number): ColumnRole {
  for (let i = path.length - 1; i >= 0; i--) {
    const { norm } = path[i]!;
    const label = labelRoleOf(norm, lex);
    if (label) return label;
    if (matchesAny(norm, lex.generic) || conceptWithStage(norm, lex) || stageOf(norm, lex)) return 'amount';
    if (matchesAny(norm, lex.labelCaptions)) continue;
  }
  return roleFromCells(rows, c);
}

/** Split columns into side-by-side panels: a label column after an amount column starts a new one. */
function panelsOf(roles: ColumnRole[]): { panelOf: number[]; seq: number | null } {
  const panelOf: number[] = [];
  let panel = 0;
  let sawAmount = false;
  let seq: number | null = null;
  roles.forEach((role, c) => {
    if (role === 'seq') {
      seq ??= c;
      panelOf.push(-1);
      return;
    }
    if (role !== 'amount' && sawAmount) {
      panel++;
      sawAmount = false;
    }
    if (role === 'amount') sawAmount = true;
    panelOf.push(panel);
  });
  return { panelOf, seq };
}

const CODE_ROLES: ColumnRole[] = ['code', 'code-lei', 'code-kuan', 'code-xiang'];

export function describeColumns(header: HeaderGrid, rows: string[][], lex: Lexicon): TableLayout {
  const width = Math.max(0, ...header.rows.map((r) => r.length), ...rows.slice(0, 200).map((r) => r.length));
  const paths = headerPaths(header, width);
  const roles = paths.map((p, c) => roleOf(p, lex, rows, c));
  // Adjacent joined-code columns under one 科目编码 heading are the 类/款/项 parts.
  for (let c = 0; c < width; c++) {
    if (roles[c] !== 'code') continue;
    let end = c;
    while (end + 1 < width && roles[end + 1] === 'code') end++;
    if (end > c) for (let k = c; k <= end && k - c < 3; k++) roles[k] = (['code-lei', 'code-kuan', 'code-xiang'] as const)[k - c]!;
    c = end;
  }
  const { panelOf, seq } = panelsOf(roles);
  const panelCount = Math.max(0, ...panelOf) + 1;
  const panels: Panel[] = Array.from({ length: panelCount }, (_, i) => ({ index: i, columns: [], labels: [], amounts: [], codes: [], side: null, kind: 'item' }));
  roles.forEach((role, c) => {
    const p = panels[panelOf[c]!];
    if (!p) return;
    p.columns.push(c);
    if (role === 'amount') p.amounts.push(c);
    else p.labels.push(c);
    if (CODE_ROLES.includes(role)) p.codes.push(c);
  });
  for (const p of panels) p.kind = p.codes.length ? 'code' : 'item';

  const columns: ColumnMeaning[] = paths.map((path, c) => {
    const role = roles[c]!;
    const panel = panels[panelOf[c]!];
    const meaning: ColumnMeaning = { index: c, role, concept: null, stage: null, side: null, panel: panelOf[c]!, path: path.map((e) => e.text) };
    if (!panel) return meaning;
    const lo = Math.min(...panel.amounts);
    const hi = Math.max(...panel.amounts);
    const caption = (e: PathElement) =>
      e.c1 <= lo && e.c2 >= hi && (panel.amounts.length > 1 || e.c1 < lo || e.c2 > hi || path.length > 1 && e !== path[path.length - 1]);
    for (let i = path.length - 1; i >= 0; i--) {
      const e = path[i]!;
      meaning.stage ??= stageOf(e.norm, lex);
      for (const side of ['income', 'expense'] as Side[]) if (!meaning.side && matchesAny(e.norm, lex.sides[side])) meaning.side = side;
    }
    if (role !== 'amount') return meaning;
    for (let i = path.length - 1; i >= 0 && !meaning.concept; i--) {
      const e = path[i]!;
      if (caption(e)) continue;
      const def = conceptWithStage(e.norm, lex);
      if (def) {
        meaning.concept = def.id;
        meaning.side ??= def.side ?? null;
      }
    }
    meaning.concept ??= 'total';
    return meaning;
  });
  for (const p of panels) {
    const sides = p.columns.map((c) => columns[c]!.side).filter((s): s is Side => s !== null);
    p.side = sides[0] ?? null;
  }
  return { columns, panels, seq };
}
