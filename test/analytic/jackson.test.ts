import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/erlang-c.ts';
import {
  jacksonNetwork,
  solveTrafficEquations,
  UnstableNodeError,
  type JacksonNode,
} from '../../src/analytic/jackson.ts';

describe('solveTrafficEquations', () => {
  it('solves a three-node network with feedback', () => {
    // Node 0 sends 0.5 to node 1 and 0.3 to node 2; node 1 sends 0.2 back to node 0; node 2 leaves.
    const routing = [
      [0, 0.5, 0.3],
      [0.2, 0, 0],
      [0, 0, 0],
    ];
    const [l0, l1, l2] = solveTrafficEquations([1, 0.5, 0], routing) as [number, number, number];
    // By hand: l0 = 1 + 0.2·l1, l1 = 0.5 + 0.5·l0, l2 = 0.3·l0  =>  l0 = 1.1/0.9.
    expect(l0).toBeCloseTo(1.1 / 0.9, 14);
    expect(l1).toBeCloseTo(0.5 + 0.5 * (1.1 / 0.9), 14);
    expect(l2).toBeCloseTo(0.3 * (1.1 / 0.9), 14);
  });

  it('rejects a network that callers cannot leave', () => {
    expect(() => solveTrafficEquations([1, 0], [[0, 1], [1, 0]])).toThrow(/not open/);
  });
});

describe('jacksonNetwork', () => {
  it('treats a tandem as independent M/M/c queues with the same arrival rate', () => {
    const r = jacksonNetwork({
      externalArrivalRates: [0.1, 0],
      routing: [
        [0, 1],
        [0, 0],
      ],
      agents: [3, 2],
      serviceRates: [1 / 25, 1 / 12],
    });
    const a = erlangC({ arrivalRate: 0.1, meanService: 25, agents: 3 });
    const b = erlangC({ arrivalRate: 0.1, meanService: 12, agents: 2 });
    const [n0, n1] = r.nodes as [JacksonNode, JacksonNode];
    expect(n0.arrivalRate).toBeCloseTo(0.1, 14);
    expect(n1.arrivalRate).toBeCloseTo(0.1, 14);
    expect(n0.waitMean).toBeCloseTo(a.waitMean, 12);
    expect(n1.waitMean).toBeCloseTo(b.waitMean, 12);
    expect(n1.pWait).toBeCloseTo(b.pWait, 12);
    expect(n0.occupancy).toBeCloseTo(0.1 * 25 / 3, 12);
    // Each caller visits both nodes once: network time = sum of node times (Little).
    expect(r.totals.sojournMean).toBeCloseTo(a.waitMean + 25 + b.waitMean + 12, 10);
    expect(r.totals.waitMean).toBeCloseTo(a.waitMean + b.waitMean, 10);
  });

  it('handles feedback: an M/M/1 revisited with probability p has arrival rate γ/(1 − p)', () => {
    const gamma = 0.2;
    const p = 0.5;
    const mu = 1;
    const r = jacksonNetwork({ externalArrivalRates: [gamma], routing: [[p]], agents: [1], serviceRates: [mu] });
    const lambda = gamma / (1 - p);
    const node = r.nodes[0]!;
    expect(node.arrivalRate).toBeCloseTo(lambda, 14);
    expect(node.visitRatio).toBeCloseTo(1 / (1 - p), 14);
    expect(node.waitMean).toBeCloseTo(lambda / mu / (mu - lambda), 12); // M/M/1: ρ/(μ − λ)
    expect(node.systemLengthMean).toBeCloseTo(lambda / (mu - lambda), 12); // ρ/(1 − ρ)
    expect(r.totals.sojournMean).toBeCloseTo(lambda / (mu - lambda) / gamma, 12);
  });

  it('names the unstable node', () => {
    const run = () =>
      jacksonNetwork({
        externalArrivalRates: [0.1, 0],
        routing: [
          [0, 1],
          [0, 0],
        ],
        agents: [3, 1],
        serviceRates: [0.05, 0.08],
      });
    expect(run).toThrow(UnstableNodeError);
    expect(run).toThrow(/node 1 is unstable/);
    try {
      run();
    } catch (error) {
      expect((error as UnstableNodeError).node).toBe(1);
    }
  });

  it('rejects malformed input', () => {
    const base = { externalArrivalRates: [0.1], routing: [[0]], agents: [1], serviceRates: [1] };
    expect(() => jacksonNetwork({ ...base, routing: [[1.2]] })).toThrow(RangeError);
    expect(() => jacksonNetwork({ ...base, agents: [1, 2] })).toThrow(RangeError);
    expect(() => jacksonNetwork({ ...base, routing: [[0.6, 0.6]] })).toThrow(RangeError);
    expect(() => jacksonNetwork({ ...base, serviceRates: [0] })).toThrow(RangeError);
  });
});
