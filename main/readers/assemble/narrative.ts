// The 情况说明 after the tables: sections under the top-level headings 一、…九、 (the document title
// heads the opening paragraphs), sub-headings kept as paragraphs, the tables inside it pulled out as
// extra tables. PDF lines are hard-wrapped: they are joined back into paragraphs here.
import type { ExtraTable, NarrativeSection } from '../../model/types.js';
import { buildExtraTable, type ExtraDraft } from './extra-tables.js';
import { META_TEXT, type Grid, type Item, type Line } from './items.js';
import { isNote } from './regions.js';
import { isTableLabel } from './titles.js';
import { chineseNumber, clean, joinPieces, squash } from './text.js';

interface Para {
  line: Line;
  /** Item index of the line. */
  at: number;
  /** A table title or a heading: never joined with the lines around it. */
  standalone: boolean;
}

const TOP = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*\S/;
/** A part of the document: 第一部分 部门概况, 第三部分 …情况说明. */
const PART = /^第[一二三四五六七八九十]+部分/;
/** How a section title ends. */
const SECTION_END = /(说明|情况|解释|概况|职能|设置)$/;
const ARABIC = /^(\d{1,2})\s*[、.．]\s*(\S.*)$/;
const SECTION_WORDS = /职责|机构|预算安排|总体情况|收支|运行经费|三公|绩效|政府采购|国有资产|资产占用|名词解释|其他需要说明|其他事项|说明事项/;
const LIST_MARK = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|\d+[、.．）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|[①-⑳]|[-•·])/;

/** A contents entry: a heading with dot leaders or a tab and its page number (or Word's broken-bookmark text). */
const TOC_ENTRY = /^\S.{0,60}?(\s*[.…·．]{3,}\s*|\t+\s*)(\d{1,4}|错误！未定义书签。?)$/;
const headingLike = (t: string, max = 40): boolean => t.length <= max && !/[。；;，,]$/.test(t) && !/[：:].{6,}/.test(t);
const titleLike = (t: string): boolean => headingLike(t, 50) && !/[：:]$/.test(t);

/** A line of a contents page: an entry with dot leaders, or a short line without sentence punctuation. */
const contentsEntry = (t: string): boolean => TOC_ENTRY.test(t) || /[.…·．]{3,}/.test(t) || (t.length <= 60 && !/[。；;，,！？]/.test(t));

/**
 * The contents: the 目录 line and the entries after it, to the end of the pages that hold nothing but entries
 * (without pages: while each entry's text is printed again further on, as the heading it lists).
 */
function contentsLines(items: Item[]): Set<number> {
  const out = new Set<number>();
  const at = items.findIndex((it) => it.kind === 'line' && /^目\s*录$/.test(clean(it.text)));
  if (at < 0) return out;
  out.add(at);
  const start = items[at]!.page;
  const pageOnlyEntries = (page: number) => items.every((it) => it.page !== page || (it.kind === 'line' && contentsEntry(clean(it.text))));
  const later = (i: number, text: string) => items.slice(i + 1).some((it) => it.kind === 'line' && squash(it.text).startsWith(squash(text).replace(/[.…·．\d\s]+$/, '')));
  let page = start;
  for (let i = at + 1; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind !== 'line' || !contentsEntry(clean(it.text))) break;
    if (start !== undefined) {
      if (it.page !== page) {
        if (it.page === undefined || !pageOnlyEntries(it.page)) break;
        page = it.page;
      }
    } else if (!later(i, it.text)) break;
    out.add(i);
  }
  return out;
}

/** Split the narrative items into paragraph lines and extra tables. */
function pullTables(items: Item[], wrapped: boolean, withPages: boolean): { paras: Para[]; tables: ExtraTable[]; after: number[] } {
  const paras: Para[] = [];
  const drafts: ExtraDraft[] = [];
  /** For each draft, how many paragraph lines came before it (an untitled table takes its section's heading). */
  const after: number[] = [];
  let current: ExtraDraft | null = null;
  // Whether anything but meta lines came since the last grid (a grid right after a grid continues it).
  let sinceGrid = true;
  let lastGrid: Grid | null = null;
  // Right after a table (or its notes): a 注 line here is the table's note.
  let afterTable = false;
  // The last item that was not a meta or label line (a title stays the title across them).
  let lastText = -1;
  const contents = contentsLines(items);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (contents.has(i)) continue;
    if (it.kind === 'grid') {
      if (current && !sinceGrid && lastGrid) {
        const single = current.grids.length === 1 && lastGrid.rows.length <= 2 && current.lead.length === 0;
        if (single && (lastGrid.width !== it.width || /^绩效目标$/.test(clean(lastGrid.rows[0]!.cells[0]!.text)))) {
          current.lead = lastGrid.rows; // goal grid above its indicator grid
          current.grids = [it];
          lastGrid = it;
          afterTable = true;
          continue;
        }
        if (lastGrid.width === it.width && it.atPageTop !== false) {
          current.grids.push(it); // the same table continued
          lastGrid = it;
          afterTable = true;
          continue;
        }
      }
      // A new table: its title is the line just above (that line stays a paragraph too).
      const above = paras[paras.length - 1];
      const titled = above && !above.standalone && above.at === lastText && titleLike(above.line.text);
      if (titled) above.standalone = true;
      current = { title: titled ? clean(above.line.text) : '', grids: [it], lead: [], notes: [] };
      drafts.push(current);
      after.push(paras.length);
      sinceGrid = false;
      afterTable = true;
      lastGrid = it;
      continue;
    }
    if (META_TEXT.test(it.text) && !isNote(it.text) && it.text.length <= 60) continue; // 单位：万元, 部门：…, 截止时间
    if (isTableLabel(it.text)) continue; // 公开01表
    if (TOC_ENTRY.test(it.text) || /^目\s*录$/.test(it.text)) continue; // a table of contents printed before the text
    lastText = i;
    sinceGrid = true;
    if (current && afterTable && isNote(it.text)) {
      current.notes.push(clean(it.text));
      continue;
    }
    const lastNote = current?.notes[current.notes.length - 1];
    if (wrapped && current && afterTable && lastNote && !/[。.！!]$/.test(lastNote) && it.text.length < 60) {
      current.notes[current.notes.length - 1] = lastNote + clean(it.text); // a note wrapped onto a second line
      continue;
    }
    afterTable = false;
    paras.push({ line: it, at: i, standalone: false });
  }
  // A note may only follow its table: everything after a note line is narrative again.
  return { paras, tables: drafts.map((d) => buildExtraTable(d, wrapped, withPages)), after };
}

