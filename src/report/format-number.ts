// Number formatting for human-facing reports (table, markdown), by metric unit.
//
// - seconds: human durations: `0.4s` (below one second), `42s`, `3m05s`, `1h02m`
// - share:   percentages with one decimal: `12.3%`; differences in percentage points: `+1.2 pp`
// - count:   thousands separators, no decimals (`4,213`), one decimal below 100 (`42.4`)
// - ratio:   three decimals below 1 (`0.134`), two otherwise (`1.23`)
// - hours:   one decimal with thousands separators (`1,234.5`)
// - money:   two decimals below 100 (`31.50`), none from 100 on, thousands separators
//            (`12,480`); no currency symbol (the scenario's costPerHour names none)
// A value that is not a finite number (NaN, missing) prints as an en dash. The figures of
// one row (a metric across designs, with their Δ) take one number of decimals, that of the
// row's smallest figure (see `rowDecimalsOf`), so that a value and its Δ read alike.
import type { MetricUnit } from '../metrics/metric-catalogue.ts';
import type { Estimate } from '../metrics/results.ts';

/** What a missing or undefined value (NaN, no data) prints as. */
export const NOT_AVAILABLE = '–';

/** Marker of a difference whose 95% confidence interval excludes 0. */
export const SIGNIFICANT_MARK = '*';

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Digits with `,` every three places in the integer part; `abs` must be >= 0. */
function groupThousands(abs: number, decimals: number): string {
  if (abs >= 1e21) return String(abs);
  const fixed = abs.toFixed(decimals);
  const dot = fixed.indexOf('.');
  const intPart = dot === -1 ? fixed : fixed.slice(0, dot);
  const fraction = dot === -1 ? '' : fixed.slice(dot);
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + fraction;
}

