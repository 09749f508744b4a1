// The 审核意见书: the formal result of a review, addressed to the department — what was reviewed, every
// confirmed finding in plain words with its table, row, column and amounts and the auditor's comment, how the
// previous version's findings were dealt with (a resubmission), the auditor's conclusion, date and signature
// lines. A Word document (docx), so the office can edit and print it as its other letters.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { FindingWords } from '../model/places.js';
import type { ReviewFinding } from '../model/review.js';
import { tableWord, isStandardKey } from '../model/places.js';
import type { BudgetDocument } from '../model/types.js';
import type { CarryOutcome } from '../model/vocabulary.js';
import { SEVERITY_NAMES } from '../model/vocabulary.js';
import { xmlSafe } from './text.js';

export interface OpinionOutcome {
  outcome: CarryOutcome;
  place: string;
  message: string;
  previousComment: string;
}

export interface OpinionInput {
  /** The document as reviewed (corrections applied). */
  document: BudgetDocument;
  version: number;
  fileName: string;
  findings: (ReviewFinding & FindingWords)[];
  conclusion: string;
  reviewer: string;
  /** ISO time of issue. */
  date: string;
  /** A resubmission: the previous version and how its confirmed findings fared. */
  previous: { version: number; outcomes: OpinionOutcome[] } | null;
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
/** Half-points: 三号 16pt for the title, 四号 14pt for the text, 五号 10.5pt in the table. */
const SIZE = { title: 36, body: 28, table: 21 };
const LINE = { line: 460 };

const text = (s: string, o: { bold?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(s), bold: o.bold, size: o.size ?? SIZE.body, font: FONT });

const para = (s: string, o: { indent?: boolean; bold?: boolean; keepNext?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    children: [text(s, { bold: o.bold })],
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: 560 },
    spacing: LINE,
    keepNext: o.keepNext,
  });

const heading = (s: string) => new Paragraph({ children: [new TextRun({ text: s, size: SIZE.body, font: TITLE_FONT })], indent: { firstLine: 560 }, spacing: LINE });

const money = (n: number): string => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A finding's figures in words: 应为 1,234.56 元，实为 1,230.00 元，相差 4.56 元. */
function figures(doc: BudgetDocument, f: ReviewFinding): string {
  // Figures of a table cell only: a narrative finding quotes its own numbers, a year is no amount.
  const table = isStandardKey(f.table) ? doc.tables.find((t) => t.key === f.table) : undefined;
  if (f.expected === null || f.actual === null || !table || f.rule === 'year-mismatch') return '';
  const unit = table.unit ?? doc.unit;
  const diff = Math.round((f.actual - f.expected) * 100) / 100;
  return `应为 ${money(f.expected)} ${unit}，实为 ${money(f.actual)} ${unit}，相差 ${money(Math.abs(diff))} ${unit}。`;
}

const CN_NUMBERS = ['一', '二', '三', '四', '五'];

/** "2026年5月3日" in local time. */
function dateWords(iso: string): string {
  const d = new Date(iso);
  const t = Number.isNaN(d.getTime()) ? new Date() : d;
  return `${t.getFullYear()}年${t.getMonth() + 1}月${t.getDate()}日`;
}

export function opinionTitle(doc: Pick<BudgetDocument, 'department' | 'year' | 'scope' | 'kind'>): string {
  return `关于${doc.department}${doc.year}年度${doc.scope}${doc.kind}信息公开的审核意见书`;
}

/** The letter as parts: the same content is written to Word and shown on screen for printing. */
export interface OpinionContent {
  title: string;
  addressee: string;
  intro: string;
  sections: { heading: string; paragraphs: string[]; table?: { header: string[]; rows: string[][] } }[];
  closing: string;
  /** Right-aligned lines at the end: reviewer, checker, office and seal, date. */
  signature: string[];
}

