// The doctor's offered loads against theory and simulation; runs too large refused up front.
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/callcenter/compile.ts';
import { offeredLoads } from '../../src/callcenter/offered-load.ts';
import { runCli } from '../../src/cli/cli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkIntervals, checkRunSize, RunTooLargeError } from '../../src/experiment/limits.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { oneTeamFile } from '../support/one-team.ts';
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

describe('size limits', () => {

  it('refuses a run of too many calls with the estimate and the limit', () => {
    const scenario = parseScenario(huge('horizon: 32850d, replications: 1000'), 'huge.yaml');
    expect(() => checkRunSize(scenario, ['only'])).toThrow(RunTooLargeError);
    expect(() => checkRunSize(scenario, ['only'])).toThrow(/about 4\.7e8 calls per replication .* the limit is 2\.0e8/);
  });

  it('refuses too many callers at once', () => {
    const scenario = parseScenario(huge('horizon: 1s', '1e8/s'), 'huge.yaml');
    expect(() => checkRunSize(scenario, ['only'])).toThrow(/callers in the system at once/);
  });

  it('lets a normal run through', () => {
    expect(() => checkRunSize(parseScenario(huge('horizon: 8h, replications: 30'), 'ok.yaml'), ['only', 'only', 'only'])).not.toThrow();
  });
});

describe('a queue that grows for the whole horizon', () => {
  /** One agent for 2,000 calls a second over two hours: 14.4 million calls, under the call limits. */
  const flood = (extra: { patience?: string; queueCapacity?: string } = {}) => `
name: flood
run: { horizon: 2h, replications: 1 }
demand:
  arrivals: { rate: 2000/s }
  intents: { any: { share: 1, handle: 3m } }
  patience: ${extra.patience ?? 'none'}
teams: { desk: { agents: 1, skills: [any]${extra.queueCapacity === undefined ? '' : `, queueCapacity: ${extra.queueCapacity}`} } }
designs: { only: { numbers: [ { dial: "1", to: desk } ] } }
`;
  const fileOf = (yaml: string): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'spoc-flood-')), 'flood.yaml');
    writeFileSync(file, yaml);
    return file;
  };
  const spoc = async (command: 'run' | 'validate', file: string): Promise<{ code: number; err: string }> => {
    let err = '';
    const code = await runCli(command === 'run' ? ['run', file, '--no-progress'] : ['validate', file], {
      stdout: () => {},
      stderr: (t) => (err += t),
    });
    return { code, err };
  };

  it('is refused before the run starts when nobody ever leaves it, with the estimate and why', async () => {
    const { code, err } = await spoc('run', fileOf(flood()));
    expect(code).toBe(2);
    expect(err).toMatch(/about 1\.4e7 callers waiting at once by the end of the horizon, because in design only team desk gets about 2,000 callers a second more than its agents answer .* \(patience none, no queueCapacity\); the limit is 5\.0e6/);
    expect(err).not.toMatch(/internal error|^\s+at /m);
  });

  it('is refused by validate with the same words', async () => {
    const file = fileOf(flood());
    expect(await spoc('validate', file)).toEqual(await spoc('run', file));
  });

  it('is refused at the sweep point that makes it, before that point runs', async () => {
    // The first point (1 call a second) is small; the second floods the queue.
    const dir = mkdtempSync(join(tmpdir(), 'spoc-flood-sweep-'));
    const file = join(dir, 'flood.yaml');
    writeFileSync(file, flood());
    let err = '';
    const args = ['sweep', file, '--set', 'demand.arrivals.rate=1/s,2000/s', '--out', join(dir, 'rows.csv'), '--no-progress'];
    const code = await runCli(args, { stdout: () => {}, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/^spoc: .*flood\.yaml: sweep point 1 \(demand\.arrivals\.rate="2000\/s"\): the run is too large for this machine: about 1\.4e7 callers waiting at once/);
  });

  it('is accepted when callers abandon or a queue capacity turns them away', async () => {
    expect((await spoc('validate', fileOf(flood({ patience: '3m' })))).code).toBe(0);
    expect((await spoc('validate', fileOf(flood({ queueCapacity: '1000' })))).code).toBe(0);
  });

  it('counts only the callers who never abandon, and the agents of teams joined by overflow', () => {
    const mixed = parseScenario(
      flood().replace('intents: { any: { share: 1, handle: 3m } }', 'intents: { any: { share: 0.2, handle: 3m }, other: { share: 0.8, handle: 3m, patience: 1m } }').replace('skills: [any]', 'skills: [any, other]'),
      'mixed.yaml',
    );
    // 20% of 2,000 a second stay for ever: 2.9 million by the end, under the limit.
    expect(() => checkRunSize(mixed, ['only'])).not.toThrow();
    const pooled = (agents: number, overflow = true) =>
      parseScenario(
        `
name: pooled
run: { horizon: 200d, replications: 1 }
demand:
  arrivals: { rate: 2/s }
  intents: { any: { share: 1, handle: 1m } }
teams: { a: { agents: 100, skills: [any] }, b: { agents: ${agents}, skills: [any] } }
designs:
  only:
    numbers: [ { dial: "1", to: a } ]
${overflow ? '    overflow: [ { from: a, to: b, after: 0 } ]' : ''}
`,
        'pooled.yaml',
      );
    // Team a alone answers 100 calls a minute of the 120 it gets; b's 30 agents take the rest.
    expect(() => checkRunSize(pooled(30), ['only'])).not.toThrow();
    expect(() => checkRunSize(pooled(30, false), ['only'])).toThrow(/team a gets about 1,200 callers an hour more/);
    expect(() => checkRunSize(pooled(1), ['only'])).toThrow(/team a \+ b gets about 1,140 callers an hour more/);
  });
});

