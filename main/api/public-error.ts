// The error a transport hands to a renderer: the reason in both languages, never an internal path (the
// install folder, the archive's location, a temp file) and never an internal error's raw text.
import { toErrorData, type ErrorData } from '../model/errors.js';

const POSIX_PATH = /(?<![\w.~])\/(?:[^\s/'"“”()<>：:，,]+\/)+[^\s/'"“”()<>：:，,]*/g;
const WINDOWS_PATH = /\b[A-Za-z]:\\(?:[^\s\\'"“”()<>：:，,]+\\)*[^\s\\'"“”()<>：:，,]*/g;

export function redactPaths(text: string): string {
  return text.replace(POSIX_PATH, '…').replace(WINDOWS_PATH, '…');
}

export function publicErrorData(err: unknown): ErrorData {
  const e = toErrorData(err);
  if (e.code === 'internal') {
    return { code: 'internal', zh: '内部错误，请重试或查看日志', en: 'internal error; try again or see the log', message: '内部错误 / internal error' };
  }
  const zh = redactPaths(e.zh);
  const en = redactPaths(e.en);
  return { code: e.code, zh, en, message: `${zh} / ${en}` };
}
