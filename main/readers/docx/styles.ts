// Paragraph styles from word/styles.xml, resolved through basedOn: what makes a paragraph a heading,
// bold, centred or large when the paragraph itself says nothing.
import { attr, child, childrenNamed, isOn, type XmlElement } from '../ooxml/xml.js';

export interface StyleInfo {
  heading: boolean;
  bold?: boolean;
  centered?: boolean;
  /** Points. */
  fontSize?: number;
}

interface RawStyle {
  basedOn?: string;
  name: string;
  outline?: number;
  bold?: boolean;
  jc?: string;
  sz?: number;
}

export type StyleTable = Map<string, StyleInfo>;

function readRaw(el: XmlElement): RawStyle {
  const pPr = child(el, 'pPr');
  const rPr = child(el, 'rPr');
  const outlineEl = child(pPr, 'outlineLvl');
  const b = child(rPr, 'b');
  const sz = child(rPr, 'sz');
  const basedOn = child(el, 'basedOn');
  const name = child(el, 'name');
  return {
    basedOn: basedOn ? attr(basedOn, 'val') : undefined,
    name: name ? (attr(name, 'val') ?? '') : '',
    outline: outlineEl ? Number(attr(outlineEl, 'val')) : undefined,
    bold: b ? isOn(b) : undefined,
    jc: child(pPr, 'jc') ? attr(child(pPr, 'jc')!, 'val') : undefined,
    sz: sz ? Number(attr(sz, 'val')) / 2 : undefined,
  };
}

const HEADING_NAME = /^(heading\s*\d|标题\s*\d|title|标题)$/i;

/** Build the resolved paragraph-style table; a missing or unreadable styles part gives an empty table. */
export function readStyles(root: XmlElement | null): StyleTable {
  const table: StyleTable = new Map();
  if (!root) return table;
  const raws = new Map<string, RawStyle>();
  for (const s of childrenNamed(root, 'style')) {
    const id = attr(s, 'styleId');
    if (id) raws.set(id, readRaw(s));
  }
  const resolve = (id: string, depth: number): StyleInfo => {
    const hit = table.get(id);
    if (hit) return hit;
    const raw = raws.get(id);
    if (!raw) return { heading: false };
    const base = raw.basedOn && depth < 20 ? resolve(raw.basedOn, depth + 1) : { heading: false };
    const outline = raw.outline;
    const info: StyleInfo = {
      heading: (outline !== undefined && outline >= 0 && outline < 9) || HEADING_NAME.test(raw.name) || base.heading,
      bold: raw.bold ?? base.bold,
      centered: raw.jc !== undefined ? raw.jc === 'center' : base.centered,
      fontSize: raw.sz ?? base.fontSize,
    };
    table.set(id, info);
    return info;
  };
  for (const id of raws.keys()) resolve(id, 0);
  return table;
}
