// XML parts of a package read with saxes (a strict, streaming, non-validating parser: no DTD expansion,
// no external entities). Parts arrive inflated chunk by chunk and never exist as one string; depth, element
// and attribute counts are held to LIMITS while parsing. Either a light tree (elements, attributes, text)
// or bare events for a scan that keeps nothing. Every parser error becomes a reason in both languages.
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../model/errors.js';
import { LIMITS, nestedTooDeep, tooManyAttributes, tooManyElements } from '../limits.js';
import type { OoxmlPackage } from './package.js';

export interface XmlElement {
  /** Qualified name as written, e.g. "w:p". */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface XmlEvents {
  open(name: string, attrs: Record<string, string>, depth: number): void;
  close?(name: string, depth: number): void;
  /** Text between two tags (entities decoded), with the depth of the element holding it. */
  text?(text: string, depth: number): void;
  cdata?(text: string, depth: number): void;
}

/** A part that is not well-formed XML (as opposed to one that is too large or too deep). */
export class MalformedXmlError extends AppError {
  constructor(kind: string, part: string, cause: unknown) {
    super('unusable-input', `${kind} 文件已损坏（${part} 不是有效的 XML）`, `the ${kind} file is damaged (${part} is not well-formed XML)`, {
      cause: cause instanceof Error ? cause.message : String(cause),
    });
  }
}

const malformed = (kind: string, part: string, cause: unknown): AppError => new MalformedXmlError(kind, part, cause);

/** Shared by every element without attributes (most of them): one object instead of millions. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Streams one part through saxes; false when the part is missing. Limits are checked as tags open. */
export async function scanXmlPart(pkg: OoxmlPackage, part: string, kind: string, events: XmlEvents): Promise<boolean> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let elements = 0;
  // Text is handed over in one piece between two pieces of markup (chunks may split it).
  let pending = '';
  const flush = () => {
    if (pending) events.text?.(pending, depth);
    pending = '';
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    flush();
    if (++depth > LIMITS.xmlDepth) throw nestedTooDeep(part);
    if (++elements > LIMITS.xmlElements) throw tooManyElements(part);
    // saxes has collected the attributes (linearly; a malformed one already failed): a light copy.
    let attrs = NO_ATTRIBUTES;
    let count = 0;
    for (const k in tag.attributes) {
      if (++count > LIMITS.xmlAttributes) throw tooManyAttributes(part);
      if (attrs === NO_ATTRIBUTES) attrs = {};
      attrs[k] = tag.attributes[k]!;
    }
    events.open(tag.name, attrs, depth);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    flush();
    events.close?.(tag.name, depth);
    depth--;
  });
  parser.on('text', (t: string) => {
    pending += t;
  });
  parser.on('cdata', (t: string) => {
    flush();
    events.cdata?.(t, depth);
  });
  parser.on('comment', flush);
  parser.on('processinginstruction', flush);
  parser.on('error', (err: Error) => {
    throw malformed(kind, part, err);
  });
  const state: { decoder: TextDecoder | null } = { decoder: null };
  const write = (chunk: Buffer) => {
    // OOXML parts are UTF-8; a UTF-16 byte order mark is honoured.
    const decoder = (state.decoder ??= new TextDecoder(
      chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8',
    ));
    parser.write(decoder.decode(chunk, { stream: true }));
  };
  try {
    const found = await pkg.stream(part, write);
    if (!found) return false;
    if (state.decoder) parser.write(state.decoder.decode());
    parser.close();
    flush();
    return true;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw malformed(kind, part, err);
  }
}

/** Reads one part into a tree; null when the part is missing. Whitespace between elements is layout and
 *  dropped, except inside elements named *:t (Word's text runs), where every character counts. */
export async function readXmlPart(pkg: OoxmlPackage, part: string, kind: string): Promise<XmlElement | null> {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const found = await scanXmlPart(pkg, part, kind, {
    open(name, attrs) {
      const el: XmlElement = { name, attrs, children: [] };
      top().children.push(el);
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    text(text) {
      if (stack.length > 1 && (text.trim() !== '' || top().name.endsWith(':t'))) top().children.push(text);
    },
    cdata(text) {
      if (stack.length > 1) top().children.push(text);
    },
  });
  if (!found) return null;
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw malformed(kind, part, new Error('no root element'));
  return first;
}

/** Local name without the namespace prefix ("w:p" → "p"). */
export const localName = (el: XmlElement): string => {
  const k = el.name.indexOf(':');
  return k < 0 ? el.name : el.name.slice(k + 1);
};

/** Attribute by local name (w:val, val, r:id…). */
export function attr(el: XmlElement, local: string): string | undefined {
  for (const k in el.attrs) {
    const c = k.indexOf(':');
    if ((c < 0 ? k : k.slice(c + 1)) === local) return el.attrs[k];
  }
  return undefined;
}

export const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');

/** First direct child with this local name. */
export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && localName(c) === local) return c;
  return undefined;
}

export const childrenNamed = (el: XmlElement, local: string): XmlElement[] => elements(el).filter((c) => localName(c) === local);

/** Concatenated text content of an element (document order, without recursion). */
export function textContent(el: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') out += n;
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** An OOXML on/off property (w:b, w:tblHeader…): present and not val=0/false/off. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

/**
 * Visits the elements under `root` in document order without recursion: `visit` returns the element whose
 * children come next (before the following siblings), or nothing to stay at this level.
 */
export function walkElements(root: XmlElement, visit: (el: XmlElement) => XmlElement | undefined | void): void {
  const stack: { el: XmlElement; i: number }[] = [{ el: root, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.el.children.length) {
      stack.pop();
      continue;
    }
    const c = top.el.children[top.i++]!;
    if (typeof c === 'string') continue;
    const inner = visit(c);
    if (inner) stack.push({ el: inner, i: 0 });
  }
}
