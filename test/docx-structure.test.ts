// The .docx reader on hand-built WordprocessingML: what counts as text (fields, deletions, symbols,
// breaks), heading cues, and table grids (gridSpan, vMerge, hMerge, gridBefore, tblHeader, nesting).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocxRaw } from '../main/readers/docx/index.js';
import type { RawParagraphBlock, RawTableBlock } from '../main/readers/raw.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docx(body: string, styles?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (styles) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;

describe('docx paragraphs', () => {
  it('keeps run text, tabs and breaks; drops field codes, deletions and footnote marks', async () => {
    const body =
      p(
        r('一、部门') +
          '<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>' +
          '<w:ins><w:r><w:t>职责</w:t></w:r></w:ins>' +
          '<w:r><w:tab/></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          r('30') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:r><w:footnoteReference w:id="1"/></w:r>' +
          '<w:r><w:br/></w:r>' +
          r('&lt;续&gt;') +
          '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>',
      ) + p('', '');
    const raw = await readDocxRaw(await docx(body));
    expect(raw.blocks).toHaveLength(1);
    expect((raw.blocks[0] as RawParagraphBlock).text).toBe('一、部门职责\t30\n<续>≥');
  });

  it('reports heading cues: outline level, heading style, _Toc bookmark, bold, centred', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Mine"/><w:basedOn w:val="H1"/></w:style>';
    const body =
      p(r('一、部门职责'), '<w:pStyle w:val="Mine"/>') +
      p('<w:bookmarkStart w:id="0" w:name="_Toc123"/>' + r('二、总体情况') + '<w:bookmarkEnd w:id="0"/>') +
      p(r('部门预算收支总表', '<w:b/>'), '<w:jc w:val="center"/>') +
      p(r('正文', '<w:b w:val="0"/>'), '<w:outlineLvl w:val="9"/>');
    const raw = await readDocxRaw(await docx(body, styles));
    const ps = raw.blocks as RawParagraphBlock[];
    expect(ps.map((x) => [x.text, !!x.heading, !!x.bold, !!x.centered])).toEqual([
      ['一、部门职责', true, true, false],
      ['二、总体情况', true, false, false],
      ['部门预算收支总表', false, true, true],
      ['正文', false, false, false],
    ]);
  });
});

describe('docx tables', () => {
  it('builds the grid with spans, vertical and legacy horizontal merges, gridBefore and header rows', async () => {
    const tbl =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('序号', '<w:vMerge w:val="restart"/>')}${tc('收入', '<w:gridSpan w:val="2"/>')}${tc('支出', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('', '<w:vMerge/>')}${tc('项目')}${tc('预算数')}${tc('', '<w:vMerge/>')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('甲', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}${tc('1.00')}</w:tr>` +
      `<w:tr>${tc('2')}<w:tc>${p(r('外层'))}<w:tbl><w:tr>${tc('内1')}${tc('内2')}</w:tr></w:tbl></w:tc>${tc('x')}${tc('y')}</w:tr>` +
      '</w:tbl>';
    const raw = await readDocxRaw(await docx(p(r('前')) + tbl));
    const t = raw.blocks[1] as RawTableBlock;
    const grid = t.rows.map((row) => row.cells.map((c) => (c.covered ? '~' : `${c.text}${c.rowSpan > 1 ? `↓${c.rowSpan}` : ''}${c.colSpan > 1 ? `→${c.colSpan}` : ''}`)));
    expect(grid).toEqual([
      ['序号↓2', '收入→2', '~', '支出↓2'],
      ['~', '项目', '预算数', '~'],
      ['', '甲→2', '~', '1.00'],
      ['2', '外层\n内1 内2', 'x', 'y'],
    ]);
    expect(t.rows.map((row) => !!row.repeatHeader)).toEqual([true, true, false, false]);
    expect(t.rows[2]!.cells[3]!.src).toEqual({ table: 0, row: 2, col: 3 });
  });

  it('refuses a package whose main part is missing or broken', async () => {
    const zip = new JSZip();
    zip.file('word/styles.xml', '<w:styles/>');
    await expect(readDocxRaw(await zip.generateAsync({ type: 'uint8array' }))).rejects.toMatchObject({ code: 'unusable-input' });
    await expect(readDocxRaw(await docx('<w:p><w:r><w:t>未闭合</w:r></w:p>'))).rejects.toMatchObject({ code: 'unusable-input' });
  });
});
