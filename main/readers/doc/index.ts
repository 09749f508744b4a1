// .doc (Word 97–2003) and WPS 文字 .wps → RawDocument: the main story's paragraphs and tables in reading
// order. Headers, footers, footnotes, comments and text boxes are other stories and are not read.
//
// Why not word-extractor: it returns the text with cell marks and row-end marks both turned into tabs, so
// an empty cell and the end of a row look alike and merged cells are lost; the tables need the row
// definitions (cell edges, merge flags) that only the paragraph properties carry. So the container is
// opened by SheetJS's CFB and ./word-binary.ts reads the Word streams.
import { unusableInput } from '../../model/errors.js';
import { oleStreams, passwordProtected } from '../ole.js';
import type { RawBlock, RawDocument } from '../raw.js';
import { gridBlock, splitGrids, type DocRow } from './table.js';
import { isEncrypted, isWord97, readFib, readMainStory, WordFormatError, type WordParagraph } from './word-binary.js';

const damaged = (detail: string) =>
  unusableInput('Word（.doc/.wps）文件已损坏或不完整，无法读取', `the .doc/.wps file is damaged or truncated (${detail})`);

/** A cell's text: its paragraphs on lines, trailing empty ones dropped. */
const cellText = (lines: string[]): string => {
  const l = [...lines];
  while (l.length && l[l.length - 1]!.trim() === '') l.pop();
  return l.join('\n');
};

function toBlocks(paragraphs: WordParagraph[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let tables = 0;
  let rows: DocRow[] = [];
  let cells: string[] = [];
  let lines: string[] = [];
  // A nested table is flattened into its cell: one line per row, cells separated by a space.
  let innerCells: string[] = [];
  let innerLines: string[] = [];

  const closeTable = () => {
    if (lines.length || cells.length) rows.push({ cells: [...cells, ...(lines.length ? [cellText(lines)] : [])], def: null });
    for (const grid of splitGrids(rows)) blocks.push(gridBlock(grid, tables++));
    rows = [];
    cells = [];
    lines = [];
  };

  for (const p of paragraphs) {
    if (p.depth === 0) {
      if (rows.length || cells.length || lines.length) closeTable();
      if (p.text.trim() === '') continue;
      blocks.push({
        kind: 'paragraph',
        text: p.text,
        src: null,
        heading: p.heading || undefined,
        bold: p.bold || undefined,
        centered: p.centered || undefined,
        fontSize: p.fontSize,
      });
    } else if (p.depth === 1) {
      if (p.row) {
        rows.push({ cells, def: p.row });
        cells = [];
        lines = [];
        continue;
      }
      lines.push(p.text);
      if (p.cellEnd) {
        cells.push(cellText(lines));
        lines = [];
      }
    } else if (p.innerRowEnd) {
      lines.push(innerCells.filter(Boolean).join(' '));
      innerCells = [];
      innerLines = [];
    } else {
      innerLines.push(p.text);
      if (p.innerCellEnd) {
        innerCells.push(innerLines.map((s) => s.trim()).filter(Boolean).join(''));
        innerLines = [];
      }
    }
  }
  closeTable();
  return blocks;
}

export function readDocRaw(bytes: Uint8Array): RawDocument {
  const streams = oleStreams(bytes);
  if (!streams) throw damaged('broken compound-file structure');
  const word = streams.get('WordDocument');
  if (!word) throw unusableInput('不是 Word 文档（缺少正文流）', 'not a Word document (no WordDocument stream)');
  if (isEncrypted(word)) throw passwordProtected('.doc');
  try {
    const fib = readFib(word);
    if (!isWord97(fib)) {
      throw unusableInput('Word 6.0/95 或更早版本的文档，请在 Word/WPS 中另存为 .docx 后再导入', 'a Word 6.0/95 or older document; save it as .docx first');
    }
    const paragraphs = readMainStory(
      { word, table: (name) => streams.get(name), data: streams.get('Data') },
      fib,
    );
    return { format: 'doc', pageCount: null, blocks: toBlocks(paragraphs) };
  } catch (err) {
    if (err instanceof WordFormatError || err instanceof RangeError) throw damaged(err.message);
    throw err;
  }
}
