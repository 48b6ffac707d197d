// The per-interval length a run gets when the page is left on "auto": the shortest usual
// length that cuts the horizon in at most 96 intervals (half hours over two days, hours over
// four), so the charts stay readable.
const LENGTHS = [900, 1800, 3600, 7200, 14_400, 86_400];
const MAX_INTERVALS = 96;

/** Seconds, or undefined for a horizon too long for any (no per-interval figures). */
export function autoInterval(horizon: number): number | undefined {
  return LENGTHS.find((length) => horizon / length <= MAX_INTERVALS);
}
