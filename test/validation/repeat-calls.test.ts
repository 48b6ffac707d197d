// Issues that live across several calls: callbacks, retries, redial, continuity, handle
// caps, warm transfers and maxHops, each against a result worked out by hand or by theory.
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

/** One intent, one team, one number: the simplest centre, with extra YAML spliced in. */
function singleTeam(opts: { demand?: string; design?: string; agents?: number; handle?: string; run?: string }): string {
  return `
name: single team
run: { horizon: 60h, warmup: 2h, replications: 10, seed: 21${opts.run ?? ''} }
demand:
  arrivals: { rate: 120/h }
  intents:
    any: { share: 1, handle: ${opts.handle ?? '{ dist: exponential, mean: 3m }'}, RESOLVE }
${opts.demand ?? '  patience: none'}
teams:
  team: { agents: ${opts.agents ?? 10}, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
${opts.design ?? ''}
`;
}

describe('callbacks after unresolved calls', () => {
  it('give contactsPerIssue 1/r and fcr r when everyone calls back', () => {
    const r = 0.6;
    const runs = simulateYaml(
      singleTeam({ demand: '  patience: none\n  callback: { probability: 1, after: { dist: exponential, mean: 30m } }' }).replace(
        'RESOLVE',
        `resolve: ${r}`,
      ),
    );
    expectWithinInterval('contactsPerIssue', series(runs, 'single', 'contactsPerIssue'), 1 / r);
    expectWithinInterval('fcr', series(runs, 'single', 'fcr'), r);
    for (const v of series(runs, 'single', 'resolvedShare')) expect(v).toBe(1);
    for (const v of series(runs, 'single', 'givenUpShare')) expect(v).toBe(0);
  });

  it('leave a share of issues given up when only some call back', () => {
    const r = 0.6;
    const q = 0.5;
    const runs = simulateYaml(
      singleTeam({ demand: `  patience: none\n  callback: { probability: ${q}, after: 20m }` }).replace('RESOLVE', `resolve: ${r}`),
    );
    const resolved = r / (1 - (1 - r) * q);
    expectWithinInterval('resolvedShare', series(runs, 'single', 'resolvedShare'), resolved);
    expectWithinInterval('givenUpShare', series(runs, 'single', 'givenUpShare'), 1 - resolved);
    expectWithinInterval('contactsPerIssue', series(runs, 'single', 'contactsPerIssue'), 1 / (1 - (1 - r) * q));
  });
});

describe('a handle cap', () => {
  it('at the median of an exponential handle time cuts half the calls, which end unresolved', () => {
    const runs = simulateYaml(
      singleTeam({ design: `    handleCap: ${180 * Math.LN2}` }).replace('RESOLVE', 'resolve: 1'),
    );
    expectWithinInterval('cappedShare', series(runs, 'single', 'cappedShare'), 0.5);
    const capped = series(runs, 'single', 'cappedShare');
    series(runs, 'single', 'resolvedShare').forEach((v, i) => expect(v).toBeCloseTo(1 - capped[i]!, 12));
  });
});

describe('retries after abandoning', () => {
  it('raise the offered load as the retrial fixed point predicts', () => {
    const base = 300 / 3600;
    const p = 0.6;
    const input = { meanService: 180, agents: 14, meanPatience: 60 };
    // λ = λ0 + p·λ·P(abandon | λ): iterate to the fixed point.
    let rate = base;
    for (let i = 0; i < 200; i++) rate = base + p * rate * erlangA({ ...input, arrivalRate: rate }).abandonRate;
    const runs = simulateYaml(`
name: retrials
run: { horizon: 200h, warmup: 5h, replications: 10, seed: 8 }
demand:
  arrivals: { rate: 300/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 3m }, resolve: 1 }
  patience: { dist: exponential, mean: 1m }
  retry: { probability: ${p}, after: { dist: exponential, mean: 30m } }
teams:
  team: { agents: 14, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`);
    expectWithinInterval('contactsPerIssue', series(runs, 'single', 'contactsPerIssue'), rate / base);
    expectWithinInterval('abandonRate', series(runs, 'single', 'abandonRate'), erlangA({ ...input, arrivalRate: rate }).abandonRate);
  });
});

const TWO_TEAMS = (design: string, demand = '  patience: none') => `
name: two teams
run: { horizon: 60h, warmup: 2h, replications: 10, seed: 13 }
demand:
  arrivals: { rate: 160/h }
  intents:
    billing: { share: 0.5, handle: { dist: exponential, mean: 3m }, resolve: RESOLVE }
    outage:  { share: 0.5, handle: { dist: exponential, mean: 3m }, resolve: RESOLVE }
${demand}
teams:
  billing: { agents: 10, skills: [billing] }
  field:   { agents: 10, skills: [outage] }
designs:
${design}
`;

