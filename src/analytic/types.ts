// Shared input and result shapes of the single-queue formulas (Erlang C, Erlang A, M/M/c/K).

/** One queue served by identical agents, first come first served, Poisson arrivals. */
export interface QueueInput {
  /** Arrival rate λ of callers joining the queue, per second. */
  readonly arrivalRate: number;
  /** Mean (exponential) service time s = 1/μ, seconds. */
  readonly meanService: number;
  /** Number of agents c, an integer >= 1. */
  readonly agents: number;
}

/**
 * Steady-state metrics of one queue, with the meanings the simulator uses for a queue entry
 * (a caller joining the queue). Shares are in [0, 1], times in seconds.
 */
export interface QueueMetrics {
  /** Number of agents c. */
  readonly agents: number;
  /** Offered load A = λ·s, Erlangs. */
  readonly load: number;
  /** Mean busy agents / c, a share (1 when the queue is unstable). */
  readonly occupancy: number;
  /** Share of queue entries that waited more than 0 (= P(all agents busy) on arrival). */
  readonly pWait: number;
  /** Mean time in queue per queue entry, abandoned ones included until they left, seconds. */
  readonly waitMean: number;
  /** Mean time in queue of answered queue entries, seconds. */
  readonly asa: number;
  /** Share of queue entries that abandoned. */
  readonly abandonRate: number;
  /** Share of arrivals turned away because the waiting room is full (0 without a limit). */
  readonly blocking: number;
  /** Mean number of callers waiting (not in service), Lq. */
  readonly queueLengthMean: number;
  /** False when the queue grows without bound (waits are then Infinity). */
  readonly stable: boolean;
  /** Share of queue entries answered within `threshold` seconds (abandoned ones count as not). */
  serviceLevel(threshold: number): number;
  /** P(time in queue > t) over all queue entries (abandoned ones by the time they left). */
  waitExceedance(t: number): number;
  /** The p-quantile (0 <= p < 1) of time in queue over all queue entries, seconds. */
  waitQuantile(p: number): number;
}
