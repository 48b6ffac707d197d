import { describe, expect, it } from 'vitest';
import { erlangA, erlangAServiceLevel } from '../../src/analytic/erlang-a.ts';
import { erlangB } from '../../src/analytic/erlang-b.ts';
import { erlangC } from '../../src/analytic/erlang-c.ts';
import { birthDeath, simpson } from './helpers.ts';

/**
 * Brute force for a small M/M/c+M: the stationary distribution by plain products, and the tagged
 * caller's fate by uniformizing its own chain (position k = callers ahead; from k it moves up at
 * rate cμ + kθ, or is answered from k = 0, and abandons at rate θ), stepping the discrete chain.
 * Independent of the library's recursions and of its offered-wait density.
 */
function bruteForce(lambda: number, mu: number, theta: number, c: number, maxQueue: number) {
  const pi = birthDeath(c + maxQueue, () => lambda, (n) => Math.min(n, c) * mu + Math.max(n - c, 0) * theta);
  let pWait = 0;
  let lq = 0;
  let busy = 0;
  pi.forEach((p, n) => {
    if (n >= c) pWait += p;
    lq += Math.max(n - c, 0) * p;
    busy += Math.min(n, c) * p;
  });
  const rate = c * mu + maxQueue * theta; // uniformization rate >= every leaving rate
  // Discrete chain over positions; mass absorbed into "answered" at each step.
  let dist = pi.slice(c, c + maxQueue); // position k for an arrival finding c + k
  const answeredAtStep: number[] = [];
  for (let step = 1; step < 20000; step++) {
    const next = new Array<number>(maxQueue).fill(0);
    let absorbed = 0;
    let left = 0;
    for (let k = 0; k < maxQueue; k++) {
      const m = dist[k]!;
      if (m === 0) continue;
      const advance = (c * mu + k * theta) / rate;
      const stay = 1 - advance - theta / rate;
      if (k === 0) absorbed += m * advance;
      else next[k - 1]! += m * advance;
      next[k]! += m * stay;
      left += m * stay + (k > 0 ? m * advance : 0);
    }
    answeredAtStep.push(absorbed);
    dist = next;
    if (left < 1e-18) break;
  }
  // Waiting time of an answered caller = sum of (steps) Exp(rate) holding times.
  let answeredAfterWait = 0;
  let waitAnswered = 0;
  answeredAtStep.forEach((a, i) => {
    answeredAfterWait += a;
    waitAnswered += (a * (i + 1)) / rate;
  });
  /** P(answered within t): Poisson(rate·t) number of steps, then absorbed within that many. */
  const answeredWithin = (t: number): number => {
    const m = rate * t;
    let pmf = Math.exp(-m);
    let cdfSteps = 0; // P(absorbed into answered by step n)
    let total = 0;
    for (let n = 0; n < answeredAtStep.length + 1; n++) {
      if (n > 0) {
        cdfSteps += answeredAtStep[n - 1]!;
        pmf *= m / n;
      }
      total += pmf * cdfSteps;
    }
    // Steps beyond the table: all absorption has happened.
    let pmfSum = 0;
    pmf = Math.exp(-m);
    for (let n = 0; n <= answeredAtStep.length; n++) {
      if (n > 0) pmf *= m / n;
      pmfSum += pmf;
    }
    return 1 - pWait + total + (1 - pmfSum) * answeredAfterWait;
  };
  const answered = 1 - pWait + answeredAfterWait;
  return { pWait, lq, busy, answered, asa: waitAnswered / answered, answeredWithin };
}

