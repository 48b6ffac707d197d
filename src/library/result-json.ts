// The types of a run's result as the JSON contract gives it: what `spoc run -f json` prints
// and what the library returns (a missing number is null, flow steps are labels).
import type { DesignMetric, GroupMetric, IntentMetric, IntervalMetric, TeamMetric } from '../metrics/metric-catalogue.ts';
import type { RunResult } from '../metrics/results.ts';
import { toJsonValue } from '../report/json.ts';

/** A metric's mean over replications and its 95% confidence interval (null: none can be formed). */
export interface EstimateJson {
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
}

/** Metric name -> estimate, in the catalogue's order. */
export type MetricTableJson<Name extends string = string> = Readonly<Partial<Record<Name, EstimateJson>>>;

export interface IntervalResultJson {
  /** Seconds from the start of the run; the last row, `after`, starts at the horizon and has `end: null`. */
  readonly start: number | null;
  readonly end: number | null;
  readonly metrics: MetricTableJson<IntervalMetric>;
}

export interface FlowJson {
  /** A step's labels: `Number 3631`, `IVR`, a team's name, an outcome. */
  readonly from: string;
  readonly to: string;
  /** Calls per replication along the step. */
  readonly calls: EstimateJson;
}

export interface DesignResultJson {
  readonly metrics: MetricTableJson<DesignMetric>;
  readonly byIntent: Readonly<Record<string, MetricTableJson<IntentMetric>>>;
  readonly byTeam: Readonly<Record<string, MetricTableJson<TeamMetric>>>;
  /** Only for teams of agent groups: per team, per group. */
  readonly byGroup?: Readonly<Record<string, Readonly<Record<string, MetricTableJson<GroupMetric>>>>>;
  /** Only when an interval length was asked for. */
  readonly byInterval?: readonly IntervalResultJson[];
  readonly waitDistribution?: readonly { readonly q: number; readonly seconds: EstimateJson }[];
  readonly flows?: readonly FlowJson[];
}

/** The paired difference design - baseline of one metric over the same replications. */
export interface ComparisonJson {
  readonly baseline: string;
  readonly design: string;
  readonly metric: DesignMetric;
  readonly diff: EstimateJson;
}

/** What made a result: never mix results whose provenance differs. */
export interface ProvenanceJson {
  /** The version of spoc-sim. */
  readonly spoc: string;
  /** SHA-256 of the scenario file's bytes, hexadecimal (`sha256sum FILE`); null: built in code. */
  readonly scenarioSha256: string | null;
  readonly seed: number;
  readonly replications: number;
}

/**
 * How a precision target ended: each design's 95% half-width of the metric (null: no
 * interval), and whether all are within the target (unmet: stopped at run.maxReplications).
 */
export interface PrecisionJson {
  readonly metric: string;
  /** In the metric's unit: seconds for times. */
  readonly target: number;
  readonly met: boolean;
  /** By design, in run order. */
  readonly halfWidths: Readonly<Record<string, number | null>>;
}

/** A run's result: `JSON.stringify(result, null, 2)` is the text of `spoc run -f json`. */
export interface RunResultJson {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  /** By design name, in run order (the first is the baseline). */
  readonly designs: Readonly<Record<string, DesignResultJson>>;
  readonly comparisons: readonly ComparisonJson[];
  /** Only with precision targets: this object for one target, an array of them, in the order given, for several. */
  readonly precision?: PrecisionJson | readonly PrecisionJson[];
  readonly provenance: ProvenanceJson;
}

/** The result in its contract shape, the very value the JSON output serialises. */
export const resultJson = (result: RunResult): RunResultJson => toJsonValue(result) as RunResultJson;
