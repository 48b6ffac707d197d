// Pins of the handle cap shortening the talk, not only marking the call: with a cap every
// capped talk lasts exactly the cap, and the mean talk is E[min(S, cap)].
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';

const MEAN = 180;
const CAP = 120;
const REPLICATIONS = 10;

/** Exponential talks of mean 3 min, cut at 2 min; enough agents that nobody waits long. */
const scenario = parseScenario(
  `
name: capped talks
run: { horizon: 10h, warmup: 0s, drain: true, replications: ${REPLICATIONS}, seed: 29 }
demand:
  arrivals: { rate: 300/h }
  patience: none
  intents:
    billing: { share: 1, handle: { dist: exponential, mean: ${MEAN}s }, resolve: 1 }
teams:
  billing: { agents: 30, skills: [billing] }
designs:
  capped:
    numbers: [ { dial: "1", to: billing } ]
    handleCap: ${CAP}s
`,
  'capped.yaml',
);

/** Every talk of a replication (answer to end of call), and whether it was cut. */
function talks(replication: number): { seconds: number; capped: boolean }[] {
  const found: { seconds: number; capped: boolean }[] = [];
  const started = new Map<Call, number>();
  let clock: Clock = { now: 0 };
  const observer: CallCentreObserver = {
    runStarted: (c) => (clock = c),
    answered: (call) => void started.set(call as Call, clock.now),
    callEnded: (call, outcome) => {
      found.push({ seconds: clock.now - started.get(call as Call)!, capped: outcome === CallOutcome.Capped });
      started.delete(call as Call);
    },
    issueArrived() {},
    callStarted() {},
    ivrRouted() {},
    queueJoined() {},
    abandoned() {},
    agentWorked() {},
    transferred() {},
    issueEnded() {},
    teamLoadChanged() {},
    runEnded() {},
  };
  simulate(compileRun(scenario, scenario.designs[0]!), replication, observer);
  return found;
}

describe('a handle cap', () => {
  const runs = Array.from({ length: REPLICATIONS }, (_, r) => talks(r));

  // Guards the cut itself: a cap that only marked calls Capped let them talk on.
  it('makes every capped talk last exactly the cap, and every other one less', () => {
    const all = runs.flat();
    const capped = all.filter((t) => t.capped);
    expect(capped.length).toBeGreaterThan(1000);
    expect(capped.filter((t) => Math.abs(t.seconds - CAP) > 1e-9)).toEqual([]);
    expect(all.filter((t) => !t.capped && !(t.seconds < CAP))).toEqual([]);
  });

  it('gives a mean talk of E[min(S, cap)] = mean (1 - e^(-cap/mean)) for an exponential S', () => {
    const exact = MEAN * (1 - Math.exp(-CAP / MEAN));
    const means = runs.map((r) => r.reduce((sum, t) => sum + t.seconds, 0) / r.length);
    expectWithinInterval('mean talk', means, exact);
  });

  it('cuts the share e^(-cap/mean) of talks', () => {
    const shares = runs.map((r) => r.filter((t) => t.capped).length / r.length);
    expectWithinInterval('capped share', shares, Math.exp(-CAP / MEAN));
  });
});
