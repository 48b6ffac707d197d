// A real day: arrival profiles, the infinite-server IVR, busy signals, overflow, shifts and
// pooling, each against theory or an invariant checked on every call.
import { describe, expect, it } from 'vitest';
import { erlangC, mmck } from '../../src/analytic/index.ts';
import { compileDesign } from '../../src/callcenter/compile.ts';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import type { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval, interval } from '../support/statistics.ts';
import { intervalSeries, series, simulateYaml } from '../support/run.ts';

/** An observer that ignores everything; tests override what they watch. */
class Watcher implements CallCentreObserver {
  clock: Clock = { now: 0 };
  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  issueArrived(): void {}
  callStarted(_call: Readonly<Call>, _dial: number): void {}
  ivrRouted(_call: Readonly<Call>, _team: number): void {}
  queueJoined(): void {}
  answered(_call: Readonly<Call>, _queueTeam: number, _agentTeam: number): void {}
  abandoned(): void {}
  agentWorked(_call: Readonly<Call>, _team: number, _misrouted: boolean): void {}
  transferred(): void {}
  callEnded(_call: Readonly<Call>, _outcome: CallOutcome): void {}
  issueEnded(): void {}
  teamLoadChanged(): void {}
  runEnded(): void {}
}

function runEach(yaml: string, replications: number, make: () => Watcher): Watcher[] {
  const scenario = parseScenario(yaml, 'test.yaml');
  const run = compileRun(scenario, scenario.designs[0]!);
  return Array.from({ length: replications }, (_, r) => {
    const watcher = make();
    simulate(run, r, watcher);
    return watcher;
  });
}

describe('an arrival profile', () => {
  const rates = [60, 0, 120, 30];
  const runs = simulateYaml(
    `
name: profile
run: { horizon: 8h, replications: 30, seed: 17, drain: false }
demand:
  arrivals: { profile: { every: 1h, rates: [${rates.map((r) => `${r}/h`).join(', ')}] } }
  intents:
    any: { share: 1, handle: 1m, resolve: 1 }
teams:
  team: { agents: 20, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`,
    { interval: 3600 },
  );

  it('brings, interval by interval, the calls its rates predict, repeating after its end', () => {
    for (let k = 0; k < 8; k++) {
      const expected = rates[k % rates.length]!;
      const calls = intervalSeries(runs, 'single', k, 'calls');
      if (expected === 0) expect(calls.every((c) => c === 0)).toBe(true);
      else expectWithinInterval(`calls in hour ${k}`, calls, expected);
    }
  });
});

describe('an IVR with time-varying arrivals (M_t/G/infinity)', () => {
  it('holds a Poisson number of callers whose mean is the rate integrated over the menu time', () => {
    const every = 1800;
    const ratesPerHour = [100, 300, 50, 200];
    const menu = 600;
    const samples = [1500, 3300, 4200, 6000];
    // Callers in a fixed-length menu at t: the arrivals of (t - menu, t].
    const rateAt = (t: number): number => ratesPerHour[Math.floor(t / every) % ratesPerHour.length]! / 3600;
    const expectedAt = (t: number): number => {
      let sum = 0;
      for (let s = t - menu; s < t; s += 1) sum += rateAt(s + 0.5);
      return sum;
    };
    class IvrCounter extends Watcher {
      inIvr = 0;
      readonly counts: number[] = [];
      private catchUp(): void {
        while (this.counts.length < samples.length && this.clock.now > samples[this.counts.length]!) this.counts.push(this.inIvr);
      }
      override callStarted(): void {
        this.catchUp();
        this.inIvr++;
      }
      override ivrRouted(): void {
        this.catchUp();
        this.inIvr--;
      }
      override runEnded(): void {
        this.catchUp();
      }
    }
    const watchers = runEach(
      `
name: IVR
run: { horizon: 2h, replications: 1, seed: 23, drain: false }
demand:
  arrivals: { profile: { every: 30m, rates: [${ratesPerHour.map((r) => `${r}/h`).join(', ')}] } }
  intents:
    any: { share: 1, handle: 1m, resolve: 1 }
teams:
  team: { agents: 50, skills: [any] }
designs:
  ivr:
    numbers: [ { dial: "1", to: ivr } ]
    ivr: { menu: ${menu}s, accuracy: 1 }
`,
      400,
      () => new IvrCounter(),
    ) as IvrCounter[];
    samples.forEach((t, i) => {
      const counts = watchers.map((w) => w.counts[i]!);
      const mean = expectedAt(t);
      expectWithinInterval(`callers in the IVR at ${t}s`, counts, mean);
      // Poisson: the variance equals the mean. Standard error of a sample variance of
      // Poisson counts: sqrt((μ + 2μ²)/n).
      const m = counts.reduce((a, b) => a + b, 0) / counts.length;
      const variance = counts.reduce((a, c) => a + (c - m) ** 2, 0) / (counts.length - 1);
      expect(Math.abs(variance - mean)).toBeLessThan(4 * Math.sqrt((mean + 2 * mean * mean) / counts.length));
    });
  });
});

