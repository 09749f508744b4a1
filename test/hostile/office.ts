// Hostile Word and Excel packages, built as an attacker would: deep nesting, huge spans and dimensions,
// parts that inflate to hundreds of megabytes, references beyond the sheet, many relationships, tags
// with hundreds of thousands of malformed attributes. Generated on the fly (never committed).
import { buildZip, type ZipPart } from './zip.js';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const REL_DOC =
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>';
const RELS = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;

const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A .docx whose body is produced in chunks. */
export function docx(body: () => Iterable<string>, extra: ZipPart[] = [], rels = RELS(REL_DOC)): Promise<Uint8Array> {
  return buildZip([
    { name: '[Content_Types].xml', data: DOCX_TYPES },
    { name: '_rels/.rels', data: rels },
    {
      name: 'word/document.xml',
      data: function* () {
        yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
        yield* body();
        yield '</w:body></w:document>';
      },
    },
    ...extra,
  ]);
}

function* repeat(s: string, n: number, batch = 1000): Iterable<string> {
  const block = s.repeat(batch);
  for (let i = 0; i + batch <= n; i += batch) yield block;
  yield s.repeat(n % batch);
}

/** `n` nested elements around one paragraph: w:sdt (via w:sdtContent), w:ins, or w:hyperlink inside a paragraph. */
export function nestedDocx(kind: 'w:sdt' | 'w:ins' | 'w:hyperlink', n: number): Promise<Uint8Array> {
  if (kind === 'w:hyperlink') {
    return docx(function* () {
      yield '<w:p>';
      yield* repeat('<w:hyperlink>', n);
      yield '<w:r><w:t>深层链接</w:t></w:r>';
      yield* repeat('</w:hyperlink>', n);
      yield '</w:p>';
    });
  }
  const open = kind === 'w:sdt' ? '<w:sdt><w:sdtContent>' : '<w:ins w:id="1" w:author="x">';
  const close = kind === 'w:sdt' ? '</w:sdtContent></w:sdt>' : '</w:ins>';
  return docx(function* () {
    yield* repeat(open, n);
    yield para('嵌套内容');
    yield* repeat(close, n);
  });
}

/** `n` tables each nested in the only cell of the one before. */
export function nestedTablesDocx(n: number): Promise<Uint8Array> {
  return docx(function* () {
    yield* repeat('<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>', n);
    yield para('最内层');
    yield* repeat('</w:tc></w:tr></w:tbl>', n);
  });
}

/** One table of `rows` rows × `cols` cells (amounts, so the checks have work to do). */
export function manyRowsDocx(rows: number, cols = 3): Promise<Uint8Array> {
  return docx(function* () {
    yield para('2024年部门预算收支总表');
    yield `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(cols)}</w:tblGrid>`;
    for (let r = 0; r < rows; r += 1000) {
      let chunk = '';
      for (let k = r; k < Math.min(rows, r + 1000); k++) {
        chunk += `<w:tr><w:tc>${para(`项目${k}`)}</w:tc>`;
        for (let c = 1; c < cols; c++) chunk += `<w:tc>${para(String((k * 7 + c) % 1000))}</w:tc>`;
        chunk += '</w:tr>';
      }
      yield chunk;
    }
    yield '</w:tbl>';
  });
}

/** A table whose cell claims a span of `span` grid columns. */
export function gridSpanDocx(span: string): Promise<Uint8Array> {
  return docx(function* () {
    yield `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>${para('跨列')}</w:tc></w:tr><w:tr><w:tc>${para('a')}</w:tc><w:tc>${para('b')}</w:tc></w:tr></w:tbl>`;
  });
}

/** A small .docx whose document.xml inflates to `mb` megabytes (one long run of text). */
export function bombDocx(mb: number): Promise<Uint8Array> {
  return docx(function* () {
    yield '<w:p><w:r><w:t>';
    const chunk = 'A'.repeat(1024 * 1024);
    for (let i = 0; i < mb; i++) yield chunk;
    yield '</w:t></w:r></w:p>';
  });
}