describe('the number of intervals', () => {
  const run = async (horizon: string, interval: string): Promise<{ code: number; err: string }> => {
    let err = '';
    const code = await runCli(['run', oneTeamFile(`horizon: ${horizon}, replications: 1`), '--interval', interval, '--no-progress'], {
      stdout: () => {},
      stderr: (t) => (err += t),
    });
    return { code, err };
  };

  it('is refused above 100,000 before any work, naming --interval, horizon / interval and the limit', async () => {
    expect(await run('2h', '0.001s')).toEqual({
      code: 2,
      err: 'spoc: --interval: found 0.001s on a horizon of 2h, which makes 7.2e6 intervals (horizon / interval); the limit is 100,000 intervals per run: choose a longer interval\n',
    });
    expect((await run('36500d', '1s')).err).toMatch(/^spoc: --interval: found 1s on a horizon of 36500d, which makes 3\.2e9 intervals/);
  });

  it('lets 100,000 intervals through', () => {
    const scenario = parseScenario(huge('horizon: 100000s'), 'ok.yaml');
    expect(() => checkIntervals(scenario, 1)).not.toThrow();
    expect(() => checkIntervals(scenario, 0.999)).toThrow(RunTooLargeError);
  });
});

/** What validate and run of the scenario print on standard error; both must succeed. */
async function warningsOf(yaml: string): Promise<{ validate: string; run: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'spoc-warn-')), 'scenario.yaml');
  writeFileSync(file, yaml);
  const errOf = async (args: readonly string[]): Promise<string> => {
    let err = '';
    expect(await runCli(args, { stdout: () => {}, stderr: (t) => (err += t) })).toBe(0);
    return err;
  };
  return { validate: await errOf(['validate', file]), run: await errOf(['run', file, '--no-progress', '--workers', '1']) };
}

describe('warnings of settings that the design gives nothing to act on', () => {
  const scenario = (design: string) => `
name: one of each
run: { horizon: 1h, replications: 1 }
demand:
  arrivals: { rate: 60/h }
  intents: { billing: { share: 0.5, handle: 3m }, outage: { share: 0.5, handle: 3m } }
teams: { desk: { agents: 8, skills: [billing, outage] } }
designs:
  only:
${design}
`;

  it('warns of dialing.right 0 with a single number, from validate and run alike', async () => {
    const { validate, run } = await warningsOf(scenario('    numbers: [ { dial: "3631", to: desk } ]\n    dialing: { right: 0 }'));
    expect(validate).toBe(
      'spoc: warning: design only: dialing.right is 0, so every caller should dial a number not advertised for their intent, ' +
        'but the design has a single number ("3631"): every caller dials a number advertised for their intent, as if dialing.right were 1\n',
    );
    expect(run).toBe(validate);
  });

  it('warns of an IVR accuracy of 0 with a single team, from validate and run alike', async () => {
    const { validate, run } = await warningsOf(scenario('    numbers: [ { dial: "3631", to: ivr } ]\n    ivr: { menu: 30s, accuracy: 0 }'));
    expect(validate).toBe(
      'spoc: warning: design only: ivr.accuracy is 0, so the IVR should send every caller to a team without their skill, ' +
        'but the design has a single team (desk): the IVR sends every caller to a team with their skill, as if accuracy were 1\n',
    );
    expect(run).toBe(validate);
  });

  it('says nothing when there is a wrong number to dial or a wrong team to reach', async () => {
    const twoNumbers = scenario(
      '    numbers: [ { dial: "1", to: desk, for: [billing] }, { dial: "2", to: desk, for: [outage] } ]\n    dialing: { right: 0 }',
    );
    expect(await warningsOf(twoNumbers)).toEqual({ validate: '', run: '' });
  });
});

describe('the warning of redials that can only come back to a team without the skill', () => {
  const scenario = (numbers: string, overflow = '') => `
name: front desk
run: { horizon: 1h, replications: 1 }
demand:
  arrivals: { rate: 60/h }
  intents: { billing: { share: 0.5, handle: 3m }, outage: { share: 0.5, handle: 3m } }
  retry: { probability: 1, after: 5m }
teams:
  desk: { agents: 8, skills: [outage] }
  billing: { agents: 8, skills: [billing] }
designs:
  front:
    numbers: ${numbers}
    misroute: { identify: 45s, action: redial }${overflow}
`;

  it('names the design, the intent and its numbers, from validate and run alike', async () => {
    const { validate, run } = await warningsOf(scenario('[ { dial: "3631", to: desk } ]'));
    expect(validate).toBe(
      'spoc: warning: design front: intent billing: misroute.action is redial, but every number advertised for it ("3631") ' +
        'leads to a team without its skill: callers told to redial reach such a team again, until the limit of 100 calls ' +
        'ends the issue unresolved; advertise a number that reaches a team with the skill or an IVR, or use misroute.action: transfer\n',
    );
    expect(run).toBe(validate);
  });

  it('says nothing when a number of the intent reaches a skilled team, or its team overflows to one', async () => {
    const ownNumber = '[ { dial: "1", to: desk, for: [outage] }, { dial: "2", to: billing, for: [billing] } ]';
    expect(await warningsOf(scenario(ownNumber))).toEqual({ validate: '', run: '' });
    // Overflow needs a skill in common: billing's agents also take outage calls.
    const overflow = '\n    overflow: [ { from: desk, to: billing, after: 0s } ]';
    const pooled = scenario('[ { dial: "3631", to: desk } ]', overflow).replace('skills: [billing] }', 'skills: [billing, outage] }');
    expect(await warningsOf(pooled)).toEqual({ validate: '', run: '' });
  });
});
