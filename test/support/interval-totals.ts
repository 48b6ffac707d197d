// What every replication's per-interval rows must satisfy: they tile [0, horizon) then end
// with the `after` row, and they add up to the design's own figures (the same population).
import type { IntervalValues } from '../../src/metrics/interval-tally.ts';
import type { ReplicationMetrics } from '../../src/metrics/replication-accumulator.ts';

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** x weighted by its entries, 0 where there were none (x is then NaN). */
const weighted = (entries: number, x: number): number => (entries > 0 ? entries * x : 0);

/**
 * The ways the rows of `metrics` (a run with `--interval`) fail to add up, empty when they
 * do. Shares are checked weighted by entries only when every entry ended (`drain`).
 */
export function intervalTotalProblems(metrics: ReplicationMetrics, horizon: number, drain: boolean): string[] {
  const rows = metrics.byInterval;
  if (rows === undefined || rows.length < 2) return ['no interval rows'];
  const problems: string[] = [];
  const after = rows[rows.length - 1]!;
  if (after.start !== horizon || after.end !== null) problems.push(`last row [${after.start}, ${after.end}) is not after ${horizon}`);
  rows.slice(0, -1).forEach((row, k) => {
    const start = k === 0 ? 0 : rows[k - 1]!.end;
    if (row.start !== start || row.end === null || row.end <= row.start) problems.push(`row ${k} [${row.start}, ${row.end}) does not follow ${start}`);
  });
  if (rows[rows.length - 2]!.end !== horizon) problems.push(`the intervals end at ${rows[rows.length - 2]!.end}, not ${horizon}`);
  const m = metrics.metrics;
  const sum = (f: (row: IntervalValues) => number): number => rows.reduce((s, row) => s + f(row), 0);
  for (const name of ['calls', 'queueEntries'] as const) {
    const total = sum((row) => row[name]);
    if (total !== m[name]) problems.push(`Σ rows ${name} = ${total}, design ${m[name]}`);
  }
  if (drain) {
    for (const name of ['waitMean', 'abandonRate', 'serviceLevel'] as const) {
      const byRows = sum((row) => weighted(row.queueEntries, row[name]));
      const design = weighted(m.queueEntries, m[name]);
      if (!close(byRows, design)) problems.push(`Σ rows entries × ${name} = ${byRows}, design ${design}`);
    }
  }
  return problems;
}
