// The moments of a call's story: the IVR resolving a caller itself, a misroute ending in a
// ping-pong or a redial, and a shift starting with callers waiting.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from './timeline.ts';

const OUTAGE = '    outage: { share: 0, handle: 60s }';

describe('the IVR menu ending', () => {
  const ivr = (selfService: string): string =>
    billingScenario({
      intent: `, selfService: ${selfService}`,
      design: '    numbers: [ { dial: "1", to: ivr } ]\n    ivr: { menu: 20s, accuracy: 1, selfService: true }',
    });

  it('resolves the caller there when the intent is fully self-served', () => {
    expect(timeline(ivr('1'), [0])).toEqual(['0 A calls', '20 A ends SelfServed']);
  });

  it('routes the caller to a team when the intent is never self-served', () => {
    expect(at(timeline(ivr('0'), [0]), 20)).toEqual(['20 A routed by the IVR to billing', '20 A reaches billing', '20 A answered by billing']);
  });
});

describe('an agent identifying a misroute', () => {
  it('ends the call PingPong when it has had maxHops transfers', () => {
    // Transfers always go to a wrong team, never the one transferring: front, back, front…
    const lines = timeline(
      billingScenario({
        demand: OUTAGE,
        teams: '  front: { agents: 1, skills: [outage] }\n  back: { agents: 1, skills: [outage] }\n  billing: { agents: 1, skills: [billing] }',
        design: '    numbers: [ { dial: "1", to: front } ]\n    misroute: { identify: 30s }\n    transfer: { accuracy: 0, maxHops: 2 }',
      }),
      [0],
    );
    expect(lines.filter((line) => !line.includes('reaches'))).toEqual([
      '0 A calls',
      '0 A answered by front',
      '30 A transferred by front',
      '30 A answered by back',
      '60 A transferred by back',
      '60 A answered by front',
      '90 A ends PingPong',
    ]);
  });

  /** Callers arriving at `times` call a number leading to front (or to billing when dialing right) and front tells them to redial. */
  const redial = (right: number, seed: number, times: readonly number[] = [0]): string[] =>
    timeline(
      billingScenario({
        seed,
        demand: `${OUTAGE}\n  retry: { probability: 0, after: 50s }`,
        teams: '  front: { agents: 1, skills: [outage] }\n  billing: { agents: 1, skills: [billing] }',
        design:
          '    numbers: [ { dial: "1", to: front, for: [outage] }, { dial: "2", to: billing, for: [billing] } ]\n' +
          `    dialing: { right: ${right} }\n    misroute: { identify: 30s, action: redial }`,
      }),
      times,
    );

  it('with action redial, ends the call and the caller dials the right number after retry.after', () => {
    // Seed 3: A's dial draw is 0.5 or more, so A dials the number not advertised for billing.
    // A redirected caller redials whatever retry.probability says.
    expect(redial(0.5, 3)).toEqual([
      '0 A calls',
      '0 A reaches front',
      '0 A answered by front',
      '30 A ends Redirected',
      '80 A calls again (call 2)',
      '80 A reaches billing',
      '80 A answered by billing',
      '140 A ends Resolved',
    ]);
  });

  it('with action redial, sends the caller to the right number even with dialing.right 0', () => {
    expect(at(redial(0, 1), 80)).toEqual(['80 A calls again (call 2)', '80 A reaches billing', '80 A answered by billing']);
  });

  it('with dialing.right 0, every first call is misrouted and every redial reaches the right team: two calls each', () => {
    expect(redial(0, 1, [0, 10])).toEqual([
      '0 A calls',
      '0 A reaches front',
      '0 A answered by front',
      '10 B calls',
      '10 B reaches front',
      '30 A ends Redirected',
      '30 B answered by front',
      '60 B ends Redirected',
      '80 A calls again (call 2)',
      '80 A reaches billing',
      '80 A answered by billing',
      '110 B calls again (call 2)',
      '110 B reaches billing',
      '140 A ends Resolved',
      '140 B answered by billing',
      '200 B ends Resolved',
    ]);
  });
});

describe('a shift starting', () => {
  it('lets the new agents take the callers waiting', () => {
    const teams = '  billing: { agents: { every: 1m, counts: [0, 2] }, skills: [billing] }';
    const lines = timeline(billingScenario({ teams }), [10, 20]);
    expect(at(lines, 60)).toEqual(['60 billing has 2 on duty', '60 A answered by billing', '60 B answered by billing']);
  });
});
