// A w:tbl as a rectangular grid: gridSpan / hMerge → colSpan, vMerge restart/continue → rowSpan,
// gridBefore/gridAfter → blank leading/trailing cells, tblHeader → repeatHeader. Nested tables are
// flattened into their cell's text (rows on lines, cells separated by a space). Spans and sizes are held to
// LIMITS before any grid is allocated; the walks keep their own stacks (no recursion).
import { LIMITS, spanTooLarge, tableTooLarge } from '../limits.js';
import type { RawCell, RawRow, RawTableBlock } from '../raw.js';
import { readParagraph } from './paragraph.js';
import type { StyleTable } from './styles.js';
import { attr, child, childrenNamed, isOn, localName, walkElements, type XmlElement } from '../ooxml/xml.js';

/** A count from a w:val (gridSpan, gridBefore…): at most a table's width, else the file is refused. */
const intAttr = (el: XmlElement | undefined, fallback: number): number => {
  const raw = el ? attr(el, 'val') : undefined;
  const v = raw === undefined ? NaN : Number(raw);
  if (!(Number.isFinite(v) && v > 0)) return fallback;
  if (v > LIMITS.tableColumns) throw spanTooLarge(`w:${localName(el!)}`, raw!);
  return Math.floor(v);
};

const EMPTY: XmlElement = { name: '', attrs: {}, children: [] };

/** The lines of a cell's content: its paragraphs, and nested tables row by row (each row one line, its
 *  cells' own lines joined). An explicit stack of frames; a frame's `done` runs when its children are read. */
function cellLines(root: XmlElement, styles: StyleTable, out: string[]): void {
  interface Frame {
    el: XmlElement;
    i: number;
    out: string[];
    done?: () => void;
  }
  const stack: Frame[] = [{ el: root, i: 0, out }];
  const pushTable = (tbl: XmlElement, lines: string[]): void => {
    const rows = rowsOf(tbl);
    // Pushed last row first so that they are read in order; each row's line is written after its cells.
    for (let r = rows.length - 1; r >= 0; r--) {
      const cells = cellsOf(rows[r]!);
      const texts: string[] = new Array(cells.length).fill('');
      stack.push({ el: EMPTY, i: 0, out: [], done: () => lines.push(texts.filter(Boolean).join(' ')) });
      for (let k = cells.length - 1; k >= 0; k--) {
        const inner: string[] = [];
        stack.push({ el: cells[k]!, i: 0, out: inner, done: () => (texts[k] = inner.map((s) => s.trim()).filter(Boolean).join('')) });
      }
    }
  };
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    if (f.i >= f.el.children.length) {
      stack.pop();
      f.done?.();
      continue;
    }
    const c = f.el.children[f.i++]!;
    if (typeof c === 'string') continue;
    const name = localName(c);
    if (name === 'p') f.out.push(readParagraph(c, styles).text);
    else if (name === 'tbl') pushTable(c, f.out);
    else if (name === 'sdt') stack.push({ el: child(c, 'sdtContent') ?? c, i: 0, out: f.out });
    else if (name === 'customXml' || name === 'ins') stack.push({ el: c, i: 0, out: f.out });
  }
}

/** Children named `local`, looking through content controls and custom XML wrappers. */
function unwrapped(parent: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  walkElements(parent, (c) => {
    const name = localName(c);
    if (name === local) out.push(c);
    else if (name === 'sdt') return child(c, 'sdtContent') ?? c;
    else if (name === 'customXml') return c;
  });
  return out;
}

/** w:tr children of a table. */
const rowsOf = (tbl: XmlElement): XmlElement[] => unwrapped(tbl, 'tr');
/** w:tc children of a row. */
const cellsOf = (tr: XmlElement): XmlElement[] => unwrapped(tr, 'tc');

interface Placed {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
}

/** Read one body-level table; `index` is its position among the body's tables (provenance). */
export function readTable(tbl: XmlElement, index: number, styles: StyleTable): RawTableBlock {
  const gridCols = childrenNamed(child(tbl, 'tblGrid') ?? tbl, 'gridCol').length;
  const trs = rowsOf(tbl);
  if (trs.length > LIMITS.tableRows || gridCols > LIMITS.tableColumns) throw tableTooLarge(trs.length, gridCols);
  const layout = trs.map((tr) => {
    const trPr = child(tr, 'trPr');
    const before = intAttr(child(trPr, 'gridBefore'), 0);
    const after = intAttr(child(trPr, 'gridAfter'), 0);
    const cells: Placed[] = cellsOf(tr).map((tc) => {
      const tcPr = child(tc, 'tcPr');
      const v = child(tcPr, 'vMerge');
      const h = child(tcPr, 'hMerge');
      const lines: string[] = [];
      cellLines(tc, styles, lines);
      while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
      return {
        text: lines.join('\n'),
        span: intAttr(child(tcPr, 'gridSpan'), 1),
        vMerge: v ? (attr(v, 'val') === 'restart' ? 'restart' : 'continue') : null,
        hMerge: h ? (attr(h, 'val') === 'restart' ? 'restart' : 'continue') : null,
      };
    });
    return { before, after, cells, header: isOn(child(trPr, 'tblHeader')) };
  });
  let width = gridCols;
  for (const r of layout) {
    let w = r.before + r.after;
    for (const c of r.cells) w += c.span;
    if (w > width) width = w;
  }
  if (width > LIMITS.tableColumns || width * layout.length > LIMITS.gridCells) throw tableTooLarge(layout.length, width);

  const rows: RawRow[] = [];
  // Where the vertical merge currently open in each column started.
  const vOpen: ({ row: number; col: number } | null)[] = new Array(width).fill(null);
  layout.forEach((lr, r) => {
    const cells: RawCell[] = Array.from({ length: width }, (_, c) => ({ text: '', src: { table: index, row: r, col: c }, rowSpan: 1, colSpan: 1 }));
    let col = lr.before;
    let hMaster: RawCell | null = null;
    for (const pc of lr.cells) {
      if (col >= width) break;
      const span = Math.min(pc.span, width - col);
      const cell = cells[col]!;
      if (pc.hMerge === 'continue' && hMaster) {
        // Legacy horizontal merge: this cell widens the one to its left.
        hMaster.colSpan += span;
        for (let k = col; k < col + span; k++) cells[k] = { ...cells[k]!, covered: true };
      } else if (pc.vMerge === 'continue' && vOpen[col]) {
        const open = vOpen[col]!;
        const master = rows[open.row]!.cells[open.col]!;
        master.rowSpan = r - open.row + 1;
        for (let k = col; k < col + span; k++) cells[k] = { ...cells[k]!, covered: true };
        hMaster = null;
      } else {
        cell.text = pc.text;
        cell.colSpan = span;
        for (let k = col + 1; k < col + span; k++) cells[k] = { ...cells[k]!, covered: true };
        for (let k = col; k < col + span; k++) vOpen[k] = pc.vMerge === 'restart' ? { row: r, col } : null;
        hMaster = pc.hMerge === 'restart' ? cell : null;
      }
      col += span;
    }
    // Columns this row does not reach end any vertical merge above them.
    for (let k = col; k < width; k++) vOpen[k] = null;
    for (let k = 0; k < lr.before; k++) vOpen[k] = null;
    rows.push(lr.header ? { cells, repeatHeader: true } : { cells });
  });
  return { kind: 'table', rows };
}
