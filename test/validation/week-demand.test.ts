// Demand over the week: issues per day of a profile by day against the exact Poisson means,
// and with a daily volume factor against the gamma-Poisson law; every design sees the same.
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { SECONDS_PER_DAY } from '../../src/scenario/week-time.ts';
import { expectWithinInterval, TEST_CONFIDENCE } from '../support/statistics.ts';
import quantile from '@stdlib/stats-base-dists-t-quantile';

/** The arrival times of new issues in one replication of one design. */
function arrivalTimes(scenario: Scenario, design: number, replication: number): number[] {
  const times: number[] = [];
  let clock: Clock = { now: 0 };
  // Every event but the two watched is ignored.
  const observer = new Proxy({} as CallCentreObserver, {
    get: (_, name) =>
      name === 'runStarted' ? (c: Clock) => (clock = c) : name === 'issueArrived' ? () => times.push(clock.now) : () => undefined,
  });
  simulate(compileRun(scenario, scenario.designs[design]!), replication, observer);
  return times;
}

/** New issues per day of the run's clock (day 0 is the day of run.start), in each replication. */
function issuesPerDay(scenario: Scenario, days: number): number[][] {
  const first = Math.floor(scenario.run.start / SECONDS_PER_DAY);
  return Array.from({ length: scenario.run.replications }, (_, r) => {
    const counts = new Array<number>(days).fill(0);
    for (const t of arrivalTimes(scenario, 0, r)) counts[Math.floor((scenario.run.start + t) / SECONDS_PER_DAY) - first]!++;
    return counts;
  });
}

const column = (rows: readonly number[][], day: number): number[] => rows.map((row) => row[day]!);

const scenarioOf = (run: string, arrivals: string, designs = ''): Scenario =>
  parseScenario(
    `
name: week demand
run: { ${run}, drain: false }
demand:
  arrivals: ${arrivals}
  intents:
    any: { share: 1, handle: 10s }
teams:
  desk: { agents: 50, skills: [any] }
designs:
  one:
    numbers: [ { dial: "1", to: desk } ]
${designs}`,
    'week.yaml',
  );

/** Hourly rates of a weekday, 00:00 first: a morning peak and an afternoon. */
const WEEKDAY = Array.from({ length: 24 }, (_, h) => (h < 8 || h >= 20 ? 5 : h < 12 ? 60 + 10 * h : 40));

describe('a profile by day of the week', () => {
  // Friday noon to Monday noon: half a Friday, a Saturday of 10 listed hours, a Sunday not listed, half a Monday.
  const scenario = scenarioOf(
    'start: "Fri 12:00", horizon: 3d, replications: 200, seed: 41',
    `{ profile: { every: 1h, byDay: { mon-fri: [${WEEKDAY.map((r) => `${r}/h`).join(', ')}], sat: [${'30/h, '.repeat(9)}30/h] } } }`,
  );
  const perDay = issuesPerDay(scenario, 4);
  const sum = (rates: readonly number[]): number => rates.reduce((a, b) => a + b, 0);

  it('has the exact Poisson mean each day: the afternoon of Friday, the 10 hours of Saturday, the morning of Monday', () => {
    expectWithinInterval('Friday from 12:00', column(perDay, 0), sum(WEEKDAY.slice(12)));
    expectWithinInterval('Saturday', column(perDay, 1), 10 * 30);
    expectWithinInterval('Monday to 12:00', column(perDay, 3), sum(WEEKDAY.slice(0, 12)));
  });

  it('has no call on a day not listed, nor after the end of a shorter list', () => {
    expect(column(perDay, 2).every((n) => n === 0)).toBe(true);
    // Saturday 10:00 is 22 hours after the start.
    const late = Array.from({ length: 20 }, (_, r) => arrivalTimes(scenario, 0, r).filter((t) => t >= 22 * 3600 && t < 36 * 3600).length);
    expect(late).toEqual(new Array<number>(20).fill(0));
  });

  it('loses and doubles nothing at the boundaries of hours and days: the hours around midnight each get their rate', () => {
    // Friday 23:00 to 24:00 (rate 5/h) and Saturday 00:00 to 01:00 (30/h), over all replications.
    const hours = Array.from({ length: 200 }, (_, r) => arrivalTimes(scenario, 0, r));
    const count = (from: number, to: number): number[] => hours.map((times) => times.filter((t) => t >= from && t < to).length);
    expectWithinInterval('Friday 23:00-24:00', count(11 * 3600, 12 * 3600), 5);
    expectWithinInterval('Saturday 00:00-01:00', count(12 * 3600, 13 * 3600), 30);
  });
});