describe('erlangA', () => {
  it('matches a brute-force birth-death chain and tagged-caller chain (c = 2, overloaded without abandonment)', () => {
    const lambda = 0.25;
    const mu = 0.1;
    const theta = 0.05;
    const r = erlangA({ arrivalRate: lambda, meanService: 1 / mu, agents: 2, meanPatience: 1 / theta });
    const bf = bruteForce(lambda, mu, theta, 2, 60);
    expect(r.pWait).toBeCloseTo(bf.pWait, 12);
    expect(r.queueLengthMean).toBeCloseTo(bf.lq, 12);
    expect(r.occupancy).toBeCloseTo(bf.busy / 2, 12);
    expect(r.waitMean).toBeCloseTo(bf.lq / lambda, 12);
    expect(r.abandonRate).toBeCloseTo(1 - bf.answered, 10);
    expect(r.answeredShare).toBeCloseTo(bf.answered, 10);
    expect(r.asa).toBeCloseTo(bf.asa, 8);
    for (const t of [0, 1, 5, 20, 60, 200]) {
      expect(r.serviceLevel(t)).toBeCloseTo(bf.answeredWithin(t), 9);
    }
  });

  it('matches brute force for c = 3 with impatient callers and a light load', () => {
    const lambda = 0.02;
    const mu = 1 / 120;
    const theta = 1 / 30;
    const r = erlangA({ arrivalRate: lambda, meanService: 1 / mu, agents: 3, meanPatience: 1 / theta });
    const bf = bruteForce(lambda, mu, theta, 3, 40);
    expect(r.pWait).toBeCloseTo(bf.pWait, 12);
    expect(r.asa).toBeCloseTo(bf.asa, 8);
    expect(r.abandonRate).toBeCloseTo(1 - bf.answered, 10);
    for (const t of [2, 10, 30]) expect(r.serviceLevel(t)).toBeCloseTo(bf.answeredWithin(t), 9);
  });

  it('with patience equal to the mean service time is M/M/∞: N is Poisson(A)', () => {
    const c = 12;
    const a = 10;
    const r = erlangA({ arrivalRate: a / 180, meanService: 180, agents: c, meanPatience: 180 });
    let pmf = Math.exp(-a);
    let below = 0;
    let lq = 0;
    for (let n = 0; n < 200; n++) {
      if (n < c) below += pmf;
      else lq += (n - c) * pmf;
      pmf *= a / (n + 1);
    }
    expect(r.pWait).toBeCloseTo(1 - below, 13);
    expect(r.queueLengthMean).toBeCloseTo(lq, 12);
    expect(r.abandonRate).toBeCloseTo(((1 / 180) * lq) / (a / 180), 12);
  });

  it('gives exactly Erlang C for infinite patience and approaches it for very long patience', () => {
    const input = { arrivalRate: 1 / 6, meanService: 180, agents: 36 };
    const c = erlangC(input);
    const inf = erlangA({ ...input, meanPatience: Infinity });
    expect(inf.pWait).toBe(c.pWait);
    expect(inf.asa).toBe(c.asa);
    expect(inf.abandonRate).toBe(0);
    expect(inf.serviceLevel(20)).toBe(c.serviceLevel(20));
    const long = erlangA({ ...input, meanPatience: 1e8 });
    expect(long.pWait).toBeCloseTo(c.pWait, 6);
    expect(long.waitMean).toBeCloseTo(c.waitMean, 4);
    expect(long.asa).toBeCloseTo(c.asa, 4);
    expect(long.abandonRate).toBeLessThan(1e-7);
    expect(long.serviceLevel(20)).toBeCloseTo(c.serviceLevel(20), 6);
    expect(long.waitQuantile(0.9)).toBeCloseTo(c.waitQuantile(0.9), 3);
    expect(long.occupancy).toBeCloseTo(c.occupancy, 6);
  });

  it('approaches Erlang B (lost calls) for very short patience', () => {
    const r = erlangA({ arrivalRate: 10 / 180, meanService: 180, agents: 12, meanPatience: 1e-9 });
    const b = erlangB(12, 10);
    expect(r.pWait).toBeCloseTo(b, 8);
    expect(r.abandonRate).toBeCloseTo(b, 8);
    expect(r.occupancy).toBeCloseTo((10 * (1 - b)) / 12, 8);
  });

  it('is self-consistent: flow balance, and means agree with integrals of the distributions', () => {
    const lambda = 1 / 9;
    const s = 240;
    const c = 25;
    const patience = 90;
    const r = erlangA({ arrivalRate: lambda, meanService: s, agents: c, meanPatience: patience });
    // Answered calls per second = busy agents / mean service time.
    expect((r.occupancy * c) / s).toBeCloseTo(lambda * (1 - r.abandonRate), 12);
    expect(r.answeredShare).toBeCloseTo(1 - r.abandonRate, 11);
    // waitExceedance(0) = pWait; E[W] = ∫ P(W > t) dt; all queue entries are answered or leave.
    expect(r.waitExceedance(0)).toBeCloseTo(r.pWait, 11);
    expect(simpson((t) => r.waitExceedance(t), 0, 3000, 6000)).toBeCloseTo(r.waitMean, 7);
    expect(r.serviceLevel(1e5)).toBeCloseTo(r.answeredShare, 11);
    // E[W; answered] = ∫ P(answered, W > t) dt = ∫ (answered − serviceLevel(t)) dt.
    const waitAnswered = simpson((t) => r.answeredShare - r.serviceLevel(t), 0, 3000, 6000);
    expect(waitAnswered / r.answeredShare).toBeCloseTo(r.asa, 7);
    // Service level rises with the threshold from 1 − pWait.
    expect(r.serviceLevel(0)).toBeCloseTo(1 - r.pWait, 13);
    expect(r.serviceLevel(20)).toBeLessThan(r.serviceLevel(40));
  });

  it('gives wait quantiles that invert the exceedance', () => {
    const r = erlangA({ arrivalRate: 1 / 6, meanService: 180, agents: 31, meanPatience: 120 });
    for (const p of [0.5, 0.8, 0.9, 0.95]) {
      const q = r.waitQuantile(p);
      if (q > 0) expect(r.waitExceedance(q)).toBeCloseTo(1 - p, 8);
      else expect(r.pWait).toBeLessThanOrEqual(1 - p);
    }
  });

  it('is finite and consistent with 1000 agents, stable and overloaded', () => {
    for (const load of [950, 1000, 2000]) {
      const lambda = load / 180;
      const r = erlangA({ arrivalRate: lambda, meanService: 180, agents: 1000, meanPatience: 120 });
      for (const v of [r.pWait, r.waitMean, r.asa, r.abandonRate, r.occupancy, r.serviceLevel(20), r.waitQuantile(0.9)]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect((r.occupancy * 1000) / 180).toBeCloseTo(lambda * (1 - r.abandonRate), 9);
      expect(r.waitExceedance(0)).toBeCloseTo(r.pWait, 9);
      expect(r.serviceLevel(20)).toBeGreaterThanOrEqual(1 - r.pWait - 1e-12);
    }
    // At twice the capacity, about half the callers abandon.
    const over = erlangA({ arrivalRate: 2000 / 180, meanService: 180, agents: 1000, meanPatience: 120 });
    expect(over.abandonRate).toBeCloseTo(0.5, 3);
    expect(over.occupancy).toBeCloseTo(1, 6);
  });

  it('handles no arrivals, agrees with erlangAServiceLevel, and rejects bad input', () => {
    const idle = erlangA({ arrivalRate: 0, meanService: 60, agents: 2, meanPatience: 30 });
    expect(idle.pWait).toBe(0);
    expect(idle.serviceLevel(0)).toBe(1);
    const input = { arrivalRate: 0.1, meanService: 100, agents: 11, meanPatience: 60 };
    expect(erlangAServiceLevel(input, 20)).toBe(erlangA(input).serviceLevel(20));
    expect(() => erlangA({ ...input, meanPatience: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...input, agents: 0 })).toThrow(RangeError);
  });
});
