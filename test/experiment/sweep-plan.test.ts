// The grid of a sweep: size, row-major order (last parameter fastest), points computed from
// their index without the grid in memory, and round-robin shards covering every point once.
import { describe, expect, it } from 'vitest';
import { parseShard, SweepPlan } from '../../src/experiment/sweep-plan.ts';
import { SweepOptionError, type SweepParameter } from '../../src/scenario/index.ts';

const AGENTS: SweepParameter = { path: 'teams.billing.agents', values: [8, 10, 12] };
const ACCURACY: SweepParameter = { path: 'designs.one-number.ivr.accuracy', values: [0.8, 0.9] };
const LEVEL: SweepParameter = { path: 'run.serviceLevel', values: ['20s', '30s'] };

/** The grid the slow way: nested loops in parameter order. */
function nestedLoops(parameters: readonly SweepParameter[]): unknown[][] {
  let rows: unknown[][] = [[]];
  for (const p of parameters) rows = rows.flatMap((row) => p.values.map((v) => [...row, v]));
  return rows;
}

describe('SweepPlan', () => {
  it('has one point without assignments when there are no parameters', () => {
    const plan = new SweepPlan([]);
    expect(plan.size).toBe(1);
    expect(plan.point(0)).toEqual({ index: 0, assignments: [] });
    expect([...plan.indices()]).toEqual([0]);
  });

  it('is the cartesian product in row-major order, the last parameter varying fastest', () => {
    const plan = new SweepPlan([AGENTS, ACCURACY, LEVEL]);
    expect(plan.size).toBe(12);
    expect(plan.point(0)).toEqual({
      index: 0,
      assignments: [
        { path: 'teams.billing.agents', value: 8 },
        { path: 'designs.one-number.ivr.accuracy', value: 0.8 },
        { path: 'run.serviceLevel', value: '20s' },
      ],
    });
    expect(plan.point(1).assignments.map((a) => a.value)).toEqual([8, 0.8, '30s']);
    expect(plan.point(2).assignments.map((a) => a.value)).toEqual([8, 0.9, '20s']);
    expect(plan.point(4).assignments.map((a) => a.value)).toEqual([10, 0.8, '20s']);
    expect(plan.point(11).assignments.map((a) => a.value)).toEqual([12, 0.9, '30s']);
    const all = [...plan.indices()].map((i) => plan.point(i).assignments.map((a) => a.value));
    expect(all).toEqual(nestedLoops([AGENTS, ACCURACY, LEVEL]));
  });

  it('matches nested loops for uneven sizes', () => {
    const parameters: SweepParameter[] = [
      { path: 'a', values: [1, 2, 3, 4, 5] },
      { path: 'b', values: ['x'] },
      { path: 'c', values: [true, false, 'none'] },
      { path: 'd', values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] },
    ];
    const plan = new SweepPlan(parameters);
    expect(plan.size).toBe(105);
    const all = Array.from({ length: plan.size }, (_, i) => plan.point(i).assignments.map((a) => a.value));
    expect(all).toEqual(nestedLoops(parameters));
    expect(new Set(all.map((row) => JSON.stringify(row))).size).toBe(105);
  });

  it('computes any point from its index without the grid: a million points cost nothing', () => {
    const digits = Array.from({ length: 10 }, (_, i) => i);
    const parameters = Array.from({ length: 6 }, (_, k): SweepParameter => ({ path: `p${k}`, values: digits }));
    const start = performance.now();
    const plan = new SweepPlan(parameters);
    expect(plan.size).toBe(1_000_000);
    expect(plan.point(999_999).assignments.map((a) => a.value)).toEqual([9, 9, 9, 9, 9, 9]);
    expect(plan.point(123_456).assignments.map((a) => a.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.point(500_000).assignments.map((a) => a.value)).toEqual([5, 0, 0, 0, 0, 0]);
    expect(performance.now() - start).toBeLessThan(50);
    // Lazily: taking the first indices of a huge grid does not walk it.
    const huge = new SweepPlan(Array.from({ length: 15 }, (_, k): SweepParameter => ({ path: `p${k}`, values: digits })));
    expect(huge.size).toBe(1e15);
    const first: number[] = [];
    for (const i of huge.indices({ index: 3, count: 1000 })) {
      first.push(i);
      if (first.length === 3) break;
    }
    expect(first).toEqual([2, 1002, 2002]);
    expect(huge.point(1e15 - 1).assignments.every((a) => a.value === 9)).toBe(true);
  });

  it('keeps the parameters given, even if the caller changes its list afterwards', () => {
    const parameters = [AGENTS];
    const plan = new SweepPlan(parameters);
    parameters.push(ACCURACY);
    expect(plan.point(0).assignments).toHaveLength(1);
  });

  it('refuses points that do not exist and grids that cannot be numbered', () => {
    const plan = new SweepPlan([AGENTS, ACCURACY]);
    for (const index of [-1, 6, 1.5, Number.NaN]) {
      expect(() => plan.point(index)).toThrow(RangeError);
    }
    expect(() => plan.point(6)).toThrow('sweep point 6 does not exist: expected a whole number from 0 to 5');
    expect(() => new SweepPlan([{ path: 'x', values: [] }])).toThrow('sweep parameter x has no values');
    const thousand = Array.from({ length: 1000 }, (_, i) => i);
    expect(() => new SweepPlan(Array.from({ length: 6 }, (_, k) => ({ path: `p${k}`, values: thousand })))).toThrow(
      /too many points/,
    );
  });
});

