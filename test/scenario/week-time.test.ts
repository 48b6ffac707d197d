// Times of the week as written in a scenario, and as tables show them.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { claimDay, formatWeekSpan, formatWeekTime, parseDays, parseHours, parseWeekTime, weekDayLabel } from '../../src/scenario/week-time.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const message = (parsed: { ok: boolean; message?: string }): string | undefined => (parsed.ok ? undefined : parsed.message);

describe('parseWeekTime', () => {
  it('reads a day and a time of day as seconds after Monday 00:00, any case', () => {
    expect(value(parseWeekTime('Mon 00:00'))).toBe(0);
    expect(value(parseWeekTime('Mon 08:00'))).toBe(8 * 3600);
    expect(value(parseWeekTime('tue 9:30'))).toBe(86_400 + 9.5 * 3600);
    expect(value(parseWeekTime(' SUN 23:59 '))).toBe(6 * 86_400 + 23 * 3600 + 59 * 60);
  });

  it('refuses an unknown day, a time past 23:59 and what is not text', () => {
    expect(message(parseWeekTime('Funday 08:00'))).toMatch(/^expected a day and a time of day such as "Mon 08:00"/);
    expect(message(parseWeekTime('Tue 25:00'))).toBe('expected a time of day from 00:00 to 23:59 after the day, as in "Mon 08:00"');
    expect(message(parseWeekTime('Tue 24:00'))).toMatch(/00:00 to 23:59/);
    expect(message(parseWeekTime('Tue 08:60'))).toMatch(/00:00 to 23:59/);
    expect(message(parseWeekTime('08:00'))).toMatch(/^expected a day/);
    expect(message(parseWeekTime(8))).toMatch(/^expected a day/);
  });
});

describe('formatWeekTime', () => {
  it('shows the day and the time, seconds only when not whole minutes, wrapped onto the week', () => {
    expect(formatWeekTime(0)).toBe('Mon 00:00');
    expect(formatWeekTime(86_400 + 9.5 * 3600)).toBe('Tue 09:30');
    expect(formatWeekTime(86_400 + 9.5 * 3600 + 15)).toBe('Tue 09:30:15');
    expect(formatWeekTime(7 * 86_400 + 60)).toBe('Mon 00:01');
    expect(formatWeekTime(-60)).toBe('Sun 23:59');
  });

  it('reads back what parseWeekTime reads', () => {
    for (const text of ['Mon 00:00', 'Wed 12:34', 'Sat 18:00', 'Sun 23:59']) expect(formatWeekTime(value(parseWeekTime(text)))).toBe(text);
  });
});

describe('formatWeekSpan', () => {
  const H = 3_600;
  const D = 24 * H;
  it('writes the day once within a day, 24:00 for an end on the next midnight, and both days across midnight', () => {
    expect(formatWeekSpan(D + 9 * H, D + 9.5 * H)).toBe('Tue 09:00–09:30');
    expect(formatWeekSpan(23.5 * H, D)).toBe('Mon 23:30–24:00');
    expect(formatWeekSpan(0, D)).toBe('Mon 00:00–24:00');
    expect(formatWeekSpan(4 * D + 22 * H, 7 * D + 6 * H)).toBe('Fri 22:00–Mon 06:00');
    expect(formatWeekSpan(0, 6 * D)).toBe('Mon 00:00–Sun 00:00');
  });

  it('names a day by its index from Monday, wrapped onto the week', () => {
    expect([0, 6, 7, 15, -1].map(weekDayLabel)).toEqual(['Mon', 'Sun', 'Mon', 'Tue', 'Sun']);
  });
});

describe('claimDay', () => {
  it('gives each day to the first entry naming it and refuses it to a later one', () => {
    const owner = new Map<number, string>();
    expect(claimDay(owner, 0, 'mon-fri')).toBeUndefined();
    expect(claimDay(owner, 5, 'sat')).toBeUndefined();
    expect(claimDay(owner, 0, 'mon')).toBe('found mon again (already in mon-fri), expected each day in one entry');
    expect(owner.get(0)).toBe('mon-fri');
  });
});

describe('parseDays', () => {
  it('reads a day, a range (wrapping over the weekend) and a list', () => {
    expect(value(parseDays('sat'))).toEqual([5]);
    expect(value(parseDays('mon-fri'))).toEqual([0, 1, 2, 3, 4]);
    expect(value(parseDays('fri-mon'))).toEqual([0, 4, 5, 6]);
    expect(value(parseDays('mon,wed, fri'))).toEqual([0, 2, 4]);
    expect(value(parseDays('Mon-Sun'))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('refuses an unknown day name', () => {
    expect(message(parseDays('mon-fry'))).toMatch(/^found the days "mon-fry", expected a day \(mon, tue/);
    expect(message(parseDays('weekdays'))).toMatch(/^found the days "weekdays"/);
    expect(message(parseDays('mon-tue-wed'))).toMatch(/^found the days/);
  });
});

describe('parseHours', () => {
  it('reads ranges in order, a night across midnight and the whole day', () => {
    expect(value(parseHours('08:00-18:00'))).toEqual([{ open: 8 * 3600, close: 18 * 3600 }]);
    expect(value(parseHours('14:00-18:00, 08:00-12:00'))).toEqual([
      { open: 8 * 3600, close: 12 * 3600 },
      { open: 14 * 3600, close: 18 * 3600 },
    ]);
    expect(value(parseHours('22:00-06:00'))).toEqual([{ open: 22 * 3600, close: 30 * 3600 }]);
    expect(value(parseHours('00:00-24:00'))).toEqual([{ open: 0, close: 86_400 }]);
  });

  it('refuses 25:00, 24:00 as an opening, an empty range, overlaps and what is not a range', () => {
    expect(message(parseHours('08:00-25:00'))).toBe('found "25:00", expected a time of day from 00:00 to 23:59 (or 24:00 to end at midnight)');
    expect(message(parseHours('24:00-06:00'))).toBe('found "24:00", expected a time of day from 00:00 to 23:59');
    expect(message(parseHours('08:00-08:00'))).toMatch(/opens and closes at the same time/);
    expect(message(parseHours('08:00-12:00, 11:00-14:00'))).toMatch(/^found overlapping ranges/);
    expect(message(parseHours('8h-18h'))).toMatch(/^found "8h", expected a time of day HH:MM/);
    expect(message(parseHours('08:00'))).toMatch(/^found "08:00", expected opening hours such as "08:00-18:00"/);
  });
});

describe('run.start in a scenario', () => {
  const text = (start: string): string =>
    [
      'name: s',
      `run: { horizon: 1h${start} }`,
      'demand: { arrivals: { rate: 60 }, intents: { only: { share: 1, handle: 3m } } }',
      'teams: { t: { agents: 5, skills: [only] } }',
      'designs: { one: { numbers: [{ dial: "1", to: t }] } }',
    ].join('\n');

  it('is Monday 00:00 by default and the time of the week written otherwise', () => {
    expect(parseScenario(text(''), 's.yaml').run.start).toBe(0);
    expect(parseScenario(text(', start: "Wed 08:30"'), 's.yaml').run.start).toBe(2 * 86_400 + 8.5 * 3600);
  });
});
