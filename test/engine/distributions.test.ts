import { describe, expect, it } from 'vitest';
import {
  empirical,
  erlang,
  exponential,
  fixed,
  gamma,
  lognormal,
  meanOf,
  sample,
  triangular,
  uniform,
  varianceOf,
  type Distribution,
} from '../../src/engine/distributions.ts';
import { createStream } from '../../src/engine/random.ts';

/**
 * Moment checks. For N independent draws with variance σ² and fourth central moment μ4:
 *
 *  - the sample mean has standard error sqrt(σ²/N);
 *  - the sample variance has standard error sqrt((μ4 - σ⁴)/N) to first order in 1/N
 *    (the exact variance of the unbiased estimator is (μ4 - σ⁴(N-3)/(N-1))/N).
 *
 * Both estimators are approximately normal at N = 200,000, so a tolerance of Z = 4.5
 * standard errors would be exceeded by a correct sampler with probability about 7e-6 per
 * check. The streams are seeded, so the tests are deterministic; the tolerance states how
 * unlucky a seed would have to be for a correct sampler to fail.
 *
 * The fourth central moment μ4 is computed analytically for every kind:
 *  - fixed: 0;
 *  - exponential with mean m: 9 m⁴;
 *  - gamma with shape a (a = 1/cv²): σ⁴ (3 + 6/a) (excess kurtosis 6/a);
 *  - Erlang-k: a gamma with shape k, so σ⁴ (3 + 6/k);
 *  - lognormal with log-sd s: σ⁴ (e^{4s²} + 2e^{3s²} + 3e^{2s²} - 3);
 *  - uniform on [a, b]: (b - a)⁴ / 80;
 *  - triangular: 2.4 σ⁴ (excess kurtosis -3/5 whatever the mode);
 *  - empirical: the population fourth central moment of its values, computed exactly.
 */
const N = 200_000;
const Z = 4.5;

function fourthCentralMoment(d: Distribution): number {
  const v = varianceOf(d);
  switch (d.kind) {
    case 'fixed':
      return 0;
    case 'exponential':
      return 9 * d.mean ** 4;
    case 'gamma':
      return v * v * (3 + 6 / d.shape);
    case 'erlang':
      return v * v * (3 + 6 / d.k);
    case 'lognormal': {
      const s2 = d.sigma * d.sigma;
      return v * v * (Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3);
    }
    case 'uniform':
      return (d.max - d.min) ** 4 / 80;
    case 'triangular':
      return 2.4 * v * v;
    case 'empirical': {
      const m = meanOf(d);
      let sum = 0;
      for (const x of d.values) sum += (x - m) ** 4;
      return sum / d.values.length;
    }
  }
}

function draw(d: Distribution, name: string, n = N): Float64Array {
  const rng = createStream(20240601, 0, name);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample(d, rng);
  return xs;
}

function sampleMoments(xs: Float64Array): { mean: number; variance: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1), min, max };
}

interface Case {
  readonly label: string;
  readonly d: Distribution;
  /** Inclusive lower and upper bounds every draw must respect. */
  readonly lower: number;
  readonly upper: number;
  /** Number of draws, when not N (large-k Erlang costs k uniforms per draw). */
  readonly n?: number;
}

const cases: readonly Case[] = [
  { label: 'exponential mean 180', d: exponential(180), lower: 0, upper: Infinity },
  { label: 'lognormal mean 300 sd 200', d: lognormal(300, 200), lower: 0, upper: Infinity },
  { label: 'lognormal mean 60 sd 20', d: lognormal(60, 20), lower: 0, upper: Infinity },
  { label: 'gamma mean 240 cv 0.5', d: gamma(240, 0.5), lower: 0, upper: Infinity },
  { label: 'gamma mean 240 cv 1', d: gamma(240, 1), lower: 0, upper: Infinity },
  { label: 'gamma mean 240 cv 2 (shape 1/4)', d: gamma(240, 2), lower: 0, upper: Infinity },
  { label: 'gamma mean 30 cv 1.5 (shape 4/9)', d: gamma(30, 1.5), lower: 0, upper: Infinity },
  { label: 'erlang mean 120 k 1', d: erlang(120, 1), lower: 0, upper: Infinity },
  { label: 'erlang mean 120 k 3', d: erlang(120, 3), lower: 0, upper: Infinity },
  { label: 'erlang mean 120 k 1000', d: erlang(120, 1000), lower: 0, upper: Infinity, n: 20_000 },
  { label: 'uniform 30..90', d: uniform(30, 90), lower: 30, upper: 90 },
  { label: 'triangular 10, 40, 130', d: triangular(10, 40, 130), lower: 10, upper: 130 },
  { label: 'triangular mode at min', d: triangular(5, 5, 65), lower: 5, upper: 65 },
  { label: 'triangular mode at max', d: triangular(5, 65, 65), lower: 5, upper: 65 },
  { label: 'empirical', d: empirical([12, 30, 30, 45, 60, 61, 300, 900]), lower: 12, upper: 900 },
];

