// A w:tbl as a rectangular grid: gridSpan / hMerge → colSpan, vMerge restart/continue → rowSpan,
// gridBefore/gridAfter → blank leading/trailing cells, tblHeader → repeatHeader. Nested tables are
// flattened into their cell's text (rows on lines, cells separated by a space).
import type { RawCell, RawRow, RawTableBlock } from '../raw.js';
import { readParagraph } from './paragraph.js';
import type { StyleTable } from './styles.js';
import { attr, child, childrenNamed, isOn, localName, type XmlElement } from './xml.js';

const intAttr = (el: XmlElement | undefined, fallback: number): number => {
  const v = el ? Number(attr(el, 'val')) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};

/** The lines of a cell's content: its paragraphs, and nested tables row by row. */
function cellLines(container: XmlElement, styles: StyleTable, out: string[]): void {
  for (const c of container.children) {
    if (typeof c === 'string') continue;
    const name = localName(c);
    if (name === 'p') out.push(readParagraph(c, styles).text);
    else if (name === 'tbl') {
      for (const tr of rowsOf(c)) {
        const texts = cellsOf(tr).map((tc) => {
          const inner: string[] = [];
          cellLines(tc, styles, inner);
          return inner.map((s) => s.trim()).filter(Boolean).join('');
        });
        out.push(texts.filter(Boolean).join(' '));
      }
    } else if (name === 'sdt') cellLines(child(c, 'sdtContent') ?? c, styles, out);
    else if (name === 'customXml' || name === 'ins') cellLines(c, styles, out);
  }
}

/** w:tr children, looking through content controls and custom XML wrappers. */
function rowsOf(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tbl.children) {
    if (typeof c === 'string') continue;
    const name = localName(c);
    if (name === 'tr') out.push(c);
    else if (name === 'sdt') out.push(...rowsOf(child(c, 'sdtContent') ?? c));
    else if (name === 'customXml') out.push(...rowsOf(c));
  }
  return out;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tr.children) {
    if (typeof c === 'string') continue;
    const name = localName(c);
    if (name === 'tc') out.push(c);
    else if (name === 'sdt') out.push(...cellsOf(child(c, 'sdtContent') ?? c));
    else if (name === 'customXml') out.push(...cellsOf(c));
  }
  return out;
}

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
  const width = Math.max(gridCols, ...layout.map((r) => r.before + r.after + r.cells.reduce((a, c) => a + c.span, 0)), 0);

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
