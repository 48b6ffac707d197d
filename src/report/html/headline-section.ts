// The verdict at the top of the run report: per key metric, the better design and its
// paired difference from the baseline with the 95% interval.
import type { RunResult } from '../../metrics/results.ts';
import { headlineSentence, runHeadlines } from '../headlines.ts';
import { escapeHtml } from './escape.ts';
import { metricTerm } from './metric-term.ts';

/** The section, or '' when there is nothing to compare (one design, or no figure differs). */
export function headlineSection(result: RunResult): string {
  const headlines = runHeadlines(result);
  if (headlines.length === 0) return '';
  const items = headlines.map(
    (headline) =>
      `<li class="${headline.clear ? 'clear' : 'unclear'}"><b>${metricTerm(headline.metric)}</b> (${headline.better} is better): ${escapeHtml(headlineSentence(headline))}</li>`,
  );
  return [
    '<section id="headlines"><h2>In short</h2>',
    '<p class="note">For each key figure, the design that does best, and the paired difference from the baseline (the best design’s, or when the baseline is best, the next one’s) with its 95% confidence interval: when the interval excludes 0 the difference is not chance.</p>',
    `<ul class="headlines">${items.join('')}</ul></section>`,
  ].join('\n');
}
