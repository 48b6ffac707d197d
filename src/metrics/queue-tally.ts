// Queue entries of one scope (an intent, a team, an interval of the day): the counters a
// queue entry adds to as it ends, and the formulas of the queue metrics from them. Each
// formula asks only for the counters it reads, so the per-interval figures, which keep
// their counters in typed arrays, use the same formulas.

/** What the queue metrics are computed from. */
export interface QueueCounts {
  /** Entries answered by an agent. */
  readonly answered: number;
  /** Entries that ended with the caller leaving the queue. */
  readonly abandoned: number;
  /** Time in queue of the entries that ended, answered or abandoned, seconds. */
  readonly waitSum: number;
  /** Time in queue of the answered entries, seconds. */
  readonly answeredWaitSum: number;
  /** Entries answered within the service-level threshold. */
  readonly answeredInTime: number;
  /** Entries that ended after waiting more than 0. */
  readonly waitedPositive: number;
}

/** Counters of one scope's queue entries; one object per scope, so counting allocates nothing. */
export class QueueTally implements QueueCounts {
  /** Times a caller joined a queue (entries still waiting at the end included). */
  queueEntries = 0;
  answered = 0;
  abandoned = 0;
  waitSum = 0;
  answeredWaitSum = 0;
  answeredInTime = 0;
  waitedPositive = 0;

  /** An entry was answered after `wait` seconds, within the service-level threshold or not. */
  answer(wait: number, inTime: boolean): void {
    this.answered++;
    this.waitSum += wait;
    this.answeredWaitSum += wait;
    if (inTime) this.answeredInTime++;
    if (wait > 0) this.waitedPositive++;
  }

  /** The caller left the queue after `wait` seconds. */
  abandon(wait: number): void {
    this.abandoned++;
    this.waitSum += wait;
    if (wait > 0) this.waitedPositive++;
  }

  /** Adds another scope's counters into this one. */
  add(other: QueueTally): void {
    this.queueEntries += other.queueEntries;
    this.answered += other.answered;
    this.abandoned += other.abandoned;
    this.waitSum += other.waitSum;
    this.answeredWaitSum += other.answeredWaitSum;
    this.answeredInTime += other.answeredInTime;
    this.waitedPositive += other.waitedPositive;
  }
}

/** Queue entries that ended (answered or abandoned): the denominator of entry shares. */
export function entriesEnded(q: Pick<QueueCounts, 'answered' | 'abandoned'>): number {
  return q.answered + q.abandoned;
}

/** Mean time in queue per ended entry, abandoned ones included. */
export function waitMean(q: Pick<QueueCounts, 'answered' | 'abandoned' | 'waitSum'>): number {
  return ratio(q.waitSum, entriesEnded(q));
}

/** Average speed of answer: mean time in queue of the answered entries. */
export function asa(q: Pick<QueueCounts, 'answered' | 'answeredWaitSum'>): number {
  return ratio(q.answeredWaitSum, q.answered);
}

/** Share of ended entries answered within the service-level threshold. */
export function serviceLevel(q: Pick<QueueCounts, 'answered' | 'abandoned' | 'answeredInTime'>): number {
  return ratio(q.answeredInTime, entriesEnded(q));
}

/** Share of ended entries abandoned. */
export function abandonRate(q: Pick<QueueCounts, 'answered' | 'abandoned'>): number {
  return ratio(q.abandoned, entriesEnded(q));
}

/** Share of ended entries that waited more than 0. */
export function pWait(q: Pick<QueueCounts, 'answered' | 'abandoned' | 'waitedPositive'>): number {
  return ratio(q.waitedPositive, entriesEnded(q));
}

/** a / b, or NaN ("no value this replication") when nothing was counted. */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