const TWO_NUMBERS = `
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: field, for: [outage] }
    dialing: { right: 0.7 }`;

describe('redial', () => {
  it('sends every misrouted caller back to dial the right number, once, without transfers', () => {
    const runs = simulateYaml(
      TWO_TEAMS(
        `  redial:${TWO_NUMBERS}\n    misroute: { identify: 30s, action: redial }`,
        '  patience: none\n  retry: { probability: 0, after: 5m }',
      ).replaceAll('RESOLVE', '1'),
    );
    expectWithinInterval('contactsPerIssue', series(runs, 'redial', 'contactsPerIssue'), 1.3);
    expectWithinInterval('redialShare', series(runs, 'redial', 'redialShare'), 0.3 / 1.3);
    for (const v of series(runs, 'redial', 'transfersPerCall')) expect(v).toBe(0);
    for (const v of series(runs, 'redial', 'resolvedShare')) expect(v).toBe(1);
  });
});

describe('continuity', () => {
  it('sends repeat calls straight to the team that handled the issue, skipping the IVR', () => {
    const ivr = (name: string, continuity: boolean) =>
      `  ${name}:\n    numbers: [ { dial: "3631", to: ivr } ]\n    ivr: { menu: 30s, accuracy: 0.5 }\n    continuity: ${continuity}`;
    const runs = simulateYaml(
      TWO_TEAMS(`${ivr('without', false)}\n${ivr('with', true)}`, '  patience: none\n  callback: { probability: 1, after: 1h }').replaceAll(
        'RESOLVE',
        '0.5',
      ),
    );
    // Two calls per issue on average; the IVR misroutes half of the calls it routes.
    expectWithinInterval('misrouted without continuity', series(runs, 'without', 'misroutedShare'), 0.5);
    expectWithinInterval('misrouted with continuity', series(runs, 'with', 'misroutedShare'), 0.25);
    expectWithinInterval('contactsPerIssue', series(runs, 'with', 'contactsPerIssue'), 2);
  });
});

describe('warm transfers', () => {
  it('keep the transferring agent busy during the delay (utilisation law)', () => {
    const rate = 80 / 3600; // per intent
    const runs = simulateYaml(
      TWO_TEAMS(
        `  cold:${TWO_NUMBERS}\n    misroute: { identify: 1m, action: transfer }\n    transfer: { delay: 2m }\n  warm:${TWO_NUMBERS}\n    misroute: { identify: 1m, action: transfer }\n    transfer: { delay: 2m, mode: warm }`,
      ).replaceAll('RESOLVE', '1'),
    );
    // Each team: its intent's callers all talk 3 min there; the other intent's wrong
    // dialers (30%) take 1 min to identify, plus the 2 min delay when warm.
    const busy = (delay: number) => (rate * 180 + 0.3 * rate * (60 + delay)) / 10;
    expectWithinInterval('cold occupancy', series(runs, 'cold', 'occupancy', { team: 'billing' }), busy(0));
    expectWithinInterval('warm occupancy', series(runs, 'warm', 'occupancy', { team: 'billing' }), busy(120));
  });
});

describe('maxHops', () => {
  it('ends a call that would need more transfers, counting it as ping-pong', () => {
    const runs = simulateYaml(`
name: ping-pong
run: { horizon: 40h, warmup: 1h, replications: 8, seed: 4 }
demand:
  arrivals: { rate: 90/h }
  intents:
    a: { share: 0.3333333333333333, handle: 2m, resolve: 1 }
    b: { share: 0.3333333333333333, handle: 2m, resolve: 1 }
    c: { share: 0.3333333333333334, handle: 2m, resolve: 1 }
  patience: none
teams:
  ta: { agents: 6, skills: [a] }
  tb: { agents: 6, skills: [b] }
  tc: { agents: 6, skills: [c] }
designs:
  lost:
    numbers: [ { dial: "1", to: ta } ]
    misroute: { identify: 30s, action: transfer }
    transfer: { accuracy: 0, maxHops: 2 }
`);
    // b and c callers bounce between the two teams lacking their skill until maxHops.
    expectWithinInterval('pingPongShare', series(runs, 'lost', 'pingPongShare'), 2 / 3);
    expectWithinInterval('transfersPerCall', series(runs, 'lost', 'transfersPerCall'), (2 / 3) * 2);
  });
});
