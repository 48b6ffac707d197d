// Opening hours asked at times of a run (seconds since its start): is the line open, when
// does it next open, when does the opening close. Binary search over the week's ranges; a
// line always open answers at once, so runs without a calendar pay nothing.
import { SECONDS_PER_WEEK, type OpenHours } from '../scenario/index.ts';

/**
 * Asks opening hours about times of a run: seconds since its start, which falls `start`
 * seconds after a Monday 00:00.
 */
export class OpenHoursClock {
  private readonly opens: Float64Array;
  private readonly closes: Float64Array;
  readonly alwaysOpen: boolean;

  constructor(hours: OpenHours, private readonly start: number) {
    this.opens = Float64Array.from(hours.ranges, (r) => r.open);
    this.closes = Float64Array.from(hours.ranges, (r) => r.close);
    this.alwaysOpen = hours.ranges.length === 1 && this.opens[0] === 0 && this.closes[0] === SECONDS_PER_WEEK;
  }

  /** The line answers at time t. */
  isOpen(t: number): boolean {
    if (this.alwaysOpen) return true;
    const { second } = this.split(t);
    const i = this.lastOpeningAtOrBefore(second);
    return i >= 0 && second < this.closes[i]!;
  }

  /** The first time at or after t when the line is open (t itself when open). */
  nextOpening(t: number): number {
    if (this.alwaysOpen) return t;
    const { week, second } = this.split(t);
    const i = this.lastOpeningAtOrBefore(second);
    if (i >= 0 && second < this.closes[i]!) return t;
    const base = week * SECONDS_PER_WEEK - this.start;
    const next = i + 1;
    return next < this.opens.length ? base + this.opens[next]! : base + SECONDS_PER_WEEK + this.opens[0]!;
  }

  /**
   * When the opening that t falls in (or, when closed at t, the next one) closes;
   * Infinity when always open. An opening across Sunday midnight closes in the next week.
   */
  nextClosing(t: number): number {
    if (this.alwaysOpen) return Number.POSITIVE_INFINITY;
    const { week, second } = this.split(this.nextOpening(t));
    const i = this.lastOpeningAtOrBefore(second);
    const base = week * SECONDS_PER_WEEK - this.start;
    const wraps = this.closes[i] === SECONDS_PER_WEEK && this.opens[0] === 0;
    return wraps ? base + SECONDS_PER_WEEK + this.closes[0]! : base + this.closes[i]!;
  }

  /** The week of t (0: the week the run starts in) and t's second in it. */
  private split(t: number): { week: number; second: number } {
    const at = this.start + t;
    const week = Math.floor(at / SECONDS_PER_WEEK);
    return { week, second: at - week * SECONDS_PER_WEEK };
  }

  /** Index of the last range opening at or before `second` (-1: none). */
  private lastOpeningAtOrBefore(second: number): number {
    let lo = 0;
    let hi = this.opens.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.opens[mid]! <= second) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