describe('shards', () => {
  it('give shard K of N the indices i with i % N === K - 1', () => {
    const plan = new SweepPlan([AGENTS, ACCURACY, LEVEL]);
    expect([...plan.indices({ index: 1, count: 3 })]).toEqual([0, 3, 6, 9]);
    expect([...plan.indices({ index: 2, count: 3 })]).toEqual([1, 4, 7, 10]);
    expect([...plan.indices({ index: 3, count: 3 })]).toEqual([2, 5, 8, 11]);
    expect([...plan.indices({ index: 1, count: 1 })]).toEqual([...plan.indices()]);
    expect([...plan.indices({ index: 20, count: 20 })]).toEqual([]);
  });

  it('cover every index exactly once, whatever the numbers', () => {
    for (const size of [1, 7, 12, 100, 101]) {
      const plan = new SweepPlan([{ path: 'x', values: Array.from({ length: size }, (_, i) => i) }]);
      for (const count of [1, 2, 3, 7, 16, 150]) {
        const seen = new Array<number>(size).fill(0);
        for (let k = 1; k <= count; k++) {
          const shard = [...plan.indices({ index: k, count })];
          expect(shard).toEqual([...shard].sort((a, b) => a - b));
          for (const i of shard) seen[i]!++;
          // Round-robin: shard sizes differ by at most one.
          expect(Math.abs(shard.length - size / count)).toBeLessThan(1);
        }
        expect(seen.every((n) => n === 1), `size ${size}, ${count} shards`).toBe(true);
      }
    }
  });

  it('refuse shards outside 1..N', () => {
    const plan = new SweepPlan([AGENTS]);
    for (const shard of [
      { index: 0, count: 3 },
      { index: 4, count: 3 },
      { index: 1, count: 0 },
      { index: 1.5, count: 3 },
    ]) {
      expect(() => [...plan.indices(shard)]).toThrow(RangeError);
    }
  });
});

describe('parseShard', () => {
  it('reads K/N', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard(' 4 / 4 ')).toEqual({ index: 4, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it('refuses anything else, naming the option', () => {
    for (const text of ['0/4', '5/4', '1/0', '0/0', '1', '1/4/2', 'a/b', '-1/4', '1.5/4', '', '1/']) {
      let error: unknown;
      try {
        parseShard(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(SweepOptionError);
      expect((error as SweepOptionError).option).toBe('--shard');
      expect((error as Error).message).toBe(
        `--shard: found ${JSON.stringify(text)}, expected K/N with whole numbers 1 ≤ K ≤ N, e.g. 1/4 for the first of four shards`,
      );
    }
  });
});
