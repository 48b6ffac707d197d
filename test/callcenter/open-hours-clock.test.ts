// The clock of opening hours against a minute-by-minute reading of the same week.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OpenHoursClock } from '../../src/callcenter/open-hours-clock.ts';
import { ALWAYS_OPEN, parseOpenHours, type OpenHours } from '../../src/scenario/open-hours.ts';

const H = 3600;
const D = 86_400;
const WEEK = 7 * D;

function hours(block: Record<string, string>): OpenHours {
  const parsed = parseOpenHours(block);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** Open at a second of the week, read off the ranges directly. */
const openAt = (week: OpenHours, second: number): boolean => week.ranges.some((r) => r.open <= second && second < r.close);

/** A week of random openings: per day, none or one range on whole minutes (possibly across midnight), kept when valid. */
const weeks = fc
  .array(fc.option(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1439 })), { nil: undefined }), { minLength: 7, maxLength: 7 })
  .map((days) => {
    const keys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const clock = (m: number): string => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const block: Record<string, string> = {};
    days.forEach((d, i) => {
      if (d !== undefined) block[keys[i]!] = `${clock(d[0])}-${clock((d[0] + d[1]) % 1440)}`;
    });
    return parseOpenHours(block);
  })
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.value : ALWAYS_OPEN));

describe('OpenHoursClock', () => {
  it('says open, next opening and next closing as a scan minute by minute does, from any start and week', () => {
    fc.assert(
      fc.property(weeks, fc.integer({ min: 0, max: WEEK - 1 }), fc.integer({ min: 0, max: 3 * WEEK }), (week, start, t) => {
        const clock = new OpenHoursClock(week, start);
        const open = (time: number): boolean => openAt(week, (start + time) % WEEK);
        expect(clock.isOpen(t)).toBe(open(t));
        let next = t;
        while (!open(next)) next += 60 - ((start + next) % 60 === 0 ? 0 : (start + next) % 60);
        expect(clock.nextOpening(t)).toBe(next);
        let close = next;
        while (open(close) && close < next + 2 * WEEK) close += 60 - ((start + close) % 60);
        expect(clock.nextClosing(t)).toBe(close < next + 2 * WEEK ? close : Number.POSITIVE_INFINITY);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('is open all the time without opening hours, and never closes', () => {
    const clock = new OpenHoursClock(ALWAYS_OPEN, 3 * D);
    expect([clock.isOpen(123.5), clock.nextOpening(123.5), clock.nextClosing(123.5)]).toEqual([true, 123.5, Number.POSITIVE_INFINITY]);
  });

  it('counts from the run start: a Monday 08:00-18:00 line seen from a run starting Sunday 20:00', () => {
    const clock = new OpenHoursClock(hours({ mon: '08:00-18:00' }), 6 * D + 20 * H);
    expect(clock.isOpen(0)).toBe(false);
    expect(clock.nextOpening(0)).toBe(12 * H);
    expect(clock.nextClosing(0)).toBe(22 * H);
    expect(clock.isOpen(12 * H)).toBe(true);
    expect(clock.isOpen(22 * H)).toBe(false);
    expect(clock.nextOpening(22 * H)).toBe(12 * H + WEEK);
  });

  it('closes a night across Sunday midnight on Monday morning', () => {
    const clock = new OpenHoursClock(hours({ sun: '22:00-06:00' }), 0);
    expect(clock.nextClosing(6 * D + 23 * H)).toBe(WEEK + 6 * H);
    expect(clock.nextClosing(WEEK + 1 * H)).toBe(WEEK + 6 * H);
  });
});