/** A package relationship part with `n` relationships before the one to the document. */
export function manyRelationshipsDocx(n: number): Promise<Uint8Array> {
  const rels = function* () {
    yield '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
    for (let i = 0; i < n; i += 1000) {
      let chunk = '';
      for (let k = i; k < Math.min(n, i + 1000); k++)
        chunk += `<Relationship Id="rX${k}" Type="http://example.com/relationships/other${k}" Target="none${k}.xml"/>`;
      yield chunk;
    }
    yield REL_DOC + '</Relationships>';
  };
  return buildZip([
    { name: '[Content_Types].xml', data: DOCX_TYPES },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', data: `<?xml version="1.0"?><w:document ${W}><w:body>${para('关系很多的文件')}</w:body></w:document>` },
  ]);
}

/** An element with `n` malformed attributes (unquoted values, stray equals signs). */
export function malformedAttributesDocx(n: number): Promise<Uint8Array> {
  return docx(function* () {
    yield '<w:p ';
    for (let i = 0; i < n; i += 1000) {
      let chunk = '';
      for (let k = i; k < Math.min(n, i + 1000); k++) chunk += `a${k}=x${k} = `;
      yield chunk;
    }
    yield '>' + '<w:r><w:t>x</w:t></w:r></w:p>';
  });
}

// ---- Excel

const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A one-sheet .xlsx; `sheetData`, `before` (cols) and `after` (mergeCells…) produced in chunks. */
export function xlsx(parts: { cols?: string; sheetData: () => Iterable<string>; after?: string; definedNames?: string }): Promise<Uint8Array> {
  return buildZip([
    { name: '[Content_Types].xml', data: XLSX_TYPES },
    {
      name: '_rels/.rels',
      data: RELS(
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${S}><sheets><sheet name="收支总表" sheetId="1" r:id="rId1"/></sheets>${parts.definedNames ? `<definedNames>${parts.definedNames}</definedNames>` : ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: RELS(
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: function* () {
        yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${S}>${parts.cols ?? ''}<sheetData>`;
        yield* parts.sheetData();
        yield `</sheetData>${parts.after ?? ''}</worksheet>`;
      },
    },
  ]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const smallTable = function* (): Iterable<string> {
  yield `<row r="1">${inline('A1', '2024年部门收支总表')}</row>`;
  for (let r = 2; r < 8; r++) yield `<row r="${r}">${inline(`A${r}`, `项目${r}`)}<c r="B${r}"><v>${r * 10}</v></c><c r="C${r}"><v>${r}</v></c></row>`;
};

/** Millions of rows that compress to almost nothing (a "sheet bomb"). */
export function sheetBombXlsx(rows: number): Promise<Uint8Array> {
  return xlsx({
    sheetData: function* () {
      for (let r = 1; r <= rows; r += 1000) {
        let chunk = '';
        for (let k = r; k < Math.min(rows + 1, r + 1000); k++) chunk += `<row r="${k}"><c r="A${k}"><v>1</v></c><c r="B${k}"><v>2</v></c></row>`;
        yield chunk;
      }
    },
  });
}

export const farCellXlsx = (ref = 'XFD1048576'): Promise<Uint8Array> =>
  xlsx({
    sheetData: function* () {
      yield* smallTable();
      const row = ref.replace(/^[A-Z]+/, '');
      yield `<row r="${row}"><c r="${ref}"><v>1</v></c></row>`;
    },
  });

export const wholeSheetMergeXlsx = (): Promise<Uint8Array> =>
  xlsx({ sheetData: smallTable, after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' });

export const hugeColXlsx = (max = '2000000000'): Promise<Uint8Array> =>
  xlsx({ cols: `<cols><col min="1" max="${max}" width="9" customWidth="1"/></cols>`, sheetData: smallTable });

export const wholeSheetNameXlsx = (): Promise<Uint8Array> =>
  xlsx({ sheetData: smallTable, definedNames: '<definedName name="everything">收支总表!$A$1:$XFD$1048576</definedName>' });