describe('sample: moments against meanOf / varianceOf', () => {
  for (const c of cases) {
    it(c.label, () => {
      const n = c.n ?? N;
      const xs = draw(c.d, c.label, n);
      const { mean, variance, min, max } = sampleMoments(xs);
      const mu = meanOf(c.d);
      const sigma2 = varianceOf(c.d);
      const mu4 = fourthCentralMoment(c.d);

      expect(Number.isFinite(mean)).toBe(true);
      expect(Math.abs(mean - mu)).toBeLessThan(Z * Math.sqrt(sigma2 / n));
      expect(Math.abs(variance - sigma2)).toBeLessThan(Z * Math.sqrt((mu4 - sigma2 * sigma2) / n));

      expect(min).toBeGreaterThanOrEqual(0);
      expect(min).toBeGreaterThanOrEqual(c.lower);
      expect(max).toBeLessThanOrEqual(c.upper);
    });
  }

  it('fixed returns its value every time and consumes no randomness', () => {
    const d = fixed(42);
    expect(meanOf(d)).toBe(42);
    expect(varianceOf(d)).toBe(0);
    expect(fourthCentralMoment(d)).toBe(0);
    const rng = createStream(1, 0, 'fixed');
    const reference = createStream(1, 0, 'fixed');
    for (let i = 0; i < 1000; i++) expect(sample(d, rng)).toBe(42);
    expect(rng.next()).toBe(reference.next());
  });

  it('uniform stays strictly below max (draws are in [min, max))', () => {
    const xs = draw(uniform(0, 1), 'uniform-strict');
    let outside = 0;
    for (const x of xs) if (!(x >= 0 && x < 1)) outside++;
    expect(outside).toBe(0);
  });

  it('empirical draws only its own values, each with frequency 1/n', () => {
    const values = [12, 30, 45, 60, 300];
    const xs = draw(empirical(values), 'empirical-frequencies');
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(values);
    const p = 1 / values.length;
    for (const count of counts.values()) {
      expect(Math.abs(count / N - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('empirical with repeated values weights them by multiplicity', () => {
    const d = empirical([1, 1, 1, 4]);
    expect(meanOf(d)).toBe(1.75);
    expect(varianceOf(d)).toBeCloseTo((3 * 0.75 ** 2 + 2.25 ** 2) / 4, 12);
  });
});

describe('sample: distribution functions at a few points', () => {
  // The fraction of draws at or below x estimates F(x) with binomial standard error
  // sqrt(F(1 - F)/N); catches samplers with the right moments but the wrong shape.
  const cdfCases: readonly { label: string; d: Distribution; cdf: (x: number) => number; at: number[] }[] = [
    {
      label: 'exponential',
      d: exponential(100),
      cdf: (x) => 1 - Math.exp(-x / 100),
      at: [5, 50, 100, 300, 700],
    },
    {
      label: 'erlang k 3',
      d: erlang(90, 3),
      cdf: (x) => {
        const y = x / 30;
        return 1 - Math.exp(-y) * (1 + y + (y * y) / 2);
      },
      at: [10, 60, 90, 200],
    },
    {
      label: 'uniform',
      d: uniform(10, 20),
      cdf: (x) => (x - 10) / 10,
      at: [11, 15, 19.5],
    },
    {
      label: 'triangular',
      d: triangular(0, 3, 10),
      cdf: (x) => (x <= 3 ? (x * x) / 30 : 1 - (10 - x) ** 2 / 70),
      at: [1, 3, 5, 9],
    },
    {
      label: 'triangular mode at min',
      d: triangular(0, 0, 10),
      cdf: (x) => 1 - (10 - x) ** 2 / 100,
      at: [0.5, 2, 5, 9],
    },
    {
      label: 'triangular mode at max',
      d: triangular(0, 10, 10),
      cdf: (x) => (x * x) / 100,
      at: [1, 5, 9.5],
    },
    {
      label: 'lognormal',
      d: lognormal(300, 200),
      cdf: (x) => {
        const d = lognormal(300, 200) as Extract<Distribution, { kind: 'lognormal' }>;
        return normalCdf((Math.log(x) - d.mu) / d.sigma);
      },
      at: [100, 250, 300, 600, 1000],
    },
    {
      // Gamma with shape 1 is the exponential: checks the Marsaglia–Tsang path.
      label: 'gamma cv 1',
      d: gamma(100, 1),
      cdf: (x) => 1 - Math.exp(-x / 100),
      at: [5, 50, 100, 300],
    },
  ];

  for (const c of cdfCases) {
    it(c.label, () => {
      const xs = draw(c.d, `cdf/${c.label}`);
      for (const x of c.at) {
        let below = 0;
        for (const v of xs) if (v <= x) below++;
        const f = c.cdf(x);
        expect(Math.abs(below / N - f)).toBeLessThan(Z * Math.sqrt((f * (1 - f)) / N) + 1e-12);
      }
    });
  }
});

describe('constructors', () => {
  it('lognormal: the underlying normal reproduces the requested mean and sd', () => {
    const d = lognormal(300, 200) as Extract<Distribution, { kind: 'lognormal' }>;
    const s2 = d.sigma * d.sigma;
    expect(Math.exp(d.mu + s2 / 2)).toBeCloseTo(300, 9);
    expect(Math.sqrt((Math.exp(s2) - 1) * Math.exp(2 * d.mu + s2))).toBeCloseTo(200, 9);
  });

  it('gamma: shape 1/cv², scale mean/shape', () => {
    const d = gamma(240, 2) as Extract<Distribution, { kind: 'gamma' }>;
    expect(d.shape).toBeCloseTo(0.25, 15);
    expect(d.scale).toBeCloseTo(960, 9);
    expect(varianceOf(d)).toBeCloseTo(240 * 240 * 4, 6);
  });

  it('erlang with large k draws finite values concentrated on the mean', () => {
    const rng = createStream(7, 0, 'erlang-large-k');
    const d = erlang(60, 5000);
    for (let i = 0; i < 200; i++) {
      const x = sample(d, rng);
      expect(Number.isFinite(x)).toBe(true);
      // sd = 60/sqrt(5000) ≈ 0.85
      expect(Math.abs(x - 60)).toBeLessThan(6);
    }
  });
});

/** Standard normal distribution function (Abramowitz and Stegun 7.1.26 via erf, error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
