// A single team under arrivals that change through the day, against the transient solution
// of its birth-death chain (M_t/M/c+M from an empty centre): the time-average number
// waiting and the abandonments, interval by interval. Once with a profile whose empty
// half hours let the queue drain as the chain says, once with a line that opens at 08:00
// and closes at 12:00 (callers who find it closed do not call again, so the chain's arrival
// rate is 0 outside the opening).
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.ts';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { transientIntervals, type IntervalLaw, type TransientQueue } from '../support/birth-death.ts';
import { expectWithinInterval } from '../support/statistics.ts';

/** Per interval of `every` seconds: the integral of the number waiting over time, and the abandonments. */
class IntervalWatcher implements CallCentreObserver {
  readonly waitingTime: number[];
  readonly abandonments: number[];
  private clock: Clock = { now: 0 };
  private waiting = 0;
  private since = 0;

  constructor(
    private readonly every: number,
    private readonly intervals: number,
  ) {
    this.waitingTime = new Array<number>(intervals).fill(0);
    this.abandonments = new Array<number>(intervals).fill(0);
  }

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  /** Adds the time since the last change, split at interval boundaries. */
  private advance(): void {
    const now = Math.min(this.clock.now, this.every * this.intervals);
    while (this.since < now) {
      const k = Math.floor(this.since / this.every);
      const end = Math.min(now, (k + 1) * this.every);
      this.waitingTime[k]! += this.waiting * (end - this.since);
      this.since = end;
    }
  }
  teamLoadChanged(_team: number, _busy: number, waiting: number): void {
    this.advance();
    this.waiting = waiting;
  }
  abandoned(): void {
    const k = Math.floor(this.clock.now / this.every);
    if (k < this.intervals) this.abandonments[k]!++;
  }
  runEnded(): void {
    this.advance();
  }
  issueArrived(): void {}
  callStarted(): void {}
  ivrRouted(): void {}
  queueJoined(): void {}
  answered(): void {}
  agentWorked(): void {}
  transferred(): void {}
  callEnded(): void {}
  issueEnded(): void {}
}

/** A one-team scenario's replications, watched interval by interval. */
function watch(yaml: string, every: number, intervals: number, replications: number): IntervalWatcher[] {
  const scenario = parseScenario(yaml, 'transient.yaml');
  const run = compileRun(scenario, scenario.designs[0]!);
  return Array.from({ length: replications }, (_, r) => {
    const watcher = new IntervalWatcher(every, intervals);
    simulate(run, r, watcher);
    return watcher;
  });
}

/** Every interval's mean number waiting and abandonments inside the 99.9% interval of the runs. */
function expectChain(watchers: readonly IntervalWatcher[], law: readonly IntervalLaw[], every: number): void {
  law.forEach((expected, k) => {
    const waiting = watchers.map((w) => w.waitingTime[k]! / every);
    const abandonments = watchers.map((w) => w.abandonments[k]!);
    if (expected.meanWaiting < 1e-9) {
      expect(waiting.every((w) => w === 0)).toBe(true);
      return;
    }
    expectWithinInterval(`mean number waiting in interval ${k}`, waiting, expected.meanWaiting);
    expectWithinInterval(`abandonments in interval ${k}`, abandonments, expected.abandonments);
  });
}

const oneTeam = (agents: number, handle: number, patience: number): string => `
  patience: { dist: exponential, mean: ${patience}s }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${handle}s }, resolve: 1 }
teams:
  team: { agents: ${agents}, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`;

describe('the transient solution of the birth-death chain', () => {
  it('settles on the stationary Erlang A figures under a constant rate', () => {
    const queue: TransientQueue = { rateAt: () => 100 / 3600, agents: 4, serviceRate: 1 / 240, patienceRate: 1 / 180, states: 80 };
    const law = transientIntervals(queue, 3600, 6);
    const stationary = erlangA({ arrivalRate: 100 / 3600, meanService: 240, agents: 4, meanPatience: 180 });
    expect(law[5]!.meanWaiting).toBeCloseTo(stationary.queueLengthMean, 6);
    expect(law[5]!.abandonments / 100).toBeCloseTo(stationary.abandonRate, 6);
  });
});

describe('a team whose arrivals change through the day (M_t/M/c+M)', () => {
  const every = 1800;
  const ratesPerHour = [60, 100, 0, 45, 130, 0, 0, 30];
  const [agents, handle, patience] = [4, 240, 180];
  const watchers = watch(
    `
name: transient
run: { horizon: 4h, replications: 1, seed: 41, drain: false }
demand:
  arrivals: { profile: { every: ${every}s, rates: [${ratesPerHour.map((r) => `${r}/h`).join(', ')}] } }
${oneTeam(agents, handle, patience)}`,
    every,
    ratesPerHour.length,
    400,
  );
  const queue: TransientQueue = {
    rateAt: (t) => ratesPerHour[Math.floor(t / every)]! / 3600,
    agents,
    serviceRate: 1 / handle,
    patienceRate: 1 / patience,
    states: 80,
  };
  const law = transientIntervals(queue, every, ratesPerHour.length);

  it('has, interval by interval, the mean number waiting and the abandonments of the chain', () => {
    expectChain(watchers, law, every);
  });

  it('is far from stationary: the queue of the 130/h half hour is not the one a steady 130/h would give', () => {
    const steady = erlangA({ arrivalRate: 130 / 3600, meanService: handle, agents, meanPatience: patience });
    expect(Math.abs(law[4]!.meanWaiting - steady.queueLengthMean) / steady.queueLengthMean).toBeGreaterThan(0.1);
  });
});

describe('a team whose line opens at 08:00 and closes at 12:00 on a time-varying rate', () => {
  const hour = 3600;
  const ratesPerHour = [100, 100, 150, 90, 120, 100];
  const [agents, handle, patience] = [2, 180, 120];
  const watchers = watch(
    `
name: transient opening hours
run: { start: "Mon 07:00", horizon: 6h, replications: 1, seed: 8 }
calendar:
  open: { mon: "08:00-12:00" }
  closedRetry: 0
demand:
  arrivals: { profile: { every: 1h, rates: [${ratesPerHour.join(', ')}] } }
${oneTeam(agents, handle, patience)}`,
    hour,
    ratesPerHour.length,
    300,
  );
  // The run starts at 07:00: the line is open in its hours 1 to 4.
  const open = (t: number): boolean => t >= 1 * hour && t < 5 * hour;
  const queue: TransientQueue = {
    rateAt: (t) => (open(t) ? ratesPerHour[Math.floor(t / hour)]! / hour : 0),
    agents,
    serviceRate: 1 / handle,
    patienceRate: 1 / patience,
    states: 120,
  };
  const law = transientIntervals(queue, hour, ratesPerHour.length, 3600);

  it('has the chain\'s mean number waiting and abandonments in every hour, closed ones included', () => {
    // Not vacuous: callers queue in the 10:00 peak, and nobody waits before the opening.
    expect(law[2]!.meanWaiting).toBeGreaterThan(1);
    expect(watchers.every((w) => w.waitingTime[0] === 0)).toBe(true);
    expectChain(watchers, law, hour);
  });
});
