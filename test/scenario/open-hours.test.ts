// Weekly opening hours from a file's `open` block: the week's ranges, and each refusal
// under the key that caused it.
import { describe, expect, it } from 'vitest';
import { parseOpenHours, type OpenHoursResult } from '../../src/scenario/open-hours.ts';

const H = 3600;
const D = 86_400;
const ranges = (result: OpenHoursResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.ranges;
};
const problems = (result: OpenHoursResult) => (result.ok ? [] : result.problems);

describe('parseOpenHours', () => {
  it('gives the week of a weekday and Saturday block, days not listed closed', () => {
    const week = ranges(parseOpenHours({ 'mon-fri': '08:00-18:00', sat: '09:00-12:00' }));
    expect(week).toEqual([
      ...[0, 1, 2, 3, 4].map((d) => ({ open: d * D + 8 * H, close: d * D + 18 * H })),
      { open: 5 * D + 9 * H, close: 5 * D + 12 * H },
    ]);
  });

  it('splits a night across Sunday midnight onto both ends of the week and joins touching openings', () => {
    expect(ranges(parseOpenHours({ sun: '22:00-06:00' }))).toEqual([
      { open: 0, close: 6 * H },
      { open: 6 * D + 22 * H, close: 7 * D },
    ]);
    expect(ranges(parseOpenHours({ 'mon-sun': '00:00-24:00' }))).toEqual([{ open: 0, close: 7 * D }]);
    expect(ranges(parseOpenHours({ mon: '18:00-24:00', tue: '00:00-08:00' }))).toEqual([{ open: 18 * H, close: D + 8 * H }]);
  });

  it('refuses, under its key, a day given twice, a night running into the next morning, bad keys and values', () => {
    expect(problems(parseOpenHours({ 'mon-fri': '08:00-18:00', fri: '09:00-12:00' }))).toEqual([
      { key: 'fri', message: 'found fri again (already in mon-fri), expected each day in one entry' },
    ]);
    expect(problems(parseOpenHours({ mon: '22:00-06:00', tue: '05:00-10:00' }))).toEqual([
      { key: 'mon', message: 'found mon 22:00-06:00 running into tue 05:00-10:00, expected openings that do not overlap' },
    ]);
    expect(problems(parseOpenHours({ sun: '22:00-07:00', mon: '06:00-10:00' }))).toEqual([
      { key: 'sun', message: 'found sun 22:00-07:00 running into mon 06:00-10:00, expected openings that do not overlap' },
    ]);
    expect(problems(parseOpenHours({ funday: '08:00-18:00', mon: '25:00-26:00', tue: 9 })).map((p) => p.key)).toEqual(['funday', 'mon', 'tue']);
    expect(problems(parseOpenHours({}))).toEqual([{ key: '', message: expect.stringMatching(/^found no opening/) }]);
  });
});
