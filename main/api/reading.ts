// File → canonical document → findings: the reading path shared by `check` and every import. Reading runs
// isolated on the reading pool; the size of a file is checked before a byte of it is read.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, unusableInput } from '../model/errors.js';
import type { BudgetDocument } from '../model/types.js';
import { fileTooLarge, LIMITS } from '../readers/limits.js';
import { readIsolated } from '../readers/pool.js';
import { runChecks } from '../checks/index.js';

/** The bytes of a file on disk; `shown` names it in messages (a base name when the full path is not the reader's business). */
export async function readFileBytes(file: string, shown = file): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw unusableInput(`不是文件：${shown}`, `not a file: ${shown}`);
    if (stat.size > LIMITS.fileBytes) throw fileTooLarge(stat.size);
    const bytes = new Uint8Array(await fs.readFile(file));
    // The file may have grown since it was measured.
    if (bytes.length > LIMITS.fileBytes) throw fileTooLarge(bytes.length);
    return bytes;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not-found', `文件不存在：${shown}`, `file not found: ${shown}`);
    if (code === 'EACCES' || code === 'EPERM') throw unusableInput(`没有读取权限：${shown}`, `no permission to read ${shown}`);
    if (code === 'EISDIR') throw unusableInput(`不是文件：${shown}`, `not a file: ${shown}`);
    throw unusableInput(`无法读取文件：${shown}`, `cannot read ${shown} (${code ?? 'I/O error'})`);
  }
}

export async function readAndCheckBytes(bytes: Uint8Array, fileName: string): Promise<BudgetDocument> {
  const doc = await readIsolated(bytes, fileName);
  doc.findings = runChecks(doc);
  return doc;
}

export async function readAndCheckFile(file: string): Promise<BudgetDocument> {
  return readAndCheckBytes(await readFileBytes(file), path.basename(file));
}