/** Mean and variance of a sample, with the half-width of the variance's interval (from the fourth moment). */
function varianceInterval(values: readonly number[]): { variance: number; halfWidth: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const m2 = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  const m4 = values.reduce((a, v) => a + (v - mean) ** 4, 0) / n;
  const z = quantile(1 - (1 - TEST_CONFIDENCE) / 2, 1e9);
  return { variance: (m2 * n) / (n - 1), halfWidth: z * Math.sqrt((m4 - m2 * m2) / n) };
}

describe('a daily volume factor', () => {
  const cv = 0.4;
  // Two weeks from Monday 00:00: weekdays of 20/h all day (480), Saturdays of 40/h for 12 hours (480).
  const arrivals = `{ profile: { every: 1h, byDay: { mon-fri: [${'20/h, '.repeat(23)}20/h], sat: [${'40/h, '.repeat(11)}40/h] } }, dailyVolume: { cv: ${cv} } }`;
  const scenario = scenarioOf('horizon: 14d, replications: 150, seed: 43', arrivals, `  ivr-first:
    numbers: [ { dial: "1", to: ivr } ]
    ivr: { menu: 30s, accuracy: 1 }
`);
  const perDay = issuesPerDay(scenario, 14);
  const lambda = 480;
  const weekdays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].flatMap((day) => column(perDay, day));

  it('keeps the mean of a day: Λ = 480 on weekdays and on Saturdays, none on Sundays', () => {
    expectWithinInterval('weekday', weekdays, lambda);
    expectWithinInterval('Saturday', [...column(perDay, 5), ...column(perDay, 12)], lambda);
    expect([...column(perDay, 6), ...column(perDay, 13)].every((n) => n === 0)).toBe(true);
  });

  it('gives a day the gamma-Poisson variance Λ + Λ²cv²', () => {
    const expected = lambda + lambda * lambda * cv * cv;
    const { variance, halfWidth } = varianceInterval(weekdays);
    expect(Math.abs(variance - expected), `variance ${variance.toFixed(0)} ± ${halfWidth.toFixed(0)}, theory ${expected}`).toBeLessThanOrEqual(halfWidth);
    // Far from the Poisson variance a day would have without the factor.
    expect(variance - halfWidth).toBeGreaterThan(10 * lambda);
  });

  it('draws days independently: the volumes of consecutive weekdays are uncorrelated', () => {
    const pairs = perDay.flatMap((row) => [0, 1, 2, 3, 7, 8, 9, 10].map((d) => [row[d]!, row[d + 1]!] as const));
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [mx, my] = [mean(pairs.map((p) => p[0])), mean(pairs.map((p) => p[1]))];
    const cov = mean(pairs.map(([x, y]) => (x - mx) * (y - my)));
    const sd = (xs: readonly number[], m: number): number => Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
    const correlation = cov / (sd(pairs.map((p) => p[0]), mx) * sd(pairs.map((p) => p[1]), my));
    // Under independence the correlation of n pairs has a standard error of about 1/√n.
    expect(Math.abs(correlation)).toBeLessThan(3.29 / Math.sqrt(pairs.length));
  });

  it('gives every design the same arrivals, and another replication other ones', () => {
    for (const replication of [0, 1, 2]) expect(arrivalTimes(scenario, 1, replication)).toEqual(arrivalTimes(scenario, 0, replication));
    expect(arrivalTimes(scenario, 0, 1)).not.toEqual(arrivalTimes(scenario, 0, 0));
  });

  it('leaves the arrivals as they are with a cv of 0', () => {
    const without = scenarioOf('horizon: 2d, replications: 2, seed: 3', '{ rate: 100/h }');
    const zero = scenarioOf('horizon: 2d, replications: 2, seed: 3', '{ rate: 100/h, dailyVolume: { cv: 0 } }');
    expect(arrivalTimes(zero, 0, 1)).toEqual(arrivalTimes(without, 0, 1));
  });
});
