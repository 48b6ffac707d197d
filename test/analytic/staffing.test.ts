import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.ts';
import { erlangB } from '../../src/analytic/erlang-b.ts';
import { erlangC } from '../../src/analytic/erlang-c.ts';
import {
  agentsForAbandonRate,
  agentsForAsa,
  agentsForBlocking,
  agentsForServiceLevel,
  agentsForTargets,
  agentsForWait,
  queueMetrics,
} from '../../src/analytic/staffing.ts';

describe('staffing', () => {
  it('finds 14 agents for 80% in 20 s at 10 Erlangs (180 s handle time)', () => {
    // Erlang C service levels: 13 agents 0.7956, 14 agents 0.8884.
    const r = agentsForServiceLevel({ arrivalRate: 10 / 180, meanService: 180, threshold: 20, target: 0.8 });
    expect(r.agents).toBe(14);
    expect(r.metrics.serviceLevel(20)).toBeCloseTo(0.8884, 4);
    const at90 = agentsForServiceLevel({ arrivalRate: 10 / 180, meanService: 180, threshold: 20, target: 0.9 });
    expect(at90.agents).toBe(15);
  });

  it('agrees with a linear scan, for Erlang C and Erlang A', () => {
    const cases = [
      { arrivalRate: 0.5, meanService: 240, threshold: 30, target: 0.85 },
      { arrivalRate: 5, meanService: 200, threshold: 20, target: 0.8 },
      { arrivalRate: 0.5, meanService: 240, threshold: 30, target: 0.85, meanPatience: 60 },
      { arrivalRate: 2, meanService: 300, threshold: 15, target: 0.7, meanPatience: 200 },
    ];
    for (const input of cases) {
      const found = agentsForServiceLevel(input).agents;
      const sl = (c: number) =>
        input.meanPatience === undefined
          ? erlangC({ ...input, agents: c }).serviceLevel(input.threshold)
          : erlangA({ ...input, agents: c, meanPatience: input.meanPatience }).serviceLevel(input.threshold);
      let c = 1;
      while (sl(c) < input.target) c++;
      expect(found).toBe(c);
    }
  });

  it('needs fewer agents when callers abandon', () => {
    const base = { arrivalRate: 30 / 180, meanService: 180, threshold: 20, target: 0.8 };
    const patient = agentsForServiceLevel(base).agents;
    const impatient = agentsForServiceLevel({ ...base, meanPatience: 60 }).agents;
    expect(impatient).toBeLessThanOrEqual(patient);
  });

  it('meets ASA, mean-wait and abandonment targets with the fewest agents', () => {
    const input = { arrivalRate: 1 / 6, meanService: 180, meanPatience: 120 };
    const asa = agentsForAsa({ ...input, maxAsa: 15 });
    expect(asa.metrics.asa).toBeLessThanOrEqual(15);
    expect(erlangA({ ...input, agents: asa.agents - 1 }).asa).toBeGreaterThan(15);
    const wait = agentsForWait({ ...input, maxWaitMean: 10 });
    expect(wait.metrics.waitMean).toBeLessThanOrEqual(10);
    expect(erlangA({ ...input, agents: wait.agents - 1 }).waitMean).toBeGreaterThan(10);
    const ab = agentsForAbandonRate({ ...input, maxAbandonRate: 0.05 });
    expect(ab.metrics.abandonRate).toBeLessThanOrEqual(0.05);
    expect(erlangA({ ...input, agents: ab.agents - 1 }).abandonRate).toBeGreaterThan(0.05);
    // Without patience (Erlang C) nobody abandons: the least stable staffing suffices.
    expect(agentsForAbandonRate({ arrivalRate: 1 / 6, meanService: 180, maxAbandonRate: 0 }).agents).toBe(31);
  });

  it('staffs 1000+ agents', () => {
    const r = agentsForServiceLevel({ arrivalRate: 950 / 180, meanService: 180, threshold: 20, target: 0.8 });
    expect(r.agents).toBeGreaterThan(950);
    expect(r.agents).toBeLessThan(1000);
    expect(erlangC({ arrivalRate: 950 / 180, meanService: 180, agents: r.agents - 1 }).serviceLevel(20)).toBeLessThan(0.8);
  });

  it('gives up beyond maxAgents and rejects impossible targets', () => {
    expect(() =>
      agentsForServiceLevel({ arrivalRate: 1, meanService: 180, threshold: 20, target: 0.8, maxAgents: 100 }),
    ).toThrow(RangeError);
    expect(() => agentsForServiceLevel({ arrivalRate: 1, meanService: 180, threshold: 20, target: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('agentsForBlocking', () => {
  it('gives the trunks of the Erlang B table at a 1% grade of service', () => {
    // B(14, 8) = 0.0172, B(15, 8) = 0.0091; B(17, 10) = 0.0129, B(18, 10) = 0.0071;
    // B(6, 2) = 0.0121, B(7, 2) = 0.0034 (Erlang B tables).
    for (const [load, trunks] of [
      [8, 15],
      [10, 18],
      [2, 7],
    ] as const) {
      const found = agentsForBlocking({ arrivalRate: load / 180, meanService: 180, queueCapacity: 0, maxBlocking: 0.01 });
      expect(found.agents).toBe(trunks);
      expect(found.metrics.blocking).toBeCloseTo(erlangB(trunks, load), 12);
      expect(erlangB(trunks - 1, load)).toBeGreaterThan(0.01);
    }
  });

  it('needs fewer agents for the same blocking when callers may wait', () => {
    const input = { arrivalRate: 8 / 180, meanService: 180, maxBlocking: 0.01 };
    const loss = agentsForBlocking({ ...input, queueCapacity: 0 }).agents;
    const waiting = agentsForBlocking({ ...input, queueCapacity: 5 }).agents;
    expect(waiting).toBeLessThan(loss);
    // A linear scan finds the same.
    let c = 1;
    while (queueMetrics({ ...input, queueCapacity: 5 }, c).blocking > 0.01) c++;
    expect(waiting).toBe(c);
  });

  it('refuses a finite queue with abandonment, which has no formula here', () => {
    expect(() => queueMetrics({ arrivalRate: 0.1, meanService: 60, meanPatience: 60, queueCapacity: 3 }, 2)).toThrow(RangeError);
  });
});

describe('queueMetrics with a queue capacity', () => {
  it('is M/M/1/K as a hand computation gives it (ρ = 1/2, K = 3)', () => {
    // π_n = ρ^n (1 − ρ)/(1 − ρ^4): 8/15, 4/15, 2/15, 1/15.
    const m = queueMetrics({ arrivalRate: 1 / 60, meanService: 30, queueCapacity: 2 }, 1);
    expect(m.blocking).toBeCloseTo(1 / 15, 12);
    // Lq = 2/15 + 2·1/15 = 4/15; admitted rate (1/60)(14/15): Wq = 3600/210 s.
    expect(m.waitMean).toBeCloseTo(3600 / 210, 9);
    expect(m.asa).toBeCloseTo(3600 / 210, 9);
    // An admitted caller finds 0, 1 or 2 in the system with 8/14, 4/14, 2/14 and then waits
    // 0, Exp(μ), Erlang(2, μ): SL(20 s) = 1 − e^{−2/3}(4/14 + (2/14)(1 + 2/3)).
    expect(m.serviceLevel(20)).toBeCloseTo(1 - Math.exp(-2 / 3) * (4 / 14 + (2 / 14) * (5 / 3)), 9);
    expect(m.occupancy).toBeCloseTo(0.5 * (14 / 15), 12);
  });
});

describe('agentsForTargets', () => {
  const erlangAInput = { arrivalRate: 120 / 3600, meanService: 240, meanPatience: 180 };

  it('meets every target: the most agents any one of them needs', () => {
    const sl = agentsForServiceLevel({ ...erlangAInput, threshold: 20, target: 0.8 }).agents;
    const asa = agentsForAsa({ ...erlangAInput, maxAsa: 5 }).agents;
    const abandon = agentsForAbandonRate({ ...erlangAInput, maxAbandonRate: 0.02 }).agents;
    const all = agentsForTargets(erlangAInput, { serviceLevel: { threshold: 20, target: 0.8 }, maxAsa: 5, maxAbandonRate: 0.02 });
    expect(all.agents).toBe(Math.max(sl, asa, abandon));
    expect(new Set([sl, asa, abandon]).size).toBeGreaterThan(1);
  });

  it('finds, for an abandonment target, the staffing a birth-death chain summed by hand gives', () => {
    // M/M/c+M: π_n ∝ Π_{k<n} λ/(min(k+1, c)μ + max(k+1−c, 0)θ); abandonment = θ·E[Lq]/λ.
    const lambda = erlangAInput.arrivalRate;
    const mu = 1 / erlangAInput.meanService;
    const theta = 1 / erlangAInput.meanPatience;
    const abandonment = (c: number): number => {
      let p = 1;
      let mass = 1;
      let lq = 0;
      for (let n = 1; n < 2000; n++) {
        p *= lambda / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta);
        mass += p;
        lq += Math.max(n - c, 0) * p;
      }
      return (theta * lq) / mass / lambda;
    };
    let c = 1;
    while (abandonment(c) > 0.03) c++;
    const found = agentsForAbandonRate({ ...erlangAInput, maxAbandonRate: 0.03 });
    expect(found.agents).toBe(c);
    expect(found.metrics.abandonRate).toBeCloseTo(abandonment(c), 10);
    expect(erlangA({ ...erlangAInput, agents: c }).abandonRate).toBeCloseTo(abandonment(c), 10);
  });

  it('refuses an empty set of targets', () => {
    expect(() => agentsForTargets(erlangAInput, {})).toThrow(RangeError);
  });
});
