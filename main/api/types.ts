// The one API of the workstation: method name → (input) => Promise<output>. Implemented once in ./index.ts,
// carried unchanged by the Electron IPC bridge (app/), the loopback HTTP bridge (main/bridge) and called
// in-process by the command line. Inputs and outputs are plain JSON.
// No method of `Api` takes a filesystem path: a renderer can name only files the user chose (bytes in the
// browser, opaque handles of the Electron shell's native dialogs). Path-taking methods are `LocalApi`,
// reachable only in-process (the command line, tests), never over IPC or HTTP.
// The renderer may import this file with `import type` only.
import type { BudgetDocument, DocKind, FileRole, Finding, Scope, Severity, SourceFormat, TableKey } from '../model/types.js';
import type { Correction, FindingStatus, ReviewFinding } from '../model/review.js';
import type { ColumnRole } from '../model/semantics/index.js';
import type { FindingWords } from '../model/places.js';
import type { FigureChange } from '../model/compare.js';
import type { OpinionContent } from '../export/opinion.js';
import type { CarryOutcome, ReviewState, RuleCategory, Vocabulary } from '../model/vocabulary.js';

export type { BudgetDocument, DocKind, FileRole, Finding, Scope, Severity, SourceFormat, TableKey, Correction, FindingStatus, ReviewFinding };
export type { OpinionContent, FindingWords, CarryOutcome, ReviewState, RuleCategory, Vocabulary };
export type { ContractDocument, StandardTable, ExtraTable, NarrativeSection, CellSource, HeaderGrid, CellRef } from '../model/types.js';

export interface SubmissionSummary {
  id: number;
  departmentCode: string;
  department: string;
  scope: Scope;
  kind: DocKind;
  year: number;
  version: number;
  fileName: string;
  format: SourceFormat;
  sha256: string;
  /** Further files of the submission (narrative or tables published apart, the same disclosure in another format). */
  files: { fileName: string; format: SourceFormat; sha256: string; role: FileRole }[];
  importedAt: string;
  pageCount: number | null;
  /** Open findings by severity (dismissed ones are not counted). */
  findingCounts: Record<Severity, number>;
  /** Standard tables marked reviewed, of those present. */
  reviewedTables: number;
  tableCount: number;
  correctionCount: number;
}

/** A standard table's layout as the review screen shows it: what each printed column is, each row's id and label. */
export interface TableLayoutView {
  /** The table's unit as printed (元, 万元). */
  unit: string;
  columns: {
    index: number;
    /** The id findings and corrections use for the column (栏次 where printed, else the 1-based position). */
    id: string;
    role: ColumnRole;
    /** The column as its header names it (基本支出, 人员经费, 公务接待费 …). */
    name: string;
    concept: string | null;
    /** Side-by-side block (the income and expenditure halves of a 收支总表); -1 for 序号. */
    panel: number;
  }[];
  /** A column of each panel, in panel order. */
  panelColumns: number[];
  /** Per row, per panel: the row id findings and corrections use (序号, 科目编码, or the row's first text). */
  rowIds: string[][];
  /** Per row, per panel: the row as an auditor names it (`2010301 行政运行`, `一、财政拨款收入`, `合计`). */
  rowLabels: string[][];
}

/** A finding as the review screen shows it: with its place, rule and compared cells in words. */
export interface ViewFinding extends ReviewFinding, FindingWords {
  /** In a resubmission: the finding was raised on the previous version too, or is new in this one. */
  carry?: Exclude<CarryOutcome, 'fixed'>;
  /** The decision on it came over from the previous version (not yet changed here). */
  carried?: boolean;
}

