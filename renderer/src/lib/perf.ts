// Performance marks for the two budgets the workstation promises: opening a submission (< 200 ms) and a
// corrected cell re-checked and repainted (< 100 ms). Measured after the browser has painted the result.

/** Starts a measurement now; the returned function ends it after the next paint. */
export function startMeasure(name: string): () => void {
  const start = `${name}:start:${performance.now()}`;
  performance.mark(start);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    // Two frames: the first runs before the paint of the committed DOM, the second after it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.measure(name, start);
        performance.clearMarks(start);
      }),
    );
  };
}

/** The durations measured so far under `name`, in ms. */
export function measured(name: string): number[] {
  return performance.getEntriesByName(name, 'measure').map((e) => Math.round(e.duration * 10) / 10);
}

let pendingOpen: (() => void) | null = null;

/** The auditor asked to open a submission: the clock runs until its first table has painted. */
export function beginOpen(): void {
  pendingOpen = startMeasure('open-submission');
}

/** The open measurement in progress (a reload straight into a submission starts it at mount). */
export function takeOpen(): () => void {
  const end = pendingOpen ?? startMeasure('open-submission');
  pendingOpen = null;
  return end;
}

/** Measures a call to the core on its own (request to parsed answer), beside the measure that includes painting. */
export async function timed<T>(name: string, p: Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await p;
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
