// Rows of a parameter sweep: one per (point, design), as CSV or JSON Lines (sweep-merge.ts
// reads them back and merges shard outputs).
//
// CSV: a header line
//   point,<param 1>,…,<param P>,design,replications,seed,scenarioSha256,gridSha256,points,
//   spoc,<metric>_mean,<metric>_lo,<metric>_hi,…,baseline,<metric>_diff_mean,
//   <metric>_diff_lo,<metric>_diff_hi,…
// with every design metric of the catalogue, in catalogue order (`_lo`/`_hi`: the 95%
// interval), then the baseline design (the point's first) and, per metric, the paired
// difference design - baseline over the point's replications (empty in the baseline's own
// row); then one line per row. The provenance columns say what the row was made from:
// the seed, the SHA-256 of the scenario file's bytes, that of the grid, the grid's number
// of points (all shards together) and the version of spoc-sim. Parameter columns are named by their paths and hold
// the values as written (numbers at full precision, strings as they are). Numbers are
// `String(n)`; a missing value (NaN, no interval, a metric the result lacks) is an empty
// field. Fields with commas, quotes or line breaks are quoted (RFC 4180), and text that a
// spreadsheet would run as a formula gets a single quote in front (csv-field.ts). Lines end
// with `\n`.
//
// JSON Lines: no header; one object per line, keys in this order:
//   {"point":0,"params":{"teams.billing.agents":8},"design":"x","replications":10,
//    "seed":2019,"scenarioSha256":"…","gridSha256":"…","points":9,"spoc":"0.1.0",
//    "metrics":{"issues":{"mean":…,"ci95":[…,…]},…},"baseline":"x",
//    "diff":{"issues":{"mean":…,"ci95":[…,…]},…}}
// params in parameter order, metrics: every design metric of the catalogue in catalogue
// order, a missing number null, a `ci95` with a missing bound null as a whole; diff: the
// paired difference design - baseline of each metric, in the same order and form, null in
// the baseline's own row.
import { DESIGN_METRICS } from '../metrics/metric-catalogue.ts';
import type { Comparison, DesignResult, Estimate, RunResult } from '../metrics/results.ts';
import type { SweepPlan, SweepPoint } from '../experiment/sweep-plan.ts';
import { ROW_PROVENANCE } from '../experiment/sweep-resume.ts';
import type { RowFormat } from '../experiment/sweep-runner.ts';
import { csvField } from './csv-field.ts';
import { lookup } from './metric-order.ts';
import { parseSweepRowPoint } from './sweep-records.ts';

// The readers of the rows too, for the commands that write and merge them.
export { mergeSweepOutputs } from './sweep-merge.ts';
export { csvFields, csvRecords, parseSweepRowPoint } from './sweep-records.ts';
import { rowOriginReader } from './sweep-merge.ts';

export type SweepFormat = 'csv' | 'jsonl';

export const SWEEP_FORMATS: readonly SweepFormat[] = ['csv', 'jsonl'];

const METRIC_NAMES: readonly string[] = DESIGN_METRICS.map((info) => info.name);

/** The grid a row belongs to: its fingerprint and its number of points. */
export type SweepGrid = Pick<SweepPlan, 'sha256' | 'size'>;

/** What every row says of its origin, after its replications, in this order. */
const PROVENANCE_COLUMNS = ROW_PROVENANCE;

type RowProvenance = Readonly<Record<(typeof PROVENANCE_COLUMNS)[number], string | number | null>>;

function rowProvenance(result: RunResult, grid: SweepGrid): RowProvenance {
  const { seed, scenarioSha256, spoc } = result.provenance;
  return { seed, scenarioSha256, gridSha256: grid.sha256, points: grid.size, spoc };
}

/**
 * The CSV header line (with its newline) of a sweep over these parameters; '' for JSON
 * Lines, which has none.
 */
export function sweepHeader(parameters: readonly { readonly path: string }[], format: SweepFormat): string {
  if (format === 'jsonl') return '';
  const columns = [
    'point',
    ...parameters.map((p) => csvField(p.path)),
    'design',
    'replications',
    ...PROVENANCE_COLUMNS,
    ...METRIC_NAMES.flatMap((name) => [`${name}_mean`, `${name}_lo`, `${name}_hi`].map(csvField)),
    'baseline',
    ...METRIC_NAMES.flatMap((name) => [`${name}_diff_mean`, `${name}_diff_lo`, `${name}_diff_hi`].map(csvField)),
  ];
  return `${columns.join(',')}\n`;
}

