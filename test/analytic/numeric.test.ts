import { describe, expect, it } from 'vitest';
import { integrate, logAdd, quantileFromExceedance } from '../../src/analytic/numeric.ts';

describe('integrate (adaptive Gauss–Kronrod)', () => {
  it('matches closed forms', () => {
    expect(integrate(Math.exp, 0, 1)).toBeCloseTo(Math.E - 1, 13);
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 13);
    expect(integrate((x) => 1 / (1 + x * x), 0, 1)).toBeCloseTo(Math.PI / 4, 13);
    expect(integrate((x) => x ** 7, 0, 2)).toBeCloseTo(2 ** 8 / 8, 11);
  });

  it('finds a narrow peak given breakpoints at its scale, and returns 0 on an empty interval', () => {
    const sigma = 0.01;
    const gauss = (x: number) => Math.exp(-((x - 37) ** 2) / (2 * sigma * sigma));
    const breakpoints = [37];
    for (let m = 0; m < 14; m++) breakpoints.push(37 - sigma * 2 ** m, 37 + sigma * 2 ** m);
    expect(integrate(gauss, 0, 100, { breakpoints })).toBeCloseTo(sigma * Math.sqrt(2 * Math.PI), 12);
    expect(integrate(gauss, 5, 5)).toBe(0);
  });
});

describe('logAdd', () => {
  it('adds in log space without overflow', () => {
    expect(logAdd(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAdd(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAdd(-Infinity, 4)).toBe(4);
  });
});

describe('quantileFromExceedance', () => {
  it('inverts an exponential tail with an atom at 0', () => {
    const ex = (t: number) => 0.4 * Math.exp(-t / 10);
    expect(quantileFromExceedance(ex, 0.5, 1)).toBe(0);
    expect(quantileFromExceedance(ex, 0.9, 1)).toBeCloseTo(10 * Math.log(4), 7);
  });
});
