// The note that a precision target was missed: the run stopped at its most replications
// with an interval still wider than asked, so its figures are less precise than meant.
import { DESIGN_METRICS } from '../metrics/metric-catalogue.ts';
import type { PrecisionResult, RunResult } from '../metrics/results.ts';
import type { MetricUnit } from '../metrics/metric-catalogue.ts';
import { metricInfo } from './metric-order.ts';

/** One line per precision target the run missed, naming its widest half-width and design. */
export function unmetPrecisionNotes(result: RunResult): string[] {
  return (result.precision ?? []).filter((target) => !target.met).map((target) => unmetNote(target, result.replications));
}

function unmetNote({ metric, target, halfWidths }: PrecisionResult, replications: number): string {
  const { unit } = metricInfo(metric, DESIGN_METRICS);
  const widest = widestHalfWidth(halfWidths);
  const width = widest.halfWidth === null ? 'no interval' : `±${halfWidthText(widest.halfWidth, unit)}`;
  return `Precision target missed: ${metric} ${width} in ${widest.design}, target ±${halfWidthText(target, unit)}, at the cap of ${replications} replications.`;
}

/** The design whose half-width is widest; one without an interval counts as widest of all. */
function widestHalfWidth(halfWidths: PrecisionResult['halfWidths']): { design: string; halfWidth: number | null } {
  let widest: { design: string; halfWidth: number | null } | undefined;
  for (const [design, halfWidth] of Object.entries(halfWidths)) {
    if (widest === undefined || (widest.halfWidth !== null && (halfWidth === null || halfWidth > widest.halfWidth))) widest = { design, halfWidth };
  }
  return widest ?? { design: '(none)', halfWidth: null };
}

/**
 * A half-width to three significant digits, since it is compared with its target (the
 * tables' rounding could show 1.41s and a 1s target alike): `1.41s`, `0.52 pp`, `3.2`.
 */
function halfWidthText(value: number, unit: MetricUnit): string {
  const digits = (v: number): string => String(Number(v.toPrecision(3)));
  if (unit === 'seconds') return `${digits(value)}s`;
  if (unit === 'share') return `${digits(value * 100)} pp`;
  return digits(value);
}
