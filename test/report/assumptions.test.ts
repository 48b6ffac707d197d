import { describe, expect, it } from 'vitest';
import { assumptionBullets, scenarioAssumptions, scenarioNote } from '../../src/report/assumptions.ts';
import { parseScenario } from '../../src/scenario/index.ts';
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

/** A scenario through the loader, with the given `run` settings. */
const loaded = (run: string): Scenario =>
  parseScenario(
    `
name: window
run: { ${run}, replications: 2 }
demand:
  arrivals: { rate: 60/h }
  intents:
    any: { share: 1, handle: 3m, resolve: 1 }
  patience: none
teams:
  desk: { agents: 5, skills: [any] }
designs:
  only:
    numbers: [ { dial: "1", to: desk } ]
`,
    'window.yaml',
  );

describe('the counted window', () => {
  it('is a span of run time for a run not placed in the week', () => {
    const run = loaded('horizon: 8d, warmup: 1d, serviceLevel: 20s');
    expect(scenarioNote(run)).toBe('Issues arriving in [1d, 8d); service level = answered within 20s.');
    expect(scenarioAssumptions(run)[0]).toBe('Counted over issues first arriving in [1d, 8d) and all the calls they make; calls still in progress at the horizon run to completion.');
  });

  it('is days and clock times of the week, each with its week, for a run from Sunday past one week', () => {
    const run = loaded('start: "Sun 00:00", horizon: 8d, warmup: 1d, serviceLevel: 20s');
    expect(scenarioNote(run)).toBe('Issues arriving from W2 Mon 00:00 to W3 Mon 00:00; service level = answered within 20s.');
    expect(scenarioAssumptions(run)[0]).toBe(
      'Counted over issues first arriving from W2 Mon 00:00 to W3 Mon 00:00 and all the calls they make; calls still in progress at the horizon run to completion.',
    );
  });

  it('is clock times within the day for a run inside one week', () => {
    expect(scenarioNote(loaded('start: "Tue 08:00", horizon: 10h, warmup: 30m, serviceLevel: 20s'))).toBe(
      'Issues arriving from Tue 08:30 to Tue 18:00; service level = answered within 20s.',
    );
  });
});
