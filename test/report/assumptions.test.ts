import { describe, expect, it } from 'vitest';
import { assumptionBullets, scenarioAssumptions } from '../../src/report/assumptions.ts';
import type { Scenario } from '../../src/scenario/model.ts';

const scenario = {
  name: 'x',
  run: { warmup: 1800, horizon: 8 * 3600, drain: true, serviceLevel: 20 },
  demand: { intents: [] },
  designs: [],
} as unknown as Scenario;

describe('assumptionBullets', () => {
  it('takes the given assumptions first, each on one line, empty ones left out', () => {
    expect(assumptionBullets({ scenario, assumptions: ['Two\n  lines', '  ', 'Kept'] })).toEqual(['Two lines', 'Kept']);
    expect(assumptionBullets({ scenario, assumptions: [] })).toEqual([]);
  });

  it("falls back on the scenario's assumptions, and on none without a scenario", () => {
    expect(assumptionBullets({ scenario })).toEqual(scenarioAssumptions(scenario));
    expect(assumptionBullets({})).toEqual([]);
  });
});
