// The canonical document: what every reader produces, every check reads, the store keeps and the export writes.
// Rows are plain strings exactly as printed (CONTRACT.md); provenance travels beside them, cell by cell.

/** The nine standard tables of a 预算 (t1…t9) and of a 决算 (d1…d9), keyed by meaning (CONTRACT.md v2). */
export type BudgetTableKey = 't1' | 't2' | 't3' | 't4' | 't5' | 't6' | 't7' | 't8' | 't9';
export type FinalTableKey = 'd1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6' | 'd7' | 'd8' | 'd9';
export type TableKey = BudgetTableKey | FinalTableKey;
export type Scope = '部门' | '单位';
/** 预算 (budget) or 决算 (final accounts). */
export type DocKind = '预算' | '决算';
/** By content: .xls covers WPS 表格 .et (the same BIFF workbook), .doc covers WPS 文字 .wps (the same Word binary). */
export type SourceFormat = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls';

/** Where a figure came from, so the review screen can show it. */
export interface CellSource {
  /** 1-based PDF page. */
  page?: number;
  /** PDF box in points, top-left origin of the page: [x0, y0, x1, y1]. */
  box?: [number, number, number, number];
  /** .xlsx/.xls sheet name and A1 address. */
  sheet?: string;
  cell?: string;
  /** .docx/.doc: 0-based index of the table in the body, row and column in its grid. */
  table?: number;
  row?: number;
  col?: number;
  /** Read by OCR: the probability of its least certain character (0–1); absent for text read from the file. */
  confidence?: number;
  /** Read by OCR with too uncertain a character: the auditor confirms it against the page (请核对). */
  confirm?: boolean;
}

/** The header block above the 栏次 row, as a grid with inclusive merges [r1, c1, r2, c2]. */
export interface HeaderGrid {
  rows: string[][];
  merges: [number, number, number, number][];
}

export interface StandardTable {
  key: TableKey;
  /** As printed, e.g. 部门预算收支总表, 2025年部门财务收支预算总表. */
  title: string;
  /** The unit printed above the table (元, 万元); null when none is printed (the document's unit applies). */
  unit: string | null;
  header: HeaderGrid;
  /** The 栏次 row: ['栏次', '1', '2', …]; null when the layout prints none. */
  lanes: string[] | null;
  /** Data rows in printed order, one cell per printed column (the 序号 first where printed). */
  rows: string[][];
  note: string | null;
  /** 1-based source pages (PDF), else null. */
  pages: number[] | null;
  /** Provenance parallel to rows (same shape); null where unknown. */
  sources: (CellSource | null)[][];
  /** sha256 of the file the table was read from, when it is not the document's own file (a joined submission). */
  file?: string;
}

export interface ExtraTable {
  key: null;
  title: string;
  unit?: string | null;
  header: HeaderGrid;
  lanes: string[] | null;
  rows: string[][];
  note: string | null;
  pages?: number[] | null;
  sources?: (CellSource | null)[][];
  file?: string;
}

export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
  /** Source page of each paragraph (PDF), parallel to paragraphs. */
  pages?: (number | null)[];
  /** sha256 of the file the section was read from, when it is not the document's own file. */
  file?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface CellRef {
  table: string;
  row: string | null;
  column: string | null;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** t1…t9, "narrative", "document", or "extra:<title>". */
  table: string;
  row: string | null;
  column: string | null;
  related: CellRef[];
  expected: number | null;
  actual: number | null;
  message: string;
  page: number | null;
  /** Narrative findings: the section heading, paragraph index and the quoted sentence. */
  paragraph?: { heading: string; index: number; quote: string } | null;
}

export interface SourceInfo {
  format: SourceFormat;
  fileName: string;
  sha256: string;
  size: number;
  pageCount: number | null;
}

/** What a further file of a submission brought: its tables, its narrative, or the same disclosure again. */
export type FileRole = 'tables' | 'narrative' | 'alternate';

export interface AttachedFile extends SourceInfo {
  role: FileRole;
}

export interface BudgetDocument {
  /** Stable id: the sha256 of the source bytes. */
  id: string;
  kind: DocKind;
  scope: Scope;
  /** The code printed before the department name (Hebei), null where none is printed. */
  department_code: string | null;
  department: string;
  year: number;
  /** The unit of most tables. */
  unit: string;
  /** The layout family the document was read as (hebei, shanghai, jiangsu, …), null when only the generic lexicon fit. */
  family: string | null;
  tables: StandardTable[];
  narrative: NarrativeSection[];
  extra_tables: ExtraTable[];
  findings: Finding[];
  source: SourceInfo;
  /** Further files of the same submission (narrative and tables published apart, another format). */
  attachments?: AttachedFile[];
}

/** The CONTRACT.md projection printed by `cli check --json`. */
export interface ContractDocument {
  id: string;
  kind: DocKind;
  scope: Scope;
  department_code: string | null;
  department: string;
  year: number;
  unit: string;
  tables: {
    key: TableKey;
    title: string;
    unit: string;
    header: HeaderGrid;
    lanes: string[] | null;
    rows: string[][];
    note: string | null;
    pages: number[] | null;
  }[];
  narrative: { heading: string; paragraphs: string[] }[];
  extra_tables: {
    key: null;
    title: string;
    header: HeaderGrid;
    lanes: string[] | null;
    rows: string[][];
    note: string | null;
  }[];
  findings: Omit<Finding, 'paragraph'>[];
}

export function toContract(doc: BudgetDocument): ContractDocument {
  return {
    id: doc.id,
    kind: doc.kind,
    scope: doc.scope,
    department_code: doc.department_code,
    department: doc.department,
    year: doc.year,
    unit: doc.unit,
    tables: doc.tables.map((t) => ({
      key: t.key,
      title: t.title,
      unit: t.unit ?? doc.unit,
      header: t.header,
      lanes: t.lanes,
      rows: t.rows,
      note: t.note,
      pages: t.pages,
    })),
    narrative: doc.narrative.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs })),
    extra_tables: doc.extra_tables.map((t) => ({
      key: null,
      title: t.title,
      header: t.header,
      lanes: t.lanes,
      rows: t.rows,
      note: t.note,
    })),
    findings: doc.findings.map(({ paragraph: _p, ...f }) => f),
  };
}
