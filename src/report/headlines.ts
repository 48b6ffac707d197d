// The verdict of a run, one line per key metric: which design does best, and its paired
// difference from the baseline with the 95% interval, so that a reader who does not scan
// the table still gets the answer and how sure it is.
import type { DesignMetric, MetricInfo } from '../metrics/metric-catalogue.ts';
import type { Estimate, RunResult } from '../metrics/results.ts';
import { formatDifference, formatDifferenceEstimate, formatValue, isSignificant } from './format-number.ts';
import { DESIGN_METRICS, comparisonLookup, designNames, lookup, metricInfo } from './metric-order.ts';

/** Which way a metric is better. */
export type Better = 'higher' | 'lower';

/** The key metrics of the verdict, in this order, and which way each is better. */
export const HEADLINE_DIRECTIONS: readonly { readonly metric: DesignMetric; readonly better: Better }[] = [
  { metric: 'serviceLevel', better: 'higher' },
  { metric: 'waitMean', better: 'lower' },
  { metric: 'abandonRate', better: 'lower' },
  { metric: 'fcr', better: 'higher' },
  { metric: 'resolvedShare', better: 'higher' },
  { metric: 'contactsPerIssue', better: 'lower' },
  { metric: 'costPerResolved', better: 'lower' },
];

export interface Headline {
  readonly metric: MetricInfo;
  readonly better: Better;
  /** The design with the best mean (the first of equals). */
  readonly best: string;
  readonly baseline: string;
  /**
   * The design whose paired difference from the baseline is given: the best one, or when
   * the baseline is best, the next best.
   */
  readonly compared: string;
  readonly means: { readonly best: number; readonly baseline: number; readonly compared: number };
  /** Paired difference compared − baseline over the same replications. */
  readonly difference: Estimate | undefined;
  /** The difference's 95% interval excludes 0. */
  readonly clear: boolean;
}

/**
 * The verdict per key metric: none with a single design, and none for a metric fewer than
 * two designs have a value for or every design has the same mean for.
 */
export function runHeadlines(result: RunResult): Headline[] {
  const designs = designNames(result);
  const baseline = designs[0];
  if (baseline === undefined || designs.length < 2) return [];
  const diff = comparisonLookup(result, baseline);
  return HEADLINE_DIRECTIONS.flatMap(({ metric, better }): Headline[] => {
    const means = designs.flatMap((design) => {
      const mean = lookup(result.designs, design)?.metrics[metric]?.mean;
      return mean !== undefined && Number.isFinite(mean) ? [{ design, mean }] : [];
    });
    const base = means.find((entry) => entry.design === baseline);
    if (base === undefined || means.length < 2 || means.every((entry) => entry.mean === base.mean)) return [];
    const ranked = [...means].sort((a, b) => (better === 'higher' ? b.mean - a.mean : a.mean - b.mean));
    const best = ranked[0]!;
    const compared = best.design === baseline ? ranked[1]! : best;
    const difference = diff(compared.design, metric);
    return [
      {
        metric: metricInfo(metric, DESIGN_METRICS),
        better,
        best: best.design,
        baseline,
        compared: compared.design,
        means: { best: best.mean, baseline: base.mean, compared: compared.mean },
        difference,
        clear: isSignificant(difference),
      },
    ];
  });
}

/** The difference and its interval: `+12.7 pp (95% interval +11.2 pp to +14.2 pp)`. */
export function differenceWithInterval(estimate: Estimate | undefined, metric: MetricInfo): string {
  const text = formatDifferenceEstimate(estimate, metric.unit, { halfWidth: false, mark: false });
  const ci = estimate?.ci95;
  if (ci === null || ci === undefined || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return `${text} (no interval: one replication)`;
  return `${text} (95% interval ${formatDifference(ci[0], metric.unit)} to ${formatDifference(ci[1], metric.unit)})`;
}

/**
 * The headline as a sentence after its metric's name: `one-number-ivr is best: 88.5%
 * against 75.8% for four-numbers, the baseline; +12.7 pp (95% interval …).`
 */
export function headlineSentence(headline: Headline): string {
  const unit = headline.metric.unit;
  const value = (mean: number): string => formatValue(mean, unit);
  const change = differenceWithInterval(headline.difference, headline.metric);
  const noise = headline.clear ? '' : ' The interval includes 0: the data do not tell the two apart.';
  if (headline.best === headline.baseline) {
    return `${headline.baseline}, the baseline, is best at ${value(headline.means.baseline)}; the next, ${headline.compared}, has ${value(headline.means.compared)}: ${change}.${noise}`;
  }
  return `${headline.best} is best at ${value(headline.means.best)}, against ${value(headline.means.baseline)} for ${headline.baseline}, the baseline: ${change}.${noise}`;
}
