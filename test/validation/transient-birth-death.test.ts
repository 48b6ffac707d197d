// A single team under arrivals that change through the day, against the transient solution
// of its birth-death chain (M_t/M/c+M from an empty centre): the time-average number
// waiting and the abandonments, interval by interval, including the hours with no arrivals
// where the queue empties as the chain says.
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.ts';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { transientIntervals, type TransientQueue } from '../support/birth-death.ts';
import { expectWithinInterval } from '../support/statistics.ts';

const EVERY = 1800;
const RATES_PER_HOUR = [60, 100, 0, 45, 130, 0, 0, 30];
const AGENTS = 4;
const MEAN_HANDLE = 240;
const MEAN_PATIENCE = 180;

/** Per interval: the integral of the number waiting over time, and the abandonments. */
class IntervalWatcher implements CallCentreObserver {
  readonly waitingTime = new Array<number>(RATES_PER_HOUR.length).fill(0);
  readonly abandonments = new Array<number>(RATES_PER_HOUR.length).fill(0);
  private clock: Clock = { now: 0 };
  private waiting = 0;
  private since = 0;

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  /** Adds the time since the last change, split at interval boundaries. */
  private advance(): void {
    const now = Math.min(this.clock.now, EVERY * RATES_PER_HOUR.length);
    while (this.since < now) {
      const k = Math.floor(this.since / EVERY);
      const end = Math.min(now, (k + 1) * EVERY);
      this.waitingTime[k]! += this.waiting * (end - this.since);
      this.since = end;
    }
  }
  teamLoadChanged(_team: number, _busy: number, waiting: number): void {
    this.advance();
    this.waiting = waiting;
  }
  abandoned(): void {
    const k = Math.floor(this.clock.now / EVERY);
    if (k < this.abandonments.length) this.abandonments[k]!++;
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

const QUEUE: TransientQueue = {
  rateAt: (t) => RATES_PER_HOUR[Math.floor(t / EVERY)]! / 3600,
  agents: AGENTS,
  serviceRate: 1 / MEAN_HANDLE,
  patienceRate: 1 / MEAN_PATIENCE,
  states: 80,
};

describe('the transient solution of the birth-death chain', () => {
  it('settles on the stationary Erlang A figures under a constant rate', () => {
    const law = transientIntervals({ ...QUEUE, rateAt: () => 100 / 3600 }, 3600, 6);
    const stationary = erlangA({ arrivalRate: 100 / 3600, meanService: MEAN_HANDLE, agents: AGENTS, meanPatience: MEAN_PATIENCE });
    expect(law[5]!.meanWaiting).toBeCloseTo(stationary.queueLengthMean, 6);
    expect(law[5]!.abandonments / 100).toBeCloseTo(stationary.abandonRate, 6);
  });
});

describe('a team whose arrivals change through the day (M_t/M/c+M)', () => {
  const profile = RATES_PER_HOUR.map((r) => `${r}/h`).join(', ');
  const scenario = parseScenario(
    `
name: transient
run: { horizon: ${(EVERY * RATES_PER_HOUR.length) / 3600}h, replications: 1, seed: 41, drain: false }
demand:
  arrivals: { profile: { every: ${EVERY}s, rates: [${profile}] } }
  patience: { dist: exponential, mean: ${MEAN_PATIENCE}s }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${MEAN_HANDLE}s }, resolve: 1 }
teams:
  team: { agents: ${AGENTS}, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`,
    'transient.yaml',
  );
  const run = compileRun(scenario, scenario.designs[0]!);
  const watchers = Array.from({ length: 400 }, (_, r) => {
    const watcher = new IntervalWatcher();
    simulate(run, r, watcher);
    return watcher;
  });
  const law = transientIntervals(QUEUE, EVERY, RATES_PER_HOUR.length);

  it('has, interval by interval, the mean number waiting and the abandonments of the chain', () => {
    law.forEach((expected, k) => {
      const waiting = watchers.map((w) => w.waitingTime[k]! / EVERY);
      const abandonments = watchers.map((w) => w.abandonments[k]!);
      if (expected.meanWaiting < 1e-9) {
        expect(waiting.every((w) => w === 0)).toBe(true);
        return;
      }
      expectWithinInterval(`mean number waiting in interval ${k}`, waiting, expected.meanWaiting);
      expectWithinInterval(`abandonments in interval ${k}`, abandonments, expected.abandonments);
    });
  });

  it('is far from stationary: the queue of the 130/h half hour is not the one a steady 130/h would give', () => {
    const steady = erlangA({ arrivalRate: 130 / 3600, meanService: MEAN_HANDLE, agents: AGENTS, meanPatience: MEAN_PATIENCE });
    expect(Math.abs(law[4]!.meanWaiting - steady.queueLengthMean) / steady.queueLengthMean).toBeGreaterThan(0.1);
  });
});
