// The outcome table is the one vocabulary of call outcomes: ids index per-outcome counts,
// and every name an output prints comes from it.
import { describe, expect, it } from 'vitest';
import { CallOutcome, OUTCOME_LIST, OUTCOMES, outcomeOf } from '../../src/callcenter/outcomes.ts';

describe('call outcomes', () => {
  it('number the outcomes 0, 1, 2… in the order of the list, so an id indexes counts', () => {
    expect(OUTCOME_LIST.map((o) => o.id)).toEqual(OUTCOME_LIST.map((_, k) => k));
    for (const outcome of OUTCOME_LIST) expect(outcomeOf(outcome.id)).toBe(outcome);
  });

  it('name each id after its key, capitalised', () => {
    expect(CallOutcome.PingPong).toBe(OUTCOMES.pingPong.id);
    expect(Object.keys(CallOutcome)).toEqual(Object.keys(OUTCOMES).map((key) => key[0]!.toUpperCase() + key.slice(1)));
    for (const outcome of OUTCOME_LIST) expect(OUTCOMES[outcome.key].id).toBe(outcome.id);
  });

  it('gives ping-pong its four names in one row', () => {
    expect(outcomeOf(CallOutcome.PingPong)).toEqual({
      id: 6,
      key: 'pingPong',
      label: 'Too many transfers',
      traceName: 'max-hops',
      shareMetric: 'pingPongShare',
    });
  });

  it('keeps labels, trace names and share metrics distinct between outcomes', () => {
    for (const field of ['label', 'traceName', 'shareMetric'] as const) {
      const names = OUTCOME_LIST.flatMap((o) => (o[field] === undefined ? [] : [o[field]]));
      expect(new Set(names).size, field).toBe(names.length);
    }
  });

  it('has a share metric for every outcome that is not an agent answer or an abandonment', () => {
    // A callback not reached is an agent's answer too: the agent took the caller's turn.
    const without = OUTCOME_LIST.filter((o) => o.shareMetric === undefined).map((o) => o.key);
    expect(without).toEqual(['resolved', 'unresolved', 'abandoned', 'notReached']);
  });
});
