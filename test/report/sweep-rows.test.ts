// Sweep rows: the CSV header and rows, JSON Lines rows, and reading a row's point back.
import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../src/experiment/sweep-plan.ts';
import { DESIGN_METRICS } from '../../src/metrics/metric-catalogue.ts';
import type { DesignResult, RunResult } from '../../src/metrics/results.ts';
import { parseSweepRowPoint } from '../../src/report/sweep-records.ts';
import { sweepHeader, sweepRowFormat, sweepRows, type SweepFormat, type SweepGrid } from '../../src/report/sweep-rows.ts';
import { DESIGNS_3, LONG_NAME, makeResult, provenanceOf } from './fixture.ts';

const GRID: SweepGrid = { sha256: 'cd'.repeat(32), size: 9 };
const PROVENANCE_FIELDS = ['2019', 'ab'.repeat(32), 'cd'.repeat(32), '9', '0.0.0-test'];

/** The row of one design at a point, as a run of only that design writes it. */
function sweepRow(point: SweepPoint, design: string, value: DesignResult, replications: number, format: SweepFormat): string {
  const result: RunResult = {
    scenario: 's',
    seed: 2019,
    replications,
    designs: { [design]: value },
    comparisons: [],
    provenance: provenanceOf(2019, replications),
  };
  return sweepRows(point, result, GRID, format);
}

const NAMES = DESIGN_METRICS.map((m) => m.name);

/** A design result with only a few metrics: a full one, a NaN mean, a missing interval. */
const SMALL: DesignResult = {
  metrics: {
    waitMean: { mean: 12.5, ci95: [10, 15] },
    abandonRate: { mean: Number.NaN, ci95: null },
    fcr: { mean: 0.8, ci95: null },
    asa: { mean: 3, ci95: [Number.NaN, 4] },
  },
  byIntent: {},
  byTeam: {},
};

const POINT: SweepPoint = {
  index: 5,
  assignments: [
    { path: 'teams.billing.agents', value: 8 },
    { path: 'run.serviceLevel', value: '45s' },
  ],
};

describe('sweepHeader', () => {
  it('names the point, the parameters, the design, the replications, the provenance and every metric', () => {
    const header = sweepHeader(
      [{ path: 'teams.billing.agents' }, { path: 'run.serviceLevel' }],
      'csv',
    );
    expect(header.endsWith('\n')).toBe(true);
    const columns = header.slice(0, -1).split(',');
    expect(columns.slice(0, 10)).toEqual([
      'point',
      'teams.billing.agents',
      'run.serviceLevel',
      'design',
      'replications',
      'seed',
      'scenarioSha256',
      'gridSha256',
      'points',
      'spoc',
    ]);
    expect(columns.slice(10, 16)).toEqual(['issues_mean', 'issues_lo', 'issues_hi', 'calls_mean', 'calls_lo', 'calls_hi']);
    expect(columns).toHaveLength(10 + 3 * NAMES.length + 1 + 3 * NAMES.length);
    const estimates = columns.slice(10, 10 + 3 * NAMES.length);
    expect(estimates.filter((c) => c.endsWith('_mean'))).toEqual(NAMES.map((n) => `${n}_mean`));
    // After every metric, the baseline and the paired differences, so no column moves.
    const differences = columns.slice(11 + 3 * NAMES.length);
    expect(columns[10 + 3 * NAMES.length]).toBe('baseline');
    expect(differences.slice(0, 3)).toEqual(['issues_diff_mean', 'issues_diff_lo', 'issues_diff_hi']);
    expect(differences.filter((c) => c.endsWith('_diff_mean'))).toEqual(NAMES.map((n) => `${n}_diff_mean`));
    expect(sweepHeader([], 'csv').startsWith('point,design,replications,seed,scenarioSha256,gridSha256,points,spoc,issues_mean,')).toBe(true);
  });

  it('quotes a path that needs it, and is empty for JSON Lines', () => {
    expect(sweepHeader([{ path: 'demand.intents["a, b"].share' }], 'csv')).toMatch(/^point,"demand\.intents\[""a, b""\]\.share",design,/);
    expect(sweepHeader([{ path: 'teams.billing.agents' }], 'jsonl')).toBe('');
  });
});