/** Typical full-line length of wrapped PDF text: a line much shorter ends its paragraph. */
function fullLineLength(lines: Line[]): number {
  const lens = lines.map((l) => [...l.text].length).sort((a, b) => a - b);
  return lens.length ? lens[Math.floor(lens.length * 0.9)]! : 0;
}

export function buildNarrative(items: Item[], wrapped: boolean, withPages: boolean): { narrative: NarrativeSection[]; extra_tables: ExtraTable[] } {
  const { paras, tables, after } = pullTables(items, wrapped, withPages);
  /** The section heading in force at each paragraph line. */
  const headingOf: string[] = [];
  const sections: NarrativeSection[] = [];
  let section: NarrativeSection | null = null;
  let lastTop = 0;
  const full = wrapped ? fullLineLength(paras.map((p) => p.line)) : 0;
  let joinable = false;
  const open = (heading: string) => {
    section = { heading, paragraphs: [] };
    if (withPages) section.pages = [];
    sections.push(section);
    joinable = false;
  };
  // The number of the next 一、-numbered heading after each paragraph line (0 when none follows).
  const nextTop: number[] = new Array<number>(paras.length).fill(0);
  for (let k = paras.length - 2, next = 0; k >= 0; k--) {
    const t = clean(paras[k + 1]!.line.text);
    const m = TOP.exec(t);
    if (m && headingLike(t)) next = chineseNumber(m[1]!);
    nextTop[k] = next;
  }
  for (const [k, p] of paras.entries()) {
    headingOf.push(section ? (section as NarrativeSection).heading : '');
    const t = clean(p.line.text);
    const top = TOP.exec(t);
    const arabic = ARABIC.exec(t);
    const cue = !!(p.line.heading || p.line.bold || p.line.centered);
    let heading = false;
    // A new part numbers its sections from 一、 again (第三部分 …情况说明, a centred …项目经费情况说明); a 第一部分
    // inside a section whose numbering goes on after it is a sub-heading.
    const restarts = lastTop === 0 || (nextTop[k] ?? 0) <= lastTop;
    if (PART.test(t) && headingLike(t, 60) && restarts) {
      heading = true;
      lastTop = 0;
    } else if (!p.standalone && p.line.centered && headingLike(t, 60) && !LIST_MARK.test(t) && lastTop > 0 && SECTION_END.test(t) && restarts) {
      heading = true;
      lastTop = 0;
    } else if (top && headingLike(t) && chineseNumber(top[1]!) > lastTop) {
      heading = true;
      lastTop = chineseNumber(top[1]!);
    } else if (arabic && !p.standalone && !/表$/.test(t) && lastTop > 0 && Number(arabic[1]) === lastTop + 1 && headingLike(t, 30) && SECTION_WORDS.test(arabic[2]!)) {
      heading = true;
      lastTop += 1;
    } else if (lastTop === 0 && !p.standalone && ((/情况说明$/.test(t) && headingLike(t, 80)) || (cue && headingLike(t, 60)))) {
      heading = true; // the document title (and a part title above it)
    }
    if (heading) {
      open(t);
      headingOf[headingOf.length - 1] = t;
      continue;
    }
    if (!section) open('');
    const s = section!;
    const prev = s.paragraphs[s.paragraphs.length - 1];
    if (wrapped && joinable && prev !== undefined && !p.standalone && !LIST_MARK.test(t)) {
      s.paragraphs[s.paragraphs.length - 1] = joinPieces(prev, t);
    } else {
      s.paragraphs.push(t);
      s.pages?.push(p.line.page ?? null);
    }
    // The next line continues this paragraph when this one runs to the margin without ending a sentence.
    joinable = wrapped && !p.standalone && !/[。！？!?；;：:]["”’）)]?$/.test(t) && [...t].length >= full * 0.8;
  }
  // A table printed without a caption of its own is named by the section it sits in.
  tables.forEach((t, k) => {
    if (!t.title && after[k]! > 0) t.title = headingOf[after[k]! - 1] ?? '';
  });
  return { narrative: sections, extra_tables: tables };
}
