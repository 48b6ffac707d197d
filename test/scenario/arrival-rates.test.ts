import { describe, expect, it } from 'vitest';
import { meanArrivalRate, peakArrivalRate, ratePattern, rateSegments } from '../../src/scenario/arrival-rates.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { oneTeamYaml } from '../support/one-team.ts';

const arrivalsOf = (arrivals: string, start = 'Mon 00:00') => {
  const yaml = oneTeamYaml(`start: "${start}", horizon: 8h`).replace(/arrivals: .*/, `arrivals: ${arrivals}`);
  const scenario = parseScenario(yaml, 'rates.yaml');
  return { arrivals: scenario.demand.arrivals, start: scenario.run.start };
};

describe('the rates of a profile by day', () => {
  const { arrivals, start } = arrivalsOf('{ profile: { every: 6h, byDay: { mon-fri: [0, 3600, 7200], sun: [1800, 0, 0, 1800] } } }', 'Sun 18:00');

  it('make a week of intervals from Monday 00:00, a shorter list ending in 0, days not listed at 0', () => {
    const pattern = ratePattern(arrivals, start)!;
    expect(pattern.every).toBe(21_600);
    expect(pattern.offset).toBe(6 * 86_400 + 18 * 3_600);
    const day = (d: number): readonly number[] => pattern.rates.slice(4 * d, 4 * d + 4);
    expect(day(0)).toEqual([0, 1, 2, 0]);
    expect(day(4)).toEqual([0, 1, 2, 0]);
    expect(day(5)).toEqual([0, 0, 0, 0]);
    expect(day(6)).toEqual([0.5, 0, 0, 0.5]);
  });

  it('have the mean of the days a run covers and the peak interval', () => {
    // A week from Sunday 18:00 has the week's mean; 8 hours from it, 6 at 0.5 and 2 at 0.
    expect(meanArrivalRate(arrivals, start, 7 * 86_400)).toBeCloseTo((5 * 3 + 1) / 28, 12);
    // Two weeks and a day: Sunday 18:00-24:00 at 0.5, then Monday 00:00-18:00 at 0, 1 and 2.
    expect(meanArrivalRate(arrivals, start, 15 * 86_400)).toBeCloseTo((2 * 7 * 86_400 * ((5 * 3 + 1) / 28) + 6 * 3_600 * 3.5) / (15 * 86_400), 12);
    expect(meanArrivalRate(arrivals, start, 8 * 3_600)).toBeCloseTo((6 * 0.5) / 8, 12);
    expect(peakArrivalRate(arrivals)).toBe(2);
  });

  it('give the run’s stretches of one rate from run.start: Sunday 18:00 to Monday 08:00', () => {
    expect(rateSegments(arrivals, start, 8 * 3_600)).toEqual([
      { from: 0, to: 21_600, ratePerSecond: 0.5 },
      { from: 21_600, to: 28_800, ratePerSecond: 0 },
    ]);
  });
});

describe('the rates of a repeating profile', () => {
  it('start with the run whatever run.start says, cut at the horizon', () => {
    const { arrivals, start } = arrivalsOf('{ profile: { every: 3h, rates: [3600, 0] } }', 'Wed 10:00');
    expect(ratePattern(arrivals, start)!.offset).toBe(0);
    expect(rateSegments(arrivals, start, 8 * 3_600).map((s) => [s.from, s.to, s.ratePerSecond])).toEqual([
      [0, 10_800, 1],
      [10_800, 21_600, 0],
      [21_600, 28_800, 1],
    ]);
  });

  it('are one stretch for a constant rate', () => {
    const { arrivals, start } = arrivalsOf('{ rate: 7200 }');
    expect(ratePattern(arrivals, start)).toBeUndefined();
    expect(rateSegments(arrivals, start, 100)).toEqual([{ from: 0, to: 100, ratePerSecond: 2 }]);
  });
});
