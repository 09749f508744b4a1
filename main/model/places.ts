// Where a finding, a correction or a compared cell sits, in the words an auditor reads: the table's standard
// name, the row as printed (`2010301 行政运行`, `合计`), the column as its header names it (`基本支出`), a
// narrative paragraph by its section. Built once per document (row ids indexed per panel), shared by the
// review screen (through the API) and every export, so both say the same thing.
import { cellLabels, columnIndex, columnName, describeTable, rowIdAt } from './semantics/index.js';
import { TABLE_NAMES, ALL_TABLE_KEYS } from './tables.js';
import type { BudgetDocument, CellRef, Finding, StandardTable, TableKey } from './types.js';
import { ruleCategory, ruleName, type RuleCategory } from './vocabulary.js';

export const isStandardKey = (table: string): table is TableKey => (ALL_TABLE_KEYS as readonly string[]).includes(table);

/** A finding's or a correction's table: the standard name, 情况说明, 全文, or an extra table's printed title. */
export function tableWord(table: string): string {
  if (isStandardKey(table)) return TABLE_NAMES[table];
  if (table === 'narrative') return '情况说明';
  if (table === 'document') return '全文';
  if (table.startsWith('extra:')) return table.slice('extra:'.length);
  return '其他';
}

export interface CellPlace {
  /** Row and column index in the printed table, when the ids name a cell of it. */
  row: number | null;
  col: number | null;
  /** `2010301 行政运行`, `合计`, `一、财政拨款收入`; '' when no row is named. */
  rowLabel: string;
  /** `基本支出`; '' when no column is named. */
  columnLabel: string;
}

interface TableIndex {
  table: StandardTable;
  /** Per panel (index + 1, so the row-level 序号 panel -1 is 0): row id → row index. */
  rows: Map<string, number>[];
}

export interface PlaceNamer {
  place(table: string, row: string | null, column: string | null): CellPlace;
  /** `收入总表 · 2010301 行政运行 · 基本支出`, `情况说明 · 二、总体情况 · 第 2 段`. */
  words(ref: CellRef, ownTable?: string): string;
}

/** The narrative's cell ids: row = the section heading (or an item's code), column = paragraph index or
 *  `index:figure`. A code is no heading: the paragraph alone names the place. */
function narrativeWords(row: string | null, column: string | null): string {
  const para = column === null ? null : Number(column.split(':')[0]);
  const heading = row && !/^\d+$/.test(row.trim()) ? `“${row.trim()}”` : '';
  return [heading, para !== null && Number.isInteger(para) ? `第 ${para + 1} 段` : ''].filter(Boolean).join(' ');
}

/** An extra table's row is its 序号 or position; a place in the whole document (a form by its 项目名称), its name. */
const rowWords = (row: string | null): string => (!row ? '' : /^\d+$/.test(row.trim()) ? `第 ${row} 行` : row);

/** A compared figure of the narrative, from a finding in the narrative: the same paragraph by the figure's place in it. */
function narrativeRefWords(ref: CellRef, f: Pick<Finding, 'table' | 'row' | 'column'>): string {
  const [para, figure] = (ref.column ?? '').split(':');
  const samePara = f.table === 'narrative' && f.row === ref.row && (f.column ?? '').split(':')[0] === para;
  if (samePara && figure !== undefined && /^\d+$/.test(figure)) return `本段第 ${Number(figure) + 1} 个数`;
  return narrativeWords(ref.row, ref.column) || '情况说明';
}

