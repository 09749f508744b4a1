// A small PDF writer for hostile test files: numbered objects, an xref table that can be made to lie, and
// page content given as text (or produced in chunks, for content streams of hundreds of thousands of operators).
import zlib from 'node:zlib';

export interface PdfOptions {
  /** Change an object's xref entry: its offset or generation (an inconsistent table). */
  xrefEdit?: (entries: { offset: number; gen: number }[]) => void;
  /** Cut the file after this many bytes. */
  truncateAt?: number;
}

const enc = (s: string) => Buffer.from(s, 'latin1');

/** Objects are numbered from 1 in order; each is the text between `N 0 obj` and `endobj`. */
export function buildPdf(objects: (string | Buffer)[], opts: PdfOptions = {}): Uint8Array {
  const parts: Buffer[] = [enc('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let size = parts[0]!.length;
  const entries: { offset: number; gen: number }[] = [];
  objects.forEach((o, i) => {
    entries.push({ offset: size, gen: 0 });
    const b = Buffer.concat([enc(`${i + 1} 0 obj\n`), typeof o === 'string' ? enc(o) : o, enc('\nendobj\n')]);
    parts.push(b);
    size += b.length;
  });
  opts.xrefEdit?.(entries);
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...entries.map((e) => `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n`),
  ].join('');
  parts.push(enc(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  const all = Buffer.concat(parts);
  return new Uint8Array(opts.truncateAt === undefined ? all : all.subarray(0, opts.truncateAt));
}

export const stream = (dict: string, body: Buffer | string): Buffer => {
  const b = typeof body === 'string' ? enc(body) : body;
  return Buffer.concat([enc(`<< ${dict} /Length ${b.length} >>\nstream\n`), b, enc('\nendstream')]);
};

/** A one-page PDF with a Helvetica font: 1 catalog, 2 pages, 3 page, 4 content, 5 font. */
export function textPagePdf(content: Buffer | string, opts: PdfOptions & { contentRef?: string; fontRef?: string } = {}): Uint8Array {
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${opts.fontRef ?? '5 0 R'} >> >> /Contents ${opts.contentRef ?? '4 0 R'} >>`,
      stream('', content),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ],
    opts,
  );
}

/** A PDF whose pages hold only an image and no text: what a scanned disclosure looks like to a reader. */
export function imageOnlyPdf(pages = 2): Uint8Array {
  const w = 120;
  const h = 160;
  const pixels = Buffer.alloc(w * h, 0xee);
  for (let y = 20; y < h - 20; y += 8) pixels.fill(0x40, y * w + 15, y * w + w - 15); // lines that look like text
  const image = zlib.deflateSync(pixels);
  const objects: (string | Buffer)[] = [];
  const kids: string[] = [];
  objects.push('<< /Type /Catalog /Pages 2 0 R >>', ''); // 2 is filled once the kids are known
  for (let i = 0; i < pages; i++) {
    const imgId = objects.length + 1;
    objects.push(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
        ),
        image,
        Buffer.from('\nendstream'),
      ]),
    );
    const content = `q 595 0 0 842 0 0 cm /Im${i} Do Q`;
    const contentId = objects.length + 1;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const pageId = objects.length + 1;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im${i} ${imgId} 0 R >> >> /Contents ${contentId} 0 R >>`);
    kids.push(`${pageId} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(size);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    size += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
