// Times of the week as a scenario writes them: `Mon 08:00` (run.start), day sets such as
// `mon-fri` and opening hours such as `08:00-18:00` or `22:00-06:00`; and back to text for
// tables and traces (`Tue 09:30`, spans `Tue 09:00–09:30`). A time of the week is seconds after Monday 00:00.
import type { Parsed } from './units.ts';

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

/** Day keys as written in a file, Monday first: a day's index is its position here. */
export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export const WEEK_TIME_EXPECTED = 'expected a day and a time of day such as "Mon 08:00" (mon, tue, wed, thu, fri, sat or sun, then HH:MM)';
export const DAYS_EXPECTED = 'expected a day (mon, tue, wed, thu, fri, sat, sun), a range such as mon-fri, or days joined by commas such as mon,wed';
export const HOURS_EXPECTED =
  'expected opening hours such as "08:00-18:00", several joined by commas such as "08:00-12:00, 14:00-18:00", or "22:00-06:00" for a night across midnight';

function dayIndex(text: string): number | undefined {
  const index = (DAY_KEYS as readonly string[]).indexOf(text.trim().toLowerCase());
  return index < 0 ? undefined : index;
}

/**
 * `HH:MM` to seconds after midnight: 00:00 to 23:59, and 24:00 when `end` (the end of a
 * range that runs to midnight).
 */
function parseClock(text: string, end: boolean): Parsed<number> {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return fail(`found "${text.trim()}", expected a time of day HH:MM such as 08:00`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (end && hours === 24 && minutes === 0) return ok(SECONDS_PER_DAY);
  if (hours > 23 || minutes > 59) {
    return fail(`found "${text.trim()}", expected a time of day from 00:00 to 23:59${end ? ' (or 24:00 to end at midnight)' : ''}`);
  }
  return ok(hours * 3_600 + minutes * 60);
}

/** `Mon 08:00` to seconds after Monday 00:00. */
export function parseWeekTime(input: unknown): Parsed<number> {
  if (typeof input !== 'string') return fail(WEEK_TIME_EXPECTED);
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(input);
  const day = match === null ? undefined : dayIndex(match[1]!);
  if (match === null || day === undefined) return fail(WEEK_TIME_EXPECTED);
  const clock = parseClock(match[2]!, false);
  return clock.ok ? ok(day * SECONDS_PER_DAY + clock.value) : fail('expected a time of day from 00:00 to 23:59 after the day, as in "Mon 08:00"');
}

/**
 * A time of the week as a table shows it, `Tue 09:30` (seconds only when not whole
 * minutes: `Tue 09:30:15`); any number of seconds, wrapped onto the week.
 */
export function formatWeekTime(secondOfWeek: number): string {
  const second = ((Math.floor(secondOfWeek) % SECONDS_PER_WEEK) + SECONDS_PER_WEEK) % SECONDS_PER_WEEK;
  const day = Math.floor(second / SECONDS_PER_DAY);
  const inDay = second - day * SECONDS_PER_DAY;
  const hm = formatClock(inDay);
  return `${DAY_LABELS[day]!} ${inDay % 60 === 0 ? hm : `${hm}:${two(inDay % 60)}`}`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Seconds after a midnight as `HH:MM` (whole minutes; 86,400 is `24:00`). */
export function formatClock(secondOfDay: number): string {
  return `${two(Math.floor(secondOfDay / 3_600))}:${two(Math.floor((secondOfDay % 3_600) / 60))}`;
}

/** The label of a day of the week by its index from Monday (any day count, wrapped onto the week): `Tue`. */
export function weekDayLabel(day: number): string {
  return DAY_LABELS[((day % 7) + 7) % 7]!;
}

/**
 * Where a span's end falls from the midnight that starts its start's day, when on that day
 * or at the following midnight (24:00): a span then writes its end as a clock time only.
 * Undefined when the end needs a day of its own. `day` is a day in the unit of the times.
 */
export function endInStartDay(from: number, to: number, day: number = SECONDS_PER_DAY): number | undefined {
  const offset = to - Math.floor(from / day) * day;
  return offset >= 0 && offset <= day ? offset : undefined;
}

/**
 * A span of times of the week as a table shows it: `Tue 09:00–09:30`, `Mon 23:30–24:00`,
 * `Fri 22:00–Mon 06:00` (seconds after a Monday 00:00, the end at or after the start).
 */
export function formatWeekSpan(from: number, to: number): string {
  const first = formatWeekTime(from);
  const end = endInStartDay(Math.floor(from), Math.floor(to));
  if (end === undefined) return `${first}–${formatWeekTime(to)}`;
  return `${first}–${end === SECONDS_PER_DAY ? '24:00' : formatWeekTime(to).slice(4)}`;
}

/**
 * A day set as written: `sat`, `mon-fri`, `fri-mon` (wrapping over the weekend) or
 * `mon,wed,fri`, to the days' indices in increasing order.
 */
export function parseDays(text: string): Parsed<number[]> {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const ends = part.split('-');
    const first = dayIndex(ends[0] ?? '');
    const last = ends.length === 2 ? dayIndex(ends[1]!) : ends.length === 1 ? first : undefined;
    if (first === undefined || last === undefined) return fail(`found the days "${text}", ${DAYS_EXPECTED}`);
    for (let d = first; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === last) break;
    }
  }
  return ok([...days].sort((a, b) => a - b));
}

/**
 * Records that the entry `key` of a block keyed by day sets gives `day`; when an earlier
 * entry gave it already, the refusal instead (`owner` maps each day given to its entry).
 */
export function claimDay(owner: Map<number, string>, day: number, key: string): string | undefined {
  const earlier = owner.get(day);
  if (earlier !== undefined) return `found ${DAY_KEYS[day]} again (already in ${earlier}), expected each day in one entry`;
  owner.set(day, key);
  return undefined;
}

/** One opening of a day: seconds after that day's midnight; `close` may pass midnight. */
export interface DailyRange {
  readonly open: number;
  readonly close: number;
}

/**
 * Opening hours of one day as written, `08:00-12:00, 14:00-18:00`, to ranges in order.
 * An end at or before its start runs past midnight (`22:00-06:00`); `00:00-24:00` is the
 * whole day. Ranges of one day must not overlap.
 */
export function parseHours(text: string): Parsed<DailyRange[]> {
  const ranges: DailyRange[] = [];
  for (const part of text.split(',')) {
    const ends = part.split('-');
    if (ends.length !== 2) return fail(`found "${part.trim()}", ${HOURS_EXPECTED}`);
    const open = parseClock(ends[0]!, false);
    if (!open.ok) return open;
    const close = parseClock(ends[1]!, true);
    if (!close.ok) return close;
    if (close.value === open.value) {
      return fail(`found "${part.trim()}", which opens and closes at the same time, expected a range such as 08:00-18:00 (00:00-24:00 for the whole day)`);
    }
    ranges.push({ open: open.value, close: close.value > open.value ? close.value : close.value + SECONDS_PER_DAY });
  }
  ranges.sort((a, b) => a.open - b.open);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.open < ranges[i - 1]!.close) return fail(`found overlapping ranges in "${text.trim()}", expected ranges of one day that do not overlap`);
  }
  return ok(ranges);
}
