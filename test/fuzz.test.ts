// Fuzz: ≥ 300 malformed variants of the fixtures (test/hostile/variants.ts, deterministic), read through the
// reading pool as the CLI and the imports read them. Each must end as a document or as the contract's
// exit 2 with one clear line (a reason in Chinese and in English, no raw JavaScript exception), within
// the time bound, with the process inside the memory bound; the documents that are read are checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMany } from '../main/readers/batch.js';
import { runChecks } from '../main/checks/index.js';
import { errorLine, exitCodeOf } from '../main/cli/format.js';
import { malformedVariants, type Variant } from './hostile/variants.js';

/** Per file: the reading deadline is 50 s; 60 s is what the contract promises. */
const TIME_BOUND_MS = 60_000;
/** The whole test process (two reading workers with 1 GB heaps each at most, and this thread). */
const MEMORY_BOUND_MB = 2_048;
/** The English half of a reason is written for people: none of a JavaScript engine's own messages. */
const RAW_EXCEPTION =
  /Cannot read prop|of undefined|of null|is not a function|is not iterable|Invalid typed array|Invalid array length|Maximum call stack|Unexpected token|TypeError|RangeError|SyntaxError|ReferenceError|\bat .*\(.*:\d+:\d+\)/;

let variants: Variant[];
let peakRss = 0;
let sampler: NodeJS.Timeout;

beforeAll(async () => {
  variants = await malformedVariants();
  sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
}, 120_000);

afterAll(() => clearInterval(sampler));

describe('fuzz: malformed variants of the fixtures', () => {
  it('are at least 300, the same on every run', async () => {
    expect(variants.length).toBeGreaterThanOrEqual(300);
    const again = await malformedVariants();
    expect(again.map((v) => `${v.name}:${v.bytes.length}`)).toEqual(variants.map((v) => `${v.name}:${v.bytes.length}`));
  });

  it('each ends as a document or as exit 2 with one clear line, in time and in memory', async () => {
    const problems: string[] = [];
    const outcomes = { read: 0, refused: 0 };
    let slowest = { name: '', ms: 0 };
    const results = await readMany(
      variants.map((v) => ({ fileName: v.name, bytes: v.bytes })),
      {
        onResult: (r) => {
          if (r.ms > slowest.ms) slowest = { name: r.item.fileName, ms: r.ms };
          if (r.ms > TIME_BOUND_MS) problems.push(`${r.item.fileName}: ${Math.round(r.ms)} ms`);
          if ('doc' in r) {
            outcomes.read++;
            try {
              runChecks(r.doc); // the CLI's `check` runs them on what was read
            } catch (err) {
              problems.push(`${r.item.fileName}: checks threw ${(err as Error).message}`);
            }
            return;
          }
          outcomes.refused++;
          const line = errorLine(r.error);
          if (exitCodeOf(r.error) !== 2) problems.push(`${r.item.fileName}: exit ${exitCodeOf(r.error)} (${line})`);
          if (line.includes('\n')) problems.push(`${r.item.fileName}: more than one line`);
          if (!/[\u4e00-\u9fff]/.test(r.error.zh)) problems.push(`${r.item.fileName}: no Chinese reason (${line})`);
          if (!/[A-Za-z]{4,}/.test(r.error.en) || RAW_EXCEPTION.test(r.error.en))
            problems.push(`${r.item.fileName}: English half is not a reason: ${r.error.en}`);
        },
      },
    );
    expect(results).toHaveLength(variants.length);
    console.log(
      `fuzz: ${variants.length} variants, ${outcomes.read} read, ${outcomes.refused} refused; slowest ${slowest.name} ${Math.round(slowest.ms)} ms; peak RSS ${Math.round(peakRss / 1e6)} MB`,
    );
    expect(problems).toEqual([]);
    expect(peakRss / 1e6).toBeLessThan(MEMORY_BOUND_MB);
  }, 900_000);
});
