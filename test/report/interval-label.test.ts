import { describe, expect, it } from 'vitest';
import type { IntervalResult } from '../../src/metrics/results.ts';
import { intervalClock, resultClock } from '../../src/report/interval-label.ts';
import { EIGHT_HOURS, THREE_DAYS, makeResult, withIntervals } from './fixture.ts';

/** Boundaries of intervals of `length` seconds from 0 up to `horizon`. */
function grid(length: number, horizon: number): Pick<IntervalResult, 'start' | 'end'>[] {
  const out: Pick<IntervalResult, 'start' | 'end'>[] = [];
  for (let start = 0; start < horizon; start += length) out.push({ start, end: Math.min(horizon, start + length) });
  return out;
}

describe('interval names', () => {
  it('are HH:MM within a day, the last ending at the horizon', () => {
    const intervals = grid(...EIGHT_HOURS);
    const clock = intervalClock(intervals);
    expect(intervals).toHaveLength(16);
    expect(intervals.map((i) => clock.time(i.start)).slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
    expect(clock.span(intervals[0]!)).toBe('00:00–00:30');
    expect(clock.span(intervals[15]!)).toBe('07:30–08:00');
    expect(clock.time(9.5 * 3600)).toBe('09:30');
    expect(intervalClock(grid(1800, 7.75 * 3600)).span({ start: 7.5 * 3600, end: 7.75 * 3600 })).toBe('07:30–07:45');
  });

  it('end a one-day run at 24:00, without days', () => {
    const intervals = grid(1800, 86_400);
    const clock = intervalClock(intervals);
    expect(clock.span(intervals[47]!)).toBe('23:30–24:00');
    expect(clock.time(0)).toBe('00:00');
  });

  it('carry the day, from 0, on every name once the run goes past a day', () => {
    const intervals = grid(...THREE_DAYS);
    const clock = intervalClock(intervals);
    expect(intervals).toHaveLength(72);
    expect(clock.time(0)).toBe('0d 00:00');
    expect(clock.span(intervals[9]!)).toBe('0d 09:00–10:00');
    expect(clock.time(2 * 86_400 + 9.5 * 3600)).toBe('2d 09:30');
    expect(clock.span(intervals[23]!)).toBe('0d 23:00–24:00');
    expect(clock.span(intervals[24]!)).toBe('1d 00:00–01:00');
    expect(clock.span(intervals[71]!)).toBe('2d 23:00–24:00');
  });

  it('give an end on a later day its own day', () => {
    const clock = intervalClock(grid(10 * 3600, 2 * 86_400));
    expect(clock.span({ start: 20 * 3600, end: 30 * 3600 })).toBe('0d 20:00–1d 06:00');
  });

  it('pad days to one width so that names sort as text in time order', () => {
    const intervals = grid(6 * 3600, 12 * 86_400);
    const clock = intervalClock(intervals);
    const names = intervals.map((i) => clock.time(i.start));
    expect(names[0]).toBe('00d 00:00');
    expect(names.at(-1)).toBe('11d 18:00');
    expect([...names].sort()).toEqual(names);
    const threeDays = grid(...THREE_DAYS).map((i) => intervalClock(grid(...THREE_DAYS)).time(i.start));
    expect([...threeDays].sort()).toEqual(threeDays);
  });

  it('add seconds (or milliseconds) only when a boundary needs them', () => {
    expect(intervalClock(grid(90, 600)).time(90)).toBe('00:01:30');
    expect(intervalClock(grid(90, 600)).span({ start: 0, end: 90 })).toBe('00:00:00–00:01:30');
    expect(intervalClock(grid(0.5, 2)).time(1.5)).toBe('00:00:01.500');
    // k * length noise does not show.
    expect(intervalClock([{ start: 0.1 * 3 * 600, end: 0.1 * 6 * 600 }]).time(0.1 * 3 * 600)).toBe('00:03');
  });

  it('print a boundary that is not a time as an en dash', () => {
    const clock = intervalClock([{ start: 0, end: 1800 }]);
    expect(clock.time(Number.NaN)).toBe('–');
    expect(clock.span({ start: 0, end: Number.NaN })).toBe('00:00––');
  });

  it('share one clock across the designs of a run', () => {
    const clock = resultClock(withIntervals(makeResult(['a', 'b']), ...THREE_DAYS));
    expect(clock.time(3600)).toBe('0d 01:00');
    expect(resultClock(makeResult(['a'])).time(3600)).toBe('01:00');
  });

  it('name the drain after the horizon `after`, which sets neither the days nor the precision', () => {
    // A whole day: its after row starts at 24:00 and at 86,400.5 s, yet names stay HH:MM.
    const day = [...grid(3600, 86_400), { start: 86_400.5, end: null }];
    const clock = intervalClock(day);
    expect(clock.span(day[23]!)).toBe('23:00–24:00');
    expect(clock.span(day[24]!)).toBe('after');
    expect(clock.name(day[24]!)).toBe('after');
    expect(clock.name(day[9]!)).toBe('09:00');
  });
});

describe('interval names of a run placed in the week', () => {
  const MON_08 = 8 * 3600;
  const TUE_22 = 86_400 + 22 * 3600;

  it('are days and clock times counted from run.start', () => {
    const clock = intervalClock(grid(1800, 5 * 86_400), MON_08);
    expect(clock.time(0)).toBe('Mon 08:00');
    expect(clock.time(25.5 * 3600)).toBe('Tue 09:30');
    expect(clock.span({ start: 1.5 * 3600, end: 2 * 3600 })).toBe('Mon 09:30–10:00');
    expect(clock.span({ start: 15.5 * 3600, end: 16 * 3600 })).toBe('Mon 23:30–24:00');
  });

  it('give a night across midnight the next day at its end', () => {
    const clock = intervalClock(grid(8 * 3600, 2 * 86_400), TUE_22);
    expect(clock.span({ start: 0, end: 8 * 3600 })).toBe('Tue 22:00–Wed 06:00');
  });

  it('keep a run of one day readable: days and times, no week', () => {
    const clock = intervalClock(grid(3600, 10 * 3600), MON_08);
    expect(clock.span({ start: 0, end: 3600 })).toBe('Mon 08:00–09:00');
  });

  it('carry the week on every name once the run goes past one week', () => {
    const clock = intervalClock(grid(86_400, 14 * 86_400), 0);
    expect(clock.time(0)).toBe('W1 Mon 00:00');
    expect(clock.time(8 * 86_400 + 9.5 * 3600)).toBe('W2 Tue 09:30');
  });

  it('come from the result of a run placed in the week', () => {
    const result = { ...withIntervals(makeResult(['a']), ...EIGHT_HOURS), weekStart: 4 * 86_400 + 8 * 3600 };
    expect(resultClock(result).span({ start: 0, end: 1800 })).toBe('Fri 08:00–08:30');
  });
});

