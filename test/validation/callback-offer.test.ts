// The callback offer (virtual hold) through the loader and the simulator: an offer nobody
// lives to hear changes nothing, and callers who all accept and are all reached stop
// abandoning, so the team becomes an Erlang C queue whose agents do the extra calls.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.ts';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { Call } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { DESIGN_METRICS } from '../../src/metrics/metric-catalogue.ts';
import { CountingObserver } from '../support/counting-observer.ts';
import { expectBinomialShare, expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const AGENTS = 10;
const HANDLE = 60;
/** Offered load 9.5 Erlangs on 10 agents: many callers wait long enough to be offered. */
const RATE_PER_HOUR = (9.5 * 3600) / HANDLE;

/** One team, exponential handle times; design `plain` without an offer, `offering` with `offer`. */
function scenario(patience: string, offer: string): string {
  return `
name: callback offer
run: { horizon: 30h, warmup: 1h, replications: 10, seed: 23, serviceLevel: 20s }
demand:
  arrivals: { rate: ${RATE_PER_HOUR}/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${HANDLE}s }, resolve: 1 }
  patience: ${patience}
teams:
  team: { agents: ${AGENTS}, skills: [any] }
designs:
  plain:
    numbers: [ { dial: "1", to: team } ]
  offering:
    numbers: [ { dial: "1", to: team } ]
    callbackOffer: ${offer}
`;
}

const OFFER_METRICS = new Set(['callbackOfferedShare', 'callbackAcceptedShare', 'waitStayed', 'waitCalledBack']);

describe('the callback offer', () => {
  it('changes nothing when it comes after every patience has run out', () => {
    const runs = simulateYaml(scenario('{ dist: uniform, min: 10s, max: 2m }', '{ after: 2m1s, accept: 1, reach: 1 }'));
    for (const { name } of DESIGN_METRICS) {
      if (OFFER_METRICS.has(name)) continue;
      expect(series(runs, 'offering', name), name).toEqual(series(runs, 'plain', name));
    }
    expect(series(runs, 'offering', 'callbackOfferedShare').every((share) => share === 0)).toBe(true);
  });

  it('makes the queue an Erlang C one when every waiting caller accepts at once and is reached: nobody abandons, agents do every call', () => {
    const runs = simulateYaml(scenario('{ dist: exponential, mean: 1m }', '{ after: 0s, accept: 1, reach: 1 }'));
    const theory = erlangC({ arrivalRate: RATE_PER_HOUR / 3600, meanService: HANDLE, agents: AGENTS });
    expect(series(runs, 'offering', 'abandonRate').every((share) => share === 0)).toBe(true);
    expectWithinInterval('pWait', series(runs, 'offering', 'pWait'), theory.pWait);
    expectWithinInterval('waitMean', series(runs, 'offering', 'waitMean'), theory.waitMean);
    // Every caller who waited was offered at once and accepted.
    expect(series(runs, 'offering', 'callbackOfferedShare')).toEqual(series(runs, 'offering', 'pWait'));
    expect(series(runs, 'offering', 'callbackAcceptedShare')).toEqual(series(runs, 'offering', 'pWait'));
    // The utilisation law: agents now do every call, where abandonment spared them some before.
    expectWithinInterval('occupancy', series(runs, 'offering', 'occupancy', { team: 'team' }), theory.occupancy);
    const plain = series(runs, 'plain', 'occupancy', { team: 'team' });
    expect(Math.max(...plain)).toBeLessThan(theory.occupancy);
  });

  it('leaves only abandonments before `after` when every caller accepts, and agents busy by the calls they take', () => {
    const yaml = scenario('{ dist: exponential, mean: 1m }', '{ after: 30s, accept: 1, reach: 1 }');
    const parsed = parseScenario(yaml, 'offer.yaml');
    const work = parsed.designs.map((design) => {
      const probe = new AbandonAndWork();
      simulate(compileRun(parsed, design), 0, probe);
      return probe;
    });
    const [plain, offering] = work as [AbandonAndWork, AbandonAndWork];
    expect(plain.longestAbandonedWait).toBeGreaterThan(30);
    expect(offering.longestAbandonedWait).toBeLessThan(30);
    expect(offering.abandonments).toBeLessThan(plain.abandonments);
    // Each call back is a talk like any other: busy time is the talks, and the offer's adds
    // exactly the talks of the calls it saves.
    expect(offering.busy - plain.busy).toBeCloseTo(offering.talks - plain.talks, 6);
    expect(offering.answers).toBeGreaterThan(plain.answers);
  });

  it('is accepted by the `accept` share of the callers offered', () => {
    const runs = simulateYaml(scenario('{ dist: exponential, mean: 2m }', '{ after: 20s, accept: 0.3, reach: 0.8 }'));
    const offered = series(runs, 'offering', 'callbackOfferedShare');
    const entries = series(runs, 'offering', 'queueEntries');
    const accepted = series(runs, 'offering', 'callbackAcceptedShare');
    expectBinomialShare(
      'accepted of offered',
      accepted.map((share, i) => share / offered[i]!),
      offered.map((share, i) => share * entries[i]!),
      0.3,
    );
    // Those called back waited longer than `after`; those who stayed include every caller answered before it.
    for (const wait of series(runs, 'offering', 'waitCalledBack')) expect(wait).toBeGreaterThan(20);
  });
});

/** The longest wait of an abandoned queue entry, and the agents' work, over one run. */
class AbandonAndWork extends CountingObserver {
  longestAbandonedWait = 0;
  abandonments = 0;
  answers = 0;
  busy = 0;
  talks = 0;
  private now = (): number => 0;

  override runStarted(clock: { readonly now: number }): void {
    super.runStarted(clock);
    this.now = () => clock.now;
  }
  override abandoned(call: Readonly<Call>, team: number): void {
    super.abandoned(call, team);
    this.abandonments++;
    this.longestAbandonedWait = Math.max(this.longestAbandonedWait, this.now() - call.queueEntryTime);
  }
  override answered(call: Readonly<Call>, queueTeam: number): void {
    super.answered(call, queueTeam);
    this.answers++;
    this.talks += call.draws.handle;
  }
  override agentWorked(call: Readonly<Call>): void {
    super.agentWorked(call);
    this.busy += call.serviceTime;
  }
}
