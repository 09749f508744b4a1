// Malformed variants of the test fixtures, generated deterministically (a seeded generator: the same
// variants on every run and every machine): byte-level damage of every kind of file, and structural
// damage of Word/Excel packages and PDFs — truncations, flips, bombs, nesting, huge spans and
// dimensions, lying sizes, bad cross-reference tables, nested graphics states.
import fs from 'node:fs';
import JSZip from 'jszip';
import { fixture } from '../helpers/paths.js';
import { buildPdf, stream, textPagePdf } from './pdf.js';
import { buildZip } from './zip.js';

export interface Variant {
  name: string;
  bytes: Uint8Array;
}

/** mulberry32: a small seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const read = (...p: string[]) => new Uint8Array(fs.readFileSync(fixture(...p)));

/** Byte-level damage: truncations, flipped bytes, zeroed and duplicated blocks. */
function byteDamage(name: string, base: Uint8Array, rnd: () => number, count: number): Variant[] {
  const out: Variant[] = [];
  const cuts = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
  for (const f of cuts.slice(0, Math.max(2, Math.floor(count / 3)))) out.push({ name: `${name}:cut${f}`, bytes: base.slice(0, Math.floor(base.length * f)) });
  while (out.length < count) {
    const b = base.slice();
    const kind = Math.floor(rnd() * 4);
    if (kind === 0) {
      const flips = 1 + Math.floor(rnd() * 64);
      for (let i = 0; i < flips; i++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      out.push({ name: `${name}:flip${flips}#${out.length}`, bytes: b });
    } else if (kind === 1) {
      const at = Math.floor(rnd() * b.length);
      b.fill(0, at, Math.min(b.length, at + 1 + Math.floor(rnd() * 4096)));
      out.push({ name: `${name}:zero#${out.length}`, bytes: b });
    } else if (kind === 2) {
      const at = Math.floor(rnd() * b.length);
      const len = 1 + Math.floor(rnd() * 2048);
      const dup = new Uint8Array(b.length + len);
      dup.set(b.subarray(0, at));
      dup.set(b.subarray(at, at + len), at);
      dup.set(b.subarray(at), at + Math.min(len, b.length - at));
      out.push({ name: `${name}:dup#${out.length}`, bytes: dup });
    } else {
      const at = Math.floor(rnd() * b.length);
      out.push({
        name: `${name}:splice#${out.length}`,
        bytes: new Uint8Array([...b.subarray(0, at), ...b.subarray(Math.min(b.length, at + 1 + Math.floor(rnd() * 512)))]),
      });
    }
  }
  return out;
}

/** A package with one part's text replaced (JSZip re-zips it). */
async function withPart(base: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const xml = await zip.file(part)!.async('string');
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Structural damage of a Word package's document.xml. */
async function docxDamage(name: string, base: Uint8Array, rnd: () => number): Promise<Variant[]> {
  const doc = 'word/document.xml';
  const at = (xml: string, tag: string) => xml.indexOf(tag);
  const edits: [string, (xml: string) => string][] = [
    ['xml-cut-half', (x) => x.slice(0, Math.floor(x.length / 2))],
    ['xml-cut-end', (x) => x.slice(0, x.length - 20)],
    ['no-body', (x) => x.replace(/<w:body>[\s\S]*<\/w:body>/, '')],
    ['nested-sdt-5000', (x) => x.replace('<w:body>', '<w:body>' + '<w:sdt><w:sdtContent>'.repeat(5000) + '<w:p/>' + '</w:sdtContent></w:sdt>'.repeat(5000))],
    ['nested-ins-300', (x) => x.replace('<w:body>', '<w:body>' + '<w:ins>'.repeat(300) + '<w:p><w:r><w:t>x</w:t></w:r></w:p>' + '</w:ins>'.repeat(300))],
    ['nested-tables-200', (x) => x.replace('<w:body>', '<w:body>' + '<w:tbl><w:tr><w:tc>'.repeat(200) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(200))],
    ['nested-hyperlink-2000', (x) => x.replace('<w:p>', '<w:p>' + '<w:hyperlink>'.repeat(2000) + '<w:r><w:t>x</w:t></w:r>' + '</w:hyperlink>'.repeat(2000))],
    ['gridspan-huge', (x) => x.replace(/<w:tcPr>/, '<w:tcPr><w:gridSpan w:val="99999999999"/>')],
    ['gridspan-2^31', (x) => x.replace(/<w:tcPr>/, '<w:tcPr><w:gridSpan w:val="2147483647"/>')],
    ['gridspan-negative', (x) => x.replace(/<w:tcPr>/g, '<w:tcPr><w:gridSpan w:val="-5"/>')],
    ['gridspan-nan', (x) => x.replace(/<w:tcPr>/g, '<w:tcPr><w:gridSpan w:val="NaN"/>')],
    ['gridbefore-huge', (x) => x.replace(/<w:trPr>/, '<w:trPr><w:gridBefore w:val="4000000000"/>')],
    ['vmerge-everywhere', (x) => x.replace(/<w:tcPr>/g, '<w:tcPr><w:vMerge/>')],
    ['hmerge-everywhere', (x) => x.replace(/<w:tcPr>/g, '<w:tcPr><w:hMerge/>')],
    ['many-gridcols', (x) => x.replace(/<w:tblGrid>/, '<w:tblGrid>' + '<w:gridCol/>'.repeat(5000))],
    ['mismatched-tag', (x) => x.replace('</w:p>', '</w:q>')],
    ['undefined-entity', (x) => x.replace('<w:t>', '<w:t>&nbsp;&bogus;')],
    [
      'billion-laughs',
      (x) =>
        x
          .replace(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>',
          )
          .replace('<w:t>', '<w:t>&c;'),
    ],
    [
      'xxe',
      (x) =>
        x
          .replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
          .replace('<w:t>', '<w:t>&x;'),
    ],
    ['malformed-attributes', (x) => x.replace('<w:p>', '<w:p ' + 'a=b c = "d" e='.repeat(3000) + '>')],
    ['many-attributes', (x) => x.replace('<w:p>', '<w:p ' + Array.from({ length: 5000 }, (_, i) => `a${i}="1"`).join(' ') + '>')],
    ['huge-text-run', (x) => x.replace('<w:t>', '<w:t>' + '9'.repeat(200_000))],
    ['fldchar-begin-many', (x) => x.replace('<w:r>', '<w:r>' + '<w:fldChar w:fldCharType="begin"/>'.repeat(20000))],
    ['utf16-bom', (x) => '\ufeff' + x],
    [
      'random-slice',
      (x) => {
        const i = Math.floor(rnd() * x.length);
        return x.slice(0, i) + x.slice(i + Math.floor(rnd() * 200));
      },
    ],
    [
      'random-tag-drop',
      (x) => {
        const i = at(x, '<w:tc>') + Math.floor(rnd() * 1000);
        return x.slice(0, i) + x.slice(i + 7);
      },
    ],
  ];
  const out: Variant[] = [];
  for (const [label, edit] of edits) out.push({ name: `${name}:${label}`, bytes: await withPart(base, doc, edit) });
  // Package-level: relationships, a missing part, a lying size, a bomb.
  out.push({
    name: `${name}:rels-10000`,
    bytes: await withPart(base, '_rels/.rels', (x) =>
      x.replace(
        '<Relationship ',
        Array.from({ length: 10000 }, (_, i) => `<Relationship Id="z${i}" Type="t${i}" Target="x${i}"/>`).join('') + '<Relationship ',
      ),
    ),
  });
  out.push({
    name: `${name}:rels-garbage`,
    bytes: await withPart(base, '_rels/.rels', () => '<Relationships><Relationship Type="/officeDocument" Target="../../../../etc/passwd"/>'),
  });
  const zip = await JSZip.loadAsync(base);
  zip.remove(doc);
  out.push({ name: `${name}:no-document-part`, bytes: await zip.generateAsync({ type: 'uint8array' }) });
  out.push({ name: `${name}:bomb-80mb`, bytes: await bombPackage(base, doc, 80) });
  out.push({ name: `${name}:lying-size`, bytes: await lyingPackage(base, doc) });
  return out;
}

/** The package with one part replaced by whitespace inflating to `mb` megabytes. */
async function bombPackage(base: Uint8Array, part: string, mb: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir && n !== part)
      .map(async (n) => ({ name: n, data: await zip.file(n)!.async('uint8array') })),
  );
  const chunk = ' '.repeat(1024 * 1024);
  return buildZip([...parts, { name: part, data: () => Array.from({ length: mb }, () => chunk) }]);
}

