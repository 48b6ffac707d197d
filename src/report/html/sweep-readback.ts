// Figures of sweep points read back from a sweep's output (CSV or JSON Lines, as written by
// sweep-rows.ts), for the report of a sweep resumed with --resume: the points done in an
// earlier run are in the output file, not in this run's results.
import { SweepPlan } from '../../experiment/sweep-plan.ts';
import { csvFields, csvRecords } from '../sweep-records.ts';
import type { SweepFormat } from '../sweep-rows.ts';
import type { SweepReportCollector } from './sweep-report.ts';

/** A JSON line's `metrics` or `diff`. */
type EstimatesJson = Record<string, { mean: number | null; ci95: [number, number] | null }>;

const NAN3 = [Number.NaN, Number.NaN, Number.NaN] as const;

const num = (text: string | undefined): number => (text === undefined || text === '' ? Number.NaN : Number(text));

/** The fields of a record, or undefined when it cannot be read (skipped, like any bad row). */
function fieldsOf(record: string): string[] | undefined {
  try {
    return csvFields(record.replace(/\r?\n$/, ''));
  } catch {
    return undefined;
  }
}

/**
 * Adds to `collector` the rows of `text` (a sweep's complete output) whose points it does
 * not have yet. Rows that cannot be read are skipped: the report is a by-product and the
 * output file stays the reference.
 */
export function addOutputRows(collector: SweepReportCollector, text: string, format: SweepFormat): number {
  const plan = new SweepPlan(collector.parameters);
  const fresh = new Set<number>();
  const take = (index: number): boolean => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= plan.size) return false;
    if (collector.has(index) && !fresh.has(index)) return false;
    fresh.add(index);
    return true;
  };
  if (format === 'jsonl') {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let row: { point?: unknown; design?: unknown; replications?: unknown; metrics?: EstimatesJson; diff?: EstimatesJson | null };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        continue;
      }
      if (typeof row.point !== 'number' || typeof row.design !== 'string' || !take(row.point)) continue;
      const metrics = row.metrics ?? {};
      const diff = row.diff ?? {};
      collector.addRow(plan.point(row.point), row.design, typeof row.replications === 'number' ? row.replications : 0, (metric, difference) => {
        const estimates = difference ? diff : metrics;
        const e = Object.hasOwn(estimates, metric) ? estimates[metric] : undefined;
        return e === undefined ? NAN3 : [e.mean ?? Number.NaN, e.ci95?.[0] ?? Number.NaN, e.ci95?.[1] ?? Number.NaN];
      });
    }
  } else {
    const { records: complete, rest } = csvRecords(text);
    const [headerLine, ...records] = rest === '' ? complete : [...complete, rest];
    const header = headerLine === undefined ? undefined : fieldsOf(headerLine);
    if (header === undefined) return 0;
    const column = new Map(header.map((name, i) => [name, i] as const));
    const designColumn = 1 + collector.parameters.length;
    for (const record of records) {
      const fields = fieldsOf(record);
      if (fields === undefined || fields.length < 2) continue;
      const index = num(fields[0]);
      const design = fields[designColumn];
      if (design === undefined || !take(index)) continue;
      collector.addRow(plan.point(index), design, num(fields[designColumn + 1]), (metric, difference) => {
        const at = (suffix: string): number => {
          const i = column.get(`${metric}${difference ? '_diff' : ''}_${suffix}`);
          return i === undefined ? Number.NaN : num(fields[i]);
        };
        return [at('mean'), at('lo'), at('hi')];
      });
    }
  }
  return fresh.size;
}
