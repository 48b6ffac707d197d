// What the arrival rates of a scenario are over time: the repeating pattern the simulator
// draws from, its mean and peak, and the stretches of a run over which the rate is constant
// (for the capacity check by interval).
import type { ArrivalRates } from './model.ts';
import { SECONDS_PER_DAY, SECONDS_PER_WEEK } from './week-time.ts';

/** A piecewise-constant pattern: rates[k] over [k·every, (k+1)·every) of pattern time, repeating. */
export interface RatePattern {
  readonly every: number;
  readonly rates: readonly number[];
  /** Pattern time at t = 0 of the run: run.start for a weekly pattern, else 0. */
  readonly offset: number;
}

/** The pattern of a profile; undefined for a constant rate. */
export function ratePattern(arrivals: ArrivalRates, start: number): RatePattern | undefined {
  switch (arrivals.kind) {
    case 'poisson':
      return undefined;
    case 'profile':
      return { every: arrivals.every, rates: arrivals.ratesPerSecond, offset: 0 };
    case 'weekly': {
      const perDay = SECONDS_PER_DAY / arrivals.every;
      // A week of intervals, Monday 00:00 first; a day's list shorter than the day leaves 0.
      const rates = arrivals.byDay.flatMap((day) => Array.from({ length: perDay }, (_, k) => day[k] ?? 0));
      return { every: arrivals.every, rates, offset: start };
    }
  }
}

/**
 * The mean rate of a run, per second, as the load check and the workload estimate see it: a
 * repeating profile's over its list, a week's pattern over the days [0, horizon) of the run
 * covers (a run of weekdays is not diluted by the weekend it does not reach).
 */
export function meanArrivalRate(arrivals: ArrivalRates, start: number, horizon: number): number {
  switch (arrivals.kind) {
    case 'poisson':
      return arrivals.ratePerSecond;
    case 'profile':
      return arrivals.ratesPerSecond.reduce((a, b) => a + b, 0) / arrivals.ratesPerSecond.length;
    case 'weekly': {
      // Whole weeks at once, then the stretches of the rest.
      const weeks = Math.floor(horizon / SECONDS_PER_WEEK);
      const perWeek = arrivals.byDay.reduce((sum, day) => sum + day.reduce((a, b) => a + b, 0), 0) * arrivals.every;
      const rest = rateSegments(arrivals, start, horizon - weeks * SECONDS_PER_WEEK).reduce((sum, s) => sum + s.ratePerSecond * (s.to - s.from), 0);
      return (weeks * perWeek + rest) / horizon;
    }
  }
}

/** The highest rate of any interval, per second. */
export function peakArrivalRate(arrivals: ArrivalRates): number {
  switch (arrivals.kind) {
    case 'poisson':
      return arrivals.ratePerSecond;
    case 'profile':
      return arrivals.ratesPerSecond.reduce((a, b) => Math.max(a, b), 0);
    case 'weekly':
      return arrivals.byDay.reduce((peak, day) => day.reduce((a, b) => Math.max(a, b), peak), 0);
  }
}

/** A stretch [from, to) of run time with one arrival rate. */
export interface RateSegment {
  readonly from: number;
  readonly to: number;
  readonly ratePerSecond: number;
}

/** The run's stretches of constant rate over [0, horizon), in order: the pattern's intervals cut at 0 and the horizon. */
export function rateSegments(arrivals: ArrivalRates, start: number, horizon: number): RateSegment[] {
  const pattern = ratePattern(arrivals, start);
  if (pattern === undefined) return [{ from: 0, to: horizon, ratePerSecond: arrivals.kind === 'poisson' ? arrivals.ratePerSecond : 0 }];
  const { every, rates, offset } = pattern;
  const segments: RateSegment[] = [];
  for (let k = Math.floor(offset / every); k * every - offset < horizon; k++) {
    segments.push({ from: Math.max(0, k * every - offset), to: Math.min(horizon, (k + 1) * every - offset), ratePerSecond: rates[k % rates.length]! });
  }
  return segments;
}
