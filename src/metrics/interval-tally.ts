// Figures per interval of the day (`--interval`) over the design's own population (counted
// issues and all their calls), so that the rows add up to the design: each call and queue
// entry is keyed by the time it joined a queue, entries after the horizon by a last row,
// `after`. Occupancy and agents on duty are time-based: clock time, the drain in `after`.
import type { IntervalMetric } from './metric-catalogue.ts';
import { abandonRate, ratio, serviceLevel, waitMean } from './queue-tally.ts';

/**
 * One interval's metric values, with its bounds in seconds from the start of the run; the
 * last row (`after`, the drain) starts at the horizon and has no end (`end: null`).
 */
export type IntervalValues = Record<IntervalMetric, number> & { readonly start: number; readonly end: number | null };

export class IntervalTally {
  /** Intervals of the day, the `after` row aside. */
  readonly count: number;
  // Per row (the intervals, then `after`), in typed arrays (V8 keeps their doubles
  // unboxed): calls, queue entries, and the counters of the entries that began in it (see
  // queue-tally.ts); busy and staffed agent-seconds.
  private readonly calls: Float64Array;
  private readonly queueEntries: Float64Array;
  private readonly answered: Float64Array;
  private readonly abandoned: Float64Array;
  private readonly answeredInTime: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly staffedArea: Float64Array;
  /** The latest time load was added up to: the end of the drain once the run ended. */
  private loadEnd: number;

  constructor(
    readonly length: number,
    private readonly horizon: number,
  ) {
    this.count = Math.ceil(horizon / length);
    const zeros = (): Float64Array => new Float64Array(this.count + 1);
    this.calls = zeros();
    this.queueEntries = zeros();
    this.answered = zeros();
    this.abandoned = zeros();
    this.answeredInTime = zeros();
    this.waitSum = zeros();
    this.busyArea = zeros();
    this.staffedArea = zeros();
    this.loadEnd = horizon;
  }

  /** The row of time t: its interval, or `after` (index `count`) from the horizon on. */
  private index(t: number): number {
    if (t >= this.horizon) return this.count;
    return Math.min(Math.floor(t / this.length), this.count - 1);
  }

  /** A call dialled at `dialTime`; it stays there unless it joins a queue (see queueJoined). */
  callStarted(dialTime: number): void {
    this.calls[this.index(dialTime)]!++;
  }

  /**
   * A queue entry begins at `entryTime`; the call's first (`firstOfCall`) moves the call
   * from the interval it was dialled in (`dialTime`) to this one.
   */
  queueJoined(dialTime: number, entryTime: number, firstOfCall: boolean): void {
    const k = this.index(entryTime);
    this.queueEntries[k]!++;
    if (!firstOfCall) return;
    this.calls[this.index(dialTime)]!--;
    this.calls[k]!++;
  }

  /** A queue entry that began at `entryTime` was answered after `wait`, within the service level or not. */
  answer(entryTime: number, wait: number, inTime: boolean): void {
    const k = this.index(entryTime);
    this.answered[k]!++;
    this.waitSum[k]! += wait;
    if (inTime) this.answeredInTime[k]!++;
  }

  /** The caller of a queue entry that began at `entryTime` left the queue after `wait`. */
  abandon(entryTime: number, wait: number): void {
    const k = this.index(entryTime);
    this.abandoned[k]!++;
    this.waitSum[k]! += wait;
  }

  /** `busy` (within the staffing) and `onDuty` agents held over [from, to); past the horizon, in `after`. */
  addLoad(from: number, to: number, busy: number, onDuty: number): void {
    if (to > this.loadEnd) this.loadEnd = to;
    let t = from;
    while (t < to) {
      const k = this.index(t);
      const end = k === this.count ? to : Math.min(to, this.end(k));
      this.busyArea[k]! += busy * (end - t);
      this.staffedArea[k]! += onDuty * (end - t);
      t = end;
    }
  }

  /** Per row: metric values, the intervals in time order, then `after`. */
  metrics(): IntervalValues[] {
    return Array.from({ length: this.count + 1 }, (_, k) => {
      const queue = {
        answered: this.answered[k]!,
        abandoned: this.abandoned[k]!,
        answeredInTime: this.answeredInTime[k]!,
        waitSum: this.waitSum[k]!,
      };
      const after = k === this.count;
      const start = after ? this.horizon : k * this.length;
      return {
        start,
        end: after ? null : this.end(k),
        calls: this.calls[k]!,
        queueEntries: this.queueEntries[k]!,
        serviceLevel: serviceLevel(queue),
        abandonRate: abandonRate(queue),
        waitMean: waitMean(queue),
        occupancy: ratio(this.busyArea[k]!, this.staffedArea[k]!),
        // The drain lasts until the run ended: no agents when it did not last at all.
        agents: ratio(this.staffedArea[k]!, (after ? this.loadEnd : this.end(k)) - start),
      };
    });
  }

  /** End of interval k: the last one stops at the horizon. */
  private end(k: number): number {
    return Math.min(this.horizon, (k + 1) * this.length);
  }
}
