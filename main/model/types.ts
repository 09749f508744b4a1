// The canonical document: what every reader produces, every check reads, the store keeps and the export writes.
// Rows are plain strings exactly as printed (CONTRACT.md); provenance travels beside them, cell by cell.

export type TableKey = 't1' | 't2' | 't3' | 't4' | 't5' | 't6' | 't7' | 't8' | 't9';
export type Scope = '部门' | '单位';
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
}

/** The header block above the 栏次 row, as a grid with inclusive merges [r1, c1, r2, c2]. */
export interface HeaderGrid {
  rows: string[][];
  merges: [number, number, number, number][];
}

export interface StandardTable {
  key: TableKey;
  /** As printed, e.g. 部门预算收支总表. */
  title: string;
  header: HeaderGrid;
  /** The 栏次 row: ['栏次', '1', '2', …]. */
  lanes: string[];
  /** Data rows below the 栏次 row; each as long as lanes; the 序号 first. */
  rows: string[][];
  note: string | null;
  /** 1-based source pages (PDF), else null. */
  pages: number[] | null;
  /** Provenance parallel to rows (same shape); null where unknown. */
  sources: (CellSource | null)[][];
}

export interface ExtraTable {
  key: null;
  title: string;
  header: HeaderGrid;
  lanes: string[] | null;
  rows: string[][];
  note: string | null;
  pages?: number[] | null;
  sources?: (CellSource | null)[][];
}

export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
  /** Source page of each paragraph (PDF), parallel to paragraphs. */
  pages?: (number | null)[];
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

export interface BudgetDocument {
  /** Stable id: the sha256 of the source bytes. */
  id: string;
  scope: Scope;
  department_code: string;
  department: string;
  year: number;
  unit: string;
  tables: StandardTable[];
  narrative: NarrativeSection[];
  extra_tables: ExtraTable[];
  findings: Finding[];
  source: SourceInfo;
}

/** The CONTRACT.md projection printed by `cli check --json`. */
export interface ContractDocument {
  id: string;
  scope: Scope;
  department_code: string;
  department: string;
  year: number;
  unit: string;
  tables: {
    key: TableKey;
    title: string;
    header: HeaderGrid;
    lanes: string[];
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
    scope: doc.scope,
    department_code: doc.department_code,
    department: doc.department,
    year: doc.year,
    unit: doc.unit,
    tables: doc.tables.map((t) => ({
      key: t.key,
      title: t.title,
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
