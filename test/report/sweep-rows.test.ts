// Sweep rows: the CSV header and rows, JSON Lines rows, reading a row's point back, and
// merging shard outputs into exactly what the unsharded sweep writes.
import { describe, expect, it } from 'vitest';
import { SweepPlan, type SweepPoint } from '../../src/experiment/sweep-plan.ts';
import { DESIGN_METRICS } from '../../src/metrics/metric-catalogue.ts';
import type { DesignResult, RunResult } from '../../src/metrics/results.ts';
import {
  mergeSweepOutputs,
  parseSweepRowPoint,
  sweepHeader,
  sweepRow,
  sweepRowFormat,
  sweepRows,
  type SweepFormat,
} from '../../src/report/sweep-rows.ts';
import type { SweepParameter } from '../../src/scenario/index.ts';
import { DESIGNS_3, LONG_NAME, makeResult } from './fixture.ts';

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
  it('names the point, the parameters, the design, the replications and every metric', () => {
    const header = sweepHeader(
      [{ path: 'teams.billing.agents' }, { path: 'run.serviceLevel' }],
      'csv',
    );
    expect(header.endsWith('\n')).toBe(true);
    const columns = header.slice(0, -1).split(',');
    expect(columns.slice(0, 5)).toEqual(['point', 'teams.billing.agents', 'run.serviceLevel', 'design', 'replications']);
    expect(columns.slice(5, 11)).toEqual(['issues_mean', 'issues_lo', 'issues_hi', 'calls_mean', 'calls_lo', 'calls_hi']);
    expect(columns).toHaveLength(5 + 3 * NAMES.length);
    expect(columns.slice(5).filter((c) => c.endsWith('_mean'))).toEqual(NAMES.map((n) => `${n}_mean`));
    expect(sweepHeader([], 'csv').startsWith('point,design,replications,issues_mean,')).toBe(true);
  });

  it('quotes a path that needs it, and is empty for JSON Lines', () => {
    expect(sweepHeader([{ path: 'demand.intents["a, b"].share' }], 'csv')).toMatch(/^point,"demand\.intents\[""a, b""\]\.share",design,/);
    expect(sweepHeader([{ path: 'teams.billing.agents' }], 'jsonl')).toBe('');
  });
});

