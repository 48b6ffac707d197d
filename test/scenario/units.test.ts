import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseProbability, parseRate } from '../../src/scenario/units.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.message}`);
  return r.value;
};
const message = (r: { ok: true; value: unknown } | { ok: false; message: string }): string => {
  if (r.ok) throw new Error(`expected a refusal, got ${String(r.value)}`);
  return r.message;
};

describe('parseDuration', () => {
  it.each([
    [0, 0],
    [45, 45],
    [2.5, 2.5],
    ['45s', 45],
    ['90s', 90],
    ['90m', 5400],
    ['3m30s', 210],
    ['3min', 180],
    ['3 min', 180],
    ['1.5h', 5400],
    ['2d', 172_800],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1d2h3m4s', 93_784],
    ['1h30min', 5400],
    ['.5m', 30],
    ['1h30.5m', 5430],
    [' 20s ', 20],
    ['0s', 0],
  ])('%j is %d seconds', (input, seconds) => {
    expect(value(parseDuration(input))).toBeCloseTo(seconds, 9);
  });

  it.each([
    ['3m70s', 'less than the unit before it'],
    ['1h60m', 'less than the unit before it'],
    ['1d24h', 'less than the unit before it'],
    ['30m1h', 'largest to smallest'],
    ['1m1m', 'largest to smallest'],
    ['1.5h30m', 'decimals only in the last part'],
    ['180', 'unit after the number'],
    ['3m30', 'unit after every number'],
    ['4 hours', 'not "hours"'],
    ['5sec', 'not "sec"'],
    ['2w', 'not "w"'],
    ['-5s', '0 or more'],
    [-5, '0 or more'],
    ['', 'expected a duration'],
    ['abc', 'expected a duration'],
    [Infinity, 'expected a duration'],
    [Number.NaN, 'expected a duration'],
    [true, 'expected a duration'],
    [null, 'expected a duration'],
    [{ mean: 3 }, 'expected a duration'],
  ])('%j is refused (%s)', (input, phrase) => {
    expect(message(parseDuration(input))).toContain(phrase);
  });

  it('suggests the normalised form of an out-of-range part', () => {
    expect(message(parseDuration('3m70s'))).toContain('"4m10s"');
  });
});

describe('parseRate', () => {
  it.each([
    [600, 600 / 3600],
    ['600/h', 600 / 3600],
    ['10/min', 10 / 60],
    ['0.2/s', 0.2],
    ['4800/d', 4800 / 86_400],
    ['1e6/y', 1e6 / (365 * 86_400)],
    ['600 / h', 600 / 3600],
    [0, 0],
  ])('%j is %d per second', (input, perSecond) => {
    expect(value(parseRate(input))).toBeCloseTo(perSecond, 12);
  });

  it.each([
    ['600/m', '/min'],
    ['600/hour', 'not "/hour"'],
    ['600', 'time unit after the number'],
    ['600/', 'rate unit'],
    ['-5/h', '0 or more'],
    [-5, '0 or more'],
    ['fast', 'expected a rate'],
    [false, 'expected a rate'],
  ])('%j is refused (%s)', (input, phrase) => {
    expect(message(parseRate(input))).toContain(phrase);
  });
});

describe('parseProbability', () => {
  it.each([0, 0.5, 1])('%d is a probability', (p) => {
    expect(value(parseProbability(p))).toBe(p);
  });
  it.each([
    [1.2, 'in [0, 1]'],
    [-0.1, 'in [0, 1]'],
    ['0.5', 'in [0, 1]'],
    ['70%', 'write 0.7'],
    [Number.NaN, 'in [0, 1]'],
  ])('%j is refused (%s)', (input, phrase) => {
    expect(message(parseProbability(input))).toContain(phrase);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [250, '4m10s'],
    [5400, '1h30m'],
    [90_000, '1d1h'],
    [1.5, '1.5s'],
  ])('%d seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('patterns for editors', () => {
  it('match the unit strings the parsers accept', async () => {
    const { DURATION_PATTERN, RATE_PATTERN } = await import('../../src/scenario/units.ts');
    const duration = new RegExp(DURATION_PATTERN);
    for (const text of ['45s', '3m30s', '3min', '1.5h', '2d', '1h30m', '1h 30m', '.5m']) expect(duration.test(text)).toBe(true);
    for (const text of ['4 hours', '180', '5sec']) expect(duration.test(text)).toBe(false);
    const rate = new RegExp(RATE_PATTERN);
    for (const text of ['600/h', '10/min', '0.2/s', '4800/d', '1e6/y']) expect(rate.test(text)).toBe(true);
    for (const text of ['600/m', '600', '600/hour']) expect(rate.test(text)).toBe(false);
  });
});
