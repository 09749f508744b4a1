// The text of a w:p as a reader sees it: runs, tabs and breaks; field results but not field codes;
// insertions but not deletions; no text boxes, drawings or footnote marks. Plus the heading cues.
import type { StyleTable } from './styles.js';
import { attr, child, isOn, localName, walkElements, type XmlElement } from '../ooxml/xml.js';

export interface ParagraphInfo {
  text: string;
  heading: boolean;
  bold: boolean;
  centered: boolean;
  fontSize?: number;
}

/** Symbol-font code points Word stores as w:sym (F0xx private use) that budget documents print. */
const SYMBOL_FONT: Record<number, string> = { 0xa3: '≤', 0xb3: '≥', 0xb1: '±', 0xb4: '×', 0xb8: '÷', 0xb9: '≠', 0xbb: '≈', 0xd6: '√', 0xb0: '°' };

/** Elements whose content is never body text. */
const SKIP = new Set(['del', 'moveFrom', 'drawing', 'pict', 'object', 'AlternateContent', 'footnoteReference', 'endnoteReference',
  'commentReference', 'instrText', 'delText', 'delInstrText', 'rPr', 'pPr', 'fldData', 'annotationRef', 'separator', 'continuationSeparator']);

interface RunState {
  out: string[];
  /** Stack of open complex fields: true while inside the field's instruction part. */
  fields: boolean[];
  /** How many of them are in their instruction part (the text of a run is hidden while any is). */
  inInstruction: number;
  runs: { text: string; bold: boolean; size?: number }[];
}

function symbol(el: XmlElement): string {
  const code = parseInt(attr(el, 'char') ?? '', 16);
  if (!Number.isFinite(code)) return '';
  const low = code >= 0xf000 ? code - 0xf000 : code;
  return SYMBOL_FONT[low] ?? (code >= 0xf000 ? '' : String.fromCodePoint(code));
}

function runText(r: XmlElement, st: RunState): string {
  let s = '';
  for (const c of r.children) {
    if (typeof c === 'string') continue;
    const name = localName(c);
    if (name === 'fldChar') {
      const type = attr(c, 'fldCharType');
      if (type === 'begin') {
        st.fields.push(true);
        st.inInstruction++;
      } else if (type === 'separate' && st.fields.length) {
        if (st.fields[st.fields.length - 1]) st.inInstruction--;
        st.fields[st.fields.length - 1] = false;
      } else if (type === 'end' && st.fields.length) {
        if (st.fields.pop()) st.inInstruction--;
      }
      continue;
    }
    if (st.inInstruction > 0) continue;
    if (name === 't') s += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (name === 'tab' || name === 'ptab') s += '\t';
    else if (name === 'br' || name === 'cr') s += '\n';
    else if (name === 'noBreakHyphen') s += '-';
    else if (name === 'sym') s += symbol(c);
  }
  return s;
}

function walk(el: XmlElement, st: RunState, styles: StyleTable, paraBold: boolean, paraSize: number | undefined): void {
  walkElements(el, (c) => {
    const name = localName(c);
    if (SKIP.has(name)) return;
    if (name !== 'r') return c; // hyperlink, ins, smartTag, fldSimple, sdt/sdtContent, customXml, bookmark containers…
    const text = runText(c, st);
    if (!text) return;
    st.out.push(text);
    const rPr = child(c, 'rPr');
    const rStyle = child(rPr, 'rStyle');
    const styleBold = rStyle ? styles.get(attr(rStyle, 'val') ?? '')?.bold : undefined;
    const b = child(rPr, 'b');
    const sz = child(rPr, 'sz');
    st.runs.push({ text, bold: b ? isOn(b) : (styleBold ?? paraBold), size: sz ? Number(attr(sz, 'val')) / 2 : paraSize });
  });
}

function hasTocBookmark(p: XmlElement): boolean {
  for (const c of p.children) {
    if (typeof c === 'string') continue;
    if (localName(c) === 'bookmarkStart' && /^_Toc/i.test(attr(c, 'name') ?? '')) return true;
  }
  return false;
}

export function readParagraph(p: XmlElement, styles: StyleTable): ParagraphInfo {
  const pPr = child(p, 'pPr');
  const pStyle = child(pPr, 'pStyle');
  const style = (pStyle && styles.get(attr(pStyle, 'val') ?? '')) || undefined;
  const paraRunBold = child(child(pPr, 'rPr'), 'b');
  const paraBold = style?.bold ?? false;
  const st: RunState = { out: [], fields: [], inInstruction: 0, runs: [] };
  walk(p, st, styles, paraBold, style?.fontSize);
  const text = st.out.join('');
  const outline = child(pPr, 'outlineLvl');
  const outlineLevel = outline ? Number(attr(outline, 'val')) : NaN;
  const jc = child(pPr, 'jc');
  const visible = st.runs.filter((r) => r.text.trim() !== '');
  let fontSize: number | undefined;
  for (const r of visible) if (r.size !== undefined && Number.isFinite(r.size) && (fontSize === undefined || r.size > fontSize)) fontSize = r.size;
  return {
    text,
    heading: (outlineLevel >= 0 && outlineLevel < 9) || (style?.heading ?? false) || hasTocBookmark(p),
    bold: visible.length > 0 ? visible.every((r) => r.bold) : isOn(paraRunBold),
    centered: jc ? attr(jc, 'val') === 'center' : (style?.centered ?? false),
    fontSize,
  };
}