describe('busy signals', () => {
  it('block the share of callers M/M/c/K predicts, and admitted callers wait as it says', () => {
    const agents = 5;
    const places = 3;
    const runs = simulateYaml(`
name: M/M/c/K
run: { horizon: 400h, warmup: 5h, replications: 10, seed: 31 }
demand:
  arrivals: { rate: 300/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 1m }, resolve: 1 }
teams:
  team: { agents: ${agents}, skills: [any], queueCapacity: ${places} }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`);
    const theory = mmck({ arrivalRate: 300 / 3600, meanService: 60, agents, capacity: agents + places });
    expectWithinInterval('blockedShare', series(runs, 'single', 'blockedShare'), theory.blocking);
    expectWithinInterval('waitMean', series(runs, 'single', 'waitMean'), theory.waitMean);
    expectWithinInterval('pWait', series(runs, 'single', 'pWait'), theory.pWait);
  });
});

describe('overflow', () => {
  it('never lets an agent take an intent it lacks, and does take callers it can help', () => {
    class SkillGuard extends Watcher {
      violations = 0;
      overflows = 0;
      constructor(private readonly canHandle: (team: number, intent: number) => boolean) {
        super();
      }
      override answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void {
        if (queueTeam !== agentTeam) {
          this.overflows++;
          if (!this.canHandle(agentTeam, call.issue.intent)) this.violations++;
        }
      }
    }
    const yaml = `
name: overflow
run: { horizon: 20h, replications: 1, seed: 9 }
demand:
  arrivals: { rate: 400/h }
  intents:
    billing: { share: 0.5, handle: { dist: exponential, mean: 4m }, resolve: 1 }
    outage:  { share: 0.5, handle: { dist: exponential, mean: 4m }, resolve: 1 }
  patience: { dist: exponential, mean: 5m }
teams:
  general: { agents: 10, skills: [billing, outage] }
  billing: { agents: 8, skills: [billing] }
  field:   { agents: 8, skills: [outage] }
designs:
  swamped-general:
    numbers:
      - { dial: "1", to: general }
      - { dial: "2", to: billing, for: [billing] }
      - { dial: "3", to: field, for: [outage] }
    dialing: { right: 0.2 }
    overflow: [ { from: general, to: billing, after: 10s }, { from: general, to: field, after: 30s } ]
`;
    const scenario = parseScenario(yaml, 'test.yaml');
    const design = compileDesign(scenario, scenario.designs[0]!);
    const canHandle = (team: number, intent: number): boolean => design.canHandle[team * 2 + intent] === 1;
    for (const watcher of runEach(yaml, 3, () => new SkillGuard(canHandle)) as SkillGuard[]) {
      expect(watcher.overflows).toBeGreaterThan(100);
      expect(watcher.violations).toBe(0);
    }
  });
});