describe('sweepRow', () => {
  it('writes a CSV line: values as written, numbers in full, missing values empty', () => {
    const line = sweepRow(POINT, 'one-number', SMALL, 10, 'csv');
    const expected = ['5', '8', '45s', 'one-number', '10', ...PROVENANCE_FIELDS];
    for (const name of NAMES) {
      if (name === 'waitMean') expected.push('12.5', '10', '15');
      else if (name === 'fcr') expected.push('0.8', '', '');
      else if (name === 'asa') expected.push('3', '', '4');
      else expected.push('', '', '');
    }
    // Alone in its run, the design is its own baseline: no difference.
    expected.push('one-number', ...NAMES.flatMap(() => ['', '', '']));
    expect(line).toBe(`${expected.join(',')}\n`);
    expect(line.split(',')).toHaveLength(sweepHeader(POINT.assignments, 'csv').split(',').length);
  });

  it('quotes CSV fields with commas, quotes or line breaks', () => {
    const point: SweepPoint = {
      index: 0,
      assignments: [
        { path: 'a', value: 'x, "y"' },
        { path: 'b', value: true },
        { path: 'c', value: 0.1 + 0.2 },
      ],
    };
    const line = sweepRow(point, LONG_NAME, SMALL, 3, 'csv');
    expect(line.startsWith('0,"x, ""y""",true,0.30000000000000004,"single-point-of-contact, ""one advisor"" pilot",3,')).toBe(true);
  });

  it('puts a single quote before values and names that would start a formula, not before negative numbers', () => {
    const point: SweepPoint = {
      index: 1,
      assignments: [
        { path: 'a', value: '=1+1' },
        { path: 'b', value: -5 },
        { path: 'c', value: '-5' },
      ],
    };
    const negative: DesignResult = { ...SMALL, metrics: { issues: { mean: -2.5, ci95: [-3, -2] } } };
    const line = sweepRow(point, '@design', negative, 3, 'csv');
    expect(line.startsWith(`1,"'=1+1",-5,-5,"'@design",3,${PROVENANCE_FIELDS.join(',')},-2.5,-3,-2,`)).toBe(true);
    expect(sweepHeader([{ path: '+a' }], 'csv').startsWith(`point,"'+a",design,`)).toBe(true);
  });

  it('writes a JSON line with stable keys, NaN as null and an interval with a missing bound as null', () => {
    const line = sweepRow(POINT, 'one-number', SMALL, 10, 'jsonl');
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    const metrics = NAMES.map((name) => {
      const value =
        name === 'waitMean'
          ? '{"mean":12.5,"ci95":[10,15]}'
          : name === 'fcr'
            ? '{"mean":0.8,"ci95":null}'
            : name === 'asa'
              ? '{"mean":3,"ci95":null}'
              : '{"mean":null,"ci95":null}';
      return `"${name}":${value}`;
    });
    expect(line).toBe(
      `{"point":5,"params":{"teams.billing.agents":8,"run.serviceLevel":"45s"},"design":"one-number","replications":10,` +
        `"seed":2019,"scenarioSha256":"${'ab'.repeat(32)}","gridSha256":"${'cd'.repeat(32)}","points":9,"spoc":"0.0.0-test",` +
        `"metrics":{${metrics.join(',')}},"baseline":"one-number","diff":null}\n`,
    );
    const parsed = JSON.parse(line) as { metrics: Record<string, unknown> };
    expect(Object.keys(parsed.metrics)).toEqual(NAMES);
  });

  it('writes the rows of every design of a run, in its order', () => {
    const result = makeResult(DESIGNS_3);
    for (const format of ['csv', 'jsonl'] as const) {
      const text = sweepRows(POINT, result, GRID, format);
      // Each design's own figures as a run of it alone writes them; only the differences tell them apart.
      const own = (line: string): unknown =>
        format === 'csv' ? line.split(',').slice(0, 10 + 3 * NAMES.length) : { ...(JSON.parse(line) as object), baseline: undefined, diff: undefined };
      const lines = text.split('\n').slice(0, -1);
      expect(lines.map(own)).toEqual(DESIGNS_3.map((d) => own(sweepRow(POINT, d, result.designs[d]!, result.replications, format).slice(0, -1))));
      const rows = sweepRowFormat(format);
      expect(rows.rows(POINT, result, GRID)).toBe(text);
      expect(rows.header(POINT.assignments)).toBe(sweepHeader(POINT.assignments, format));
      expect(rows.pointOf(text.split('\n')[0]!)).toBe(5);
    }
  });
});

