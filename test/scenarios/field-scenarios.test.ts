// The field scenarios of scenarios/: each loads through the real loader, runs with a few
// replications, and gives its headline answer in the direction its header and
// docs/scenarios.md state. Only directions that hold by a wide margin are asserted (fixed
// seeds, so no flakes; wide margins, so that a change in the random streams does not
// break them).
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.ts';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import type { DesignMetric, TeamMetric } from '../../src/metrics/metric-catalogue.ts';
import type { RunResult } from '../../src/metrics/results.ts';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

function load(file: string, replications: number): Scenario {
  return withOverrides(loadScenario(`scenarios/${file}`, nodeFileSource), { replications });
}

/** Mean over replications of a design metric. */
function metric(result: RunResult, design: string, name: DesignMetric): number {
  const value = result.designs[design]?.metrics[name]?.mean;
  if (value === undefined) throw new Error(`no metric ${name} for design ${design}`);
  return value;
}

/** Mean over replications of a team metric. */
function teamMetric(result: RunResult, design: string, team: string, name: TeamMetric): number {
  const value = result.designs[design]?.byTeam[team]?.[name]?.mean;
  if (value === undefined) throw new Error(`no metric ${name} for team ${team} of design ${design}`);
  return value;
}

/** Busy agent-hours of a design: occupancy x staffed hours, over its teams. */
function busyHours(result: RunResult, design: string): number {
  const teams = result.designs[design]?.byTeam ?? {};
  return Object.keys(teams).reduce(
    (sum, team) => sum + teamMetric(result, design, team, 'occupancy') * teamMetric(result, design, team, 'agentHours'),
    0,
  );
}

describe('numbers-2.2-vs-4.6: more numbers, more wrong numbers', () => {
  const scenario = load('numbers-2.2-vs-4.6.yaml', 2);
  const result = runExperiment(scenario);

  it('compares the designs at equal staffing', () => {
    const hours = metric(result, 'two-numbers', 'agentHours');
    for (const design of ['five-numbers', 'one-number-ivr', 'five-numbers-right-0.9']) {
      expect(metric(result, design, 'agentHours')).toBeCloseTo(hours, 6);
    }
  });

  it('gives five numbers more misroutes and transfers than two, and than one number with an IVR', () => {
    expect(metric(result, 'five-numbers', 'misroutedShare')).toBeGreaterThan(metric(result, 'two-numbers', 'misroutedShare') + 0.08);
    expect(metric(result, 'five-numbers', 'transfersPerCall')).toBeGreaterThan(metric(result, 'two-numbers', 'transfersPerCall') + 0.08);
    expect(metric(result, 'five-numbers', 'transfersPerCall')).toBeGreaterThan(metric(result, 'one-number-ivr', 'transfersPerCall') + 0.08);
  });

  it('makes callers of five numbers call more, wait more and get their issue settled less often', () => {
    expect(metric(result, 'five-numbers', 'contactsPerIssue')).toBeGreaterThan(metric(result, 'two-numbers', 'contactsPerIssue'));
    expect(metric(result, 'five-numbers', 'waitPerIssue')).toBeGreaterThan(metric(result, 'two-numbers', 'waitPerIssue'));
    expect(metric(result, 'five-numbers', 'fcr')).toBeLessThan(metric(result, 'two-numbers', 'fcr'));
    expect(metric(result, 'five-numbers', 'serviceLevel')).toBeLessThan(metric(result, 'two-numbers', 'serviceLevel'));
  });
});

describe('la-poste-3631: a week at 8 million calls a year', () => {
  const scenario = load('la-poste-3631.yaml', 2);

  it('has a daily profile whose average is 8 million new issues a year', () => {
    const arrivals = scenario.demand.arrivals;
    if (arrivals.kind !== 'profile') throw new Error('expected an arrival profile');
    expect(arrivals.every * arrivals.ratesPerSecond.length).toBe(86_400);
    const perDay = arrivals.ratesPerSecond.reduce((sum, rate) => sum + rate * arrivals.every, 0);
    expect(Math.abs((perDay * 365) / 8_000_000 - 1)).toBeLessThan(1e-4);
  });

  const result = runExperiment(scenario);

  it('counts seven days of issues, and both designs staff the same agent-hours', () => {
    const issues = metric(result, '3631', 'issues');
    expect(issues / (7 * 8_000_000 / 365)).toBeGreaterThan(0.98);
    expect(issues / (7 * 8_000_000 / 365)).toBeLessThan(1.02);
    expect(metric(result, 'flat-staffing', 'agentHours')).toBeCloseTo(metric(result, '3631', 'agentHours'), 6);
  });

  it('settles about a quarter of calls in the IVR (tracking only)', () => {
    const selfServed = metric(result, '3631', 'selfServedShare');
    expect(selfServed).toBeGreaterThan(0.2);
    expect(selfServed).toBeLessThan(0.3);
  });

  it('serves callers far better when the schedule follows the profile than with flat staffing', () => {
    expect(metric(result, '3631', 'serviceLevel')).toBeGreaterThan(metric(result, 'flat-staffing', 'serviceLevel') + 0.2);
    expect(metric(result, '3631', 'abandonRate')).toBeLessThan(metric(result, 'flat-staffing', 'abandonRate'));
    expect(metric(result, '3631', 'resolvedShare')).toBeGreaterThan(metric(result, 'flat-staffing', 'resolvedShare'));
  });
});

