import { describe, expect, it } from 'vitest';
import { baseArrivals, dailyVolumeRule } from '../../src/callcenter/arrival-source.ts';
import { dailyVolumeStream } from '../../src/callcenter/streams.ts';
import { createStream } from '../../src/engine/random.ts';
import type { ArrivalProcess } from '../../src/engine/poisson-process.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { oneTeamYaml } from '../support/one-team.ts';

const scenarioOf = (run: string, arrivals: string) => parseScenario(oneTeamYaml(run).replace(/arrivals: .*/, `arrivals: ${arrivals}`), 'source.yaml');

function times(process: ArrivalProcess, until: number): number[] {
  const rng = createStream(1, 0, 'arrivals');
  const out: number[] = [];
  for (let t = process.next(0, rng); t < until; t = process.next(t, rng)) out.push(t);
  return out;
}

describe('the arrival source of a run', () => {
  it('has no day rule without dailyVolume or with a cv of 0', () => {
    for (const arrivals of ['{ rate: 60/h }', '{ rate: 60/h, dailyVolume: { cv: 0 } }']) {
      const scenario = scenarioOf('horizon: 2d', arrivals);
      expect(dailyVolumeRule(scenario.demand.arrivals, scenario.run)).toBeNull();
    }
  });

  it('starts a profile by day at run.start: from Tuesday 08:00, Tuesday’s 08:00 interval comes first', () => {
    const scenario = scenarioOf('start: "Tue 08:00", horizon: 1d', '{ profile: { every: 1h, byDay: { tue: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3600] } } }');
    const arrivals = times(baseArrivals(scenario.demand.arrivals, scenario.run), 86_400);
    // Only Tuesday 09:00-10:00 has calls: one hour after the start.
    expect(arrivals.length).toBeGreaterThan(3000);
    expect(arrivals.every((t) => t >= 3600 && t < 7200)).toBe(true);
  });

  it('draws the day factors of each replication from its own stream, for every day the horizon touches', () => {
    const scenario = scenarioOf('start: "Mon 18:00", horizon: 1d', '{ rate: 3600, dailyVolume: { cv: 0.5 } }');
    const rule = dailyVolumeRule(scenario.demand.arrivals, scenario.run)!;
    const count = (replication: number, from: number, to: number): number =>
      times(rule.forReplication(dailyVolumeStream(1, replication)), Infinity).filter((t) => t >= from && t < to).length;
    // Monday 18:00 to 24:00, then Tuesday to its 24:00 (run time 30 h) and no further: two days, two factors.
    expect(count(0, 30 * 3600, Infinity)).toBe(0);
    const monday = count(0, 0, 6 * 3600) / 6;
    const tuesday = count(0, 6 * 3600, 30 * 3600) / 24;
    expect(Math.abs(monday / tuesday - 1)).toBeGreaterThan(0.05);
    // The same replication draws the same days; another replication other ones.
    expect(count(0, 0, 30 * 3600)).toBe(count(0, 0, 30 * 3600));
    expect(count(1, 0, 30 * 3600)).not.toBe(count(0, 0, 30 * 3600));
  });
});
