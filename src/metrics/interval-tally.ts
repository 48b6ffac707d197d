// Figures per interval of the day (`--interval`): offered calls, service level, abandonment,
// occupancy and agents on duty, over all calls, so a planner sees the peaks.
import type { IntervalMetric } from './metric-catalogue.ts';
import { abandonRate, ratio, serviceLevel, waitMean } from './queue-tally.ts';

/** One interval's metric values, with its bounds in seconds from the start of the run. */
export type IntervalValues = Record<IntervalMetric, number> & { readonly start: number; readonly end: number };

export class IntervalTally {
  readonly count: number;
  // Per interval, in typed arrays (V8 keeps their doubles unboxed): calls dialled, and the
  // queue counters of the entries that began in it (see queue-tally.ts).
  private readonly calls: Float64Array;
  private readonly answered: Float64Array;
  private readonly abandoned: Float64Array;
  private readonly answeredInTime: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly staffedArea: Float64Array;

  constructor(
    readonly length: number,
    private readonly horizon: number,
  ) {
    this.count = Math.ceil(horizon / length);
    const zeros = (): Float64Array => new Float64Array(this.count);
    this.calls = zeros();
    this.answered = zeros();
    this.abandoned = zeros();
    this.answeredInTime = zeros();
    this.waitSum = zeros();
    this.busyArea = zeros();
    this.staffedArea = zeros();
  }

  /** The interval of time t, or -1 from the horizon on (the last interval may be cut short). */
  private index(t: number): number {
    const k = Math.floor(t / this.length);
    return k < this.count && t < this.horizon ? k : -1;
  }

  callStarted(t: number): void {
    const k = this.index(t);
    if (k >= 0) this.calls[k]!++;
  }

  /** A queue entry that began at `entryTime` was answered after `wait`, within the service level or not. */
  answer(entryTime: number, wait: number, inTime: boolean): void {
    const k = this.index(entryTime);
    if (k < 0) return;
    this.answered[k]!++;
    this.waitSum[k]! += wait;
    if (inTime) this.answeredInTime[k]!++;
  }

  /** The caller of a queue entry that began at `entryTime` left the queue after `wait`. */
  abandon(entryTime: number, wait: number): void {
    const k = this.index(entryTime);
    if (k < 0) return;
    this.abandoned[k]!++;
    this.waitSum[k]! += wait;
  }

  /** `busy` (within the staffing) and `onDuty` agents held over [from, to), up to the horizon. */
  addLoad(from: number, to: number, busy: number, onDuty: number): void {
    let t = from;
    while (t < to) {
      const k = this.index(t);
      if (k < 0) return;
      const end = Math.min(to, this.end(k));
      this.busyArea[k]! += busy * (end - t);
      this.staffedArea[k]! += onDuty * (end - t);
      t = end;
    }
  }

  /** Per interval: metric values, in time order. */
  metrics(): IntervalValues[] {
    return Array.from({ length: this.count }, (_, k) => {
      const queue = {
        answered: this.answered[k]!,
        abandoned: this.abandoned[k]!,
        answeredInTime: this.answeredInTime[k]!,
        waitSum: this.waitSum[k]!,
      };
      return {
        start: k * this.length,
        end: this.end(k),
        calls: this.calls[k]!,
        serviceLevel: serviceLevel(queue),
        abandonRate: abandonRate(queue),
        waitMean: waitMean(queue),
        occupancy: ratio(this.busyArea[k]!, this.staffedArea[k]!),
        agents: this.staffedArea[k]! / (this.end(k) - k * this.length),
      };
    });
  }

  /** End of interval k: the last one stops at the horizon. */
  private end(k: number): number {
    return Math.min(this.horizon, (k + 1) * this.length);
  }
}
