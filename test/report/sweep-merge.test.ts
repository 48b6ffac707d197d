// Merging shard outputs into exactly what the unsharded sweep writes.
import { describe, expect, it } from 'vitest';
import { SweepPlan } from '../../src/experiment/sweep-plan.ts';
import type { RunResult } from '../../src/metrics/results.ts';
import { mergeSweepOutputs } from '../../src/report/sweep-merge.ts';
import { csvRecords } from '../../src/report/sweep-records.ts';
import { sweepHeader, sweepRows, type SweepFormat } from '../../src/report/sweep-rows.ts';
import type { SweepParameter } from '../../src/scenario/index.ts';
import { DESIGNS_3, LONG_NAME, makeResult } from './fixture.ts';

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
  for (const i of indices) text += sweepRows(PLAN.point(i), RESULT, PLAN, format);
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
    const odd = [...PLAN.indices()].filter((i) => i % 2 === 1).reverse();
    const even = [...PLAN.indices()].filter((i) => i % 2 === 0);
    expect(mergeSweepOutputs([header, output(odd, 'csv'), '', header, output(even, 'csv')], 'csv')).toBe(output(PLAN.indices(), 'csv'));
    const merged = mergeSweepOutputs([output(odd, 'jsonl'), output(even, 'jsonl')], 'jsonl');
    const rows = merged.trimEnd().split('\n').map((line) => JSON.parse(line) as { point: number; design: string });
    expect(rows.map((r) => [r.point, r.design])).toEqual(
      [...PLAN.indices()].flatMap((point) => DESIGNS_3.map((design) => [point, design])),
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
    const other = new SweepPlan([{ path: 'run.seed', values: [0, 1] }]);
    const b = sweepRows(other.point(1), makeResult(['x']), other, 'jsonl');
    expect(() => mergeSweepOutputs([a, b], 'jsonl', ['a.jsonl', 'b.jsonl'])).toThrow(
      "b.jsonl, row 1: found other parameters or metrics than a.jsonl's rows, expected the outputs of shards of one sweep",
    );
  });

  it('refuses a (point, design) twice', () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const a = output([0, 3], format);
      const b = output([1, 3], format);
      expect(() => mergeSweepOutputs([a, b], format, ['a', 'b'])).toThrow(
        'b, row 4: found point 3 of design "four-numbers" again (already in a, row 4), expected each (point, design) once',
      );
    }
    const header = sweepHeader(PARAMETERS, 'csv');
    const row = sweepRows(PLAN.point(2), RESULT, PLAN, 'csv').split('\n')[0]!;
    expect(() => mergeSweepOutputs([`${header}${row}\n${row}\n`], 'csv')).toThrow(/^output 1, row 2: found point 2 of design/);
  });

  it('reads a design name guarded against formulas back as the name', () => {
    const guarded = makeResult(['=1+1', 'plain']);
    const single = new SweepPlan([]);
    const text = sweepHeader([], 'csv') + sweepRows(single.point(0), guarded, single, 'csv');
    expect(mergeSweepOutputs([text, sweepHeader([], 'csv')], 'csv')).toBe(text);
    expect(() => mergeSweepOutputs([text, text], 'csv', ['a', 'b'])).toThrow('b, row 1: found point 0 of design "=1+1" again');
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

  describe('refuses what does not belong to one sweep, naming the outputs', () => {
    const whole = (format: SweepFormat) => output(PLAN.indices(), format);
    const shardOf = (k: number, result: RunResult, format: SweepFormat): string => {
      let text = sweepHeader(PARAMETERS, format);
      for (const i of PLAN.indices({ index: k, count: 2 })) text += sweepRows(PLAN.point(i), result, PLAN, format);
      return text;
    };
    const other = (change: Partial<RunResult['provenance']>, replications = RESULT.replications): RunResult => ({
      ...RESULT,
      replications,
      provenance: { ...RESULT.provenance, ...change },
    });

    for (const format of ['csv', 'jsonl'] as const) {
      it(`shards of another seed, scenario, version or grid (${format})`, () => {
        const a = shardOf(1, RESULT, format);
        const merge = (b: string) => () => mergeSweepOutputs([a, b], format, ['a', 'b']);
        expect(merge(shardOf(2, other({ seed: 7 }), format))).toThrow(
          `b, row 1: found seed 7, expected ${RESULT.provenance.seed} as in a, row 1; the shards of one sweep share seed, scenarioSha256, gridSha256, points, spoc`,
        );
        expect(merge(shardOf(2, other({ scenarioSha256: 'cd'.repeat(32) }), format))).toThrow(/^b, row 1: found scenarioSha256 cdcd.*, expected abab/);
        expect(merge(shardOf(2, other({ scenarioSha256: null }), format))).toThrow(/^b, row 1: found scenarioSha256 none, expected abab/);
        expect(merge(shardOf(2, other({ spoc: '9.9.9' }), format))).toThrow(/^b, row 1: found spoc 9\.9\.9, expected 0\.0\.0-test/);
        const grid = new SweepPlan([PARAMETERS[0]!, PARAMETERS[1]!, { path: 'run.serviceLevel', values: ['20s', '30s'] }]);
        let b = sweepHeader(PARAMETERS, format);
        for (const i of grid.indices({ index: 2, count: 2 })) b += sweepRows(grid.point(i), RESULT, grid, format);
        expect(merge(b)).toThrow(/^b, row 1: found gridSha256 [0-9a-f]{64}, expected [0-9a-f]{64} as in a, row 1/);
      });

      it(`a point whose designs ran other replications, not points that differ (${format})`, () => {
        const a = shardOf(1, RESULT, format);
        expect(mergeSweepOutputs([a, shardOf(2, other({}, 55), format)], format)).toBe(
          mergeSweepOutputs([shardOf(2, other({}, 55), format), a], format),
        );
        const rows = sweepRows(PLAN.point(0), RESULT, PLAN, format).split('\n');
        const changed = sweepRows(PLAN.point(0), other({}, 55), PLAN, format).split('\n');
        const point0 = `${rows[0]}\n${changed[1]}\n${rows[2]}\n`;
        const rest = [...PLAN.indices()].slice(1).map((i) => sweepRows(PLAN.point(i), RESULT, PLAN, format)).join('');
        expect(() => mergeSweepOutputs([sweepHeader(PARAMETERS, format) + point0 + rest], format, ['x'])).toThrow(
          `x, row 2: found 55 replications for point 0, expected ${RESULT.replications} as design "${DESIGNS_3[0]}" at that point in x, row 1; the designs of a point run the same replications`,
        );
      });

      it(`a missing shard, point or design (${format})`, () => {
        expect(() => mergeSweepOutputs([shardOf(1, RESULT, format)], format, ['a'])).toThrow(
          'a: found no row for point 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, …, expected every point of the grid (0 to 23) with every design: merge the outputs of all the shards',
        );
        const first = [...PLAN.indices()].slice(0, 20);
        expect(() => mergeSweepOutputs([output(first, format)], format, ['a'])).toThrow(/^a: found no row for point 20–23, expected every point/);
        const rowsOf = (i: number): string[] => csvRecords(sweepRows(PLAN.point(i), RESULT, PLAN, format)).records;
        const points = [...PLAN.indices()].map((i) => (i === 5 ? rowsOf(i).filter((_, k) => k !== 1) : rowsOf(i)).join(''));
        const without = sweepHeader(PARAMETERS, format) + points.join('');
        expect(() => mergeSweepOutputs([without, ''], format, ['a', 'b'])).toThrow(
          `a, b: found no row for point 5 (design "${DESIGNS_3[1]}"), expected every point`,
        );
      });
    }

    it('CSV with JSON Lines, naming both outputs', () => {
      expect(() => mergeSweepOutputs([whole('csv'), '', whole('jsonl')], 'csv', ['a.csv', 'e.csv', 'b.csv'])).toThrow(
        'b.csv: found JSON Lines rows, but a.csv holds CSV; expected the outputs of shards of one sweep, all CSV or all JSON Lines',
      );
      expect(() => mergeSweepOutputs([whole('jsonl')], 'csv', ['a.csv'])).toThrow(
        'a.csv: found JSON Lines rows, expected CSV (give --format jsonl if the file is named wrongly)',
      );
    });
  });
});
