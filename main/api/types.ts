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

export type { BudgetDocument, DocKind, FileRole, Finding, Scope, Severity, SourceFormat, TableKey, Correction, FindingStatus, ReviewFinding };
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

export interface SubmissionView {
  summary: SubmissionSummary;
  /** The document with every live correction applied; its findings are the re-run checks. */
  document: BudgetDocument;
  /** Each standard table's layout, by key. */
  layouts: Partial<Record<TableKey, TableLayoutView>>;
  findings: ReviewFinding[];
  corrections: Correction[];
  reviewed: TableKey[];
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
  /** Departments × years × versions, newest first; `query` filters by department code or name. */
  'archive.list': (input: { query?: string }) => Promise<SubmissionSummary[]>;
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
  'finding.setStatus': (input: { submissionId: number; key: string; status: FindingStatus; comment?: string }) => Promise<SubmissionView>;
  'table.setReviewed': (input: { submissionId: number; table: TableKey; reviewed: boolean }) => Promise<SubmissionView>;
}

export interface ExportApi {
  /** The workbook's bytes (the renderer saves them as a download). */
  'export.workbook': (input: { submissionId: number; plain?: boolean }) => Promise<{ fileName: string; dataBase64: string }>;
}

export interface SettingsApi {
  'settings.get': () => Promise<{ author: string; version: string }>;
  'settings.setAuthor': (input: { author: string }) => Promise<{ author: string }>;
}

/** What every transport carries. */
export type Api = ArchiveApi & SubmissionApi & ReviewApi & ExportApi & SettingsApi;
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