describe('sweepRow', () => {
  it('writes a CSV line: values as written, numbers in full, missing values empty', () => {
    const line = sweepRow(POINT, 'one-number', SMALL, 10, 'csv');
    const expected = ['5', '8', '45s', 'one-number', '10'];
    for (const name of NAMES) {
      if (name === 'waitMean') expected.push('12.5', '10', '15');
      else if (name === 'fcr') expected.push('0.8', '', '');
      else if (name === 'asa') expected.push('3', '', '4');
      else expected.push('', '', '');
    }
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
      `{"point":5,"params":{"teams.billing.agents":8,"run.serviceLevel":"45s"},"design":"one-number","replications":10,"metrics":{${metrics.join(',')}}}\n`,
    );
    const parsed = JSON.parse(line) as { metrics: Record<string, unknown> };
    expect(Object.keys(parsed.metrics)).toEqual(NAMES);
  });

  it('writes the rows of every design of a run, in its order', () => {
    const result = makeResult(DESIGNS_3);
    for (const format of ['csv', 'jsonl'] as const) {
      const text = sweepRows(POINT, result, format);
      const expected = DESIGNS_3.map((d) => sweepRow(POINT, d, result.designs[d]!, result.replications, format)).join('');
      expect(text).toBe(expected);
      const rows = sweepRowFormat(format);
      expect(rows.rows(POINT, result)).toBe(text);
      expect(rows.header(POINT.assignments)).toBe(sweepHeader(POINT.assignments, format));
      expect(rows.pointOf(text.split('\n')[0]!)).toBe(5);
    }
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

// ---------------------------------------------------------------------------------------
// Merging.

const PARAMETERS: SweepParameter[] = [
  { path: 'teams.billing.agents', values: [8, 10, 12, 14] },
  { path: 'designs.one-number.ivr.accuracy', values: [0.8, 0.9, 1] },
  { path: 'run.serviceLevel', values: ['20s', 'a "quoted",\nvalue'] },
];
const PLAN = new SweepPlan(PARAMETERS);
const RESULT: RunResult = makeResult(DESIGNS_3);

/** What a sweep over `indices` writes: the header, then each point's rows in order. */
function output(indices: Iterable<number>, format: SweepFormat): string {
  let text = sweepHeader(PARAMETERS, format);
  for (const i of indices) text += sweepRows(PLAN.point(i), RESULT, format);
  return text;
}

/** A shard's output with its points in another order (rows of a point kept together). */
function shuffledOutput(indices: number[], format: SweepFormat, seed: number): string {
  const order = [...indices];
  let s = seed;
  for (let i = order.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return output(order, format);
}

describe('mergeSweepOutputs', () => {
  for (const format of ['csv', 'jsonl'] as const) {
    it(`gives the unsharded bytes from shuffled shard outputs (${format})`, () => {
      const whole = output(PLAN.indices(), format);
      expect(PLAN.size).toBe(24);
      for (const count of [1, 2, 3, 5, 24, 30]) {
        const shards = Array.from({ length: count }, (_, k) =>
          shuffledOutput([...PLAN.indices({ index: k + 1, count })], format, 7 + k),
        );
        const reversed = [...shards].reverse();
        expect(mergeSweepOutputs(reversed, format)).toBe(whole);
        expect(mergeSweepOutputs(shards, format)).toBe(whole);
      }
      expect(mergeSweepOutputs([whole], format)).toBe(whole);
    });
  }

  it('keeps the design order of a point and takes outputs with no rows', () => {
    const header = sweepHeader(PARAMETERS, 'csv');
    expect(mergeSweepOutputs([header, output([1, 0], 'csv'), '', header], 'csv')).toBe(output([0, 1], 'csv'));
    const merged = mergeSweepOutputs([output([3, 1], 'jsonl'), output([0, 2], 'jsonl')], 'jsonl');
    const rows = merged.trimEnd().split('\n').map((line) => JSON.parse(line) as { point: number; design: string });
    expect(rows.map((r) => [r.point, r.design])).toEqual(
      [0, 1, 2, 3].flatMap((point) => DESIGNS_3.map((design) => [point, design])),
    );
    expect(DESIGNS_3[2]).toBe(LONG_NAME);
    expect(mergeSweepOutputs([], 'csv')).toBe('');
    expect(mergeSweepOutputs(['', ''], 'jsonl')).toBe('');
  });

  it('refuses outputs with a different header, naming the output', () => {
    const other = sweepHeader([PARAMETERS[0]!, { path: 'run.seed' }, PARAMETERS[2]!], 'csv');
    const a = output([0, 2], 'csv');
    const b = other + output([1], 'csv').slice(sweepHeader(PARAMETERS, 'csv').length);
    expect(() => mergeSweepOutputs([a, b], 'csv', ['a.csv', 'b.csv'])).toThrow(
      'b.csv: found a header different from a.csv\'s (column 3 is "run.seed" instead of "designs.one-number.ivr.accuracy"), expected the outputs of shards of one sweep',
    );
    expect(() => mergeSweepOutputs([a, b], 'csv')).toThrow(/^output 2: found a header different from output 1's/);
    expect(() => mergeSweepOutputs(['nonsense\n'], 'csv', ['x.csv'])).toThrow(/^x\.csv: found "nonsense" on line 1, expected a sweep header/);
  });

  it('refuses JSON Lines outputs of another sweep', () => {
    const a = output([0], 'jsonl');
    const b = sweepRow({ index: 1, assignments: [{ path: 'run.seed', value: 1 }] }, 'x', SMALL, 3, 'jsonl');
    expect(() => mergeSweepOutputs([a, b], 'jsonl', ['a.jsonl', 'b.jsonl'])).toThrow(
      "b.jsonl, row 1: found other parameters or metrics than a.jsonl's rows, expected the outputs of shards of one sweep",
    );
  });

  it('refuses a (point, design) twice', () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const a = output([0, 3], format);
      const b = output([1, 3], format);
      expect(() => mergeSweepOutputs([a, b], format, ['a', 'b'])).toThrow(
        'b, row 4: found point 3 of design "four-numbers" again (already in a), expected each (point, design) once',
      );
    }
    const header = sweepHeader(PARAMETERS, 'csv');
    const row = sweepRows(PLAN.point(2), RESULT, 'csv').split('\n')[0]!;
    expect(() => mergeSweepOutputs([`${header}${row}\n${row}\n`], 'csv')).toThrow(/^output 1, row 2: found point 2 of design/);
  });

  it('refuses an output cut short or with rows that are not rows', () => {
    const whole = output([0, 1], 'csv');
    expect(() => mergeSweepOutputs([whole.slice(0, -5)], 'csv', ['cut.csv'])).toThrow(
      'cut.csv: ends in the middle of a row (no final newline), expected the complete output of a shard',
    );
    expect(() => mergeSweepOutputs([`${whole}x,y\n`], 'csv')).toThrow(/^output 1, row 7: found "x,y", expected a CSV sweep row/);
    expect(() => mergeSweepOutputs([`${whole}9,y\n`], 'csv')).toThrow(/^output 1, row 7: found 2 fields, expected \d+ as in the header/);
    expect(() => mergeSweepOutputs(['{"point":1,"x":\n'], 'jsonl')).toThrow(/^output 1, row 1: /);
  });
});
