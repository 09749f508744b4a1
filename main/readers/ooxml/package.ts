// An Office Open XML package (.docx, .xlsx): the ZIP read with yauzl, each part inflated as a stream and
// stopped the moment it passes its budget (per part and for the whole package), so a ZIP bomb costs a
// few megabytes and milliseconds instead of gigabytes. Declared sizes are checked before any inflating.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError, unusableInput } from '../../model/errors.js';
import { inflatesTooMuch, LIMITS, tooManyEntries } from '../limits.js';

export interface PackageBudget {
  part: number;
  total: number;
}

export interface OoxmlPackage {
  /** Part names as stored (forward slashes, no leading slash). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** Streams a part's inflated bytes to `sink`, chunk by chunk; false when the part is missing. */
  stream(name: string, sink: (chunk: Buffer) => void): Promise<boolean>;
  close(): void;
}

/** The package cannot be opened as a ZIP: damaged, truncated or not a ZIP at all. */
function damagedPackage(kind: string, cause: unknown): AppError {
  return unusableInput(`${kind} 文件已损坏或不完整（压缩包结构无法读取）`, `the ${kind} file is damaged or truncated (its ZIP structure cannot be read)`, {
    cause: cause instanceof Error ? cause.message : String(cause),
  });
}

function damagedPart(kind: string, part: string, cause: unknown): AppError {
  return unusableInput(`${kind} 文件已损坏（${part} 无法解压）`, `the ${kind} file is damaged (${part} cannot be inflated)`, {
    cause: cause instanceof Error ? cause.message : String(cause),
  });
}

const normalise = (name: string): string => name.replace(/^\/+/, '');

export async function openPackage(
  bytes: Uint8Array,
  kind: string,
  budget: PackageBudget = { part: LIMITS.partBytes, total: LIMITS.packageBytes },
): Promise<OoxmlPackage> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    throw damagedPackage(kind, err);
  }
  if (zip.entryCount > LIMITS.zipEntries) {
    zip.close();
    throw tooManyEntries(zip.entryCount);
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        const name = normalise(e.fileName);
        if (!entries.has(name) && !name.endsWith('/')) entries.set(name, e);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw damagedPackage(kind, err);
  }

  let inflated = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(normalise(name)),
    async stream(name, sink) {
      const entry = entries.get(normalise(name));
      if (!entry) return false;
      // The declared size is a promise the stream is held to (validateEntrySizes): refuse a large one now.
      if (entry.uncompressedSize > budget.part) throw inflatesTooMuch(name, budget.part);
      if (inflated + entry.uncompressedSize > budget.total) throw inflatesTooMuch(kind, budget.total);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (err) {
        throw damagedPart(kind, name, err);
      }
      await new Promise<void>((resolve, reject) => {
        let part = 0;
        let failed = false;
        const fail = (err: AppError) => {
          if (failed) return;
          failed = true;
          stream.destroy();
          reject(err);
        };
        stream.on('data', (chunk: Buffer) => {
          if (failed) return;
          part += chunk.length;
          inflated += chunk.length;
          if (part > budget.part) return fail(inflatesTooMuch(name, budget.part));
          if (inflated > budget.total) return fail(inflatesTooMuch(kind, budget.total));
          try {
            sink(chunk);
          } catch (err) {
            fail(err instanceof AppError ? err : damagedPart(kind, name, err));
          }
        });
        stream.once('end', () => {
          if (!failed) resolve();
        });
        stream.once('error', (err) => fail(damagedPart(kind, name, err)));
      });
      return true;
    },
    close: () => zip.close(),
  };
}
