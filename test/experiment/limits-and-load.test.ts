// The doctor's offered loads against theory and simulation; runs too large refused up front.
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/callcenter/compile.ts';
import { offeredLoads } from '../../src/callcenter/offered-load.ts';
import { runCli } from '../../src/cli/cli.ts';
import { checkRunSize, RunTooLargeError } from '../../src/experiment/limits.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const TWO_NUMBERS = (mode: string, patience = 'none') => `
name: two numbers
run: { horizon: 100h, warmup: 2h, replications: 8, seed: 19 }
demand:
  arrivals: { rate: 160/h }
  intents:
    billing: { share: 0.5, handle: { dist: exponential, mean: 3m }, wrapUp: 30s, resolve: 1 }
    outage:  { share: 0.5, handle: { dist: gamma, mean: 4m, cv: 0.5 }, resolve: 1 }
  patience: ${patience}
teams:
  billing: { agents: 12, skills: [billing] }
  field:   { agents: 12, skills: [outage] }
designs:
  two:
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: field, for: [outage] }
    dialing: { right: 0.7 }
    misroute: { identify: 1m, action: transfer }
    transfer: { delay: 2m, reexplain: 30s, mode: ${mode} }
`;

describe('offered load from the traffic equations', () => {
  it('is each team’s work by the utilisation law', () => {
    const scenario = parseScenario(TWO_NUMBERS('warm'), 'two.yaml');
    const [billing, field] = offeredLoads(scenario, compileDesign(scenario, scenario.designs[0]!));
    const rate = 80 / 3600;
    // Own callers: talk (+ wrap-up), the transferred 30% re-explain; the other intent's
    // wrong dialers: identify plus the warm transfer's delay.
    expect(billing!.offeredLoad).toBeCloseTo(rate * (180 + 30) + 0.3 * rate * 30 + 0.3 * rate * (60 + 120), 9);
    expect(field!.offeredLoad).toBeCloseTo(rate * 240 + 0.3 * rate * 30 + 0.3 * rate * (60 + 120), 9);
    expect(billing!.arrivalRate).toBeCloseTo(rate * 1.3, 12);
  });

  it('agrees with the simulated busy agents when nobody abandons', () => {
    const yaml = TWO_NUMBERS('cold');
    const scenario = parseScenario(yaml, 'two.yaml');
    const loads = offeredLoads(scenario, compileDesign(scenario, scenario.designs[0]!));
    const runs = simulateYaml(yaml);
    for (const load of loads) {
      const busy = series(runs, 'two', 'occupancy', { team: load.team }).map((o) => o * load.agents);
      expectWithinInterval(`${load.team} busy agents`, busy, load.offeredLoad);
    }
  });
});

describe('the doctor', () => {
  it('prints every team’s offered load and warns about an overloaded one', async () => {
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    expect(await runCli(['validate', 'scenarios/utility-numbers.yaml'], io)).toBe(0);
    expect(out).toMatch(/one-number-ivr: 68 agents, [\d.]+ Erlangs offered/);
    expect(out).toMatch(/billing\s+30\s+\d+\s+[\d.]+\s+0\.\d\d/);
    expect(err).toBe('');
    out = '';
    expect(await runCli(['validate', 'test/fixtures/scenarios/good/overloaded.yaml'], io)).toBe(0);
    expect(err).toMatch(/warning: design only: team desk is offered 12\.0 Erlangs for 10 agents \(utilisation 1\.20\)/);
  });
});

describe('size limits', () => {
  const huge = (run: string, rate = '600/h') => `
name: huge
run: { ${run} }
demand:
  arrivals: { rate: ${rate} }
  intents:
    any: { share: 1, handle: 3m }
teams:
  desk: { agents: 100, skills: [any] }
designs:
  only:
    numbers: [ { dial: "1", to: desk } ]
`;

  it('refuses a run of too many calls with the estimate and the limit', () => {
    const scenario = parseScenario(huge('horizon: 32850d, replications: 1000'), 'huge.yaml');
    expect(() => checkRunSize(scenario, 1)).toThrow(RunTooLargeError);
    expect(() => checkRunSize(scenario, 1)).toThrow(/about 4\.7e8 calls per replication .* the limit is 2\.0e8/);
  });

  it('refuses too many callers at once', () => {
    const scenario = parseScenario(huge('horizon: 1s', '1e8/s'), 'huge.yaml');
    expect(() => checkRunSize(scenario, 1)).toThrow(/callers in the system at once/);
  });

  it('lets a normal run through', () => {
    expect(() => checkRunSize(parseScenario(huge('horizon: 8h, replications: 30'), 'ok.yaml'), 3)).not.toThrow();
  });
});