/** The package whose part claims a tiny uncompressed size but inflates to much more. */
async function lyingPackage(base: Uint8Array, part: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .map(async (n) => ({ name: n, data: await zip.file(n)!.async('uint8array'), claimSize: n === part ? 100 : undefined })),
  );
  return buildZip(parts);
}

/** Structural damage of an Excel package's first sheet and its workbook. */
async function xlsxDamage(name: string, base: Uint8Array): Promise<Variant[]> {
  const zip = await JSZip.loadAsync(base);
  const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))!;
  const edits: [string, string, (xml: string) => string][] = [
    ['cell-XFD1048576', sheet, (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')],
    ['cell-beyond-excel', sheet, (x) => x.replace('</sheetData>', '<row r="2000000"><c r="XFE2000000"><v>1</v></c></row></sheetData>')],
    ['cell-ref-garbage', sheet, (x) => x.replace(/<c r="[A-Z]+\d+"/, '<c r="A-1;DROP"')],
    [
      'merge-whole-sheet',
      sheet,
      (x) =>
        x
          .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')
          .replace(/<mergeCells count="\d+">([\s\S]*?)<\/mergeCells>(?=[\s\S]*<mergeCells)/, ''),
    ],
    ['merge-garbage', sheet, (x) => x.replace(/<mergeCell ref="[^"]*"/, '<mergeCell ref="ZZZZ0:A"')],
    [
      'col-max-2e9',
      sheet,
      (x) =>
        x.includes('<cols>')
          ? x.replace('<cols>', '<cols><col min="1" max="2000000000" width="9"/>')
          : x.replace('<sheetData', '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData'),
    ],
    ['col-min-gt-max', sheet, (x) => (x.includes('<cols>') ? x.replace('<cols>', '<cols><col min="50" max="3" width="9"/>') : x)],
    ['row-r-huge', sheet, (x) => x.replace(/<row r="\d+"/, '<row r="99999999999"')],
    ['dimension-huge', sheet, (x) => x.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:XFD1048576"')],
    [
      'validation-whole-sheet',
      sheet,
      (x) =>
        x.replace(
          '</sheetData>',
          '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
        ),
    ],
    ['shared-string-out-of-range', sheet, (x) => x.replace(/<c r="([A-Z]+\d+)"([^>]*)t="s"([^>]*)><v>\d+<\/v>/, '<c r="$1"$2t="s"$3><v>999999</v>')],
    ['sheet-cut', sheet, (x) => x.slice(0, Math.floor(x.length * 0.6))],
    ['sheet-nesting', sheet, (x) => x.replace('<sheetData>', '<sheetData>' + '<x>'.repeat(1000) + '</x>'.repeat(1000))],
    [
      'defined-name-whole-sheet',
      'xl/workbook.xml',
      (x) => x.replace('</sheets>', '</sheets><definedNames><definedName name="all">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>'),
    ],
    [
      'defined-name-long',
      'xl/workbook.xml',
      (x) => x.replace('</sheets>', `</sheets><definedNames><definedName name="long">${'$A'.repeat(20000)}</definedName></definedNames>`),
    ],
    ['workbook-cut', 'xl/workbook.xml', (x) => x.slice(0, Math.floor(x.length / 2))],
  ];
  const out: Variant[] = [];
  for (const [label, part, edit] of edits) if (zip.file(part)) out.push({ name: `${name}:${label}`, bytes: await withPart(base, part, edit) });
  if (zip.file('xl/sharedStrings.xml'))
    out.push({ name: `${name}:shared-strings-cut`, bytes: await withPart(base, 'xl/sharedStrings.xml', (x) => x.slice(0, x.length / 2)) });
  out.push({ name: `${name}:sheet-bomb`, bytes: await bombPackage(base, sheet, 80) });
  out.push({ name: `${name}:lying-size`, bytes: await lyingPackage(base, sheet) });
  return out;
}

/** Structural damage of PDFs built here: cross-reference tables, streams, operators, numbers. */
function pdfDamage(): Variant[] {
  const text = 'BT /F1 12 Tf 72 700 Td (2024 budget table) Tj ET 0 0 m 500 0 l S';
  const out: Variant[] = [];
  const add = (label: string, bytes: Uint8Array) => out.push({ name: `pdf:${label}`, bytes });
  add('xref-generation', textPagePdf(text, { xrefEdit: (e) => void (e[3]!.gen = 2) }));
  add('xref-offset', textPagePdf(text, { xrefEdit: (e) => void (e[3]!.offset += 7) }));
  add('xref-all-zero', textPagePdf(text, { xrefEdit: (e) => e.forEach((x) => (x.offset = 0)) }));
  add('xref-huge-offsets', textPagePdf(text, { xrefEdit: (e) => e.forEach((x) => (x.offset = 9_999_999_999)) }));
  add('ref-wrong-generation', textPagePdf(text, { contentRef: '4 1 R' }));
  add('font-ref-missing', textPagePdf(text, { fontRef: '99 0 R' }));
  add('content-cut-array', textPagePdf('BT /F1 12 Tf 72 700 Td [(abc) 1 (de'));
  add('content-cut-dict', textPagePdf('/P <</MCID 0 BDC BT /F1 12 Tf (x) Tj'));
  add('content-cut-string', textPagePdf('BT /F1 12 Tf 72 700 Td (unterminated'));
  add('nested-q-3000', textPagePdf('q '.repeat(3000) + text + ' Q'.repeat(3000)));
  add('unbalanced-Q', textPagePdf('Q '.repeat(5000) + text));
  add('huge-numbers', textPagePdf(`BT /F1 12 Tf ${'9'.repeat(400)} 0 0 ${'9'.repeat(400)} 0 0 Tm (x y z budget) Tj ET`));
  add('nan-matrix', textPagePdf('BT /F1 12 Tf 0 0 0 0 0 0 Tm (degenerate matrix) Tj ET'));
  add('negative-font-size', textPagePdf('BT /F1 -99999 Tf 72 700 Td (negative) Tj ET'));
  add('many-operators', textPagePdf('0 0 m 1 1 l S '.repeat(50_000) + text));
  add('inline-image-cut', textPagePdf(text + ' BI /W 100 /H 100 /BPC 8 /CS /G ID abc'));
  add(
    'unknown-filter',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      stream('/Filter /Bogus', 'xx'),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]),
  );
  add(
    'length-lies',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length 999999999 >>\nstream\n${text}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]),
  );
  add(
    'pages-count-huge',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('', text),
    ]),
  );
  add(
    'pages-loop',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('', text),
    ]),
  );
  add(
    'mediabox-nan',
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${'9'.repeat(400)} -${'9'.repeat(400)}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
      stream('', text),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]),
  );
  add('header-only', new TextEncoder().encode('%PDF-1.7\n'));
  add('garbage-after-header', new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(100_000)));
  return out;
}

