// Pins of two transfer settings whose values the suite once let drift: the share of
// transferred callers lost (transfer.drop), and the priority lane (transfer.priority).
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { Call } from '../../src/callcenter/records.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { CountingObserver } from '../support/counting-observer.ts';
import { expectBinomialShare } from '../support/statistics.ts';
import { timeline } from './timeline.ts';

/** Counts transfers besides everything CountingObserver counts. */
class TransferCounter extends CountingObserver {
  transfers = 0;
  override transferred(call: Readonly<Call>): void {
    super.transferred(call);
    this.transfers++;
  }
}

describe('transfer.drop', () => {
  // Guards the value of transfer.drop, not only its being on: a transfer losing callers at
  // half the rate (0.15 for 0.3) lies 15 standard errors away.
  it('loses that share of transferred callers, within the binomial interval of the run', () => {
    const drop = 0.3;
    const scenario = parseScenario(
      `
name: lossy transfers
run: { horizon: 20h, warmup: 0s, drain: true, replications: 1, seed: 17 }
demand:
  arrivals: { rate: 300/h }
  patience: none
  intents:
    billing: { share: 1, handle: { dist: exponential, mean: 2m }, resolve: 1 }
    outage:  { share: 0, handle: 1m }
teams:
  desk:    { agents: 20, skills: [outage] }
  billing: { agents: 20, skills: [billing] }
designs:
  via-desk:
    numbers: [ { dial: "1", to: desk } ]
    misroute: { identify: 20s, action: transfer }
    transfer: { delay: 10s, drop: ${drop} }
`,
      'lossy.yaml',
    );
    const counter = new TransferCounter();
    simulate(compileRun(scenario, scenario.designs[0]!), 0, counter);
    const transfers = counter.transfers;
    const dropped = counter.outcomes.get(CallOutcome.Dropped) ?? 0;
    // Every call reaches the desk first and is transferred once.
    expect(transfers).toBe(counter.calls);
    expect(transfers).toBeGreaterThan(5000);
    expectBinomialShare('dropped share of transfers', [dropped / transfers], [transfers], drop);
  });
});

/**
 * Billing callers (A here, by the seed's draws) dial the desk, which lacks their skill:
 * found out at 30 s and transferred at once to billing, whose one agent talks to B until
 * 60 s while C (from 10 s) and D (from 20 s) wait. The seed makes B, C and D outage callers
 * dialling billing directly; the test checks it.
 */
const PRIORITY = (priority: boolean): string => `
name: priority
run: { horizon: 1h, warmup: 0s, replications: 1, seed: 3 }
demand:
  arrivals: { rate: 1/h }
  patience: none
  intents:
    billing: { share: 0.5, handle: 60s, resolve: 1 }
    outage:  { share: 0.5, handle: 60s, resolve: 1 }
teams:
  desk:    { agents: 1, skills: [outage] }
  billing: { agents: 1, skills: [billing, outage] }
designs:
  only:
    numbers:
      - { dial: "1", to: desk, for: [billing] }
      - { dial: "2", to: billing, for: [outage] }
    misroute: { identify: 30s }
    transfer: { delay: 0s, priority: ${priority} }
`;

describe('transfer.priority', () => {
  const answers = (lines: readonly string[]): string[] => lines.filter((line) => / answered by billing$/.test(line));
  const ARRIVALS = [0, 0, 10, 20];

  it('sees A transferred at 30 s into a billing queue where C and D already wait (the set-up)', () => {
    const lines = timeline(PRIORITY(true), ARRIVALS);
    expect(lines.filter((line) => line.includes(' reaches '))).toEqual([
      '0 A reaches desk',
      '0 B reaches billing',
      '10 C reaches billing',
      '20 D reaches billing',
      '30 A reaches billing',
    ]);
  });

  // Guards the priority lane: a transferred caller served before callers already waiting.
  it('when true, has the transferred caller answered before those who were waiting', () => {
    expect(answers(timeline(PRIORITY(true), ARRIVALS))).toEqual([
      '0 B answered by billing',
      '60 A answered by billing',
      '120 C answered by billing',
      '180 D answered by billing',
    ]);
  });

  it('when false, has the transferred caller wait their turn', () => {
    expect(answers(timeline(PRIORITY(false), ARRIVALS))).toEqual([
      '0 B answered by billing',
      '60 C answered by billing',
      '120 D answered by billing',
      '180 A answered by billing',
    ]);
  });
});
