// .docx → RawDocument: the body's paragraphs and tables in reading order. Headers, footers,
// footnotes and comments are not body text and are not read.
import JSZip from 'jszip';
import { unusableInput } from '../../model/errors.js';
import type { RawBlock, RawDocument } from '../raw.js';
import { readParagraph } from './paragraph.js';
import { readStyles, type StyleTable } from './styles.js';
import { readTable } from './table.js';
import { attr, child, localName, parseXml, XmlError, type XmlElement } from './xml.js';

const damaged = (detail: string) =>
  unusableInput('Word 文件已损坏或不完整，无法读取', `the .docx file is damaged or truncated (${detail})`);

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (err) {
    throw damaged((err as Error).message);
  }
}

async function partText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  if (!f) return null;
  try {
    return await f.async('string');
  } catch (err) {
    throw damaged(`${path}: ${(err as Error).message}`);
  }
}

function parsePart(xml: string, path: string): XmlElement {
  try {
    return parseXml(xml);
  } catch (err) {
    if (err instanceof XmlError) throw damaged(`${path}: ${err.message}`);
    throw err;
  }
}

/** The main document part named by the package relationships (word/document.xml by convention). */
async function mainPartPath(zip: JSZip): Promise<string> {
  const rels = await partText(zip, '_rels/.rels');
  if (rels) {
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
    const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
    if (target) {
      const p = target.replace(/^\//, '');
      if (zip.file(p)) return p;
    }
  }
  return 'word/document.xml';
}

function pagesFromAppXml(xml: string | null): number | null {
  const m = xml ? /<Pages>(\d+)<\/Pages>/.exec(xml) : null;
  const n = m ? Number(m[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

function isTableOfContents(sdt: XmlElement): boolean {
  const gallery = child(child(child(sdt, 'sdtPr'), 'docPartObj'), 'docPartGallery');
  return !!gallery && /table of contents/i.test(attr(gallery, 'val') ?? '');
}

function walkBody(container: XmlElement, styles: StyleTable, blocks: RawBlock[], counter: { tables: number }): void {
  for (const c of container.children) {
    if (typeof c === 'string') continue;
    const name = localName(c);
    if (name === 'p') {
      const info = readParagraph(c, styles);
      if (info.text.trim() === '') continue;
      blocks.push({
        kind: 'paragraph',
        text: info.text,
        src: null,
        heading: info.heading || undefined,
        bold: info.bold || undefined,
        centered: info.centered || undefined,
        fontSize: info.fontSize,
      });
    } else if (name === 'tbl') {
      const t = readTable(c, counter.tables++, styles);
      if (t.rows.length) blocks.push(t);
    } else if (name === 'sdt') {
      if (isTableOfContents(c)) continue; // a TOC's entries are not the document's text
      walkBody(child(c, 'sdtContent') ?? c, styles, blocks, counter);
    } else if (name === 'customXml' || name === 'ins' || name === 'smartTag') {
      walkBody(c, styles, blocks, counter);
    }
  }
}

export async function readDocxRaw(bytes: Uint8Array): Promise<RawDocument> {
  const zip = await openZip(bytes);
  const path = await mainPartPath(zip);
  const xml = await partText(zip, path);
  if (xml === null) throw unusableInput('不是 Word 文档（缺少正文部分）', 'not a Word document (no main document part)');
  const root = parsePart(xml, path);
  const body = child(root, 'body');
  if (!body) throw damaged('no w:body');
  const stylesXml = await partText(zip, 'word/styles.xml');
  let styles: StyleTable = new Map();
  if (stylesXml) {
    try {
      styles = readStyles(parseXml(stylesXml));
    } catch {
      styles = new Map(); // unreadable styles only cost the heading cues
    }
  }
  const blocks: RawBlock[] = [];
  walkBody(body, styles, blocks, { tables: 0 });
  return { format: 'docx', pageCount: pagesFromAppXml(await partText(zip, 'docProps/app.xml').catch(() => null)), blocks };
}
