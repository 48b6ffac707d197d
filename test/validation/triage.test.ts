// A triage front desk against the traffic equations: every call is handed over once; a
// share `accuracy` reaches the team with the skill, the rest a uniformly chosen one of the
// n - 1 other teams, whose agent finds out and transfers it on. Handovers are transfers but
// not misroutes, and once-and-done looks at the first agent of a team with skills.
import { describe, expect, it } from 'vitest';
import type { DesignMetric } from '../../src/metrics/metric-catalogue.ts';
import { expectBinomialShare, expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const ACCURACY = 0.85;
const SHARES = { a: 0.5, b: 0.3, c: 0.2 } as const;
const TEAMS = 3;
const TRIAGE = 30;
const HANDLE = 120;
const IDENTIFY = 60;

const SKILLED_TEAMS = `
      ta: { agents: 12, skills: [a] }
      tb: { agents: 12, skills: [b] }
      tc: { agents: 12, skills: [c] }`;

/** One number per intent, to its team; a share 1 - ACCURACY of callers dial another. */
const THREE_NUMBERS = `    numbers:
      - { dial: "1", to: ta, for: [a] }
      - { dial: "2", to: tb, for: [b] }
      - { dial: "3", to: tc, for: [c] }
    dialing: { right: ${ACCURACY} }
    misroute: { identify: { dist: exponential, mean: ${IDENTIFY}s } }`;

const runs = simulateYaml(`
name: triage front desk
run: { horizon: 100h, warmup: 2h, replications: 10, seed: 14 }
demand:
  arrivals: { rate: 300/h }
  patience: none
  intents:
    a: { share: ${SHARES.a}, handle: { dist: exponential, mean: ${HANDLE}s }, resolve: 1 }
    b: { share: ${SHARES.b}, handle: { dist: exponential, mean: ${HANDLE}s }, resolve: 1 }
    c: { share: ${SHARES.c}, handle: { dist: exponential, mean: ${HANDLE}s }, resolve: 1 }
designs:
  desk:
    numbers: [ { dial: "1", to: desk } ]
    misroute: { identify: { dist: exponential, mean: ${IDENTIFY}s } }
    teams:
      desk: { agents: 5, role: triage, triage: { dist: exponential, mean: ${TRIAGE}s }, accuracy: ${ACCURACY} }${SKILLED_TEAMS}
  three-numbers:
${THREE_NUMBERS}
    teams:${SKILLED_TEAMS}
  three-numbers-and-an-idle-desk:
${THREE_NUMBERS}
    teams:
      desk: { agents: 5, role: triage, triage: 30s }${SKILLED_TEAMS}
`);

const issues = series(runs, 'desk', 'issues');
/** A per-team count per counted issue, replication by replication. */
const perIssue = (metric: 'queueEntries' | 'transfersOut', team: string): number[] =>
  series(runs, 'desk', metric, { team }).map((count, r) => count / issues[r]!);

describe('a triage front desk against the traffic equations', () => {
  it('hands every call over exactly once', () => {
    for (const share of series(runs, 'desk', 'handoverShare')) expect(share).toBe(1);
    perIssue('transfersOut', 'desk').forEach((handovers) => expect(handovers).toBe(1));
    for (const intent of Object.keys(SHARES)) {
      for (const share of series(runs, 'desk', 'handoverShare', { intent })) expect(share).toBe(1);
    }
  });

  for (const [intent, share] of Object.entries(SHARES)) {
    const team = `t${intent}`;
    // Wrong handovers reach this team from the other intents' callers, (1 - accuracy) / (n - 1) of them each.
    const wrongIn = ((1 - share) * (1 - ACCURACY)) / (TEAMS - 1);
    it(`sends team ${team} its right handovers, the wrong ones of the other intents, and its own callers transferred on`, () => {
      // Right handovers, wrong handovers in, and this intent's callers transferred here after a wrong one.
      expectWithinInterval(`${team} queue entries per issue`, perIssue('queueEntries', team), share * ACCURACY + wrongIn + share * (1 - ACCURACY));
      // Every wrong handover reaching it is transferred on: the flow from the desk to it.
      expectWithinInterval(`${team} transfers out per issue`, perIssue('transfersOut', team), wrongIn);
    });
  }

  it('counts the misroutes after wrong handovers, not the handovers, as misrouted', () => {
    const calls = series(runs, 'desk', 'calls');
    expectBinomialShare('misroutedShare', series(runs, 'desk', 'misroutedShare'), calls, 1 - ACCURACY);
    expectWithinInterval('transfersPerCall', series(runs, 'desk', 'transfersPerCall'), 1 + (1 - ACCURACY));
    for (const share of series(runs, 'desk', 'transferredShare')) expect(share).toBe(1);
  });

  it('gives once-and-done the share of callers whose first skilled agent resolved the call: the right handovers', () => {
    expectBinomialShare('onceAndDone', series(runs, 'desk', 'onceAndDone'), issues, ACCURACY);
    for (const fcr of series(runs, 'desk', 'fcr')) expect(fcr).toBe(1);
  });

  it("leaves triage out of the agents' time on misroutes, and keeps the desk's occupancy", () => {
    const misrouteWork = (1 - ACCURACY) * IDENTIFY;
    expectWithinInterval('agentTimeOnMisroutes', series(runs, 'desk', 'agentTimeOnMisroutes'), misrouteWork / (TRIAGE + HANDLE + misrouteWork));
    const offered = (300 / 3600) * TRIAGE;
    expectWithinInterval('desk occupancy', series(runs, 'desk', 'occupancy', { team: 'desk' }), offered / 5);
  });
});

describe('a design without triage', () => {
  it('keeps once-and-done as the share of callers whose first agent resolved the call', () => {
    expectBinomialShare('onceAndDone', series(runs, 'three-numbers', 'onceAndDone'), series(runs, 'three-numbers', 'issues'), ACCURACY);
    for (const share of series(runs, 'three-numbers', 'handoverShare')) expect(share).toBe(0);
  });

  it('gives exactly the same call figures with a triage team that no call reaches', () => {
    const callFigures: readonly DesignMetric[] = [
      'calls',
      'queueEntries',
      'waitMean',
      'transfersPerCall',
      'transferredShare',
      'misroutedShare',
      'handoverShare',
      'fcr',
      'onceAndDone',
      'timeToResolution',
      'agentTimeOnMisroutes',
    ];
    for (const metric of callFigures) {
      expect(series(runs, 'three-numbers-and-an-idle-desk', metric), metric).toEqual(series(runs, 'three-numbers', metric));
    }
  });
});
