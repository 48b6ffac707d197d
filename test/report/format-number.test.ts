import { describe, expect, it } from 'vitest';
import {
  NOT_AVAILABLE,
  formatDifference,
  formatDifferenceEstimate,
  formatDuration,
  formatEstimate,
  formatMean,
  formatValue,
  halfWidth,
  isSignificant,
  rowDecimalsOf,
} from '../../src/report/format-number.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [0.4, '0.4s'],
    [0.04, '0.0s'],
    [0.96, '1s'],
    [42, '42s'],
    [42.4, '42s'],
    [59.4, '59s'],
    [59.6, '1m00s'],
    [185, '3m05s'],
    [3599.4, '59m59s'],
    [3599.6, '1h00m'],
    [3720, '1h02m'],
    [3 * 86_400 + 60, '72h01m'],
    [-35, '-35s'],
    [-0.2, '-0.2s'],
    [-0.01, '0.0s'],
  ])('%s s -> %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('prints NaN and infinities as an en dash', () => {
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe(NOT_AVAILABLE);
  });
});

describe('formatValue', () => {
  it.each([
    [0.123, 'share', '12.3%'],
    [0.1234, 'share', '12.3%'],
    [1, 'share', '100.0%'],
    [0, 'share', '0.0%'],
    [4213.4, 'count', '4,213'],
    [1234567, 'count', '1,234,567'],
    [999.6, 'count', '1,000'],
    [42.37, 'count', '42.4'],
    [0, 'count', '0.0'],
    [0.1342, 'ratio', '0.134'],
    [1.2345, 'ratio', '1.23'],
    [1234.567, 'ratio', '1,234.57'],
    [240, 'hours', '240.0'],
    [1234.56, 'hours', '1,234.6'],
    [185, 'seconds', '3m05s'],
    [-1500, 'count', '-1,500'],
    [31.5, 'money', '31.50'],
    [0.456, 'money', '0.46'],
    [99.994, 'money', '99.99'],
    [99.996, 'money', '100'],
    [142.4, 'money', '142'],
    [12480.4, 'money', '12,480'],
    [1234567.8, 'money', '1,234,568'],
  ] as const)('%s %s -> %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('prints NaN as an en dash in every unit', () => {
    for (const unit of ['count', 'seconds', 'share', 'ratio', 'hours', 'money'] as const) {
      expect(formatValue(Number.NaN, unit)).toBe('–');
    }
  });
});

describe('formatDifference', () => {
  it.each([
    [0.012, 'share', '+1.2 pp'],
    [-0.0345, 'share', '-3.5 pp'],
    [-35, 'seconds', '-35s'],
    [65, 'seconds', '+1m05s'],
    [12, 'count', '+12.0'],
    [-421.3, 'count', '-421'],
    [0.05, 'ratio', '+0.050'],
    [-1.5, 'ratio', '-1.50'],
    [8, 'hours', '+8.0'],
    [-3.75, 'money', '-3.75'],
    [1250, 'money', '+1,250'],
  ] as const)('%s %s -> %s', (value, unit, text) => {
    expect(formatDifference(value, unit)).toBe(text);
  });

  it('gives no sign to a difference that rounds to zero', () => {
    expect(formatDifference(0, 'seconds')).toBe('0s');
    expect(formatDifference(-0.00001, 'share')).toBe('0.0 pp');
    expect(formatDifference(0.0001, 'ratio')).toBe('0.000');
  });

  it('prints NaN as an en dash', () => {
    expect(formatDifference(Number.NaN, 'share')).toBe('–');
  });
});