/** All variants: at least 300, the same on every run. */
export async function malformedVariants(): Promise<Variant[]> {
  const rnd = seeded(20260301);
  const out: Variant[] = [];
  const docx = read('docs', 'seed000.word.docx');
  const docx2 = read('docs', 'seed002.word.docx');
  const xlsx = read('docs', 'seed001.excel.xlsx');
  const xlsx2 = read('docs', 'seed002.excel.xlsx');
  const pdfRuled = read('pdf', 'seed000.report-ruled.pdf');
  const pdfNoline = read('pdf', 'seed000.report-noline.pdf');
  const pdfExcel = read('docs', 'seed001.excel.pdf');
  out.push(...byteDamage('seed000.word.docx', docx, rnd, 50));
  out.push(...byteDamage('seed002.word.docx', docx2, rnd, 20));
  out.push(...byteDamage('seed001.excel.xlsx', xlsx, rnd, 50));
  out.push(...byteDamage('seed002.excel.xlsx', xlsx2, rnd, 20));
  out.push(...byteDamage('seed000.report-ruled.pdf', pdfRuled, rnd, 45));
  out.push(...byteDamage('seed000.report-noline.pdf', pdfNoline, rnd, 20));
  out.push(...byteDamage('seed001.excel.pdf', pdfExcel, rnd, 20));
  out.push(...(await docxDamage('seed000.word.docx', docx, rnd)));
  out.push(...(await xlsxDamage('seed001.excel.xlsx', xlsx)));
  out.push(...(await xlsxDamage('seed002.excel.xlsx', xlsx2)));
  out.push(...pdfDamage());
  // Not what they claim to be.
  out.push({ name: 'empty', bytes: new Uint8Array(0) });
  out.push({ name: 'zip-no-office', bytes: await buildZip([{ name: 'a.txt', data: 'hello' }]) });
  out.push({ name: 'zip-many-entries', bytes: await buildZip(Array.from({ length: 25_000 }, (_, i) => ({ name: `word/x${i}.xml`, data: '', stored: true }))) });
  out.push({ name: 'ole-header', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(4000)]) });
  out.push({ name: 'pk-header-only', bytes: new TextEncoder().encode('PK\u0003\u0004word/document.xml') });
  return out;
}
