// Little's law per team, and conservation: every issue ends exactly once, or is still in
// the system when the run stops.
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call, Issue } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const BUSY_CENTRE = `
name: IVR, misroutes, drops and abandonment
run: { horizon: 200h, warmup: 5h, replications: 8, seed: 3, drain: DRAIN }
demand:
  arrivals: { rate: 400/h }
  intents:
    billing:  { share: 0.5, handle: { dist: lognormal, mean: 4m, cv: 0.8 }, resolve: 0.8 }
    outage:   { share: 0.3, handle: { dist: gamma, mean: 3m, cv: 1.5 }, resolve: 0.9 }
    tracking: { share: 0.2, handle: 2m, resolve: 0.95, selfService: 0.6 }
  patience: { dist: exponential, mean: 3m }
RECONTACT
teams:
  billing: { agents: 13, skills: [billing] }
  field:   { agents: 7, skills: [outage, tracking] }
designs:
  numbers:
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: field, for: [outage, tracking] }
    dialing: { right: 0.75 }
    misroute: { identify: { dist: exponential, mean: 45s }, action: transfer }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.05, priority: true }
  ivr:
    numbers: [ { dial: "3631", to: ivr } ]
    ivr: { menu: 40s, accuracy: 0.85, selfService: true }
    misroute: { identify: 45s, action: transfer }
    transfer: { delay: 10s, drop: 0.02, accuracy: 0.9 }
`;

/** Designs that need repeat calls (redial) or exercise every mechanism at once. */
const MORE_DESIGNS = `  everything:
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: field, for: [outage, tracking] }
    dialing: { right: 0.6 }
    misroute: { identify: { dist: exponential, mean: 45s }, action: transfer }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.05, accuracy: 0.7, mode: warm, maxHops: 1 }
    continuity: true
    handleCap: 5m
  redial:
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: field, for: [outage, tracking] }
    dialing: { right: 0.6 }
    misroute: { identify: 45s, action: redial }
  advisors:
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: field, for: [outage, tracking] }
    dialing: { right: 0.6 }
    transfer: { delay: 20s, mode: warm }
    continuity: advisor
    advisorWait: 1m
`;

const WITH_EVERYTHING = (drain: boolean): string =>
  BUSY_CENTRE.replace('DRAIN', String(drain)).replace('RECONTACT', RECONTACT) + MORE_DESIGNS;

const RECONTACT = `  retry: { probability: 0.5, after: { dist: exponential, mean: 10m } }
  callback: { probability: 0.7, after: { dist: exponential, mean: 1h } }`;

describe("Little's law per team", () => {
  // Without repeat calls: callbacks of issues counted or not would cross the window's edges.
  const runs = simulateYaml(BUSY_CENTRE.replace('DRAIN', 'true').replace('RECONTACT\n', ''));
  const window = (200 - 5) * 3600;
  for (const design of ['numbers', 'ivr']) {
    for (const team of ['billing', 'field']) {
      it(`holds for team ${team} in design ${design}: mean queue length = entry rate × mean wait`, () => {
        const length = series(runs, design, 'queueLength', { team });
        const entries = series(runs, design, 'queueEntries', { team });
        const wait = series(runs, design, 'waitMean', { team });
        const gap = length.map((l, r) => l - (entries[r]! / window) * wait[r]!);
        expectWithinInterval(`${design}/${team} L - λW`, gap, 0);
        expect(Math.min(...length)).toBeGreaterThan(0.05); // the check is not vacuous
      });
    }
  }
});

/** Counts every issue and call and how each ended; fails on a double ending. */
class ConservationObserver implements CallCentreObserver {
  issues = 0;
  issuesEnded = 0;
  calls = 0;
  readonly outcomes = new Map<CallOutcome, number>();
  private readonly open = new Set<number>();
  private clock: Clock = { now: 0 };
  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  issueArrived(): void {
    this.issues++;
  }
  callStarted(call: Readonly<Call>): void {
    this.calls++;
    if (this.open.has(call.slot)) throw new Error('a call record reused while its call is open');
    this.open.add(call.slot);
  }
  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    if (!this.open.delete(call.slot)) throw new Error('a call ended twice');
    if (this.clock.now < call.dialTime) throw new Error('a call ended before it started');
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }
  issueEnded(_issue: Readonly<Issue>): void {
    this.issuesEnded++;
  }
  answered(call: Readonly<Call>): void {
    if (this.clock.now < call.queueEntryTime) throw new Error('negative wait');
  }
  abandoned(call: Readonly<Call>): void {
    if (this.clock.now < call.queueEntryTime) throw new Error('negative wait');
  }
  ivrRouted(): void {}
  queueJoined(): void {}
  agentWorked(): void {}
  transferred(): void {}
  teamLoadChanged(): void {}
  runEnded(): void {}
}

describe('conservation of issues and calls', () => {
  for (const drain of [true, false]) {
    it(`accounts for every issue ${drain ? 'when calls drain' : 'when the run stops at the horizon'}`, () => {
      const scenario = parseScenario(WITH_EVERYTHING(drain), 'busy.yaml');
      for (const design of scenario.designs) {
        const observer = new ConservationObserver();
        const stats = simulate(compileRun(scenario, design), 0, observer);
        const ended = [...observer.outcomes.values()].reduce((a, b) => a + b, 0);
        const count = (outcome: CallOutcome): number => observer.outcomes.get(outcome) ?? 0;
        expect(observer.issues).toBe(stats.issues);
        expect(observer.issuesEnded + stats.issuesInSystem).toBe(observer.issues);
        expect(ended + stats.callsInSystem).toBe(observer.calls);
        expect(observer.calls).toBeGreaterThan(observer.issues); // repeat calls happen
        if (drain) expect(stats.issuesInSystem + stats.callsInSystem).toBe(0);
        else expect(stats.issuesInSystem).toBeGreaterThan(0);
        const expected = {
          numbers: [CallOutcome.Resolved, CallOutcome.Unresolved, CallOutcome.Abandoned, CallOutcome.Dropped],
          ivr: [CallOutcome.SelfServed],
          everything: [CallOutcome.Capped, CallOutcome.Dropped, CallOutcome.Abandoned],
          redial: [CallOutcome.Redirected],
          advisors: [CallOutcome.Resolved, CallOutcome.Unresolved, CallOutcome.Abandoned],
        }[design.name]!;
        for (const outcome of expected) expect(count(outcome)).toBeGreaterThan(0);
      }
    });
  }
});

describe('flows', () => {
  it('balance at every team: calls in equal calls out, per replication, when calls drain', () => {
    for (const runs of [simulateYaml(WITH_EVERYTHING(true).replace('replications: 8', 'replications: 2'))]) {
      for (const design of runs) {
        for (const replication of design.replications) {
          const inflow = new Map<string, number>();
          const outflow = new Map<string, number>();
          for (const { from, to, calls } of replication.flows) {
            if (from.kind === 'team') outflow.set(from.team, (outflow.get(from.team) ?? 0) + calls);
            if (to.kind === 'team') inflow.set(to.team, (inflow.get(to.team) ?? 0) + calls);
          }
          for (const team of Object.keys(replication.byTeam)) {
            expect(outflow.get(team) ?? 0).toBe(inflow.get(team) ?? 0);
          }
          // Every call that ended left one node for an outcome.
          expect(replication.flows.length).toBeGreaterThan(3);
        }
      }
    }
  });
});
