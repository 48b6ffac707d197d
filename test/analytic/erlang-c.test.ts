import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/erlang-b.ts';
import {
  erlangC,
  erlangCProbability,
  erlangCServiceLevel,
  erlangCWaitExceedance,
  erlangCWaitQuantile,
} from '../../src/analytic/erlang-c.ts';
import { erlangCDirect } from './helpers.ts';

describe('erlangCProbability', () => {
  it('matches the textbook factorial formula', () => {
    for (const [c, a] of [[1, 0.5], [2, 1.5], [5, 4], [11, 10], [20, 17.3], [40, 35]] as const) {
      expect(erlangCProbability(c, a)).toBeCloseTo(erlangCDirect(c, a), 12);
    }
  });

  it('satisfies C = cB / (c − A(1 − B))', () => {
    for (const [c, a] of [[3, 2], [12, 10], [100, 90]] as const) {
      const b = erlangB(c, a);
      expect(erlangCProbability(c, a)).toBeCloseTo((c * b) / (c - a * (1 - b)), 14);
    }
  });

  it('is 1 when the load reaches the number of agents', () => {
    expect(erlangCProbability(10, 10)).toBe(1);
    expect(erlangCProbability(10, 12)).toBe(1);
  });
});

describe('erlangC', () => {
  // Classic worked example: 100 calls per 30 minutes, 180 s handle time (A = 10 Erlangs), 11
  // agents, 20 s target. Values checked with exact rational arithmetic: C = 0.682118...
  const example = { arrivalRate: 100 / 1800, meanService: 180, agents: 11 };

  it('reproduces the 100 calls / 30 min, 11 agents example', () => {
    const r = erlangC(example);
    expect(r.load).toBeCloseTo(10, 12);
    expect(r.pWait).toBeCloseTo(0.6821182046893324, 12);
    expect(r.erlangC).toBe(r.pWait);
    expect(r.waitMean).toBeCloseTo((0.6821182046893324 * 180) / 1, 9); // 122.78 s
    expect(r.asa).toBe(r.waitMean);
    expect(r.serviceLevel(20)).toBeCloseTo(1 - 0.6821182046893324 * Math.exp(-20 / 180), 12); // 0.3896
    expect(r.occupancy).toBeCloseTo(10 / 11, 12);
    expect(r.abandonRate).toBe(0);
    expect(r.stable).toBe(true);
  });

  it('gives the M/M/1 closed forms', () => {
    const lambda = 0.3;
    const mu = 0.5;
    const r = erlangC({ arrivalRate: lambda, meanService: 1 / mu, agents: 1 });
    const rho = lambda / mu;
    expect(r.pWait).toBeCloseTo(rho, 14);
    expect(r.waitMean).toBeCloseTo(rho / (mu - lambda), 12);
    expect(r.queueLengthMean).toBeCloseTo((rho * rho) / (1 - rho), 12);
    expect(r.waitExceedance(7)).toBeCloseTo(rho * Math.exp(-(mu - lambda) * 7), 14);
  });

  it("obeys Little's law Lq = λ·Wq", () => {
    const r = erlangC({ arrivalRate: 2.1, meanService: 4, agents: 10 });
    expect(r.queueLengthMean).toBeCloseTo(2.1 * r.waitMean, 12);
  });

  it('shows the pooling effect at 180 s handle time and a 20 s threshold', () => {
    const s = 180;
    const pooled = erlangCServiceLevel({ arrivalRate: 30 / s, meanService: s, agents: 36 }, 20);
    const split12 = erlangCServiceLevel({ arrivalRate: 10 / s, meanService: s, agents: 12 }, 20);
    const split14 = erlangCServiceLevel({ arrivalRate: 10 / s, meanService: s, agents: 14 }, 20);
    // One team of 36 at 30 Erlangs vs three teams of 12 at 10 Erlangs each (same 36 agents).
    expect(pooled).toBeCloseTo(0.8912, 4);
    expect(split12).toBeCloseTo(0.6402, 4);
    // The split teams need 14 agents each (42 in all) to match the pooled 36.
    expect(split14).toBeCloseTo(0.8884, 4);
    expect(pooled).toBeGreaterThan(split14);
  });

  it('gives wait quantiles that invert the exceedance', () => {
    const input = { arrivalRate: 1 / 6, meanService: 180, agents: 33 };
    const r = erlangC(input);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const q = erlangCWaitQuantile(input, p);
      if (q > 0) expect(erlangCWaitExceedance(input, q)).toBeCloseTo(1 - p, 12);
      else expect(r.pWait).toBeLessThanOrEqual(1 - p);
    }
    expect(r.waitQuantile(0)).toBe(0);
  });

  it('is finite and sensible with 1000 agents at 950 Erlangs', () => {
    const r = erlangC({ arrivalRate: 950 / 180, meanService: 180, agents: 1000 });
    for (const v of [r.pWait, r.waitMean, r.queueLengthMean, r.serviceLevel(20), r.waitQuantile(0.99)]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(r.pWait).toBeGreaterThan(0);
    expect(r.pWait).toBeLessThan(0.2);
    expect(r.occupancy).toBeCloseTo(0.95, 12);
    // Same result as a log-space direct sum of A^n/n!.
    const a = 950;
    let logTerm = 0;
    let maxLog = 0;
    const logs: number[] = [0];
    for (let n = 1; n <= 1000; n++) {
      logTerm += Math.log(a / n);
      logs.push(logTerm);
      maxLog = Math.max(maxLog, logTerm);
    }
    const logTop = logs[1000]! + Math.log(1000 / (1000 - a));
    let sum = Math.exp(logTop - maxLog);
    for (let n = 0; n < 1000; n++) sum += Math.exp(logs[n]! - maxLog);
    expect(r.pWait).toBeCloseTo(Math.exp(logTop - maxLog) / sum, 11);
  });

  it('reports an unstable queue when A >= c', () => {
    const r = erlangC({ arrivalRate: 1, meanService: 10, agents: 10 });
    expect(r.stable).toBe(false);
    expect(r.pWait).toBe(1);
    expect(r.waitMean).toBe(Infinity);
    expect(r.asa).toBe(Infinity);
    expect(r.queueLengthMean).toBe(Infinity);
    expect(r.occupancy).toBe(1);
    expect(r.serviceLevel(20)).toBe(0);
    expect(r.waitExceedance(1e6)).toBe(1);
    expect(r.waitQuantile(0.5)).toBe(Infinity);
  });

  it('handles no arrivals and rejects bad input', () => {
    const r = erlangC({ arrivalRate: 0, meanService: 60, agents: 2 });
    expect(r.pWait).toBe(0);
    expect(r.waitMean).toBe(0);
    expect(r.serviceLevel(0)).toBe(1);
    expect(() => erlangC({ arrivalRate: 1, meanService: 0, agents: 2 })).toThrow(RangeError);
    expect(() => erlangC({ arrivalRate: 1, meanService: 1, agents: 0 })).toThrow(RangeError);
    expect(() => erlangC({ arrivalRate: -1, meanService: 1, agents: 1 })).toThrow(RangeError);
    expect(() => erlangC({ arrivalRate: 0.1, meanService: 1, agents: 1 }).serviceLevel(-1)).toThrow(RangeError);
  });
});