/** The auditor's work on the submission as a whole. */
export interface ReviewStatus {
  state: ReviewState;
  /** The overall conclusion of the 审核意见书, as the auditor wrote it. */
  conclusion: string;
  opinionIssuedAt: string | null;
  opinionIssuedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

/** A resubmission against the version before it (the details come from `submission.compare`). */
export interface ResubmissionView {
  previousId: number;
  previousVersion: number;
  /** Findings confirmed on the previous version that no longer occur. */
  fixed: number;
  /** Findings confirmed on the previous version that still occur. */
  remaining: number;
  /** Findings not raised on the previous version. */
  new: number;
  /** Decisions carried over from the previous version. */
  carried: number;
}

export interface SubmissionView {
  summary: SubmissionSummary;
  /** The document with every live correction applied; its findings are the re-run checks. */
  document: BudgetDocument;
  /** Each standard table's layout, by key. */
  layouts: Partial<Record<TableKey, TableLayoutView>>;
  findings: ViewFinding[];
  corrections: Correction[];
  reviewed: TableKey[];
  review: ReviewStatus;
  /** Set when an earlier version of the same department × year × kind is archived. */
  resubmission: ResubmissionView | null;
  /** Every version of this department × year × kind, and the department's other years (for comparisons). */
  versions: { id: number; version: number }[];
  otherYears: { id: number; year: number; kind: DocKind; version: number }[];
}

/** One submission in a comparison. */
export interface ComparedSide {
  id: number;
  department: string;
  year: number;
  kind: DocKind;
  version: number;
  fileName: string;
}

/** A cell whose figure differs between the two submissions (matched by row and column as printed). */
export type CellChange = FigureChange;

/** A finding of a resubmission's re-review: how a finding of the previous version fares, or a new one. */
export interface FindingOutcome {
  key: string;
  outcome: CarryOutcome;
  severity: Severity;
  ruleName: string;
  place: string;
  message: string;
  /** The decision and comment on the previous version ('open' and '' for a new finding). */
  previousStatus: FindingStatus;
  previousComment: string;
  /** The decision on this version, if still raised. */
  status: FindingStatus | null;
  comment: string;
}

export interface ComparisonView {
  before: ComparedSide;
  after: ComparedSide;
  /** 'versions' of one department × year × kind, or 'years' (any other pair). */
  mode: 'versions' | 'years';
  /** Versions only: every finding confirmed before or raised now, with its outcome. */
  outcomes: FindingOutcome[];
  changes: CellChange[];
}

/** One department × year × kind in the archive overview: its latest version and where it stands. */
export interface OverviewCell {
  id: number;
  year: number;
  kind: DocKind;
  version: number;
  versions: number;
  state: ReviewState;
  findingCounts: Record<Severity, number>;
  reviewedTables: number;
  tableCount: number;
}

export interface ArchiveOverview {
  /** Departments matching the filter, in all; `departments` holds one page of them. */
  total: number;
  offset: number;
  limit: number;
  departments: { code: string; name: string; cells: OverviewCell[] }[];
  /** Department × year × kind groups per state (the filter's state left out), for the filter chips. */
  states: Record<ReviewState, number>;
  /** Every year in the archive, newest first. */
  years: number[];
}

export interface ImportResult {
  /**
   * stored: a new submission or version; duplicate: these bytes were stored before; joined: the file brought
   * the tables or the narrative an archived submission lacked; same-content: the same disclosure in another
   * file, kept beside the submission.
   */
  status: 'stored' | 'duplicate' | 'joined' | 'same-content';
  submission: SubmissionSummary;
}

export interface ImportError {
  fileName: string;
  code: string;
  zh: string;
  en: string;
}

export type FolderImportResult = { results: (ImportResult | { status: 'error'; error: ImportError })[] };

export interface ArchiveApi {
  /** Departments × years × versions, newest first; `query` filters by department code or name; `offset`/`limit` page it. */
  'archive.list': (input: { query?: string; offset?: number; limit?: number }) => Promise<SubmissionSummary[]>;
  /** The archive by department: each year's 预算 and 决算 side by side with their state; one page of departments. */
  'archive.overview': (input: {
    query?: string;
    year?: number;
    kind?: DocKind;
    state?: ReviewState;
    offset?: number;
    limit?: number;
  }) => Promise<ArchiveOverview>;
  /** Import bytes (browser drag-and-drop, file input). */
  'archive.importBytes': (input: { fileName: string; dataBase64: string }) => Promise<ImportResult>;
  /** Import a file the user picked in a native dialog (Electron), by the dialog's handle. */
  'archive.importPicked': (input: { handle: string }) => Promise<ImportResult>;
  /** Import every .pdf/.docx/.xlsx (and legacy .doc/.wps/.xls/.et) of a folder picked in a native dialog;
   *  progress is reported through `events`. */
  'archive.importPickedFolder': (input: { handle: string }) => Promise<FolderImportResult>;
}

export interface SubmissionApi {
  'submission.get': (input: { id: number }) => Promise<SubmissionView>;
  /** The original file's bytes, for the source pane (pdfjs renders them in the renderer); `sha256` picks a further file. */
  'submission.source': (input: { id: number; sha256?: string }) => Promise<{ fileName: string; format: SourceFormat; dataBase64: string }>;
  'submission.delete': (input: { id: number }) => Promise<{ deleted: boolean }>;
  /** Two submissions side by side: two versions (re-review: findings fixed / remaining / new) or two years. */
  'submission.compare': (input: { id: number; otherId: number }) => Promise<ComparisonView>;
}

export interface ReviewApi {
  /** Correct one cell; the checks re-run and the new view comes back. */
  'correction.apply': (input: {
    submissionId: number;
    table: TableKey;
    row: string;
    column: string;
    value: string;
    reason: string;
    author?: string;
  }) => Promise<SubmissionView>;
  'correction.undo': (input: { submissionId: number; correctionId: number }) => Promise<SubmissionView>;
  /** Apply an undone correction again (a new entry in the trail, same value and reason). */
  'correction.redo': (input: { submissionId: number; correctionId: number }) => Promise<SubmissionView>;
  'finding.setStatus': (input: { submissionId: number; key: string; status: FindingStatus; comment?: string }) => Promise<SubmissionView>;
  /** One decision for many findings (every 尾差 of the submission dismissed at once). */
  'finding.setStatusMany': (input: { submissionId: number; keys: string[]; status: FindingStatus; comment?: string }) => Promise<SubmissionView>;
  /** The submission as a whole: the conclusion, the opinion issued, the review closed. */
  'review.update': (input: { submissionId: number; conclusion?: string; opinionIssued?: boolean; closed?: boolean }) => Promise<SubmissionView>;
  'table.setReviewed': (input: { submissionId: number; table: TableKey; reviewed: boolean }) => Promise<SubmissionView>;
}

export interface ExportApi {
  /** The workbook's bytes (the renderer saves them as a download). */
  'export.workbook': (input: { submissionId: number; plain?: boolean }) => Promise<{ fileName: string; dataBase64: string }>;
}

export interface OpinionApi {
  /** The 审核意见书 (.docx) of a submission: its confirmed findings, comments and the conclusion. */
  'export.opinion': (input: { submissionId: number }) => Promise<{ fileName: string; dataBase64: string }>;
  /** The same letter as parts, for the screen's preview and printing. */
  'opinion.content': (input: { submissionId: number }) => Promise<OpinionContent>;
}

export interface SettingsApi {
  /** The words the screens print for severities, decisions, rules, categories, states and tables. */
  'vocabulary.get': () => Promise<Vocabulary & { tables: Record<TableKey, string> }>;
  'settings.get': () => Promise<{ author: string; version: string }>;
  'settings.setAuthor': (input: { author: string }) => Promise<{ author: string }>;
}

/** What every transport carries. */
export type Api = ArchiveApi & SubmissionApi & ReviewApi & ExportApi & OpinionApi & SettingsApi;
export type ApiMethod = keyof Api;
export type ApiInput<K extends ApiMethod> = Parameters<Api[K]>[0];
export type ApiOutput<K extends ApiMethod> = Awaited<ReturnType<Api[K]>>;

/** In-process only (the command line, tests): methods that take paths on this machine. */
export interface PathApi {
  'archive.importFile': (input: { path: string }) => Promise<ImportResult>;
  'archive.importFolder': (input: { path: string }) => Promise<FolderImportResult>;
  /** Read and check a file without storing it (the CLI's `check`). */
  'document.check': (input: { path: string }) => Promise<BudgetDocument>;
  /** Write the workbook to a file. */
  'export.workbookFile': (input: { submissionId: number; plain?: boolean; outPath: string }) => Promise<{ path: string; fileName: string }>;
}

export type LocalApi = Api & PathApi;
export type LocalMethod = keyof LocalApi;

/** A file or folder the user picked in the Electron shell's native dialog: a name to show, a handle to import. */
export interface Picked {
  handle: string;
  name: string;
}

/** Progress of a long operation (batch import), pushed to the UI. */
export interface ProgressEvent {
  kind: 'import-progress';
  done: number;
  total: number;
  fileName: string;
  result?: ImportResult | { status: 'error'; error: ImportError };
}

/** What the preload (Electron) or the browser twin (loopback) puts on window.budgetApi. */
export interface ClientBridge {
  call<K extends ApiMethod>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
  onEvent(listener: (event: ProgressEvent) => void): () => void;
  /** Electron only: native open dialogs (held by the main process); undefined in the browser. */
  pickFiles?: () => Promise<Picked[]>;
  pickFolder?: () => Promise<Picked | null>;
  /** Electron only: commands from the application menu (import-files, export, next-finding …). */
  onMenuCommand?: (listener: (command: string) => void) => () => void;
  /** 'electron' or 'web'. */
  platform: 'electron' | 'web';
}

/** The error every transport delivers: a code and the bilingual message. */
export interface ApiErrorData {
  code: string;
  message: string;
  zh: string;
  en: string;
  details?: unknown;
}
