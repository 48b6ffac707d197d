// Dedicated advisors (continuity: advisor) against exact results: with advisorWait 0 and no
// re-explaining the same figures as team continuity on the same draws; a one-agent team
// with callbacks is the M/M/1 node of a Jackson network with feedback; Little's law holds.
import { describe, expect, it } from 'vitest';
import { jacksonNetwork } from '../../src/analytic/jackson.ts';
import type { DesignReplications } from '../../src/metrics/summarise.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const RESOLVE = 0.7;

/** One intent, callbacks of every unresolved issue; `designs` are spliced in under a team block. */
function centre(agents: string, rate: string, patience: string, designs: string, demand = ''): string {
  return `
name: advisors
run: { horizon: 60h, warmup: 2h, replications: 8, seed: 41 }
demand:
  arrivals: { rate: ${rate} }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 3m }, resolve: ${RESOLVE} }
  patience: ${patience}
  callback: { probability: 1, after: { dist: exponential, mean: 20m } }
${demand}
teams:
  team: { agents: ${agents}, skills: [any] }
designs:
${designs}`;
}

const design = (name: string, fields: string): string => `  ${name}:\n    numbers: [ { dial: "1", to: team } ]\n${fields}\n`;

const metricsOf = (runs: readonly DesignReplications[], name: string) =>
  runs.find((d) => d.design === name)!.replications.map((r) => r.metrics);

describe('continuity: advisor', () => {
  it('with advisorWait 0 and no re-explaining, gives the figures of team continuity on the same draws', () => {
    const staffing = '{ every: 1h, counts: [9, 7, 11, 8] }';
    const runs = simulateYaml(
      centre(staffing, '150/h', '{ dist: exponential, mean: 2m }', design('team', '    continuity: team') + design('advisor', '    continuity: advisor\n    advisorWait: 0s')),
    );
    expect(metricsOf(runs, 'advisor')).toEqual(metricsOf(runs, 'team'));
  });

  it('with one agent, is the M/M/1 node of a Jackson network with callbacks fed back', () => {
    const rate = 12 / 3600;
    const runs = simulateYaml(centre('1', '12/h', 'none', design('advisor', '    continuity: advisor')));
    const node = jacksonNetwork({ externalArrivalRates: [rate], routing: [[1 - RESOLVE]], agents: [1], serviceRates: [1 / 180] }).nodes[0]!;
    expectWithinInterval('waitMean', series(runs, 'advisor', 'waitMean'), node.waitMean);
    expectWithinInterval('occupancy', series(runs, 'advisor', 'occupancy', { team: 'team' }), node.occupancy);
  });

  it("keeps Little's law with callers waiting for their advisor counted in the team's queue", () => {
    const runs = simulateYaml(
      centre('12', '200/h', '{ dist: exponential, mean: 4m }', design('advisor', '    continuity: advisor\n    advisorWait: 2m')).replace('horizon: 60h, warmup: 2h, replications: 8, seed: 41 }', 'horizon: 400h, warmup: 0s, replications: 8, seed: 41, drain: true }'),
    );
    // No warm-up: every issue's calls are counted. Callbacks still come in the drain, their
    // waits outside the length's window: a bias of order 1/horizon, small at 400 h.
    const window = 400 * 3600;
    const length = series(runs, 'advisor', 'queueLength', { team: 'team' });
    const entries = series(runs, 'advisor', 'queueEntries', { team: 'team' });
    const wait = series(runs, 'advisor', 'waitMean', { team: 'team' });
    expectWithinInterval('L - λW', length.map((l, r) => l - (entries[r]! / window) * wait[r]!), 0);
    expect(Math.min(...length)).toBeGreaterThan(0.05);
  });

  it('waiting forever for the advisor, never re-explains; without waiting, re-explains on some repeat calls', () => {
    const fields = (wait: string): string => `    continuity: advisor\n    advisorWait: ${wait}`;
    const runs = simulateYaml(
      centre('12', '200/h', 'none', design('forever', '    continuity: advisor') + design('none', fields('0s')) + design('team', '    continuity: team'), '  reexplainOnRepeat: 1m'),
    );
    for (const v of series(runs, 'forever', 'reexplainPerIssue')) expect(v).toBe(0);
    const none = series(runs, 'none', 'reexplainPerIssue');
    const team = series(runs, 'team', 'reexplainPerIssue');
    none.forEach((v, r) => {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(team[r]!);
    });
  });
});
