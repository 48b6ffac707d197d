// A metric's name as the report writes it: its label, and for a share what it is a share of,
// so "Abandoned" of queue entries and of calls are never read as one figure.
import type { MetricInfo } from '../../metrics/metric-catalogue.ts';
import { escapeHtml } from './escape.ts';

/** `Abandoned <span class="of">of queue entries</span>`, or the label alone for other units. */
export function metricTerm(metric: MetricInfo): string {
  return metric.unit === 'share' ? `${escapeHtml(metric.label)} <span class="of">(% of ${escapeHtml(metric.of)})</span>` : escapeHtml(metric.label);
}

/** The same as plain text, for chart titles: `Abandoned (% of queue entries)`. */
export function metricTermText(metric: MetricInfo): string {
  return metric.unit === 'share' ? `${metric.label} (% of ${metric.of})` : metric.label;
}
/** `text` with its first letter in upper case (a metric's description as a caption). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
