// The reading pool's isolation, with workers that fail as a library can: an exception from a callback, a
// stray rejection, a synchronous hang, an out-of-memory. Each becomes that file's clear error (exit 2 in
// the CLI), the process goes on, and the next file is read by a fresh worker.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AppError } from '../main/model/errors.js';
import { ReadPool } from '../main/readers/pool.js';
import { fixture } from './helpers/paths.js';

const worker = (name: string) => pathToFileURL(fixture('workers', name));
const bytes = new Uint8Array(fs.readFileSync(fixture('docs', 'seed000.word.docx')));

async function failure(pool: ReadPool, timeoutMs?: number): Promise<AppError> {
  const err = await pool.read(bytes, 'x.docx', { timeoutMs }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('reading pool', () => {
  it.each([
    ['crash.mjs', /stopped unexpectedly/, undefined],
    ['stray.mjs', /stopped unexpectedly/, undefined],
    ['hang.mjs', /longer than 1 s/, 1_000],
    ['greedy.mjs', /more memory than allowed/, undefined],
  ] as const)(
    '%s: the file gets a clear error, the process goes on',
    async (name, en, timeoutMs) => {
      const pool = new ReadPool({ size: 1, workerUrl: worker(name), resourceLimits: { maxOldGenerationSizeMb: 64 } });
      try {
        const err = await failure(pool, timeoutMs);
        expect(err.code).toBe('unusable-input');
        expect(err.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(err.en).toMatch(en);
        // The pool replaced its worker: the next file fails the same way, not with a dead pool.
        expect((await failure(pool, timeoutMs)).en).toMatch(en);
      } finally {
        await pool.close();
      }
    },
    60_000,
  );

  it('the real reader: a good file after a refused one, each its own answer', async () => {
    const pool = new ReadPool({ size: 1 });
    try {
      const refused = await pool.read(new TextEncoder().encode('%PDF-1.7\nnot really'), 'bad.pdf').then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(refused?.code).toBe('unusable-input');
      const doc = await pool.read(bytes, 'seed000.word.docx');
      expect(doc.department_code).toBe('434');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