/** Puts a sign in front of a formatted magnitude, never producing `-0` or `+0`. */
function signed(value: number, magnitude: string, explicitPlus: boolean): string {
  if (!/[1-9]/.test(magnitude)) return magnitude;
  if (value < 0) return `-${magnitude}`;
  return explicitPlus ? `+${magnitude}` : magnitude;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A non-negative duration in seconds as `0.4s`, `42s`, `3m05s` or `1h02m`. */
function durationMagnitude(abs: number): string {
  if (abs === 0) return '0s';
  if (abs < 0.95) return `${abs.toFixed(1)}s`;
  const seconds = Math.round(abs);
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${pad2(seconds % 60)}s`;
  const minutes = Math.round(abs / 60);
  return `${Math.floor(minutes / 60)}h${pad2(minutes % 60)}m`;
}

/** A duration in seconds as a human duration: `0.4s`, `42s`, `3m05s`, `1h02m`, `-35s`. */
export function formatDuration(seconds: number): string {
  if (!isNumber(seconds)) return NOT_AVAILABLE;
  return signed(seconds, durationMagnitude(Math.abs(seconds)), false);
}

/** Decimals used for a count or ratio of this magnitude (shared by a mean and its half-width). */
function decimalsFor(unit: MetricUnit, reference: number): number {
  const abs = Math.abs(reference);
  switch (unit) {
    case 'count':
      return abs < 100 ? 1 : 0;
    case 'ratio':
      return abs < 1 ? 3 : 2;
    case 'hours':
    case 'share':
      return 1;
    case 'money':
      // Below 100 once rounded to cents: 99.996 is `100`, not `100.00`.
      return abs < 99.995 ? 2 : 0;
    case 'seconds':
      return 0;
  }
}

/** The unsigned text of |value| in `unit`; `reference` picks the decimals of counts and ratios. */
function magnitude(abs: number, unit: MetricUnit, reference: number): string {
  switch (unit) {
    case 'seconds':
      return durationMagnitude(abs);
    case 'share':
      return `${(abs * 100).toFixed(1)}%`;
    case 'count':
    case 'ratio':
    case 'hours':
    case 'money':
      return groupThousands(abs, decimalsFor(unit, reference));
  }
}

/** A value of a metric in its unit: `3m05s`, `12.3%`, `4,213`, `1.23`, `240.0`. */
export function formatValue(value: number, unit: MetricUnit): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  return signed(value, magnitude(Math.abs(value), unit, value), false);
}

/**
 * The figure whose decimals every figure of a row takes (value, half-width, difference):
 * the smallest non-zero finite magnitude among the row's means, as smaller figures get more
 * decimals (`42.4` against `4,213`), so no figure shows fewer than it would alone. 0 when
 * every mean is 0 or missing.
 */
export function rowDecimalsOf(means: readonly number[]): number {
  const sizes = means.filter((mean) => isNumber(mean) && mean !== 0).map(Math.abs);
  return sizes.length === 0 ? 0 : Math.min(...sizes);
}

/** Only the mean of an estimate, in the metric's unit; an en dash when there is none. */
export function formatMean(estimate: Estimate | undefined, unit: MetricUnit): string {
  return estimate === undefined ? NOT_AVAILABLE : formatValue(estimate.mean, unit);
}

/**
 * A difference between two values of a metric, always with its sign: `-35s`, `+1m05s`,
 * `+1.2 pp` (shares, in percentage points), `+12`, `-0.05`. A difference that rounds to
 * zero has no sign (`0s`, `0.0 pp`).
 */
export function formatDifference(value: number, unit: MetricUnit): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  return signed(value, differenceMagnitude(Math.abs(value), unit, value), true);
}

function differenceMagnitude(abs: number, unit: MetricUnit, reference: number): string {
  if (unit === 'share') return `${(abs * 100).toFixed(1)} pp`;
  return magnitude(abs, unit, reference);
}

/** Half the width of a 95% interval, or null when there is no (finite) interval. */
export function halfWidth(estimate: Estimate): number | null {
  const ci = estimate.ci95;
  if (ci === null || !isNumber(ci[0]) || !isNumber(ci[1])) return null;
  return Math.abs(ci[1] - ci[0]) / 2;
}

/** True when the estimate's 95% interval exists and excludes 0. */
export function isSignificant(estimate: Estimate | undefined): boolean {
  if (estimate === undefined) return false;
  const ci = estimate.ci95;
  if (ci === null || !isNumber(ci[0]) || !isNumber(ci[1])) return false;
  return ci[0] > 0 || ci[1] < 0;
}

/**
 * An estimate as `mean ± half-width` in the metric's unit (`3m05s ± 12s`, `12.3% ± 1.2%`,
 * `4,213 ± 35`); only the mean when there is no interval; an en dash when there is no mean.
 * A share's half-width is in percentage points, written `%` as is usual for margins.
 * `decimalsOf` (default the mean) picks the decimals of counts, ratios and money.
 */
export function formatEstimate(
  estimate: Estimate | undefined,
  unit: MetricUnit,
  decimalsOf: number = estimate?.mean ?? 0,
): string {
  if (estimate === undefined || !isNumber(estimate.mean)) return NOT_AVAILABLE;
  const reference = isNumber(decimalsOf) ? decimalsOf : estimate.mean;
  const mean = signed(estimate.mean, magnitude(Math.abs(estimate.mean), unit, reference), false);
  const hw = halfWidth(estimate);
  if (hw === null) return mean;
  return `${mean} ± ${magnitude(hw, unit, reference)}`;
}

export interface DifferenceFormatOptions {
  /** Append ` ± half-width` of the difference's interval (default true). */
  readonly halfWidth?: boolean;
  /** Append ` *` when the interval excludes 0 (default true). */
  readonly mark?: boolean;
  /**
   * The figure whose decimals counts, ratios and money take (default the difference
   * itself): the row's, so that `+73` stands beside `5,920`, not `+73.0`.
   */
  readonly decimalsOf?: number;
}

/**
 * A paired difference as `+1.2 pp ± 0.8 pp *`: signed mean, half-width of its 95% interval
 * and `*` when that interval excludes 0. An en dash when there is no mean.
 */
export function formatDifferenceEstimate(
  estimate: Estimate | undefined,
  unit: MetricUnit,
  options: DifferenceFormatOptions = {},
): string {
  if (estimate === undefined || !isNumber(estimate.mean)) return NOT_AVAILABLE;
  const reference = isNumber(options.decimalsOf) ? options.decimalsOf : estimate.mean;
  let text = signed(estimate.mean, differenceMagnitude(Math.abs(estimate.mean), unit, reference), true);
  const hw = options.halfWidth === false ? null : halfWidth(estimate);
  if (hw !== null) text += ` ± ${differenceMagnitude(hw, unit, reference)}`;
  if (options.mark !== false && isSignificant(estimate)) text += ` ${SIGNIFICANT_MARK}`;
  return text;
}
