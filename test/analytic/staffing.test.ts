import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.ts';
import { erlangC } from '../../src/analytic/erlang-c.ts';
import {
  agentsForAbandonRate,
  agentsForAsa,
  agentsForServiceLevel,
  agentsForWait,
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