describe('estimates', () => {
  it('shows mean ± half-width in the same unit', () => {
    expect(formatEstimate({ mean: 185, ci95: [173, 197] }, 'seconds')).toBe('3m05s ± 12s');
    expect(formatEstimate({ mean: 0.123, ci95: [0.111, 0.135] }, 'share')).toBe('12.3% ± 1.2%');
    expect(formatEstimate({ mean: 4213.4, ci95: [4178, 4248.8] }, 'count')).toBe('4,213 ± 35');
    expect(formatEstimate({ mean: 42.37, ci95: [40, 44.74] }, 'count')).toBe('42.4 ± 2.4');
    expect(formatEstimate({ mean: 1.234, ci95: [1.2, 1.268] }, 'ratio')).toBe('1.23 ± 0.03');
    expect(formatEstimate({ mean: 240, ci95: [240, 240] }, 'hours')).toBe('240.0 ± 0.0');
    expect(formatEstimate({ mean: 37.5, ci95: [36, 39] }, 'money')).toBe('37.50 ± 1.50');
    expect(formatEstimate({ mean: 12480, ci95: [12080, 12880] }, 'money')).toBe('12,480 ± 400');
  });

  it('shows only the mean when asked', () => {
    expect(formatMean({ mean: 185, ci95: [173, 197] }, 'seconds')).toBe('3m05s');
    expect(formatMean({ mean: 0.8, ci95: null }, 'share')).toBe('80.0%');
    expect(formatMean({ mean: Number.NaN, ci95: null }, 'ratio')).toBe('–');
    expect(formatMean(undefined, 'count')).toBe('–');
  });

  it('omits the half-width when there is no interval', () => {
    expect(formatEstimate({ mean: 185, ci95: null }, 'seconds')).toBe('3m05s');
    expect(formatEstimate({ mean: 0.5, ci95: [Number.NaN, 0.6] }, 'share')).toBe('50.0%');
  });

  it('prints a missing or NaN mean as an en dash', () => {
    expect(formatEstimate(undefined, 'share')).toBe('–');
    expect(formatEstimate({ mean: Number.NaN, ci95: null }, 'share')).toBe('–');
  });

  it('formats differences with their half-width and significance mark', () => {
    expect(formatDifferenceEstimate({ mean: 0.012, ci95: [0.004, 0.02] }, 'share')).toBe('+1.2 pp ± 0.8 pp *');
    expect(formatDifferenceEstimate({ mean: -35, ci95: [-80, 10] }, 'seconds')).toBe('-35s ± 45s');
    expect(
      formatDifferenceEstimate({ mean: -35, ci95: [-47, -23] }, 'seconds', { halfWidth: false }),
    ).toBe('-35s *');
    expect(formatDifferenceEstimate({ mean: -35, ci95: [-47, -23] }, 'seconds', { mark: false })).toBe(
      '-35s ± 12s',
    );
  });

  it('is significant exactly when the interval excludes 0', () => {
    expect(isSignificant({ mean: 1, ci95: [0.1, 2] })).toBe(true);
    expect(isSignificant({ mean: -1, ci95: [-2, -0.1] })).toBe(true);
    expect(isSignificant({ mean: 1, ci95: [0, 2] })).toBe(false);
    expect(isSignificant({ mean: 1, ci95: [-0.1, 2] })).toBe(false);
    expect(isSignificant({ mean: 1, ci95: null })).toBe(false);
    expect(isSignificant({ mean: 1, ci95: [Number.NaN, 2] })).toBe(false);
    expect(isSignificant(undefined)).toBe(false);
  });

  it('computes the half-width of an interval', () => {
    expect(halfWidth({ mean: 5, ci95: [3, 7] })).toBe(2);
    expect(halfWidth({ mean: 5, ci95: null })).toBeNull();
  });
});

describe('one number of decimals for a row', () => {
  it('takes the smallest non-zero figure of the row, ignoring zeros and missing ones', () => {
    expect(rowDecimalsOf([5847, 5610, 5920])).toBe(5610);
    expect(rowDecimalsOf([0.28, -0.085, 1.011])).toBe(0.085);
    expect(rowDecimalsOf([0, Number.NaN, 16320])).toBe(16320);
    expect(rowDecimalsOf([0, Number.NaN])).toBe(0);
  });

  it('writes a value and its half-width with the decimals of the figure given', () => {
    expect(formatEstimate({ mean: 1.011, ci95: [1.007, 1.015] }, 'ratio')).toBe('1.01 ± 0.00');
    expect(formatEstimate({ mean: 1.011, ci95: [1.007, 1.015] }, 'ratio', 0.085)).toBe('1.011 ± 0.004');
    expect(formatEstimate({ mean: 5920, ci95: [5740, 6100] }, 'count', 42)).toBe('5,920.0 ± 180.0');
    expect(formatEstimate({ mean: 16320, ci95: [16320, 16320] }, 'money', 4.08)).toBe('16,320.00 ± 0.00');
  });

  it('writes a difference with the decimals of its row, not its own', () => {
    const calls = { mean: 73.04, ci95: [33.5, 112.6] as [number, number] };
    expect(formatDifferenceEstimate(calls, 'count')).toBe('+73.0 ± 39.5 *');
    expect(formatDifferenceEstimate(calls, 'count', { decimalsOf: 5610 })).toBe('+73 ± 40 *');
    expect(formatDifferenceEstimate({ mean: 0, ci95: [0, 0] }, 'count', { decimalsOf: 4468 })).toBe('0 ± 0');
    expect(formatDifferenceEstimate({ mean: -0.053, ci95: [-0.057, -0.049] }, 'ratio', { decimalsOf: 1.26, halfWidth: false })).toBe('-0.05 *');
    expect(formatDifferenceEstimate({ mean: 0.012, ci95: [0.004, 0.02] }, 'share', { decimalsOf: 0.5 })).toBe('+1.2 pp ± 0.8 pp *');
  });
});
