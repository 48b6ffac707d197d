// The field scenarios of scenarios/: each loads through the real loader, runs with fixed
// seeds, and gives its headline answer in the direction its header and docs/scenarios.md
// state. A direction holds when the 99.9% interval of the paired difference (same callers
// in both designs) lies wholly on its side, beyond the margin stated; a figure that theory
// gives exactly (Erlang C, the count of Poisson arrivals, a self-service share) must lie
// in the 99.9% interval of the run.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.ts';
import { simulateDesigns } from '../../src/experiment/run-experiment.ts';
import type { DesignReplications } from '../../src/metrics/summarise.ts';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';
import { series } from '../support/run.ts';
import { expectBinomialShare, expectPairedAbove, expectWithinInterval } from '../support/statistics.ts';

function load(file: string, replications: number): Scenario {
  return withOverrides(loadScenario(`scenarios/${file}`, nodeFileSource), { replications });
}

/** Busy agent-hours of a design in each replication: occupancy x staffed hours, over its teams. */
function busyHours(runs: readonly DesignReplications[], design: string): number[] {
  const d = runs.find((x) => x.design === design)!;
  return d.replications.map((r) => Object.values(r.byTeam).reduce((sum, team) => sum + team.occupancy * team.agentHours, 0));
}

describe('numbers-2.2-vs-4.6: more numbers, more wrong numbers', () => {
  const runs = simulateDesigns(load('numbers-2.2-vs-4.6.yaml', 10));
  const s = (design: string, metric: Parameters<typeof series>[2]): number[] => series(runs, design, metric);

  it('compares the designs at equal staffing', () => {
    const hours = s('two-numbers', 'agentHours');
    for (const design of ['five-numbers', 'one-number-ivr', 'five-numbers-right-0.9']) {
      s(design, 'agentHours').forEach((v, i) => expect(v).toBeCloseTo(hours[i]!, 6));
    }
  });

  it('gives five numbers more misroutes and transfers than two, and than one number with an IVR', () => {
    expectPairedAbove('misroutedShare, five - two', s('five-numbers', 'misroutedShare'), s('two-numbers', 'misroutedShare'), 0.08);
    expectPairedAbove('transfersPerCall, five - two', s('five-numbers', 'transfersPerCall'), s('two-numbers', 'transfersPerCall'), 0.08);
    expectPairedAbove('transfersPerCall, five - IVR', s('five-numbers', 'transfersPerCall'), s('one-number-ivr', 'transfersPerCall'), 0.08);
  });

  it('makes callers of five numbers call more, wait more and get their issue settled less often', () => {
    expectPairedAbove('contactsPerIssue', s('five-numbers', 'contactsPerIssue'), s('two-numbers', 'contactsPerIssue'));
    expectPairedAbove('waitPerIssue', s('five-numbers', 'waitPerIssue'), s('two-numbers', 'waitPerIssue'));
    expectPairedAbove('fcr', s('two-numbers', 'fcr'), s('five-numbers', 'fcr'));
    expectPairedAbove('serviceLevel', s('two-numbers', 'serviceLevel'), s('five-numbers', 'serviceLevel'));
  });
});

