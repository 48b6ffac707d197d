// The shape of a run's results across replications: what every output format renders.
// Mirrors the JSON output of the scenario-format contract.
import type { FlowNode } from './flow-node.ts';
import type { DesignMetric, GroupMetric, IntentMetric, IntervalMetric, TeamMetric } from './metric-catalogue.ts';

/** A metric's mean over replications with its 95% Student-t confidence interval. */
export interface Estimate {
  readonly mean: number;
  /** null when fewer than two replications give a value (no interval can be formed). */
  readonly ci95: readonly [number, number] | null;
}

/**
 * Metric name -> estimate, in a fixed, documented order (see metric-catalogue.ts); typed
 * by the names of its level (`MetricTable<TeamMetric>`) where the level is known.
 */
export type MetricTable<Name extends string = string> = Readonly<Partial<Record<Name, Estimate>>>;

export interface DesignResult {
  readonly metrics: MetricTable<DesignMetric>;
  readonly byIntent: Readonly<Record<string, MetricTable<IntentMetric>>>;
  readonly byTeam: Readonly<Record<string, MetricTable<TeamMetric>>>;
  /** Per team of agent groups, per group, in file order; absent when no team has groups. */
  readonly byGroup?: Readonly<Record<string, Readonly<Record<string, MetricTable<GroupMetric>>>>>;
  /**
   * Per interval of the day, in time order, then the drain after the horizon (`end: null`),
   * when an interval length was asked for.
   */
  readonly byInterval?: readonly IntervalResult[];
  /** Quantiles of the time in queue per queue entry, by increasing level. */
  readonly waitDistribution?: readonly { readonly q: number; readonly seconds: Estimate }[];
  /** Calls per replication along each step of the design: number → IVR → teams → outcome. */
  readonly flows?: readonly Flow[];
}

export interface Flow {
  readonly from: FlowNode;
  readonly to: FlowNode;
  readonly calls: Estimate;
}

export interface IntervalResult {
  /**
   * Start and end of the interval, seconds from the start of the run; the last row, `after`,
   * starts at the horizon and has no end (null): what joined a queue while the run drained.
   */
  readonly start: number;
  readonly end: number | null;
  readonly metrics: MetricTable<IntervalMetric>;
}

/** Paired difference design - baseline of one metric over the same replications. */
export interface Comparison {
  readonly baseline: string;
  readonly design: string;
  readonly metric: DesignMetric;
  readonly diff: Estimate;
}

/** What a result was made by and from, so that results of other origins are never mixed. */
export interface Provenance {
  /** The version of spoc-sim. */
  readonly spoc: string;
  /** SHA-256 of the scenario file's bytes (null: a scenario built in code). */
  readonly scenarioSha256: string | null;
  readonly seed: number;
  readonly replications: number;
}

/**
 * How a precision target (run.precision, --precision) ended: each design's 95% half-width
 * of the metric, and whether every one is at most the target. Unmet means the run stopped
 * at run.maxReplications first.
 */
export interface PrecisionResult {
  readonly metric: string;
  /** The target half-width, in the metric's unit (seconds for times). */
  readonly target: number;
  readonly met: boolean;
  /** By design, in run order; null where no interval could be formed. */
  readonly halfWidths: Readonly<Record<string, number | null>>;
}

export interface RunResult {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly designs: Readonly<Record<string, DesignResult>>;
  readonly comparisons: readonly Comparison[];
  readonly provenance: Provenance;
  /** One per precision target, in the order given; absent when the run had none. */
  readonly precision?: readonly PrecisionResult[];
  /**
   * Seconds after Monday 00:00 at the start of a run placed in the week (its file gives
   * run.start or a calendar): tables and reports name intervals by day and clock time
   * from it ("Tue 09:30"). Absent otherwise; not part of the JSON.
   */
  readonly weekStart?: number;
}
