// Largest and smallest of a list as a loop: Math.max(...list) passes every element as an argument and
// overflows the stack on the lists a file can make (hundreds of thousands of rows or runs).

/** The largest value (−Infinity for none, as Math.max()). */
export function maxOf<T>(items: Iterable<T>, value: (item: T) => number): number {
  let best = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (v > best || Number.isNaN(v)) best = v;
    if (Number.isNaN(best)) return NaN;
  }
  return best;
}

/** The smallest value (Infinity for none, as Math.min()). */
export function minOf<T>(items: Iterable<T>, value: (item: T) => number): number {
  let best = Infinity;
  for (const item of items) {
    const v = value(item);
    if (v < best || Number.isNaN(v)) best = v;
    if (Number.isNaN(best)) return NaN;
  }
  return best;
}
