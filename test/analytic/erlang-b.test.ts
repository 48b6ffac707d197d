import { describe, expect, it } from 'vitest';
import { erlangB, logInverseErlangB } from '../../src/analytic/erlang-b.ts';
import { factorial } from './helpers.ts';

function erlangBDirect(c: number, a: number): number {
  let sum = 0;
  for (let k = 0; k <= c; k++) sum += a ** k / factorial(k);
  return a ** c / factorial(c) / sum;
}

describe('erlangB', () => {
  it('matches the factorial formula for small systems', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 2)).toBeCloseTo(2 / 3, 15);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    for (const [c, a] of [[5, 3], [10, 5], [20, 15], [30, 40]] as const) {
      expect(erlangB(c, a)).toBeCloseTo(erlangBDirect(c, a), 13);
    }
  });

  it('gives the table value B(10, 5) = 0.0184', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.0183846, 7);
  });

  it('is stable for 1000+ servers', () => {
    const b = erlangB(1000, 950);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.05);
    expect(Number.isFinite(erlangB(5000, 4000))).toBe(true);
    // Offered load 0: nobody is ever blocked.
    expect(erlangB(3, 0)).toBe(0);
  });

  it('rejects bad arguments', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(3, -1)).toThrow(RangeError);
    expect(() => erlangB(3, NaN)).toThrow(RangeError);
  });
});

describe('logInverseErlangB', () => {
  it('equals -ln B where B is representable', () => {
    for (const [c, a] of [[1, 1], [10, 5], [100, 80], [1000, 950]] as const) {
      expect(logInverseErlangB(c, a)).toBeCloseTo(-Math.log(erlangB(c, a)), 9);
    }
  });

  it('stays finite where B underflows: 1000 servers at 1 Erlang', () => {
    expect(erlangB(1000, 1)).toBe(0);
    // 1/B = 1000! · Σ_{n<=1000} 1/n! = 1000! · e (to double precision); ln 1000! = 5912.128178488163.
    expect(logInverseErlangB(1000, 1)).toBeCloseTo(5912.128178488163 + 1, 8);
  });
});
