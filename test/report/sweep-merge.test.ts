// Merging shard outputs into exactly what the unsharded sweep writes.
import { describe, expect, it } from 'vitest';
import { SweepPlan } from '../../src/experiment/sweep-plan.ts';
import type { RunResult } from '../../src/metrics/results.ts';
import { mergeSweepOutputs } from '../../src/report/sweep-merge.ts';
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
        'b, row 4: found point 3 of design "four-numbers" again (already in a), expected each (point, design) once',
      );
    }
    const header = sweepHeader(PARAMETERS, 'csv');
    const row = sweepRows(PLAN.point(2), RESULT, PLAN, 'csv').split('\n')[0]!;
    expect(() => mergeSweepOutputs([`${header}${row}\n${row}\n`], 'csv')).toThrow(/^output 1, row 2: found point 2 of design/);
  });

  it('reads a design name guarded against formulas back as the name', () => {
    const guarded = makeResult(['=1+1', 'plain']);
    const text = sweepHeader(PARAMETERS, 'csv') + sweepRows(PLAN.point(0), guarded, PLAN, 'csv');
    expect(mergeSweepOutputs([text, sweepHeader(PARAMETERS, 'csv')], 'csv')).toBe(text);
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
});
