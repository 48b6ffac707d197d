// Names of the intervals of the day (`--interval`) in reports. An interval's start and end
// are seconds from the start of the run, read as a clock that starts at 00:00:
//
// - `HH:MM` (`09:30`) while the run stays within one day;
// - `Dd HH:MM` (`0d 09:30`, `2d 09:30`) for every name of the run once it goes past one day:
//   D is the number of whole days since the start, from 0 (the notation of durations such
//   as `2d`), padded with zeros to the same number of digits across the run (`03d`, `12d`),
//   so names sort as text in time order;
// - `HH:MM:SS` (or `HH:MM:SS.sss`) in place of `HH:MM` when some interval boundary of the
//   run does not fall on a whole minute (or second).
//
// A span is `09:00–09:30`, with the day written once (`2d 09:00–09:30`); an end on the
// following midnight is `24:00`, an end on a later day carries its own day
// (`0d 20:00–1d 04:00`). A boundary that is not a finite number of seconds at least 0
// prints as `–`. The row of the drain after the horizon (`end: null`) is `after`, whatever
// the clock: it does not count among the intervals that set the clock's days and precision.
//
// A run placed in the week (its file gives run.start or a calendar: the result's
// `weekStart`) is read as days and clock times of the week from there instead: `Tue 09:30`,
// `Tue 09:00–09:30`, `Tue 22:00–Wed 06:00`; once the run goes past one week, every name
// carries its week, from 1: `W2 Tue 09:30`. Files without either keep the names above.
import type { IntervalResult, RunResult } from '../metrics/results.ts';
import { endInStartDay, SECONDS_PER_WEEK, weekDayLabel } from '../scenario/index.ts';
import { NOT_AVAILABLE } from './format-number.ts';

const DAY = 86_400;

/** The name of the last row, the drain after the horizon. */
export const AFTER_LABEL = 'after';

export interface IntervalClock {
  /** The start of an interval (or any time) as `09:30` or `2d 09:30`. */
  readonly time: (seconds: number) => string;
  /** An interval as `09:00–09:30` or `2d 09:00–09:30`. */
  readonly span: (interval: Pick<IntervalResult, 'start' | 'end'>) => string;
  /** An interval by its start (`09:30`), or `after`. */
  readonly name: (interval: Pick<IntervalResult, 'start' | 'end'>) => string;
}

type Precision = 'minutes' | 'seconds' | 'milliseconds';

const usable = (seconds: number): boolean => Number.isFinite(seconds) && seconds >= 0;

/** Milliseconds, rounded, so that `k * length` noise does not show. */
const toMillis = (seconds: number): number => Math.round(seconds * 1000);

const pad = (n: number, digits: number): string => String(n).padStart(digits, '0');

/**
 * The clock shared by every interval name of one run (all designs alike).
 * @param weekStart seconds after Monday 00:00 at the start of a run placed in the week
 */
export function intervalClock(intervals: Iterable<Pick<IntervalResult, 'start' | 'end'>>, weekStart?: number): IntervalClock {
  let precision: Precision = 'minutes';
  let multiDay = false;
  let lastDay = 0;
  let latest = 0;
  for (const { start, end } of intervals) {
    if (end === null) continue;
    for (const t of [start, end]) {
      if (!usable(t)) continue;
      const ms = toMillis(t);
      if (ms % 1000 !== 0) precision = 'milliseconds';
      else if (ms % 60_000 !== 0 && precision === 'minutes') precision = 'seconds';
    }
    if (usable(start) && start >= DAY) multiDay = true;
    if (usable(end) && toMillis(end) > DAY * 1000) multiDay = true;
    if (usable(start)) lastDay = Math.max(lastDay, Math.floor(toMillis(start) / (DAY * 1000)));
    if (usable(end)) lastDay = Math.max(lastDay, Math.floor(toMillis(end) / (DAY * 1000)));
    for (const t of [start, end]) if (usable(t)) latest = Math.max(latest, t);
  }
  const dayDigits = String(lastDay).length;
  const multiWeek = weekStart !== undefined && weekStart + latest > SECONDS_PER_WEEK;

  /** Time of day of `ms` (milliseconds into its day, up to 24:00 included). */
  const clock = (msOfDay: number): string => {
    const minutes = Math.floor(msOfDay / 60_000);
    let text = `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
    if (precision === 'minutes') return text;
    const ms = msOfDay % 60_000;
    text += `:${pad(Math.floor(ms / 1000), 2)}`;
    return precision === 'seconds' ? text : `${text}.${pad(ms % 1000, 3)}`;
  };
  /** The day of the run `day` (0: the first) as `2d `, or in the week as `Tue ` (`W2 Tue `). */
  const dayPrefix = (day: number): string => {
    if (weekStart === undefined) return multiDay ? `${pad(day, dayDigits)}d ` : '';
    const startDay = Math.floor(weekStart / DAY);
    const week = multiWeek ? `W${Math.floor((startDay + day) / 7) + 1} ` : '';
    return `${week}${weekDayLabel(startDay + day)} `;
  };
  /** Milliseconds of the run to milliseconds of its days, counted from the start's midnight in the week. */
  const offsetMs = weekStart === undefined ? 0 : toMillis(weekStart % DAY);

  const time = (seconds: number): string => {
    if (!usable(seconds)) return NOT_AVAILABLE;
    const ms = toMillis(seconds) + offsetMs;
    const day = Math.floor(ms / (DAY * 1000));
    return dayPrefix(day) + clock(ms - day * DAY * 1000);
  };

  const span = ({ start, end }: Pick<IntervalResult, 'start' | 'end'>): string => {
    if (end === null) return AFTER_LABEL;
    const from = time(start);
    if (!usable(end)) return `${from}–${NOT_AVAILABLE}`;
    const endMs = toMillis(end);
    if (!usable(start)) return `${from}–${time(end)}`;
    // Same day, or exactly the next midnight (24:00): the end needs no day of its own.
    const offset = endInStartDay(toMillis(start) + offsetMs, endMs + offsetMs, DAY * 1000);
    if (offset !== undefined) return `${from}–${clock(offset)}`;
    return `${from}–${time(end)}`;
  };

  const name = ({ start, end }: Pick<IntervalResult, 'start' | 'end'>): string => (end === null ? AFTER_LABEL : time(start));

  return { time, span, name };
}

/** The clock of every interval of every design of `result`. */
export function resultClock(result: RunResult): IntervalClock {
  return intervalClock(
    Object.values(result.designs).flatMap((design) => design.byInterval ?? []),
    result.weekStart,
  );
}

/** How the interval names of `result` read, for the notes above the tables. */
export function intervalTimesNote(result: RunResult): string {
  return result.weekStart === undefined ? 'times counted from the start of the run at 00:00' : 'days and clock times of the week';
}

/** True when some design of `result` has at least one interval. */
export function hasIntervals(result: RunResult): boolean {
  return Object.values(result.designs).some((design) => (design.byInterval?.length ?? 0) > 0);
}
