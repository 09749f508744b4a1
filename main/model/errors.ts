// One error shape crosses every boundary: a code, a Chinese message for the user, an English one for logs.

export type ErrorCode = 'unusable-input' | 'unsupported-format' | 'not-found' | 'invalid-argument' | 'conflict' | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly details: unknown;
  constructor(code: ErrorCode, zh: string, en: string, details?: unknown) {
    super(`${zh} / ${en}`);
    this.name = 'AppError';
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.details = details;
  }
}

/** The file cannot be read as a disclosure (CONTRACT exit 2). */
export function unusableInput(zh: string, en: string, details?: unknown): AppError {
  return new AppError('unusable-input', zh, en, details);
}

export interface ErrorData {
  code: ErrorCode;
  message: string;
  zh: string;
  en: string;
  details?: unknown;
}

export function toErrorData(err: unknown): ErrorData {
  if (err instanceof AppError) return { code: err.code, message: err.message, zh: err.zh, en: err.en, details: err.details };
  const en = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `内部错误 / internal error: ${en}`, zh: '内部错误', en };
}
