// Figures per interval of the day (`--interval`): offered calls, service level, abandonment,
// occupancy and agents on duty, over all calls, so a planner sees the peaks.
import { ratio } from './tally.ts';

export class IntervalTally {
  readonly count: number;
  private readonly calls: Float64Array;
  private readonly entriesEnded: Float64Array;
  private readonly answeredInTime: Float64Array;
  private readonly abandoned: Float64Array;
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
    this.entriesEnded = zeros();
    this.answeredInTime = zeros();
    this.abandoned = zeros();
    this.waitSum = zeros();
    this.busyArea = zeros();
    this.staffedArea = zeros();
  }

  /** The interval of time t, or -1 past the last one. */
  private index(t: number): number {
    const k = Math.floor(t / this.length);
    return k < this.count ? k : -1;
  }

  callStarted(t: number): void {
    const k = this.index(t);
    if (k >= 0) this.calls[k]!++;
  }

  /** A queue entry that began at `entryTime` ended after `wait` (answered in time or not, or abandoned). */
  entryEnded(entryTime: number, wait: number, inTime: boolean, abandoned: boolean): void {
    const k = this.index(entryTime);
    if (k < 0) return;
    this.entriesEnded[k]!++;
    this.waitSum[k]! += wait;
    if (inTime) this.answeredInTime[k]!++;
    if (abandoned) this.abandoned[k]!++;
  }

  /** `busy` (within the staffing) and `onDuty` agents held over [from, to). */
  addLoad(from: number, to: number, busy: number, onDuty: number): void {
    let t = from;
    while (t < to) {
      const k = this.index(t);
      if (k < 0) return;
      const end = Math.min(to, (k + 1) * this.length);
      this.busyArea[k]! += busy * (end - t);
      this.staffedArea[k]! += onDuty * (end - t);
      t = end;
    }
  }

  /** Per interval: metric values, in time order. */
  metrics(): Record<string, number>[] {
    return Array.from({ length: this.count }, (_, k) => ({
      start: k * this.length,
      end: this.end(k),
      calls: this.calls[k]!,
      serviceLevel: ratio(this.answeredInTime[k]!, this.entriesEnded[k]!),
      abandonRate: ratio(this.abandoned[k]!, this.entriesEnded[k]!),
      waitMean: ratio(this.waitSum[k]!, this.entriesEnded[k]!),
      occupancy: ratio(this.busyArea[k]!, this.staffedArea[k]!),
      agents: this.staffedArea[k]! / (this.end(k) - k * this.length),
    }));
  }

  /** End of interval k: the last one stops at the horizon. */
  private end(k: number): number {
    return Math.min(this.horizon, (k + 1) * this.length);
  }
}
