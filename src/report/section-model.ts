// The model of a report's sections that every layout reads: columns, cells, rows and sections.
import type { MetricInfo, MetricUnit } from '../metrics/metric-catalogue.ts';
import type { Estimate } from '../metrics/results.ts';

/** A design's figures. */
export interface DesignColumn {
  readonly kind: 'design';
  /** The design's name as the scenario spells it. */
  readonly design: string;
  /** Position in the run's design order (the HTML colours designs by it). */
  readonly index: number;
  /** Shown as the baseline: the first of several designs, which every Δ is against. */
  readonly baseline: boolean;
}

/** A design's paired difference from the baseline. */
export interface DifferenceColumn {
  readonly kind: 'difference';
  readonly design: string;
  readonly baseline: string;
}

/** One metric's figures (per-interval sections: a row per interval, a column per metric). */
export interface MetricColumn {
  readonly kind: 'metric';
  readonly metric: MetricInfo;
}

export type Column = DesignColumn | DifferenceColumn | MetricColumn;

/** An estimate under a design or metric column: `text` is `mean ± half-width`, or the mean alone. */
export interface ValueCell {
  readonly kind: 'value';
  readonly estimate: Estimate | undefined;
  readonly unit: MetricUnit;
  readonly text: string;
}

/** A paired difference under a difference column: `text` is `+1.2 pp ± 0.8 pp *`. */
export interface DifferenceCell {
  readonly kind: 'difference';
  readonly estimate: Estimate | undefined;
  readonly unit: MetricUnit;
  readonly text: string;
  /** The signed mean alone, `+1.2 pp`, for layouts without room for the interval. */
  readonly meanText: string;
  /** Its 95% interval excludes 0. */
  readonly significant: boolean;
}

export type Cell = ValueCell | DifferenceCell;

export interface Row {
  readonly label: string;
  /** The metric the row shows (null for a row per interval). */
  readonly metric: MetricInfo | null;
  /** One cell per column of the section, in column order. */
  readonly cells: readonly Cell[];
}

interface SectionHead {
  readonly title: string;
  /** Header of the label column: what a row is (`Metric`, `Interval`). */
  readonly rowHeader: string;
  /** Design columns first, then difference columns; or metric columns. */
  readonly columns: readonly Column[];
}

/** Design metrics, or one design's figures per interval: rows without groups. */
export interface FlatSection<K extends 'designs' | 'intervals' = 'designs' | 'intervals'> extends SectionHead {
  readonly kind: K;
  readonly rows: readonly Row[];
}

/** Teams or intents: each group (a team, an intent) with its metric rows; never empty. */
export interface GroupedSection<K extends 'teams' | 'intents' = 'teams' | 'intents'> extends SectionHead {
  readonly kind: K;
  /** Header of the group column (`Team`, `Intent`). */
  readonly groupHeader: string;
  readonly groups: readonly { readonly name: string; readonly rows: readonly Row[] }[];
}

export type Section = FlatSection<'designs'> | GroupedSection<'teams'> | FlatSection<'intervals'> | GroupedSection<'intents'>;

export type SectionKind = Section['kind'];
