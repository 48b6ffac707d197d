import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/erlang-b.ts';
import { erlangC } from '../../src/analytic/erlang-c.ts';
import { mmck } from '../../src/analytic/mmck.ts';
import { birthDeath } from './helpers.ts';

describe('mmck', () => {
  it('gives the M/M/1/K closed forms', () => {
    const lambda = 0.8;
    const mu = 1;
    const K = 5;
    const rho = lambda / mu;
    const r = mmck({ arrivalRate: lambda, meanService: 1 / mu, agents: 1, capacity: K });
    const norm = (1 - rho ** (K + 1)) / (1 - rho);
    const pi = (n: number) => rho ** n / norm;
    expect(r.blocking).toBeCloseTo(pi(K), 14);
    let lq = 0;
    for (let n = 2; n <= K; n++) lq += (n - 1) * pi(n);
    expect(r.queueLengthMean).toBeCloseTo(lq, 14);
    expect(r.pWait).toBeCloseTo((1 - pi(0) - pi(K)) / (1 - pi(K)), 14);
    expect(r.occupancy).toBeCloseTo(1 - pi(0), 14);
    expect(r.admittedRate).toBeCloseTo(lambda * (1 - pi(K)), 14);
  });

  it('handles a load of exactly 1 and overload (all states equally likely when ρ = 1)', () => {
    const r = mmck({ arrivalRate: 0.5, meanService: 2, agents: 1, capacity: 9 });
    expect(r.blocking).toBeCloseTo(0.1, 14);
    const over = mmck({ arrivalRate: 3, meanService: 1, agents: 2, capacity: 12 });
    expect(over.blocking).toBeGreaterThan(1 / 3);
    expect(over.occupancy).toBeGreaterThan(0.99);
    expect(over.occupancy).toBeLessThanOrEqual(1);
  });

  it('matches a brute-force birth-death chain, with Little and flow balance', () => {
    const lambda = 0.1;
    const s = 45;
    const c = 4;
    const K = 9;
    const r = mmck({ arrivalRate: lambda, meanService: s, agents: c, capacity: K });
    const pi = birthDeath(K, () => lambda, (n) => Math.min(n, c) / s);
    expect(r.blocking).toBeCloseTo(pi[K]!, 14);
    let busy = 0;
    let lq = 0;
    pi.forEach((p, n) => {
      busy += Math.min(n, c) * p;
      lq += Math.max(n - c, 0) * p;
    });
    expect(r.occupancy).toBeCloseTo(busy / c, 14);
    expect(r.queueLengthMean).toBeCloseTo(lq, 14);
    expect(r.occupancy * c).toBeCloseTo(r.load * (1 - r.blocking), 13);
    expect(r.queueLengthMean).toBeCloseTo(r.admittedRate * r.waitMean, 13);
    expect(r.systemLengthMean).toBeCloseTo(lq + busy, 13);
    // Wait of an admitted caller finding c + j: Erlang(j + 1, cμ); check P(W > t) at one t.
    const t = 30;
    const m = (c / s) * t;
    let expected = 0;
    for (let j = 0; j < K - c; j++) {
      let cdf = 0;
      let pmf = Math.exp(-m);
      for (let i = 0; i <= j; i++) {
        cdf += pmf;
        pmf *= m / (i + 1);
      }
      expected += pi[c + j]! * cdf;
    }
    expect(r.waitExceedance(t)).toBeCloseTo(expected / (1 - pi[K]!), 14);
    expect(r.serviceLevel(t)).toBeCloseTo(1 - expected / (1 - pi[K]!), 14);
    expect(r.waitExceedance(0)).toBeCloseTo(r.pWait, 14);
  });

  it('with no waiting room is the Erlang B loss system', () => {
    const r = mmck({ arrivalRate: 10 / 180, meanService: 180, agents: 12, capacity: 12 });
    expect(r.blocking).toBeCloseTo(erlangB(12, 10), 14);
    expect(r.pWait).toBe(0);
    expect(r.waitMean).toBe(0);
    expect(r.serviceLevel(0)).toBe(1);
  });

  it('approaches Erlang C as the waiting room grows', () => {
    const input = { arrivalRate: 30 / 180, meanService: 180, agents: 33 };
    const c = erlangC(input);
    const r = mmck({ ...input, capacity: 33 + 2000 });
    expect(r.blocking).toBeLessThan(1e-14);
    expect(r.pWait).toBeCloseTo(c.pWait, 12);
    expect(r.waitMean).toBeCloseTo(c.waitMean, 10);
    expect(r.queueLengthMean).toBeCloseTo(c.queueLengthMean, 10);
    expect(r.serviceLevel(20)).toBeCloseTo(c.serviceLevel(20), 12);
    expect(r.waitQuantile(0.9)).toBeCloseTo(c.waitQuantile(0.9), 6);
  });

  it('is finite with 1000 agents and a large waiting room', () => {
    const r = mmck({ arrivalRate: 950 / 180, meanService: 180, agents: 1000, capacity: 1500 });
    for (const v of [r.blocking, r.pWait, r.waitMean, r.occupancy, r.serviceLevel(20), r.waitQuantile(0.95)]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    const c = erlangC({ arrivalRate: 950 / 180, meanService: 180, agents: 1000 });
    expect(r.pWait).toBeCloseTo(c.pWait, 10);
    const over = mmck({ arrivalRate: 2000 / 180, meanService: 180, agents: 1000, capacity: 1100 });
    expect(over.blocking).toBeCloseTo(0.5, 6);
  });

  it('rejects a capacity below the number of agents', () => {
    expect(() => mmck({ arrivalRate: 1, meanService: 1, agents: 3, capacity: 2 })).toThrow(RangeError);
  });
});
