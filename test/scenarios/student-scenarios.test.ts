// The teaching scenarios of scenarios/students/: each loads through the real loader and runs
// with 100 replications (fixed seeds); where docs/guide-students.md quotes a figure from
// theory (Erlang C, Erlang A, the traffic equations), that figure must lie in the 99.9%
// interval of the run: for Erlang C's mean wait of 49.1 s, ±6 s.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../src/analytic/index.ts';
import { simulateDesigns } from '../../src/experiment/run-experiment.ts';
import type { DesignReplications } from '../../src/metrics/summarise.ts';
import { loadScenario, withOverrides } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';
import { series } from '../support/run.ts';
import { expectWithinInterval } from '../support/statistics.ts';

const DIR = 'scenarios/students';
const REPLICATIONS = 100;

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
/** Every replication of every design of each file, run once. */
const runs = new Map<string, DesignReplications[]>(
  files.map((file) => [file, simulateDesigns(withOverrides(loadScenario(`${DIR}/${file}`, nodeFileSource), { replications: REPLICATIONS }))]),
);
const runsOf = (file: string): DesignReplications[] => runs.get(file)!;

describe('student scenarios', () => {
  it('include the three the guide uses', () => {
    expect(files).toEqual(expect.arrayContaining(['erlang-a.yaml', 'erlang-c.yaml', 'misrouting.yaml']));
  });

  for (const file of files) {
    it(`${file} loads and runs every design, every counted issue resolved or given up`, () => {
      const designs = runsOf(file);
      expect(designs.length).toBeGreaterThan(0);
      for (const { design, replications } of designs) {
        expect(replications.length).toBe(REPLICATIONS);
        for (const v of series(designs, design, 'issues')) expect(v).toBeGreaterThan(1000);
        // Drained runs: every counted issue ends resolved or given up.
        const given = series(designs, design, 'givenUpShare');
        series(designs, design, 'resolvedShare').forEach((v, i) => expect(v + given[i]!).toBeCloseTo(1, 9));
      }
    });
  }
});

// 120 calls an hour, 4 minutes of exponential talk, 10 agents: 8 Erlangs.
const DESK = { arrivalRate: 120 / 3600, meanService: 240, agents: 10 };
const WINDOW = 23 * 3600; // horizon 24h, warm-up 1h

describe('erlang-c.yaml against Erlang C', () => {
  const theory = erlangC(DESK);
  const designs = runsOf('erlang-c.yaml');

  it('has the theory the guide quotes', () => {
    expect(theory.pWait).toBeCloseTo(0.409, 3);
    expect(theory.waitMean).toBeCloseTo(49.1, 1);
    expect(theory.serviceLevel(20)).toBeCloseTo(0.654, 3);
  });

  it('holds it inside the interval of the run: pWait, waitMean, serviceLevel, occupancy 0.8', () => {
    expectWithinInterval('pWait', series(designs, 'one-team', 'pWait'), theory.pWait);
    expectWithinInterval('waitMean', series(designs, 'one-team', 'waitMean'), theory.waitMean);
    expectWithinInterval('serviceLevel', series(designs, 'one-team', 'serviceLevel'), theory.serviceLevel(20));
    expectWithinInterval('occupancy', series(designs, 'one-team', 'occupancy', { team: 'desk' }), 0.8);
  });
});

describe('erlang-a.yaml against Erlang A', () => {
  const theory = erlangA({ ...DESK, meanPatience: 180 });
  const designs = runsOf('erlang-a.yaml');

  it('has the theory the guide quotes', () => {
    expect(theory.pWait).toBeCloseTo(0.269, 3);
    expect(theory.abandonRate).toBeCloseTo(0.06, 2);
    expect(theory.serviceLevel(20)).toBeCloseTo(0.804, 3);
  });

  it('holds it inside the interval of the run: pWait, abandonRate, waitMean, asa, serviceLevel', () => {
    expectWithinInterval('pWait', series(designs, 'one-team', 'pWait'), theory.pWait);
    expectWithinInterval('abandonRate', series(designs, 'one-team', 'abandonRate'), theory.abandonRate);
    expectWithinInterval('waitMean', series(designs, 'one-team', 'waitMean'), theory.waitMean);
    expectWithinInterval('asa', series(designs, 'one-team', 'asa'), theory.asa);
    expectWithinInterval('serviceLevel', series(designs, 'one-team', 'serviceLevel'), theory.serviceLevel(20));
  });

  it('meets the same callers as erlang-c.yaml (same seed)', () => {
    expect(series(designs, 'one-team', 'issues')).toEqual(series(runsOf('erlang-c.yaml'), 'one-team', 'issues'));
  });
});

describe('misrouting.yaml against the traffic equations', () => {
  const designs = runsOf('misrouting.yaml');

  it('transfers every misrouted call once: transfers per call = misrouted share = 0.2', () => {
    const misrouted = series(designs, 'two-numbers', 'misroutedShare');
    series(designs, 'two-numbers', 'transfersPerCall').forEach((v, i) => expect(v).toBeCloseTo(misrouted[i]!, 12));
    expectWithinInterval('misroutedShare', misrouted, 0.2);
    for (const v of series(designs, 'all-right', 'transfersPerCall')) expect(v).toBe(0);
  });

  for (const team of ['billing', 'field']) {
    it(`gives team ${team} 180 queue entries an hour and occupancy 0.825 (150 and 0.75 without misroutes)`, () => {
      // Per hour: 150 own callers, 30 of the other intent dialling wrong. Agent seconds: 150 talks
      // of 3 min, 30 reexplains of 30 s, 30 identifications of 1 min, over 10 agents.
      const perHour = (design: string): number[] => series(designs, design, 'queueEntries', { team }).map((n) => (n / WINDOW) * 3600);
      expectWithinInterval('queue entries per hour', perHour('two-numbers'), 180);
      expectWithinInterval('queue entries per hour, all right', perHour('all-right'), 150);
      expectWithinInterval('occupancy', series(designs, 'two-numbers', 'occupancy', { team }), (150 * 180 + 30 * 30 + 30 * 60) / 36_000);
      expectWithinInterval('occupancy, all right', series(designs, 'all-right', 'occupancy', { team }), (150 * 180) / 36_000);
    });

    it(`keeps Little's law for team ${team}: queue length = entry rate x mean wait`, () => {
      for (const design of ['all-right', 'two-numbers']) {
        const entries = series(designs, design, 'queueEntries', { team });
        const waits = series(designs, design, 'waitMean', { team });
        const ratios = series(designs, design, 'queueLength', { team }).map((length, i) => length / ((entries[i]! / WINDOW) * waits[i]!));
        for (const length of series(designs, design, 'queueLength', { team })) expect(length).toBeGreaterThan(0.2);
        expectWithinInterval(`${design} queue length / (rate x wait)`, ratios, 1);
      }
    });
  }
});