describe('shifts', () => {
  it('never cut a call: an agent whose shift ends finishes the call, counted as overtime', () => {
    class TalkGuard extends Watcher {
      cut = 0;
      talks = 0;
      private readonly answeredAt = new Map<number, number>();
      override answered(call: Readonly<Call>): void {
        this.answeredAt.set(call.slot, this.clock.now);
      }
      override agentWorked(call: Readonly<Call>, _team: number, misrouted: boolean): void {
        if (misrouted) return;
        this.talks++;
        const talk = this.clock.now - this.answeredAt.get(call.slot)!;
        if (Math.abs(talk - call.draws.handle) > 1e-6) this.cut++;
      }
    }
    const yaml = `
name: shifts
run: { horizon: 12h, replications: 4, seed: 12, drain: true }
demand:
  arrivals: { rate: 200/h }
  intents:
    any: { share: 1, handle: { dist: lognormal, mean: 6m, cv: 1 }, resolve: 1 }
  patience: { dist: exponential, mean: 10m }
teams:
  team: { agents: { every: 30m, counts: [30, 8, 25, 3, 20, 0] }, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`;
    for (const watcher of runEach(yaml, 3, () => new TalkGuard()) as TalkGuard[]) {
      expect(watcher.talks).toBeGreaterThan(1000);
      expect(watcher.cut).toBe(0);
    }
    const overtime = series(simulateYaml(yaml), 'single', 'overtimeHours');
    expect(Math.min(...overtime)).toBeGreaterThan(0);
  });
});

describe('pooling', () => {
  const pooled = `
  pooled:
    numbers: [ { dial: "1", to: pool } ]
    teams:
      pool: { agents: 36, skills: [a, b, c] }`;
  const split = (name: string, right: number) => `
  ${name}:
    numbers:
      - { dial: "1", to: ta, for: [a] }
      - { dial: "2", to: tb, for: [b] }
      - { dial: "3", to: tc, for: [c] }
    dialing: { right: ${right} }
    misroute: { identify: 45s, action: transfer }`;
  const runs = simulateYaml(`
name: pooling
run: { horizon: 200h, warmup: 4h, replications: 10, seed: 36, serviceLevel: 20s }
demand:
  arrivals: { rate: 600/h }
  intents:
    a: { share: 0.3333333333333333, handle: { dist: exponential, mean: 3m }, resolve: 1 }
    b: { share: 0.3333333333333333, handle: { dist: exponential, mean: 3m }, resolve: 1 }
    c: { share: 0.3333333333333334, handle: { dist: exponential, mean: 3m }, resolve: 1 }
  patience: none
teams:
  ta: { agents: 14, skills: [a] }
  tb: { agents: 14, skills: [b] }
  tc: { agents: 14, skills: [c] }
designs:${pooled}${split('split', 1)}${split('split-95', 0.95)}${split('split-90', 0.9)}
`);

  it('matches Erlang C: 36 pooled agents and three teams of 14 at 10 Erlangs each serve alike', () => {
    const sl = (agents: number, load: number): number =>
      erlangC({ arrivalRate: load / 180, meanService: 180, agents }).serviceLevel(20);
    expect(sl(36, 30)).toBeCloseTo(0.891, 3);
    expect(sl(14, 10)).toBeCloseTo(0.888, 3);
    expectWithinInterval('pooled serviceLevel', series(runs, 'pooled', 'serviceLevel'), sl(36, 30));
    expectWithinInterval('split serviceLevel', series(runs, 'split', 'serviceLevel'), sl(14, 10));
  });

  it('loses the six extra agents to misroutes: from 5% wrong numbers the split teams fall behind', () => {
    // Paired over the same callers (common random numbers): split minus pooled, per replication.
    const pooled = series(runs, 'pooled', 'serviceLevel');
    const behind = (design: string) => {
      const split = series(runs, design, 'serviceLevel');
      return interval(split.map((v, r) => v - pooled[r]!));
    };
    const at95 = behind('split-95');
    const at90 = behind('split-90');
    expect(at95.mean + at95.halfWidth).toBeLessThan(0);
    expect(at90.mean + at90.halfWidth).toBeLessThan(at95.mean);
  });
});
