// Output formats of a run: pure functions from a RunResult to text, no I/O.
import type { RunResult } from '../metrics/results.ts';
import type { Scenario } from '../scenario/model.ts';
import { formatCsv } from './csv.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatTable } from './table.ts';

export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'markdown'];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export interface ReportOptions {
  /** table, markdown: add the per-intent figures (default false). */
  readonly byIntent?: boolean;
  /** table: maximum line width in columns (default 100). */
  readonly width?: number;
  /** table, markdown: keep the rows that are 0 or without a figure for every design (default false). */
  readonly allMetrics?: boolean;
  /** markdown: bullets above the tables (default: derived from `scenario`, if given). */
  readonly assumptions?: readonly string[];
  /** table, markdown: the scenario run, for notes on counting window and service level. */
  readonly scenario?: Scenario;
}

/** The run rendered in `format`; every format ends with a newline. */
export function formatResult(result: RunResult, format: OutputFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'table':
      return formatTable(result, options);
    case 'markdown':
      return formatMarkdown(result, options);
    case 'csv':
      return formatCsv(result);
    case 'json':
      return formatJson(result);
  }
}

export { formatCsv, formatJson, formatMarkdown, formatTable };
export {
  formatDifference,
  formatDuration,
  formatEstimate,
  formatMean,
  formatValue,
  isSignificant,
} from './format-number.ts';
export { intervalClock, resultClock, type IntervalClock } from './interval-label.ts';
export { scenarioAssumptions } from './assumptions.ts';
