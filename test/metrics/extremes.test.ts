// The largest and smallest of many numbers: Math.max and Math.min's answers, for any count.
import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../../src/metrics/extremes.ts';

describe('maxOf and minOf', () => {
  const lists: number[][] = [[], [3], [1, 5, 2], [-1, -7], [0, -0], [-0, 0], [2, Number.NaN, 9], [Infinity, -Infinity]];

  it('answer as Math.max and Math.min do, with or without a start value', () => {
    for (const list of lists) {
      expect(maxOf(list), JSON.stringify(list)).toBe(Math.max(...list));
      expect(minOf(list), JSON.stringify(list)).toBe(Math.min(...list));
      expect(maxOf(list, 4)).toBe(Math.max(4, ...list));
      expect(minOf(list, 4)).toBe(Math.min(4, ...list));
      expect(maxOf(list, -0)).toBe(Math.max(-0, ...list));
      expect(minOf(list, 0)).toBe(Math.min(0, ...list));
    }
  });

  it('take a million values, which Math.max(...values) cannot', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(values.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(values)).toBe(0);
    expect(maxOf(new Set([4, 8, 1]))).toBe(8);
  });
});