describe('the paired differences of a row', () => {
  const result = makeResult(DESIGNS_3);
  const [baseline, second] = DESIGNS_3;
  const diffOf = (design: string, metric: string) =>
    result.comparisons.find((c) => c.design === design && c.metric === metric)!.diff;

  it('name the baseline in every CSV row and give each other design its differences, metric by metric', () => {
    const header = sweepHeader(POINT.assignments, 'csv').slice(0, -1).split(',');
    const [first, next] = sweepRows(POINT, result, GRID, 'csv').split('\n').map((line) => line.split(','));
    const at = (fields: readonly string[] | undefined, column: string): string | undefined => fields?.[header.indexOf(column)];
    expect(at(first, 'baseline')).toBe(baseline);
    expect(at(next, 'baseline')).toBe(baseline);
    for (const name of NAMES) {
      expect([at(first, `${name}_diff_mean`), at(first, `${name}_diff_lo`), at(first, `${name}_diff_hi`)]).toEqual(['', '', '']);
      const diff = diffOf(second!, name);
      expect([at(next, `${name}_diff_mean`), at(next, `${name}_diff_lo`), at(next, `${name}_diff_hi`)]).toEqual(
        [diff.mean, diff.ci95?.[0], diff.ci95?.[1]].map(String),
      );
    }
  });

  it('are null in the baseline JSON line and an estimate per metric in the others, in catalogue order', () => {
    const [first, next] = sweepRows(POINT, result, GRID, 'jsonl').split('\n').slice(0, 2).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ design: baseline, baseline, diff: null });
    expect(next).toMatchObject({ design: second, baseline });
    const diff = next!['diff'] as Record<string, { mean: number; ci95: [number, number] }>;
    expect(Object.keys(diff)).toEqual(NAMES);
    for (const name of NAMES) expect(diff[name]).toEqual({ mean: diffOf(second!, name).mean, ci95: diffOf(second!, name).ci95 });
    expect(Object.keys(next!).slice(-3)).toEqual(['metrics', 'baseline', 'diff']);
  });
});

describe('parseSweepRowPoint', () => {
  it('reads the point of a row, with or without its newline', () => {
    const csv = sweepRow({ ...POINT, index: 1234 }, 'x', SMALL, 10, 'csv');
    const jsonl = sweepRow({ ...POINT, index: 1234 }, 'x', SMALL, 10, 'jsonl');
    expect(parseSweepRowPoint(csv, 'csv')).toBe(1234);
    expect(parseSweepRowPoint(csv.slice(0, -1), 'csv')).toBe(1234);
    expect(parseSweepRowPoint(jsonl, 'jsonl')).toBe(1234);
    expect(parseSweepRowPoint(jsonl.slice(0, -1), 'jsonl')).toBe(1234);
    expect(parseSweepRowPoint(sweepRow({ index: 0, assignments: [] }, 'x', SMALL, 1, 'csv'), 'csv')).toBe(0);
  });

  it('refuses what is not a row', () => {
    const header = sweepHeader(POINT.assignments, 'csv');
    expect(() => parseSweepRowPoint(header, 'csv')).toThrow(/^found "point,teams\.billing\.agents,[^"]*…", expected a CSV sweep row/);
    expect(() => parseSweepRowPoint('', 'csv')).toThrow(/expected a CSV sweep row/);
    expect(() => parseSweepRowPoint('-1,x', 'csv')).toThrow(/expected a CSV sweep row/);
    expect(() => parseSweepRowPoint('{"design":"x","point":3}', 'jsonl')).toThrow(/expected a JSON Lines sweep row/);
  });
});
