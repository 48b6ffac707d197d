// The arrival process of a run: one process shared by every replication, or, with
// `dailyVolume`, one per replication whose day factors come from the day-volume stream.
import { gamma, sample } from '../engine/distributions.ts';
import { PoissonProcess, ScaledPoissonProcess, type ArrivalProcess } from '../engine/poisson-process.ts';
import { ratePattern } from '../scenario/arrival-rates.ts';
import type { Arrivals, RunSettings } from '../scenario/model.ts';
import { SECONDS_PER_DAY } from '../scenario/week-time.ts';
import type { RandomStream } from '../engine/random.ts';

/** How a replication's arrivals are scaled day by day: the factors are drawn for it. */
export interface DailyVolumeRule {
  /** The arrivals of one replication, its day factors drawn from `rng` (the day-volume stream), day after day. */
  forReplication(rng: RandomStream): ArrivalProcess;
}

/** The arrivals as given: the same process for every replication. */
export function baseArrivals(arrivals: Arrivals, settings: RunSettings): ArrivalProcess {
  const pattern = ratePattern(arrivals, settings.start);
  if (pattern === undefined) return PoissonProcess.constant(arrivals.kind === 'poisson' ? arrivals.ratePerSecond : 0);
  return PoissonProcess.piecewise(pattern.every, pattern.rates, pattern.offset);
}

/**
 * With `dailyVolume`, the rule that scales each day of the run's clock (midnight to
 * midnight, the first day starting at run.start) by a gamma factor of mean 1; null without
 * (or with a cv of 0).
 * Factors are drawn in day order for every day the horizon touches, whatever the design:
 * every design of a replication sees the same days.
 */
export function dailyVolumeRule(arrivals: Arrivals, settings: RunSettings): DailyVolumeRule | null {
  // A cv of 0 scales nothing: the arrivals as given.
  if (arrivals.dailyVolume === null || arrivals.dailyVolume.cv === 0) return null;
  const factor = gamma(1, arrivals.dailyVolume.cv);
  const phase = settings.start % SECONDS_PER_DAY;
  const days = Math.ceil((phase + settings.horizon) / SECONDS_PER_DAY);
  const pattern = ratePattern(arrivals, settings.start);
  const every = pattern?.every ?? Infinity;
  const rates = pattern?.rates ?? [arrivals.kind === 'poisson' ? arrivals.ratePerSecond : 0];
  const offset = pattern?.offset ?? 0;
  return {
    forReplication: (rng) =>
      new ScaledPoissonProcess(every, rates, offset, SECONDS_PER_DAY, phase, Array.from({ length: days }, () => sample(factor, rng))),
  };
}