describe('la-poste-3631: a week at 8 million calls a year', () => {
  const REPLICATIONS = 3;
  const scenario = load('la-poste-3631.yaml', REPLICATIONS);
  const arrivals = scenario.demand.arrivals;
  if (arrivals.kind !== 'profile') throw new Error('expected an arrival profile');
  const perDay = arrivals.ratesPerSecond.reduce((sum, rate) => sum + rate * arrivals.every, 0);

  it('has a daily profile whose average is 8 million new issues a year', () => {
    expect(arrivals.every * arrivals.ratesPerSecond.length).toBe(86_400);
    expect(Math.abs((perDay * 365) / 8_000_000 - 1)).toBeLessThan(1e-4);
  });

  const runs = simulateDesigns(scenario);

  it('counts seven days of Poisson arrivals, the same in both designs, which staff the same agent-hours', () => {
    // From the end of the first day to 20:00 of the eighth: seven days of the profile.
    const issues = series(runs, '3631', 'issues');
    const expected = 7 * perDay * REPLICATIONS;
    const total = issues.reduce((sum, n) => sum + n, 0);
    expect(Math.abs(total - expected)).toBeLessThan(3.29 * Math.sqrt(expected));
    expect(series(runs, 'flat-staffing', 'issues')).toEqual(issues);
    const hours = series(runs, '3631', 'agentHours');
    series(runs, 'flat-staffing', 'agentHours').forEach((v, i) => expect(v).toBeCloseTo(hours[i]!, 6));
  });

  it('settles 60% of the tracking calls that reach the IVR, and no call of any other intent', () => {
    const tracking = { intent: 'tracking' };
    // Calls on a closed line never reach the IVR: the share is of the others.
    const closed = series(runs, '3631', 'closedShare', tracking);
    const reached = series(runs, '3631', 'calls', tracking).map((calls, i) => calls * (1 - closed[i]!));
    const shares = series(runs, '3631', 'selfServedShare', tracking).map((share, i) => share / (1 - closed[i]!));
    expect(Math.min(...closed)).toBeGreaterThan(0.05);
    expectBinomialShare('tracking selfServedShare', shares, reached, 0.6);
    for (const intent of ['delivery', 'claims', 'services', 'other']) {
      for (const v of series(runs, '3631', 'selfServedShare', { intent })) expect(v).toBe(0);
    }
  });

  it('serves callers far better when the schedule follows the profile than with flat staffing', () => {
    expectPairedAbove('serviceLevel', series(runs, '3631', 'serviceLevel'), series(runs, 'flat-staffing', 'serviceLevel'), 0.2);
    expectPairedAbove('abandonRate', series(runs, 'flat-staffing', 'abandonRate'), series(runs, '3631', 'abandonRate'));
    expectPairedAbove('resolvedShare', series(runs, '3631', 'resolvedShare'), series(runs, 'flat-staffing', 'resolvedShare'));
  });
});

describe('handle-cap-3m30: the cap pays in repeat calls', () => {
  const runs = simulateDesigns(load('handle-cap-3m30.yaml', 10));
  const s = (design: string, metric: Parameters<typeof series>[2]): number[] => series(runs, design, metric);

  it('cuts a sizeable share of calls', () => {
    for (const v of s('no-cap', 'cappedShare')) expect(v).toBe(0);
    expectPairedAbove('cappedShare', s('cap-3m30s', 'cappedShare'), s('no-cap', 'cappedShare'), 0.2);
  });

  it('brings more calls per issue, fewer issues resolved and more waiting per issue', () => {
    expectPairedAbove('contactsPerIssue', s('cap-3m30s', 'contactsPerIssue'), s('no-cap', 'contactsPerIssue'), 0.2);
    expectPairedAbove('resolvedShare', s('no-cap', 'resolvedShare'), s('cap-3m30s', 'resolvedShare'));
    expectPairedAbove('waitPerIssue', s('cap-3m30s', 'waitPerIssue'), s('no-cap', 'waitPerIssue'));
  });

  it('does not save agent time: agents are busier and each resolved issue costs more', () => {
    expectPairedAbove('busy agent-hours', busyHours(runs, 'cap-3m30s'), busyHours(runs, 'no-cap'));
    expectPairedAbove('costPerResolved', s('cap-3m30s', 'costPerResolved'), s('no-cap', 'costPerResolved'));
  });
});

