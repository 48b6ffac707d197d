import { describe, expect, it } from 'vitest';
import { runSweep, type SweepPointResult } from '../../src/index.ts';
import { spoc } from '../support/spoc-cli.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';
const SETS = ['teams.billing.agents=7,8', 'designs.one-number.ivr.accuracy=0.9'];

describe('runSweep', () => {
  it('gives every point in order with the figures of spoc sweep -f jsonl', async () => {
    const told: number[] = [];
    let progress: readonly number[] = [];
    const points = await runSweep(SMALL, {
      sets: SETS,
      replications: 2,
      workers: 2,
      onPoint: (point: SweepPointResult) => told.push(point.index),
      onProgress: (...counts) => (progress = counts),
    });
    expect(points.map((p) => p.index)).toEqual([0, 1]);
    expect(told).toEqual([0, 1]);
    expect(progress).toEqual([2, 2, 4, 4]);
    expect(points[1]!.assignments).toEqual([
      { path: 'teams.billing.agents', value: 8 },
      { path: 'designs.one-number.ivr.accuracy', value: 0.9 },
    ]);
    const { code, out } = await spoc('sweep', SMALL, ...SETS.flatMap((s) => ['--set', s]), '-r', '2', '-f', 'jsonl', '--no-progress');
    expect(code).toBe(0);
    const rows = out.trimEnd().split('\n').map((line) => JSON.parse(line) as { point: number; params: object; design: string; metrics: object });
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const point = points[row.point]!;
      expect(Object.fromEntries(point.assignments.map((a) => [a.path, a.value]))).toEqual(row.params);
      expect(JSON.parse(JSON.stringify(point.result.designs[row.design]!.metrics))).toEqual(row.metrics);
    }
  });

  it('refuses a malformed set with the InputError of --set', async () => {
    await expect(runSweep(SMALL, { sets: ['teams.billing.agents'] })).rejects.toThrow(/--set: found "teams\.billing\.agents", expected PATH=VALUES/);
  });
});
