// The teaching scenarios of scenarios/students/: each loads through the real loader and runs
// with 2 replications; where docs/guide-students.md quotes a figure from theory, the
// simulated mean is checked to lie within a loose distance of it (two to three standard
// deviations of a 2-replication mean, fixed seeds). These are smoke checks, not statistical
// tests: the precise comparisons with Erlang C, Erlang A, the Jackson network and Little's
// law are in test/validation/.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../src/analytic/index.ts';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import type { DesignMetric, TeamMetric } from '../../src/metrics/metric-catalogue.ts';
import type { RunResult } from '../../src/metrics/results.ts';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

const DIR = 'scenarios/students';
const REPLICATIONS = 2;

function load(file: string): Scenario {
  return withOverrides(loadScenario(`${DIR}/${file}`, nodeFileSource), { replications: REPLICATIONS });
}

function metric(result: RunResult, design: string, name: DesignMetric): number {
  const value = result.designs[design]?.metrics[name]?.mean;
  if (value === undefined || value === null) throw new Error(`no metric ${name} for design ${design}`);
  return value;
}

function teamMetric(result: RunResult, design: string, team: string, name: TeamMetric): number {
  const value = result.designs[design]?.byTeam[team]?.[name]?.mean;
  if (value === undefined || value === null) throw new Error(`no metric ${name} for team ${team} of design ${design}`);
  return value;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('student scenarios', () => {
  it('include the three the guide uses', () => {
    expect(files).toEqual(expect.arrayContaining(['erlang-a.yaml', 'erlang-c.yaml', 'misrouting.yaml']));
  });

  for (const file of files) {
    it(`${file} loads and runs every design`, () => {
      const scenario = load(file);
      const result = runExperiment(scenario);
      expect(result.replications).toBe(REPLICATIONS);
      const designs = Object.keys(result.designs);
      expect(designs.length).toBeGreaterThan(0);
      for (const design of designs) {
        expect(metric(result, design, 'issues')).toBeGreaterThan(1000);
        expect(Number.isFinite(metric(result, design, 'waitMean'))).toBe(true);
        // Drained runs: every counted issue ends resolved or given up.
        expect(metric(result, design, 'resolvedShare') + metric(result, design, 'givenUpShare')).toBeCloseTo(1, 6);
      }
    });
  }
});

// 120 calls an hour, 4 minutes of exponential talk, 10 agents: 8 Erlangs.
const DESK = { arrivalRate: 120 / 3600, meanService: 240, agents: 10 };
const WINDOW = 23 * 3600; // horizon 24h, warm-up 1h

describe('erlang-c.yaml against Erlang C', () => {
  const theory = erlangC(DESK);
  const result = runExperiment(load('erlang-c.yaml'));

  it('has the theory the guide quotes', () => {
    expect(theory.pWait).toBeCloseTo(0.409, 3);
    expect(theory.waitMean).toBeCloseTo(49.1, 1);
    expect(theory.serviceLevel(20)).toBeCloseTo(0.654, 3);
  });

  it('lands near it', () => {
    expect(Math.abs(metric(result, 'one-team', 'pWait') - theory.pWait)).toBeLessThan(0.12);
    expect(Math.abs(metric(result, 'one-team', 'waitMean') - theory.waitMean)).toBeLessThan(35);
    expect(Math.abs(metric(result, 'one-team', 'serviceLevel') - theory.serviceLevel(20))).toBeLessThan(0.12);
    expect(Math.abs(teamMetric(result, 'one-team', 'desk', 'occupancy') - 0.8)).toBeLessThan(0.05);
  });
});

describe('erlang-a.yaml against Erlang A', () => {
  const theory = erlangA({ ...DESK, meanPatience: 180 });
  const result = runExperiment(load('erlang-a.yaml'));

  it('has the theory the guide quotes', () => {
    expect(theory.pWait).toBeCloseTo(0.269, 3);
    expect(theory.abandonRate).toBeCloseTo(0.06, 2);
    expect(theory.serviceLevel(20)).toBeCloseTo(0.804, 3);
  });

  it('lands near it, with answered callers waiting less than all callers', () => {
    expect(Math.abs(metric(result, 'one-team', 'pWait') - theory.pWait)).toBeLessThan(0.08);
    expect(Math.abs(metric(result, 'one-team', 'abandonRate') - theory.abandonRate)).toBeLessThan(0.025);
    expect(Math.abs(metric(result, 'one-team', 'waitMean') - theory.waitMean)).toBeLessThan(5);
    expect(Math.abs(metric(result, 'one-team', 'serviceLevel') - theory.serviceLevel(20))).toBeLessThan(0.08);
    expect(metric(result, 'one-team', 'asa')).toBeLessThan(metric(result, 'one-team', 'waitMean'));
  });

  it('meets the same callers as erlang-c.yaml (same seed)', () => {
    const c = runExperiment(load('erlang-c.yaml'));
    expect(metric(result, 'one-team', 'issues')).toBe(metric(c, 'one-team', 'issues'));
  });
});

describe('misrouting.yaml against the traffic equations', () => {
  const result = runExperiment(load('misrouting.yaml'));

  it('transfers every misrouted call once: transfers per call = misrouted share = 0.2', () => {
    expect(metric(result, 'two-numbers', 'transfersPerCall')).toBeCloseTo(metric(result, 'two-numbers', 'misroutedShare'), 10);
    expect(Math.abs(metric(result, 'two-numbers', 'misroutedShare') - 0.2)).toBeLessThan(0.02);
    expect(metric(result, 'all-right', 'transfersPerCall')).toBe(0);
  });

  for (const team of ['billing', 'field']) {
    it(`gives team ${team} 180 queue entries an hour and occupancy 0.825 (0.75 without misroutes)`, () => {
      const perHour = (teamMetric(result, 'two-numbers', team, 'queueEntries') / WINDOW) * 3600;
      expect(Math.abs(perHour - 180)).toBeLessThan(10);
      expect(Math.abs(teamMetric(result, 'two-numbers', team, 'occupancy') - 0.825)).toBeLessThan(0.05);
      expect(Math.abs(teamMetric(result, 'all-right', team, 'occupancy') - 0.75)).toBeLessThan(0.05);
    });

    it(`keeps Little's law for team ${team}: queue length = entry rate x mean wait`, () => {
      for (const design of ['all-right', 'two-numbers']) {
        const length = teamMetric(result, design, team, 'queueLength');
        const little = (teamMetric(result, design, team, 'queueEntries') / WINDOW) * teamMetric(result, design, team, 'waitMean');
        expect(length).toBeGreaterThan(0.2);
        expect(Math.abs(length / little - 1)).toBeLessThan(0.05);
      }
    });
  }
});
