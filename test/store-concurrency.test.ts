// Two processes importing at the same moment (a start barrier), 20 rounds each: two different files into a
// fresh archive are both stored; the same file twice is stored once and the other answer is "already
// stored" — never "database is locked", a UNIQUE error, or a false "damaged archive".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import Database from 'better-sqlite3';
import { fixture, ROOT, tempDir } from './helpers/paths.js';

const ROUNDS = 20;

interface Child {
  proc: ChildProcessWithoutNullStreams;
  next(): Promise<Record<string, unknown>>;
}

function startChild(): Child {
  const proc = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'test', 'helpers', 'concurrent-import.ts')],
    { stdio: 'pipe' },
  );
  const answers: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: proc.stdout }).on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else answers.push(line);
  });
  return {
    proc,
    next: () =>
      new Promise((resolve) => {
        const line = answers.shift();
        if (line !== undefined) resolve(JSON.parse(line));
        else waiting.push((l) => resolve(JSON.parse(l)));
      }),
  };
}

let a: Child;
let b: Child;

beforeAll(() => {
  a = startChild();
  b = startChild();
});

afterAll(() => {
  for (const c of [a, b]) c?.proc.stdin.end();
});

/** One round: both children import at the same instant; their two answers. */
async function round(db: string, fileA: string, fileB: string): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const start = Date.now() + 300;
  a.proc.stdin.write(['go', db, fileA, start].join('\t') + '\n');
  b.proc.stdin.write(['go', db, fileB, start].join('\t') + '\n');
  return Promise.all([a.next(), b.next()]);
}

function archiveState(db: string): { submissions: number; files: number; integrity: string } {
  const conn = new Database(db, { readonly: true });
  try {
    return {
      submissions: (conn.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n,
      files: (conn.prepare('SELECT COUNT(*) AS n FROM source_files').get() as { n: number }).n,
      integrity: conn.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    conn.close();
  }
}

describe('concurrent imports (two processes, start barrier)', () => {
  it(`two different files into a fresh archive: both stored, ${ROUNDS} of ${ROUNDS}`, async () => {
    const dir = tempDir('budget-race-');
    const failures: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const db = path.join(dir, `fresh-${i}.sqlite`);
      const [x, y] = await round(db, fixture('docs', 'seed000.word.docx'), fixture('docs', 'seed002.excel.xlsx'));
      const state = archiveState(db);
      if (x.status !== 'stored' || y.status !== 'stored' || state.submissions !== 2 || state.integrity !== 'ok')
        failures.push(`round ${i}: ${JSON.stringify({ x, y, state })}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it(`the same file twice at once: stored once, the other "already stored", ${ROUNDS} of ${ROUNDS}`, async () => {
    const dir = tempDir('budget-race-');
    const failures: string[] = [];
    const file = fixture('docs', 'seed000.word.docx');
    for (let i = 0; i < ROUNDS; i++) {
      const db = path.join(dir, `same-${i}.sqlite`);
      const answers = await round(db, file, file);
      const statuses = answers.map((r) => r.status).sort();
      const state = archiveState(db);
      if (statuses.join() !== 'duplicate,stored' || state.submissions !== 1 || state.files !== 1 || state.integrity !== 'ok')
        failures.push(`round ${i}: ${JSON.stringify({ answers, state })}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
