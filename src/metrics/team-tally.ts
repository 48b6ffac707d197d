// Running sums of one team: its queue entries (counted issues) and the time integrals of
// its agents and queue over [warmup, horizon).
import type { TeamMetric } from './metric-catalogue.ts';
import { QueueTally, abandonRate, asa, ratio, serviceLevel, waitMean } from './queue-tally.ts';

const BUSY = 0;
const OVERTIME = 1;
const STAFFED = 2;
const WAITING = 3;
const LAST = 4;
const FROM = 5;
const TO = 6;

export class TeamTally {
  /** Entries of this team's queue (whichever team's agent answered them). */
  readonly queue = new QueueTally();
  transfersOut = 0;
  /** Callers of other teams' queues this team's agents took (overflow). */
  overflowIn = 0;
  // Time integrals over [warmup, horizon) and the time of the last change, in one typed
  // array: V8 keeps its doubles unboxed. Busy within the staffing, busy beyond it
  // (overtime: finishing a call after a shift ended), staffed, and callers waiting.
  private readonly sums = new Float64Array(7);
  // The state since the last change.
  busy = 0;
  waiting = 0;
  onDuty = 0;

  /** The integrals cover [from, to): the replication's warm-up to its horizon. */
  constructor(from: number, to: number) {
    this.sums[FROM] = from;
    this.sums[TO] = to;
  }

  get lastChange(): number {
    return this.sums[LAST]!;
  }

  /** The team's state changes now. */
  change(now: number, busy: number, waiting: number, onDuty: number): void {
    this.advance(now);
    this.busy = busy;
    this.waiting = waiting;
    this.onDuty = onDuty;
  }

  /** Adds the time since the last change, clipped to [from, to), to the integrals. */
  advance(now: number): void {
    const sums = this.sums;
    const from = sums[FROM]!;
    const to = sums[TO]!;
    const last = sums[LAST]!;
    const start = last > from ? last : from;
    const end = now < to ? now : to;
    if (end > start) {
      const dt = end - start;
      const busy = this.busy;
      const onDuty = this.onDuty;
      // Agents busy beyond the staffing (overtime) are rare: a branch that is almost never
      // taken costs less than choosing the smaller of two numbers that are often equal.
      if (busy > onDuty) {
        sums[BUSY]! += onDuty * dt;
        sums[OVERTIME]! += (busy - onDuty) * dt;
      } else {
        sums[BUSY]! += busy * dt;
      }
      sums[STAFFED]! += onDuty * dt;
      sums[WAITING]! += this.waiting * dt;
    }
    sums[LAST] = now;
  }

  /** The team metrics of the contract (and a few more) for a window of `window` seconds. */
  metrics(window: number, costPerHour: number | undefined): Record<TeamMetric, number> {
    const agentHours = this.sums[STAFFED]! / 3600;
    const q = this.queue;
    return {
      occupancy: ratio(this.sums[BUSY]!, this.sums[STAFFED]!),
      queueEntries: q.queueEntries,
      waitMean: waitMean(q),
      asa: asa(q),
      abandonRate: abandonRate(q),
      serviceLevel: serviceLevel(q),
      transfersOut: this.transfersOut,
      overflowIn: this.overflowIn,
      agentHours,
      overtimeHours: this.sums[OVERTIME]! / 3600,
      staffedCost: costPerHour === undefined ? NaN : costPerHour * agentHours,
      queueLength: ratio(this.sums[WAITING]!, window),
    };
  }
}
