// Weekly opening hours, built from a file's `open` block ({mon-fri: "08:00-18:00", sat:
// "09:00-12:00"}; days not listed are closed). The week repeats, so a run of any length has
// them (src/callcenter/open-hours-clock.ts asks them at times of a run).
import { claimDay, DAY_KEYS, formatClock, parseDays, parseHours, SECONDS_PER_DAY, SECONDS_PER_WEEK } from './week-time.ts';

/** One opening of the week: seconds after Monday 00:00, open <= t < close. */
export interface WeeklyRange {
  readonly open: number;
  readonly close: number;
}

/**
 * When a line answers, week after week: ranges in increasing order, disjoint and not
 * touching (touching ones are one range), within [0, 1 week); an opening across Sunday
 * midnight is two ranges, one ending the week and one starting it. At least one range.
 */
export interface OpenHours {
  readonly ranges: readonly WeeklyRange[];
}

/** Open all the time: the default when a file gives no opening hours. */
export const ALWAYS_OPEN: OpenHours = { ranges: [{ open: 0, close: SECONDS_PER_WEEK }] };

/** A problem of one entry of an `open` block: its key and the "found …, expected …" text. */
export interface OpenHoursProblem {
  readonly key: string;
  readonly message: string;
}

export type OpenHoursResult = { readonly ok: true; readonly value: OpenHours } | { readonly ok: false; readonly problems: readonly OpenHoursProblem[] };

interface Owned extends WeeklyRange {
  /** The key of the entry that wrote it, for messages. */
  readonly key: string;
  readonly day: number;
}

/**
 * The opening hours of an `open` block. Refused, each under its key: a key that is not a
 * day set, hours that do not parse, a day given twice, openings that overlap (also a night
 * running into the next day's morning), a block with no opening at all.
 */
export function parseOpenHours(block: Readonly<Record<string, unknown>>): OpenHoursResult {
  const problems: OpenHoursProblem[] = [];
  const owner = new Map<number, string>();
  const ranges: Owned[] = [];
  for (const [key, value] of Object.entries(block)) {
    const days = parseDays(key);
    if (!days.ok) {
      problems.push({ key, message: days.message });
      continue;
    }
    const hours = typeof value === 'string' ? parseHours(value) : ({ ok: false, message: 'expected opening hours written as text, such as "08:00-18:00"' } as const);
    if (!hours.ok) {
      problems.push({ key, message: hours.message });
      continue;
    }
    for (const day of days.value) {
      const twice = claimDay(owner, day, key);
      if (twice !== undefined) {
        problems.push({ key, message: twice });
        continue;
      }
      for (const range of hours.value) {
        ranges.push({ key, day, open: day * SECONDS_PER_DAY + range.open, close: day * SECONDS_PER_DAY + range.close });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  problems.push(...overlaps(ranges));
  if (problems.length > 0) return { ok: false, problems };
  if (ranges.length === 0) return { ok: false, problems: [{ key: '', message: 'found no opening, expected at least one day with opening hours, such as mon-fri: "08:00-18:00"' }] };
  return { ok: true, value: { ranges: weekly(ranges) } };
}

/** Openings that overlap another, once each, on the week's circle. */
function overlaps(ranges: readonly Owned[]): OpenHoursProblem[] {
  const sorted = [...ranges].sort((a, b) => a.open - b.open);
  const problems: OpenHoursProblem[] = [];
  const at = (r: Owned): string => `${DAY_KEYS[r.day]} ${clock(r.open)}-${clock(r.close)}`;
  sorted.forEach((range, i) => {
    const next = sorted[(i + 1) % sorted.length]!;
    const nextOpen = i + 1 < sorted.length ? next.open : next.open + SECONDS_PER_WEEK;
    if (next !== range && range.close > nextOpen) {
      problems.push({ key: range.key, message: `found ${at(range)} running into ${at(next)}, expected openings that do not overlap` });
    }
  });
  return problems;
}

/** A range's end at a midnight reads 24:00 of the day before. */
function clock(second: number): string {
  return formatClock(second % SECONDS_PER_DAY === 0 && second > 0 ? SECONDS_PER_DAY : second % SECONDS_PER_DAY);
}

/** Disjoint openings to the week's ranges: wrapped onto [0, 1 week), sorted, touching ones joined. */
function weekly(ranges: readonly WeeklyRange[]): WeeklyRange[] {
  const pieces = ranges.flatMap(({ open, close }) =>
    close <= SECONDS_PER_WEEK ? [{ open, close }] : [{ open, close: SECONDS_PER_WEEK }, { open: 0, close: close - SECONDS_PER_WEEK }],
  );
  pieces.sort((a, b) => a.open - b.open);
  const joined: WeeklyRange[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    if (last !== undefined && last.close === piece.open) joined[joined.length - 1] = { open: last.open, close: piece.close };
    else joined.push(piece);
  }
  return joined;
}