export function opinionContent(input: OpinionInput): OpinionContent {
  const { document: doc } = input;
  const you = doc.scope === '部门' ? '部门' : '单位';
  const confirmed = input.findings.filter((f) => f.status === 'confirmed');
  const sections: OpinionContent['sections'] = [];
  let n = 0;
  const problems: OpinionContent['sections'][number] = { heading: `${CN_NUMBERS[n++]}、审核发现的问题`, paragraphs: [] };
  if (confirmed.length === 0) problems.paragraphs.push('经审核，未发现需要更正的问题。');
  else {
    const tables = new Set(confirmed.map((f) => tableWord(f.table)));
    problems.paragraphs.push(`经审核，共确认问题 ${confirmed.length} 项，涉及${[...tables].join('、')}，具体如下：`);
    problems.table = {
      header: ['序号', '位置', '问题', '审核人意见'],
      rows: confirmed.map((f, i) => [
        String(i + 1),
        f.place,
        [`【${f.ruleName}·${SEVERITY_NAMES[f.severity]}】${f.message}`, figures(doc, f)].filter(Boolean).join('\n'),
        f.comment || '—',
      ]),
    };
  }
  sections.push(problems);
  if (input.previous) {
    const { outcomes, version } = input.previous;
    const fixed = outcomes.filter((o) => o.outcome === 'fixed');
    const remaining = outcomes.filter((o) => o.outcome === 'remaining');
    const paragraphs = [`第 ${version} 版确认的问题共 ${fixed.length + remaining.length} 项，本次已整改 ${fixed.length} 项，仍存在 ${remaining.length} 项。`];
    for (const [label, list] of [['已整改', fixed], ['仍存在', remaining]] as const) {
      list.forEach((o, i) => paragraphs.push(`${label}${i + 1}．${o.place}：${o.message}${o.previousComment ? `（原审核意见：${o.previousComment}）` : ''}`));
    }
    sections.push({ heading: `${CN_NUMBERS[n++]}、第 ${version} 版审核意见的整改情况`, paragraphs });
  }
  sections.push({ heading: `${CN_NUMBERS[n++]}、审核结论`, paragraphs: (input.conclusion.trim() || '（审核人尚未填写审核结论。）').split(/\n+/) });
  return {
    title: opinionTitle(doc),
    addressee: `${doc.department}：`,
    intro:
      `你${you}报送的${doc.year}年度${doc.scope}${doc.kind}信息公开文件（第 ${input.version} 版，文件“${input.fileName}”）已收悉。` +
      `我们对其中的公开表格${doc.narrative.length ? '和情况说明' : ''}进行了审核，核对了表内、表间以及说明与表格之间的勾稽关系。现将审核意见告知如下：`,
    sections,
    closing: `请你${you}对上述问题逐项核实整改，并在规定时间内重新报送公开文件。`,
    signature: [`审核人：${input.reviewer || '__________'}\u3000\u3000复核人：__________`, '审核单位（盖章）：____________________', dateWords(input.date)],
  };
}

const cell = (s: string, o: { bold?: boolean; width: number; center?: boolean }) =>
  new TableCell({
    width: { size: o.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: s.split('\n').map(
      (line) => new Paragraph({ children: [text(line, { bold: o.bold, size: SIZE.table })], alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT }),
    ),
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const WIDTHS = [7, 25, 43, 25];

function wordTable(t: { header: string[]; rows: string[][] }): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, { bold: true, width: WIDTHS[i] ?? 20, center: true })) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, { width: WIDTHS[i] ?? 20, center: i === 0 })) })),
    ],
  });
}

export async function exportOpinion(input: OpinionInput): Promise<Uint8Array> {
  const c = opinionContent(input);
  // The closing sentence, the signature lines and the date stay on one page (a letter never ends on a page
  // holding only its signature).
  const right = (s: string, keepNext: boolean) => new Paragraph({ children: [text(s)], alignment: AlignmentType.RIGHT, spacing: LINE, keepNext, keepLines: true });
  const body: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: xmlSafe(c.title), size: SIZE.title, bold: true, font: TITLE_FONT })], alignment: AlignmentType.CENTER, spacing: { after: 360, line: 500 } }),
    para(c.addressee, { indent: false }),
    para(c.intro),
  ];
  for (const s of c.sections) {
    body.push(heading(s.heading));
    for (const p of s.paragraphs) body.push(para(p));
    if (s.table) body.push(wordTable(s.table));
  }
  body.push(
    para(c.closing, { keepNext: true }),
    new Paragraph({ children: [], spacing: { before: 480 }, keepNext: true }),
    ...c.signature.map((line, i) => right(line, i < c.signature.length - 1)),
  );
  const document = new Document({
    creator: '部门预算审核工作台',
    title: c.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** e.g. 石家庄市长安区人民政府办公室_2023_部门预算_第2版_审核意见书.docx */
export function opinionFileName(doc: Pick<BudgetDocument, 'department' | 'year' | 'scope' | 'kind'>, version: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  const dept = (doc.department ?? '').replace(/[<>:"/\\|?*\u0000-\u001f]/g, '').replace(/\s+/g, '').trim();
  return `${dept || '审核'}_${doc.year}_${doc.scope}${doc.kind}_第${version}版_审核意见书.docx`;
}