export function placeNamer(doc: Pick<BudgetDocument, 'tables' | 'family'>): PlaceNamer {
  const indexes = new Map<string, TableIndex>();
  const indexOf = (key: string): TableIndex | null => {
    const hit = indexes.get(key);
    if (hit) return hit;
    const table = doc.tables.find((t) => t.key === key);
    if (!table) return null;
    const sem = describeTable(table, doc.family);
    const panels = Math.max(0, ...sem.columns.map((c) => c.panel)) + 2;
    const rows = Array.from({ length: panels }, () => new Map<string, number>());
    for (let p = -1; p < panels - 1; p++) {
      const col = p < 0 ? null : (sem.panels[p]?.amounts[0] ?? sem.panels[p]?.columns[0] ?? null);
      if (p >= 0 && col === null) continue;
      table.rows.forEach((_, r) => {
        const id = rowIdAt(table, r, col, doc.family);
        if (id && !rows[p + 1]!.has(id)) rows[p + 1]!.set(id, r);
      });
    }
    const made = { table, rows };
    indexes.set(key, made);
    return made;
  };

  const place = (tableKey: string, row: string | null, column: string | null): CellPlace => {
    const ix = isStandardKey(tableKey) ? indexOf(tableKey) : null;
    if (!ix) return { row: null, col: null, rowLabel: row ?? '', columnLabel: column ?? '' };
    const { table } = ix;
    const sem = describeTable(table, doc.family);
    const col = column === null ? null : columnIndex(table, column);
    const panel = col === null ? -1 : (sem.columns[col]?.panel ?? -1);
    let r: number | null = null;
    if (row !== null) r = ix.rows[panel + 1]?.get(row) ?? ix.rows.find((m) => m.has(row))?.get(row) ?? null;
    const labels = r !== null ? cellLabels(table, r, col ?? sem.panels[0]?.amounts[0] ?? 0, doc.family) : null;
    const colMeaning = col !== null ? sem.columns[col] : undefined;
    // A row printed without a name (its first text a figure) is named by its position, never by that figure.
    const figure = (t: string | undefined) => !!t && /^-?[\d,]*\.\d+$|^-?\d{1,3}(,\d{3})+$/.test(t.trim());
    const rowLabel = labels?.row && !figure(labels.row) ? labels.row : r !== null ? `第 ${r + 1} 行` : row === null || figure(row) ? '' : `第 ${row} 行`;
    return {
      row: r,
      col: col !== null && col < (table.rows[0]?.length ?? sem.columns.length) ? col : null,
      rowLabel,
      columnLabel: colMeaning ? columnName(colMeaning) : column === null ? '' : `第 ${column} 栏`,
    };
  };

  return {
    place,
    words(ref, ownTable) {
      const own = ownTable !== undefined && ref.table === ownTable;
      if (ref.table === 'narrative') return [own ? '' : '情况说明', narrativeWords(ref.row, ref.column)].filter(Boolean).join(' ');
      if (!isStandardKey(ref.table)) return [own ? '' : tableWord(ref.table), rowWords(ref.row)].filter(Boolean).join(' ');
      const p = place(ref.table, ref.row, ref.column);
      return [own ? '' : tableWord(ref.table), p.rowLabel, p.columnLabel].filter(Boolean).join(' ');
    },
  };
}

/** What the review screen and the exports print about a finding besides its message. */
export interface FindingWords {
  ruleName: string;
  category: RuleCategory;
  /** The finding's own place: table · row · column (or section · paragraph). */
  place: string;
  /** The cells it compared, summarised: a few by name, the rest counted per table. */
  relatedText: string;
}

const LISTED_PER_TABLE = 3;

/** The compared cells in one line: `本表 合计 基本支出、302 商品和服务支出 基本支出；收入总表 等 12 处`. */
export function relatedSummary(namer: PlaceNamer, f: Pick<Finding, 'table' | 'row' | 'column' | 'related'>): string {
  const groups = new Map<string, CellRef[]>();
  for (const r of f.related ?? []) {
    const list = groups.get(r.table);
    if (list) list.push(r);
    else groups.set(r.table, [r]);
  }
  const parts: string[] = [];
  for (const [table, refs] of groups) {
    const own = table === f.table;
    const head = table === 'narrative' ? (own ? '' : '情况说明') : own ? '本表' : tableWord(table);
    const names = [...new Set(refs.map((r) => (table === 'narrative' ? narrativeRefWords(r, f) : namer.words(r, table))).filter(Boolean))];
    const list = names.length <= LISTED_PER_TABLE ? names.join('、') : `${names.slice(0, 2).join('、')} 等 ${names.length} 处`;
    parts.push([head, list].filter(Boolean).join(' '));
  }
  return parts.join('；');
}

/** A finding's own place: table · row · column, or 情况说明 · section · paragraph. */
function findingPlace(namer: PlaceNamer, f: Pick<Finding, 'table' | 'row' | 'column' | 'paragraph'>): string {
  const parts = [tableWord(f.table)];
  if (f.table === 'narrative') parts.push(f.paragraph ? narrativeWords(f.paragraph.heading, String(f.paragraph.index)) : narrativeWords(f.row, f.column));
  else if (isStandardKey(f.table)) {
    const p = namer.place(f.table, f.row, f.column);
    parts.push(p.rowLabel, p.columnLabel);
  } else parts.push(rowWords(f.row));
  return parts.filter(Boolean).join(' · ');
}

export function findingWords(namer: PlaceNamer, f: Pick<Finding, 'rule' | 'table' | 'row' | 'column' | 'related' | 'paragraph'>): FindingWords {
  return { ruleName: ruleName(f.rule), category: ruleCategory(f.rule), place: findingPlace(namer, f), relatedText: relatedSummary(namer, f) };
}