describe('dedicated-advisor: four numbers, one number with pooled agents, one with advisors', () => {
  const runs = simulateDesigns(load('dedicated-advisor.yaml', 10));
  const s = (design: string, metric: Parameters<typeof series>[2]): number[] => series(runs, design, metric);

  it('compares the designs at equal staffing on the same new issues', () => {
    for (const design of ['one-number-pooled', 'advisor-if-free', 'advisor-waits-2m']) {
      expect(s(design, 'issues')).toEqual(s('four-numbers', 'issues'));
      s(design, 'agentHours').forEach((v, i) => expect(v).toBeCloseTo(s('four-numbers', 'agentHours')[i]!, 6));
    }
  });

  it('one number misroutes and transfers less than four: the IVR routes better, repeat calls skip it', () => {
    expectPairedAbove('misroutedShare', s('four-numbers', 'misroutedShare'), s('one-number-pooled', 'misroutedShare'), 0.05);
    expectPairedAbove('transfersPerIssue', s('four-numbers', 'transfersPerIssue'), s('one-number-pooled', 'transfersPerIssue'), 0.1);
  });

  it('an advisor taken when free saves re-explaining at no cost in waiting', () => {
    expectPairedAbove('reexplainPerIssue', s('one-number-pooled', 'reexplainPerIssue'), s('advisor-if-free', 'reexplainPerIssue'), 8);
    // Only who answers changes, not how many are free: waits no longer than pooled, within 2 s.
    expectPairedAbove('waitPerIssue, pooled + 2 s - if free', s('one-number-pooled', 'waitPerIssue').map((w) => w + 2), s('advisor-if-free', 'waitPerIssue'));
  });

  it('waiting up to 2 minutes for a busy advisor saves more re-explaining but loses callers', () => {
    for (const share of s('advisor-waits-2m', 'sameAgentShare')) expect(share).toBeGreaterThan(0.55);
    expectPairedAbove('reexplainPerIssue', s('advisor-if-free', 'reexplainPerIssue'), s('advisor-waits-2m', 'reexplainPerIssue'), 8);
    expectPairedAbove('waitPerIssue', s('advisor-waits-2m', 'waitPerIssue'), s('one-number-pooled', 'waitPerIssue'), 5);
    expectPairedAbove('abandonRate', s('advisor-waits-2m', 'abandonRate'), s('one-number-pooled', 'abandonRate'), 0.02);
    expectPairedAbove('resolvedShare', s('one-number-pooled', 'resolvedShare'), s('advisor-waits-2m', 'resolvedShare'));
  });
});

describe('pooling-vs-misrouting: six extra agents against misroutes', () => {
  const runs = simulateDesigns(load('pooling-vs-misrouting.yaml', 10), {
    designs: ['pooled-36', 'specialists-right-1.00', 'specialists-right-0.95', 'specialists-right-0.90', 'specialists-right-0.80', 'specialists-12-right-1.00'],
  });
  const sl = (design: string): number[] => series(runs, design, 'serviceLevel');
  const erlangSl = (agents: number, perHour: number): number =>
    erlangC({ arrivalRate: perHour / 3600, meanService: 180, agents }).serviceLevel(20);

  it('agrees with Erlang C where every caller dials right: 0.891 pooled, 0.888 per specialist team', () => {
    expect(erlangSl(36, 600)).toBeCloseTo(0.891, 3);
    expect(erlangSl(14, 200)).toBeCloseTo(0.888, 3);
    expectWithinInterval('pooled-36 serviceLevel', sl('pooled-36'), erlangSl(36, 600));
    expectWithinInterval('specialists-right-1.00 serviceLevel', sl('specialists-right-1.00'), erlangSl(14, 200));
    expectWithinInterval('specialists-12-right-1.00 serviceLevel', sl('specialists-12-right-1.00'), erlangSl(12, 200));
  });

  it('lowers the specialists service level as misroutes rise, below the pooled team at 20%', () => {
    expectPairedAbove('1.00 - 0.95', sl('specialists-right-1.00'), sl('specialists-right-0.95'));
    expectPairedAbove('0.95 - 0.90', sl('specialists-right-0.95'), sl('specialists-right-0.90'));
    expectPairedAbove('0.90 - 0.80', sl('specialists-right-0.90'), sl('specialists-right-0.80'));
    expectPairedAbove('pooled - 0.80', sl('pooled-36'), sl('specialists-right-0.80'), 0.04);
  });

  it('shows the pooling gain at equal staffing: three teams of 12 fall far behind 36 pooled agents', () => {
    expectPairedAbove('pooled - 12 each', sl('pooled-36'), sl('specialists-12-right-1.00'), 0.15);
  });
});