/** The rows (lines with their newlines) of every design of a point's run, in the run's design order. */
export function sweepRows(point: SweepPoint, result: RunResult, grid: SweepGrid, format: SweepFormat): string {
  const provenance = rowProvenance(result, grid);
  const row = format === 'csv' ? csvRow : jsonRow;
  const [baseline] = Object.keys(result.designs);
  return Object.entries(result.designs)
    .map(([design, value]) =>
      row(point, design, value, result.replications, provenance, { baseline: baseline ?? design, diffs: differencesOf(result.comparisons, design) }),
    )
    .join('');
}

/** A row's comparison with the point's baseline; `diffs` is undefined in the baseline's own row. */
interface RowDifference {
  readonly baseline: string;
  readonly diffs: ReadonlyMap<string, Estimate> | undefined;
}

/** The paired differences of one design against the baseline by metric; undefined for the baseline itself. */
function differencesOf(comparisons: readonly Comparison[], design: string): ReadonlyMap<string, Estimate> | undefined {
  const mine = comparisons.filter((c) => c.design === design);
  return mine.length === 0 ? undefined : new Map(mine.map((c) => [c.metric, c.diff] as const));
}

/** Header, rows and row reading of one format, together. */
export function sweepRowFormat(format: SweepFormat): {
  header(parameters: readonly { readonly path: string }[]): string;
  rows(point: SweepPoint, result: RunResult, grid: SweepGrid): string;
  pointOf(line: string): number;
  originReader: RowFormat['originReader'];
} {
  return {
    header: (parameters) => sweepHeader(parameters, format),
    rows: (point, result, grid) => sweepRows(point, result, grid, format),
    pointOf: (line) => parseSweepRowPoint(line, format),
    originReader: (header) => rowOriginReader(format, header),
  };
}

// ---------------------------------------------------------------------------------------
// CSV.

const csvNumber = (value: number | null | undefined): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

function csvValue(value: unknown): string {
  if (typeof value === 'number') return csvNumber(value);
  if (typeof value === 'string') return csvField(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return csvField(JSON.stringify(value));
}

function csvRow(
  point: SweepPoint,
  design: string,
  result: DesignResult,
  replications: number,
  provenance: RowProvenance,
  difference: RowDifference,
): string {
  const fields = [
    String(point.index),
    ...point.assignments.map((a) => csvValue(a.value)),
    csvField(design),
    csvNumber(replications),
    ...PROVENANCE_COLUMNS.map((column) => csvValue(provenance[column])),
  ];
  const push = (estimate: Estimate | undefined): void => {
    fields.push(csvNumber(estimate?.mean), csvNumber(estimate?.ci95?.[0]), csvNumber(estimate?.ci95?.[1]));
  };
  for (const name of METRIC_NAMES) push(lookup(result.metrics, name));
  fields.push(csvField(difference.baseline));
  for (const name of METRIC_NAMES) push(difference.diffs?.get(name));
  return `${fields.join(',')}\n`;
}

// ---------------------------------------------------------------------------------------
// JSON Lines.

const finite = (value: number | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function jsonEstimate(estimate: Estimate | undefined): { mean: number | null; ci95: [number, number] | null } {
  const low = finite(estimate?.ci95?.[0]);
  const high = finite(estimate?.ci95?.[1]);
  return { mean: finite(estimate?.mean), ci95: low === null || high === null ? null : [low, high] };
}

/** A plain object without prototype, so that any key (even `__proto__`) is an own key. */
function record<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

function jsonParam(value: unknown): unknown {
  return typeof value === 'number' ? finite(value) : value === undefined ? null : value;
}

function jsonRow(
  point: SweepPoint,
  design: string,
  result: DesignResult,
  replications: number,
  provenance: RowProvenance,
  { baseline, diffs }: RowDifference,
): string {
  const row = {
    point: point.index,
    params: record(point.assignments.map((a) => [a.path, jsonParam(a.value)] as const)),
    design,
    replications: finite(replications),
    ...provenance,
    metrics: record(METRIC_NAMES.map((name) => [name, jsonEstimate(lookup(result.metrics, name))] as const)),
    baseline,
    diff: diffs === undefined ? null : record(METRIC_NAMES.map((name) => [name, jsonEstimate(diffs.get(name))] as const)),
  };
  return `${JSON.stringify(row)}\n`;
}
