// Streaming histogram of waiting times for percentiles in fixed memory.

/** Lower edge of the first log-spaced bucket, seconds (1 ms). */
export const HISTOGRAM_MIN_SECONDS = 1e-3;
/** Ratio of the upper to the lower bound of every log-spaced bucket. */
export const HISTOGRAM_BUCKET_RATIO = 1.01;
/** Number of log-spaced buckets: enough to reach 10^8 s from 1 ms. */
export const HISTOGRAM_LOG_BUCKETS = Math.ceil(Math.log(1e8 / HISTOGRAM_MIN_SECONDS) / Math.log(HISTOGRAM_BUCKET_RATIO));
/** Upper edge of the last log-spaced bucket, seconds (about 1.005e8). */
export const HISTOGRAM_MAX_SECONDS = HISTOGRAM_MIN_SECONDS * HISTOGRAM_BUCKET_RATIO ** HISTOGRAM_LOG_BUCKETS;
/**
 * Largest relative error of a reported quantile whose observation lies in
 * [HISTOGRAM_MIN_SECONDS, HISTOGRAM_MAX_SECONDS): sqrt(1.01) - 1, just under 0.5%.
 */
export const HISTOGRAM_RELATIVE_ERROR = Math.sqrt(HISTOGRAM_BUCKET_RATIO) - 1;

const LOG_MIN = Math.log(HISTOGRAM_MIN_SECONDS);
const LOG_RATIO = Math.log(HISTOGRAM_BUCKET_RATIO);
const INV_LOG_RATIO = 1 / LOG_RATIO;
const MIN = HISTOGRAM_MIN_SECONDS;
const TOP = HISTOGRAM_MAX_SECONDS;
/** Slot 0: (0, 1 ms); slots 1..LOG_BUCKETS: log-spaced buckets; last slot: overflow. */
const SLOTS = HISTOGRAM_LOG_BUCKETS + 2;
const OVERFLOW = SLOTS - 1;

/**
 * A streaming histogram of non-negative durations in seconds, answering quantile queries
 * (e.g. the 90th percentile of waiting time) in fixed memory whatever the number of
 * observations.
 *
 * Layout:
 *  - exact zeros are counted separately (many waits are exactly 0 and report as exactly 0);
 *  - values in (0, 1 ms) share one underflow bucket;
 *  - values in [1 ms, ~1.005·10^8 s) fall in 2,546 log-spaced buckets, each with upper
 *    bound exactly 1.01 times its lower bound (so the bounds are within 1% of each other);
 *  - larger values, including +Infinity, share one overflow bucket.
 *
 * Accuracy: `quantile(q)` finds the bucket holding the sample's q-quantile (the smallest
 * observation x such that at least q·n observations are ≤ x) and reports that bucket's
 * geometric midpoint, clamped to the smallest and largest positive values seen. For a
 * q-quantile in [1 ms, 10^8 s] the relative error is at most sqrt(1.01) - 1 ≈ 0.499%
 * (up to floating-point rounding at bucket edges); a zero quantile is exactly 0; one in
 * the underflow bucket is reported as 0.5 ms, clamped likewise (absolute error < 0.5 ms),
 * and one in the overflow bucket as the largest value seen. The smallest and the largest
 * observation (q = 0 and q = 1) are reported exactly.
 *
 * Memory: the counts are one Float64Array of 2,548 slots allocated once, 20,384 bytes,
 * plus a few numbers; 64-bit float counts stay exact up to 2^53 observations, where
 * 32-bit counts would wrap after about 4.3·10^9.
 *
 * Cost: `add` does one comparison chain, at most one Math.log and one typed-array
 * increment, and never allocates. `quantile` and `count` scan the 2,548 slots.
 */
export class WaitHistogram {
  private readonly counts = new Float64Array(SLOTS);
  private zeros = 0;
  private minPositive = Infinity;
  private maxPositive = -Infinity;

  /** Number of observations added (including zeros). */
  get count(): number {
    let n = this.zeros;
    for (let i = 0; i < SLOTS; i++) n += this.counts[i]!;
    return n;
  }

  /** Records one duration in seconds. Throws a RangeError for a negative value or NaN. */
  add(seconds: number): void {
    if (seconds > 0) {
      // One increment for every bucket: a rarely taken branch with an access of its own would
      // throw away the optimized code of the callers the first time it is taken.
      this.counts[seconds < MIN ? 0 : seconds < TOP ? 1 + (((Math.log(seconds) - LOG_MIN) * INV_LOG_RATIO) | 0) : OVERFLOW]!++;
      if (seconds < this.minPositive) this.minPositive = seconds;
      if (seconds > this.maxPositive) this.maxPositive = seconds;
    } else if (seconds === 0) {
      this.zeros++;
    } else {
      invalidDuration(seconds);
    }
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) of the durations added, to the accuracy stated on the class;
   * NaN when the histogram is empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`WaitHistogram.quantile: q must be in [0, 1], got ${q}`);
    const n = this.count;
    if (n === 0) return NaN;
    // Rank of the sample quantile, 1-based; the factor guards q·n against rounding just
    // above an integer (0.3 · 10 = 3.0000000000000004).
    const rank = Math.min(n, Math.max(1, Math.ceil(q * n * (1 - 1e-12))));
    if (rank <= this.zeros) return 0;
    if (rank === this.zeros + 1) return this.minPositive;
    if (rank === n) return this.maxPositive;
    let cumulative = this.zeros;
    for (let i = 0; i < SLOTS; i++) {
      cumulative += this.counts[i]!;
      if (cumulative >= rank) return this.representative(i);
    }
    return this.maxPositive;
  }

  /** Adds every observation of `other` to this histogram (as if each had been added here). */
  merge(other: WaitHistogram): void {
    const mine = this.counts;
    const theirs = other.counts;
    for (let i = 0; i < SLOTS; i++) mine[i]! += theirs[i]!;
    this.zeros += other.zeros;
    if (other.minPositive < this.minPositive) this.minPositive = other.minPositive;
    if (other.maxPositive > this.maxPositive) this.maxPositive = other.maxPositive;
  }

  /** Empties the histogram, keeping its memory. */
  reset(): void {
    this.counts.fill(0);
    this.zeros = 0;
    this.minPositive = Infinity;
    this.maxPositive = -Infinity;
  }

  private representative(slot: number): number {
    let value: number;
    if (slot === 0) value = MIN / 2;
    else if (slot === OVERFLOW) value = this.maxPositive;
    else value = Math.exp(LOG_MIN + (slot - 0.5) * LOG_RATIO);
    if (value < this.minPositive) value = this.minPositive;
    if (value > this.maxPositive) value = this.maxPositive;
    return value;
  }
}

// Out of line, so that `add` stays small enough to be inlined where waits are counted.
function invalidDuration(seconds: number): never {
  throw new RangeError(`WaitHistogram.add: duration must be a non-negative number, got ${seconds}`);
}
