// The journey of an issue adds up its calls: with one call and one queue entry per issue,
// the journey's figures equal the queue's, replication by replication.
import { describe, expect, it } from 'vitest';
import { series, simulateYaml } from '../support/run.ts';

/** One team under heavy load, callers who abandon, no repeat calls: one queue entry per issue. */
const ONE_CALL_EACH = `
name: one call each
run: { horizon: 4h, replications: 5, seed: 11 }
demand:
  arrivals: { rate: 110/h }
  intents: { any: { share: 1, handle: 3m } }
  patience: 2m
teams: { desk: { agents: 5, skills: [any] } }
designs: { only: { numbers: [ { dial: "1", to: desk } ] } }
`;

describe('the wait of an issue', () => {
  const runs = simulateYaml(ONE_CALL_EACH);

  it('counts the time its callers waited before giving up, as the queue does', () => {
    const abandoned = series(runs, 'only', 'abandonRate');
    // The pin needs callers who give up: without them it could not tell the two apart.
    for (const share of abandoned) expect(share).toBeGreaterThan(0.05);
    const perIssue = series(runs, 'only', 'waitPerIssue');
    const perEntry = series(runs, 'only', 'waitMean');
    perIssue.forEach((wait, r) => expect(wait).toBeCloseTo(perEntry[r]!, 9));
  });
});
