// Per-interval rows keyed by queue entry, against Poisson counts: behind a 5-minute IVR
// menu each caller joins the queue 5 minutes after dialling, so a half hour's row holds
// the callers who dialled 5 minutes earlier, the first row 5 minutes fewer, and `after`
// those who dialled in the last 5 minutes; self-served calls, which join no queue, stay in
// the half hour in which they were dialled. Agents and occupancy stay by clock time.
import { describe, expect, it } from 'vitest';
import { intervalSeries, simulateYaml } from '../support/run.ts';
import { expectWithinInterval } from '../support/statistics.ts';

const PER_MINUTE = 2;
const SELF_SERVED = 0.25;
const MENU_MINUTES = 5;

describe('per-interval rows behind an IVR menu', () => {
  const runs = simulateYaml(
    `
name: keyed by queue entry
run: { horizon: 2h, replications: 40, seed: 23 }
demand:
  arrivals: { rate: ${PER_MINUTE * 60}/h }
  intents:
    any: { share: 1, handle: 1m, resolve: 1, selfService: ${SELF_SERVED} }
teams:
  team: { agents: 20, skills: [any] }
designs:
  ivr:
    numbers: [ { dial: "1", to: ivr } ]
    ivr: { menu: ${MENU_MINUTES}m, accuracy: 1, selfService: true }
`,
    { interval: 1800 },
  );
  // Minutes of dialling whose callers join a queue in each row: 30 - 5, 30, 30, 30, then 5 after.
  const queuedMinutes = [30 - MENU_MINUTES, 30, 30, 30, MENU_MINUTES];
  const dialledMinutes = [30, 30, 30, 30, 0];

  it('puts each queue entry in the half hour it joined the queue, the last 5 minutes of callers in after', () => {
    queuedMinutes.forEach((minutes, k) => {
      const expected = (1 - SELF_SERVED) * PER_MINUTE * minutes;
      expectWithinInterval(`queue entries in row ${k}`, intervalSeries(runs, 'ivr', k, 'queueEntries'), expected);
    });
  });

  it('puts a queued call with its queue entry and a self-served one where it was dialled', () => {
    queuedMinutes.forEach((minutes, k) => {
      const expected = PER_MINUTE * ((1 - SELF_SERVED) * minutes + SELF_SERVED * dialledMinutes[k]!);
      expectWithinInterval(`calls in row ${k}`, intervalSeries(runs, 'ivr', k, 'calls'), expected);
    });
  });

  it('keeps agents and occupancy by clock time: 20 agents in every row, the drain too; steady load 1.5 of 20', () => {
    for (let k = 0; k < 5; k++) {
      for (const agents of intervalSeries(runs, 'ivr', k, 'agents')) expect(agents, `row ${k}`).toBeCloseTo(20, 9);
    }
    // (1 - self-served) × 2 a minute × 1 minute of talk = 1.5 busy agents once the first callers are through.
    const steady = ((1 - SELF_SERVED) * PER_MINUTE * 1) / 20;
    for (const k of [1, 2, 3]) expectWithinInterval(`occupancy in row ${k}`, intervalSeries(runs, 'ivr', k, 'occupancy'), steady);
    // The drain: the last callers through the menu keep agents busy until the run ends.
    expect(intervalSeries(runs, 'ivr', 4, 'occupancy').every((occupancy) => occupancy > 0)).toBe(true);
  });
});
