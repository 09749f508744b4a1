// pdf.js reports what it skipped or could not decode as console warnings ("Warning: …"). While a PDF is
// read they are collected instead of printed: they tell an unknown filter or a skipped image (a scan)
// from a blank page. One console hook serves every read in progress in this thread.
const active = new Set<string[]>();
let original: typeof console.warn | null = null;

function hook(...args: unknown[]): void {
  const line = args.map(String).join(' ');
  if (line.startsWith('Warning: ')) for (const list of active) list.push(line.slice('Warning: '.length));
  else original?.(...args);
}

/** Starts collecting; `stop()` ends it and returns what pdf.js warned about meanwhile. */
export function collectPdfWarnings(): { list: string[]; stop(): string[] } {
  const list: string[] = [];
  if (active.size === 0) {
    original = console.warn;
    console.warn = hook;
  }
  active.add(list);
  return {
    list,
    stop() {
      if (active.delete(list) && active.size === 0 && original) {
        console.warn = original;
        original = null;
      }
      return list;
    },
  };
}

/** pdf.js removes every image above maxImageSize (all of them: the reader never draws) with this warning. */
export const IMAGE_SKIPPED = /Image exceeded maximum allowed size/i;
export const UNKNOWN_FILTER = /Filter ".*" is not supported|Unknown (stream )?filter|Unsupported filter/i;