describe('handle-cap-3m30: the cap pays in repeat calls', () => {
  const result = runExperiment(load('handle-cap-3m30.yaml', 2));

  it('cuts a sizeable share of calls', () => {
    expect(metric(result, 'no-cap', 'cappedShare')).toBe(0);
    expect(metric(result, 'cap-3m30s', 'cappedShare')).toBeGreaterThan(0.2);
  });

  it('brings more calls per issue, fewer issues resolved and more waiting per issue', () => {
    expect(metric(result, 'cap-3m30s', 'contactsPerIssue')).toBeGreaterThan(metric(result, 'no-cap', 'contactsPerIssue') + 0.2);
    expect(metric(result, 'cap-3m30s', 'resolvedShare')).toBeLessThan(metric(result, 'no-cap', 'resolvedShare'));
    expect(metric(result, 'cap-3m30s', 'waitPerIssue')).toBeGreaterThan(metric(result, 'no-cap', 'waitPerIssue'));
  });

  it('does not save agent time: agents are busier and each resolved issue costs more', () => {
    expect(busyHours(result, 'cap-3m30s')).toBeGreaterThan(busyHours(result, 'no-cap'));
    expect(metric(result, 'cap-3m30s', 'costPerResolved')).toBeGreaterThan(metric(result, 'no-cap', 'costPerResolved'));
  });
});

describe('dedicated-advisor: continuity on repeat calls', () => {
  const result = runExperiment(load('dedicated-advisor.yaml', 2));

  it('leaves first calls alone but sends repeat calls past the IVR: fewer misroutes and transfers', () => {
    expect(metric(result, 'continuity', 'issues')).toBe(metric(result, 'ivr-every-call', 'issues'));
    expect(metric(result, 'continuity', 'misroutedShare')).toBeLessThan(metric(result, 'ivr-every-call', 'misroutedShare') - 0.02);
    expect(metric(result, 'continuity', 'transfersPerIssue')).toBeLessThan(metric(result, 'ivr-every-call', 'transfersPerIssue'));
  });

  it('shortens the time on the phone per issue (no menu, no misroute on repeat calls)', () => {
    expect(metric(result, 'continuity', 'phoneTimePerIssue')).toBeLessThan(metric(result, 'ivr-every-call', 'phoneTimePerIssue'));
  });
});

describe('pooling-vs-misrouting: six extra agents against misroutes', () => {
  const scenario = load('pooling-vs-misrouting.yaml', 5);
  const result = runExperiment(scenario, {
    designs: ['pooled-36', 'specialists-right-1.00', 'specialists-right-0.95', 'specialists-right-0.90', 'specialists-right-0.80', 'specialists-12-right-1.00'],
  });
  const sl = (design: string): number => metric(result, design, 'serviceLevel');
  const erlangSl = (agents: number, perHour: number): number =>
    erlangC({ arrivalRate: perHour / 3600, meanService: 180, agents }).serviceLevel(20);

  it('agrees with Erlang C where every caller dials right: 0.891 pooled, 0.888 per specialist team', () => {
    expect(erlangSl(36, 600)).toBeCloseTo(0.891, 3);
    expect(erlangSl(14, 200)).toBeCloseTo(0.888, 3);
    expect(Math.abs(sl('pooled-36') - erlangSl(36, 600))).toBeLessThan(0.03);
    expect(Math.abs(sl('specialists-right-1.00') - erlangSl(14, 200))).toBeLessThan(0.03);
    expect(Math.abs(sl('pooled-36') - sl('specialists-right-1.00'))).toBeLessThan(0.03);
  });

  it('lowers the specialists service level as misroutes rise, below the pooled team at 20%', () => {
    expect(sl('specialists-right-0.95')).toBeLessThan(sl('specialists-right-1.00'));
    expect(sl('specialists-right-0.90')).toBeLessThan(sl('specialists-right-0.95'));
    expect(sl('specialists-right-0.80')).toBeLessThan(sl('specialists-right-0.90'));
    expect(sl('specialists-right-0.80')).toBeLessThan(sl('pooled-36') - 0.04);
  });

  it('shows the pooling gain at equal staffing: three teams of 12 fall far behind 36 pooled agents', () => {
    expect(sl('specialists-12-right-1.00')).toBeLessThan(sl('pooled-36') - 0.15);
  });
});
