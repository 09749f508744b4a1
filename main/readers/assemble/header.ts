// The header block of a table printed without a 栏次 row: the rows above its first data row. A row belongs to
// the header while a merge from a header row reaches into it, or while every word it prints is a header word
// (column vocabulary of the lexicon, or a word such as 合计/预算数/科目编码); the first row that prints an
// amount or a code, is blank, or starts with a row label (合计, 一、…, 1.…) in a label column is data.
// A header printed again at the top of a continuation page is recognised the same way.
import type { Lexicon } from '../../model/lexicon/concepts.js';
import { normalizeHeader } from '../../model/lexicon/concepts.js';
import { re } from '../../model/lexicon/titles.js';
import type { RawRow } from '../raw.js';
import { squash } from './text.js';

const whole = (w: string): RegExp => re(`^(?:${w})$`);
const NUMERIC = /^[-+]?[\d,，]*\d(\.\d+)?%?$|^[-+]?\.\d+$/;
/** Words that only a header prints (a column caption), when the lexicon has no exact entry for the text. */
const HEADER_WORD = /合计|小计|总计|支出|收入|经费|预算|决算|科目|编码|名称|项目|金额|资金|结转|结余|拨款|费$|^[类款项]$|栏次|序号|行次|数$/;
/** A row label that starts a data row: a total, a numbered item, 其中. */
const ROW_LABEL = /^((本年|当年)?(收入|支出)?(合计|总计|小计)|.{1,12}(合计|总计))$|^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|其中[:：])/;
/** A printed lane-number row without the 栏次 label: 甲 乙 1 2 3 … */
const LETTER = /^[甲乙丙丁]$/;

const cellText = (row: RawRow, c: number): string => {
  const cell = row.cells[c];
  return cell && !cell.covered ? squash(cell.text) : '';
};

/** The header words of a lexicon as one test. */
export function headerWordTest(lex: Lexicon): (text: string) => 'label' | 'amount' | null {
  const labels = [...Object.values(lex.labels).flat(), ...lex.labelCaptions];
  const amounts = [...lex.generic, ...Object.values(lex.stages).flat(), ...Object.values(lex.sides).flat(), ...lex.columns.flatMap((d) => d.words)];
  const memo = new Map<string, 'label' | 'amount' | null>();
  return (text: string) => {
    const norm = normalizeHeader(text);
    let hit = memo.get(norm);
    if (hit !== undefined) return hit;
    hit = null;
    if (labels.some((w) => whole(w).test(norm))) hit = 'label';
    else if (amounts.some((w) => whole(w).test(norm))) hit = 'amount';
    else {
      const bare = norm.replace(/(年初预算|全年预算|预算|决算)(数|金额)?$/, '');
      if (bare !== norm && bare && amounts.some((w) => whole(w).test(bare))) hit = 'amount';
    }
    memo.set(norm, hit);
    return hit;
  };
}

/** For each position, the cell whose merge covers it ([row, column]; the position itself when not covered). */
export function ownerCells(rows: RawRow[]): [number, number][][] {
  const owner = rows.map((row, r) => row.cells.map((_, c) => [r, c] as [number, number]));
  rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell.covered) return;
      for (let rr = r; rr < Math.min(rows.length, r + cell.rowSpan); rr++) {
        for (let cc = c; cc < Math.min(rows[rr]!.cells.length, c + cell.colSpan); cc++) if (rr > r || cc > c) owner[rr]![cc] = [r, c];
      }
    }),
  );
  return owner;
}

/** The lane numbers row without its 栏次 label: (甲 乙) 1 2 3 … over most columns. */
function isLaneNumbers(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  let i = 0;
  while (i < filled.length && LETTER.test(filled[i]!)) i++;
  const nums = filled.slice(i);
  return nums.length >= 3 && nums.every((t, k) => t === String(k + 1)) && filled.length >= texts.length * 0.6;
}

export interface HeaderOptions {
  /** The first grid of a table: its first row is header unless it prints data. */
  first: boolean;
  /** Continuation grids: the texts of the table's own header; a row printing only these repeats it. */
  known?: Set<string>;
}

/** How many of the grid's first rows form its header block. */
export function headerRowCount(rows: RawRow[], lex: Lexicon, opts: HeaderOptions): number {
  const isHeaderWord = headerWordTest(lex);
  const owner = ownerCells(rows);
  // Word's repeat-header rows are the header whenever the table has rows below them.
  let repeat = 0;
  while (repeat < rows.length - 1 && rows[repeat]!.repeatHeader) repeat++;
  let h = 0;
  /** Column c is a label column when a header row above names a label there (项目, 科目编码, 类 …). */
  const labelColumn = (c: number): boolean => {
    for (let r = 0; r < h; r++) {
      const [or, oc] = owner[r]![c] ?? [r, c];
      const text = cellText(rows[or]!, oc);
      if (text && isHeaderWord(text) === 'label') return true;
    }
    return false;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (r < repeat) {
      h = r + 1;
      continue;
    }
    const texts = row.cells.map((_, c) => cellText(row, c));
    const coveredFromHeader = row.cells.some((cell, c) => cell.covered && owner[r]![c]![0] < Math.min(r, h));
    if (h > 0 && coveredFromHeader) {
      h = r + 1;
      continue;
    }
    if (isLaneNumbers(texts)) {
      if (h > 0) h = r + 1;
      break;
    }
    const filled = texts.map((t, c) => ({ t, c })).filter((x) => x.t !== '');
    if (!filled.length) break; // a blank row: the (empty) body begins
    if (filled.some((x) => NUMERIC.test(x.t))) break;
    const lead = filled[0]!;
    if (ROW_LABEL.test(lead.t) && (h === 0 ? !opts.first : labelColumn(lead.c))) break;
    const known = opts.known;
    const wordy = known ? filled.every((x) => known.has(x.t)) : filled.every((x) => isHeaderWord(x.t) !== null || HEADER_WORD.test(x.t));
    if (r === 0 && opts.first) {
      h = 1;
      continue;
    }
    if (!wordy) break;
    h = r + 1;
  }
  return h;
}
