// .docx → RawDocument: the body's paragraphs and tables in reading order. Headers, footers,
// footnotes and comments are not body text and are not read.
import { unusableInput } from '../../model/errors.js';
import type { RawBlock, RawDocument } from '../raw.js';
import { openPackage, type OoxmlPackage } from '../ooxml/package.js';
import { attr, child, localName, readXmlPart, textContent, walkElements, type XmlElement } from '../ooxml/xml.js';
import { readParagraph } from './paragraph.js';
import { readStyles, type StyleTable } from './styles.js';
import { readTable } from './table.js';

const KIND = 'Word';
const damaged = (detail: string) => unusableInput('Word 文件已损坏或不完整，无法读取', `the .docx file is damaged or truncated (${detail})`);

/** Optional parts (styles, page count) only add cues: when one cannot be read the document still can. */
async function optionalPart(pkg: OoxmlPackage, part: string): Promise<XmlElement | null> {
  try {
    return await readXmlPart(pkg, part, KIND);
  } catch {
    return null;
  }
}

/** The main document part named by the package relationships (word/document.xml by convention). */
async function mainPartPath(pkg: OoxmlPackage): Promise<string> {
  const rels = await optionalPart(pkg, '_rels/.rels');
  for (const rel of rels?.children ?? []) {
    if (typeof rel === 'string' || localName(rel) !== 'Relationship' || !(attr(rel, 'Type') ?? '').endsWith('/officeDocument')) continue;
    const target = (attr(rel, 'Target') ?? '').replace(/^\/+/, '');
    if (target && pkg.has(target)) return target;
    break;
  }
  return 'word/document.xml';
}

function pagesFromAppXml(root: XmlElement | null): number | null {
  const pages = child(root ?? undefined, 'Pages');
  const text = pages ? textContent(pages).trim() : '';
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

function isTableOfContents(sdt: XmlElement): boolean {
  const gallery = child(child(child(sdt, 'sdtPr'), 'docPartObj'), 'docPartGallery');
  return !!gallery && /table of contents/i.test(attr(gallery, 'val') ?? '');
}

function walkBody(body: XmlElement, styles: StyleTable, blocks: RawBlock[]): void {
  let tables = 0;
  walkElements(body, (c) => {
    const name = localName(c);
    if (name === 'p') {
      const info = readParagraph(c, styles);
      if (info.text.trim() === '') return;
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
      const t = readTable(c, tables++, styles);
      if (t.rows.length) blocks.push(t);
    } else if (name === 'sdt') {
      if (isTableOfContents(c)) return; // a TOC's entries are not the document's text
      return child(c, 'sdtContent') ?? c;
    } else if (name === 'customXml' || name === 'ins' || name === 'smartTag') {
      return c;
    }
  });
}

export async function readDocxRaw(bytes: Uint8Array): Promise<RawDocument> {
  const pkg = await openPackage(bytes, KIND);
  try {
    const path = await mainPartPath(pkg);
    const root = await readXmlPart(pkg, path, KIND);
    if (root === null) throw unusableInput('不是 Word 文档（缺少正文部分）', 'not a Word document (no main document part)');
    const body = child(root, 'body');
    if (!body) throw damaged('no w:body');
    const styles = readStyles(await optionalPart(pkg, 'word/styles.xml'));
    const blocks: RawBlock[] = [];
    walkBody(body, styles, blocks);
    return { format: 'docx', pageCount: pagesFromAppXml(await optionalPart(pkg, 'docProps/app.xml')), blocks };
  } finally {
    pkg.close();
  }
}
