// Long ("tidy") CSV: one row per (design, scope, scope name, metric), then one row per
// paired comparison. Columns: design,scope,name,metric,mean,ci_low,ci_high.
// - scope `design`: the design's own metrics, name empty;
// - scope `intent` / `team`: name is the intent or team;
// - scope `group` (teams of agent groups, after the team rows): name is `team/group`;
// - scope `interval` (runs with `--interval`, after the design's team and group rows, in time order):
//   name is the interval's start, a clock time counted from the start of the run at 00:00:
//   `09:30`; once the run goes past one day, every interval name of the file carries the
//   day, counted from 0 and zero-padded to one width, so names sort as text: `0d 09:30`,
//   `2d 09:30`; seconds are added (`09:30:15`) only when a boundary is not on a whole
//   minute (see interval-label.ts); the last, the drain past the horizon, is `after`;
// - scope `diff`: design is the compared design, name is its baseline, the figures are the
//   paired difference design - baseline.
// Numbers are printed at full precision (`String(n)`); a missing value (NaN, no confidence
// interval) is an empty field. Fields with commas, quotes or line breaks are quoted
// (RFC 4180); a name that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`)
// gets a single quote in front (csv-field.ts). Lines end with `\n`, the file with a newline.
import type { MetricInfo } from '../metrics/metric-catalogue.ts';
import type { Estimate, MetricTable, RunResult } from '../metrics/results.ts';
import { csvField } from './csv-field.ts';
import { resultClock } from './interval-label.ts';
import {
  DESIGN_METRICS,
  GROUP_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  designNames,
  lookup,
  orderedMetricNames,
} from './metric-order.ts';

export const CSV_COLUMNS = ['design', 'scope', 'name', 'metric', 'mean', 'ci_low', 'ci_high'] as const;

export type CsvScope = 'design' | 'intent' | 'team' | 'group' | 'interval' | 'diff';

/** A number at full precision; empty for NaN, infinities and missing values. */
function csvNumber(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function csvRow(design: string, scope: CsvScope, name: string, metric: string, estimate: Estimate): string {
  const ci = estimate.ci95;
  return [
    csvField(design),
    scope,
    csvField(name),
    csvField(metric),
    csvNumber(estimate.mean),
    csvNumber(ci?.[0]),
    csvNumber(ci?.[1]),
  ].join(',');
}

function tableRows(
  design: string,
  scope: CsvScope,
  name: string,
  table: MetricTable,
  catalogue: readonly MetricInfo[],
): string[] {
  return orderedMetricNames([table], catalogue).flatMap((metric) => {
    const estimate = lookup(table, metric);
    return estimate === undefined ? [] : [csvRow(design, scope, name, metric, estimate)];
  });
}

/** The whole run as long CSV with a header line. */
export function formatCsv(result: RunResult): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  const clock = resultClock(result);
  for (const design of designNames(result)) {
    const data = lookup(result.designs, design);
    if (data === undefined) continue;
    lines.push(...tableRows(design, 'design', '', data.metrics, DESIGN_METRICS));
    for (const [intent, table] of Object.entries(data.byIntent)) {
      lines.push(...tableRows(design, 'intent', intent, table, DESIGN_METRICS));
    }
    for (const [team, table] of Object.entries(data.byTeam)) {
      lines.push(...tableRows(design, 'team', team, table, TEAM_METRICS));
    }
    for (const [team, groups] of Object.entries(data.byGroup ?? {})) {
      for (const [group, table] of Object.entries(groups)) lines.push(...tableRows(design, 'group', `${team}/${group}`, table, GROUP_METRICS));
    }
    for (const interval of data.byInterval ?? []) {
      lines.push(...tableRows(design, 'interval', clock.name(interval), interval.metrics, INTERVAL_METRICS));
    }
  }
  for (const comparison of result.comparisons) {
    lines.push(csvRow(comparison.design, 'diff', comparison.baseline, comparison.metric, comparison.diff));
  }
  return `${lines.join('\n')}\n`;
}
