// A single team whose line opens and closes within the run, on a time-varying arrival rate,
// against the transient solution of its birth-death chain: the forward Kolmogorov equations
// of the number of callers in the system, solved numerically here, give the mean number
// waiting and the abandonments of every hour.
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';

const HOUR = 3_600;
const RATES_PER_HOUR = [100, 100, 150, 90, 120, 100];
const AGENTS = 2;
const MEAN_HANDLE = 180;
const MEAN_PATIENCE = 120;
/** The line answers from 08:00 to 12:00; the run goes from 07:00 to 13:00. */
const OPEN: readonly [number, number] = [1 * HOUR, 5 * HOUR];

const YAML = `
name: transient
run: { start: "Mon 07:00", horizon: 6h, replications: 300, seed: 8 }
calendar:
  open: { mon: "08:00-12:00" }
  closedRetry: 0
demand:
  arrivals: { profile: { every: 1h, rates: [${RATES_PER_HOUR.join(', ')}] } }
  patience: { dist: exponential, mean: ${MEAN_PATIENCE}s }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${MEAN_HANDLE}s } }
teams:
  team: { agents: ${AGENTS}, skills: [any] }
designs:
  one:
    numbers: [ { dial: "1", to: team } ]
`;

/** Per hour of the run: the time-integral of callers waiting, and the abandonments. */
class HourlyQueue implements CallCentreObserver {
  private clock: Clock = { now: 0 };
  private waiting = 0;
  private since = 0;
  readonly waitingSeconds = new Float64Array(6);
  readonly abandonments = new Float64Array(6);

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  teamLoadChanged(_team: number, _busy: number, waiting: number): void {
    this.advance(Math.min(this.clock.now, 6 * HOUR));
    this.waiting = waiting;
  }
  abandoned(): void {
    const hour = Math.floor(this.clock.now / HOUR);
    if (hour < 6) this.abandonments[hour]!++;
  }
  runEnded(): void {
    this.advance(6 * HOUR);
  }
  private advance(to: number): void {
    while (this.since < to) {
      const hour = Math.floor(this.since / HOUR);
      const end = Math.min(to, (hour + 1) * HOUR);
      this.waitingSeconds[hour]! += this.waiting * (end - this.since);
      this.since = end;
    }
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

/**
 * The chain's hourly mean number waiting and expected abandonments: p'(t) = p(t) Q(t) by
 * fourth-order Runge-Kutta in steps of one second, from an empty system, truncated at
 * `size` callers (whose probability stays negligible).
 */
function transient(size = 120): { meanWaiting: number[]; abandoned: number[] } {
  const mu = 1 / MEAN_HANDLE;
  const theta = 1 / MEAN_PATIENCE;
  const death = Float64Array.from({ length: size + 1 }, (_, n) => Math.min(n, AGENTS) * mu + Math.max(n - AGENTS, 0) * theta);
  const waiting = Float64Array.from({ length: size + 1 }, (_, n) => Math.max(n - AGENTS, 0));
  const derivative = (p: Float64Array, birth: number): Float64Array => {
    const d = new Float64Array(size + 1);
    for (let n = 0; n <= size; n++) {
      const out = (n < size ? birth : 0) + death[n]!;
      d[n] = -out * p[n]! + (n > 0 ? birth * p[n - 1]! : 0) + (n < size ? death[n + 1]! * p[n + 1]! : 0);
    }
    return d;
  };
  const expectedWaiting = (p: Float64Array): number => p.reduce((sum, pn, n) => sum + pn * waiting[n]!, 0);
  let p = new Float64Array(size + 1);
  p[0] = 1;
  const meanWaiting: number[] = [];
  const abandoned: number[] = [];
  const h = 1;
  for (let hour = 0; hour < 6; hour++) {
    let integral = 0;
    for (let t = hour * HOUR; t < (hour + 1) * HOUR; t += h) {
      const birth = t >= OPEN[0] && t < OPEN[1] ? RATES_PER_HOUR[hour]! / HOUR : 0;
      const add = (a: Float64Array, b: Float64Array, k: number): Float64Array => a.map((x, i) => x + k * b[i]!);
      const k1 = derivative(p, birth);
      const k2 = derivative(add(p, k1, h / 2), birth);
      const k3 = derivative(add(p, k2, h / 2), birth);
      const k4 = derivative(add(p, k3, h), birth);
      const next = p.map((x, i) => x + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
      integral += (h / 2) * (expectedWaiting(p) + expectedWaiting(next));
      p = next;
    }
    meanWaiting.push(integral / HOUR);
    abandoned.push(theta * integral);
  }
  return { meanWaiting, abandoned };
}

describe('a single team with opening hours and a time-varying rate', () => {
  const scenario = parseScenario(YAML, 'transient.yaml');
  const run = compileRun(scenario, scenario.designs[0]!);
  const hours = Array.from({ length: scenario.run.replications }, (_, r) => {
    const observer = new HourlyQueue();
    simulate(run, r, observer);
    return observer;
  });
  const chain = transient();

  it('has the mean number waiting of the birth-death chain in every hour, closed ones included', () => {
    // Not vacuous: callers queue in the 10:00 peak, and nobody waits before the opening.
    expect(chain.meanWaiting[2]!).toBeGreaterThan(1);
    expect(hours.every((o) => o.waitingSeconds[0] === 0)).toBe(true);
    for (let hour = 0; hour < 6; hour++) {
      expectWithinInterval(`mean waiting, hour ${hour}`, hours.map((o) => o.waitingSeconds[hour]! / HOUR), chain.meanWaiting[hour]!);
    }
  });

  it('has the abandonments of the birth-death chain in every hour', () => {
    for (let hour = 1; hour < 6; hour++) {
      expectWithinInterval(`abandonments, hour ${hour}`, hours.map((o) => o.abandonments[hour]!), chain.abandoned[hour]!);
    }
  });
});
