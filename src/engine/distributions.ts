// Probability distributions of durations (seconds), as flat data plus one sampling switch.
import type { RandomStream } from './random.ts';

/**
 * A distribution of non-negative durations in seconds. Parameters the sampler needs are
 * precomputed by the constructors below, so sampling does no set-up work in the hot loop.
 */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | {
      readonly kind: 'lognormal';
      readonly mean: number;
      readonly sd: number;
      /** Mean and standard deviation of the underlying normal. */
      readonly mu: number;
      readonly sigma: number;
    }
  | {
      readonly kind: 'gamma';
      readonly mean: number;
      readonly cv: number;
      readonly shape: number;
      readonly scale: number;
    }
  | { readonly kind: 'erlang'; readonly mean: number; readonly k: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  | { readonly kind: 'empirical'; readonly values: Float64Array };

export type DistributionKind = Distribution['kind'];

export const fixed = (value: number): Distribution => ({ kind: 'fixed', value });

export const exponential = (mean: number): Distribution => ({ kind: 'exponential', mean });

/** Lognormal with the given mean and standard deviation of the variable itself. */
export function lognormal(mean: number, sd: number): Distribution {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { kind: 'lognormal', mean, sd, mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** Gamma with the given mean and coefficient of variation (sd / mean). */
export function gamma(mean: number, cv: number): Distribution {
  const shape = 1 / (cv * cv);
  return { kind: 'gamma', mean, cv, shape, scale: mean / shape };
}

/** Erlang-k: the sum of k exponential phases, total mean `mean`. */
export const erlang = (mean: number, k: number): Distribution => ({ kind: 'erlang', mean, k });

export const uniform = (min: number, max: number): Distribution => ({ kind: 'uniform', min, max });

export const triangular = (min: number, mode: number, max: number): Distribution => ({
  kind: 'triangular',
  min,
  mode,
  max,
});

/** Resamples the given observations uniformly. */
export const empirical = (values: readonly number[]): Distribution => ({
  kind: 'empirical',
  values: Float64Array.from(values),
});

const FIXED = 0;
const EXPONENTIAL = 1;
const OTHER = 2;

/**
 * A distribution prepared for drawing in the simulation loop. Distributions of different
 * kinds are objects of different shapes, which makes every call site that reads them
 * polymorphic; samplers are all of this one class, and the two commonest kinds are drawn
 * in a method small enough for V8 to inline.
 */
export class Sampler {
  private readonly code: number;
  /** The mean of an exponential, or the value of a fixed distribution. */
  private readonly scale: number;

  constructor(readonly distribution: Distribution) {
    this.code = distribution.kind === 'exponential' ? EXPONENTIAL : distribution.kind === 'fixed' ? FIXED : OTHER;
    this.scale = distribution.kind === 'exponential' ? distribution.mean : distribution.kind === 'fixed' ? distribution.value : 0;
  }

  draw(rng: RandomStream): number {
    if (this.code === EXPONENTIAL) return -this.scale * Math.log(1 - rng.next());
    if (this.code === FIXED) return this.scale;
    return sample(this.distribution, rng);
  }
}

/** Draws one value of `d` from `rng` (in the simulation loop, a Sampler does it faster). */
export function sample(d: Distribution, rng: RandomStream): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next());
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * standardNormal(rng));
    case 'gamma':
      return d.scale * standardGamma(d.shape, rng);
    case 'erlang': {
      // Product of k uniforms: one log instead of k. For large k the product would underflow
      // to 0 (a draw of +Infinity from about k = 700), so it is folded into a sum of logs
      // before it gets that small; every factor is at least 2^-53, so the product stays a
      // normal double. Small k never reaches the threshold and still takes a single log.
      let product = 1;
      let logSum = 0;
      for (let i = 0; i < d.k; i++) {
        product *= 1 - rng.next();
        if (product < 1e-280) {
          logSum += Math.log(product);
          product = 1;
        }
      }
      return (-d.mean / d.k) * (logSum + Math.log(product));
    }
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'triangular':
      return triangularInverse(d.min, d.mode, d.max, rng.next());
    case 'empirical':
      return d.values[Math.floor(rng.next() * d.values.length)]!;
    default:
      return assertNever(d);
  }
}

/** Exact mean of a distribution, for analytic checks and load estimates. */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical': {
      let sum = 0;
      for (const v of d.values) sum += v;
      return sum / d.values.length;
    }
    default:
      return assertNever(d);
  }
}

/** Exact variance of a distribution (the empirical one as a population variance). */
export function varianceOf(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return 0;
    case 'exponential':
      return d.mean * d.mean;
    case 'lognormal':
      return d.sd * d.sd;
    case 'gamma':
      return d.mean * d.mean * d.cv * d.cv;
    case 'erlang':
      return (d.mean * d.mean) / d.k;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'empirical': {
      const m = meanOf(d);
      let sum = 0;
      for (const v of d.values) sum += (v - m) * (v - m);
      return sum / d.values.length;
    }
    default:
      return assertNever(d);
  }
}

function triangularInverse(a: number, c: number, b: number, u: number): number {
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** Marsaglia's polar method; the second variate is dropped so that sampling keeps no state. */
function standardNormal(rng: RandomStream): number {
  let u: number, v: number, s: number;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  return u * Math.sqrt((-2 * Math.log(s)) / s);
}

/** Marsaglia and Tsang (2000); shapes below 1 use the boost Gamma(a) = Gamma(a+1) * U^(1/a). */
function standardGamma(shape: number, rng: RandomStream): number {
  if (shape < 1) return standardGamma(shape + 1, rng) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown distribution ${JSON.stringify(x)}`);
}
