// The largest and smallest of many numbers, by a loop: spreading a long array into
// Math.max or Math.min (one argument per element) overflows the call stack.

/** Math.max(start, ...values) for any number of values: NaN if any is NaN, 0 over -0. */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let best = start;
  for (const value of values) {
    if (value > best || Number.isNaN(value) || (value === 0 && Object.is(best, -0))) best = value;
    if (Number.isNaN(best)) return best;
  }
  return best;
}

/** Math.min(start, ...values) for any number of values: NaN if any is NaN, -0 under 0. */
export function minOf(values: Iterable<number>, start = Infinity): number {
  let best = start;
  for (const value of values) {
    if (value < best || Number.isNaN(value) || (Object.is(value, -0) && best === 0)) best = value;
    if (Number.isNaN(best)) return best;
  }
  return best;
}
