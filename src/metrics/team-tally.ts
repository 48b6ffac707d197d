// Running sums of one team: its queue entries (counted issues) and the time integrals of
// its agents and queue over [warmup, horizon).
import { ratio } from './tally.ts';

export class TeamTally {
  queueEntries = 0;
  waitSum = 0;
  answered = 0;
  answeredWaitSum = 0;
  answeredInTime = 0;
  abandoned = 0;
  transfersOut = 0;
  /** Callers of other teams' queues this team's agents took (overflow). */
  overflowIn = 0;
  // Time integrals over [warmup, horizon): agent-seconds busy within the staffing, busy
  // beyond it (overtime: finishing a call after a shift ended), staffed, and callers waiting.
  busyArea = 0;
  overtimeArea = 0;
  staffedArea = 0;
  waitingArea = 0;
  // The state since the last change.
  busy = 0;
  waiting = 0;
  onDuty = 0;
  lastChange = 0;

  /** The integrals cover [from, to): the replication's warm-up to its horizon. */
  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** The team's state changes now. */
  change(now: number, busy: number, waiting: number, onDuty: number): void {
    this.advance(now);
    this.busy = busy;
    this.waiting = waiting;
    this.onDuty = onDuty;
  }

  /** Adds the time since the last change, clipped to [from, to), to the integrals. */
  advance(now: number): void {
    // Fields read once, outside the branches: a branch first taken at the end of a run
    // (now past the horizon) must not meet a property read V8 has never seen, or the
    // optimized code of every caller is thrown away there.
    const from = this.from;
    const to = this.to;
    const last = this.lastChange;
    const start = last > from ? last : from;
    const end = now < to ? now : to;
    if (end > start) {
      const dt = end - start;
      const inDuty = this.busy < this.onDuty ? this.busy : this.onDuty;
      this.busyArea += inDuty * dt;
      this.overtimeArea += (this.busy - inDuty) * dt;
      this.staffedArea += this.onDuty * dt;
      this.waitingArea += this.waiting * dt;
    }
    this.lastChange = now;
  }

  /** The team metrics of the contract (and a few more) for a window of `window` seconds. */
  metrics(window: number, costPerHour: number | undefined): Record<string, number> {
    const agentHours = this.staffedArea / 3600;
    const entriesEnded = this.answered + this.abandoned;
    return {
      occupancy: ratio(this.busyArea, this.staffedArea),
      queueEntries: this.queueEntries,
      waitMean: ratio(this.waitSum, entriesEnded),
      asa: ratio(this.answeredWaitSum, this.answered),
      abandonRate: ratio(this.abandoned, entriesEnded),
      serviceLevel: ratio(this.answeredInTime, entriesEnded),
      transfersOut: this.transfersOut,
      overflowIn: this.overflowIn,
      agentHours,
      overtimeHours: this.overtimeArea / 3600,
      staffedCost: costPerHour === undefined ? NaN : costPerHour * agentHours,
      queueLength: ratio(this.waitingArea, window),
    };
  }
}
