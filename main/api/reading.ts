// File → canonical document → findings: the reading path shared by `check` and every import.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, unusableInput } from '../model/errors.js';
import type { BudgetDocument } from '../model/types.js';
import { readDisclosure } from '../readers/index.js';
import { runChecks } from '../checks/index.js';

export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw unusableInput(`不是文件：${file}`, `not a file: ${file}`);
    return new Uint8Array(await fs.readFile(file));
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not-found', `文件不存在：${file}`, `file not found: ${file}`);
    throw unusableInput(`无法读取文件：${file}`, `cannot read ${file}: ${(err as Error).message}`);
  }
}

export async function readAndCheckBytes(bytes: Uint8Array, fileName: string): Promise<BudgetDocument> {
  const doc = await readDisclosure(bytes, fileName);
  doc.findings = runChecks(doc);
  return doc;
}

export async function readAndCheckFile(file: string): Promise<BudgetDocument> {
  return readAndCheckBytes(await readFileBytes(file), path.basename(file));
}
