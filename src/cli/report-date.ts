// The date a report shows: today, or the time SOURCE_DATE_EPOCH gives (whole seconds since
// 1970-01-01 UTC, the reproducible-builds convention), so that a rerun of the same file and
// seed can give the same bytes. Read before any work, so a bad value wastes no run.
import { InputError } from '../scenario/index.ts';

/** The report's date from the environment (`SOURCE_DATE_EPOCH`), else from `now`. */
export function reportDate(env: Readonly<Record<string, string | undefined>> = process.env, now: () => number = Date.now): Date {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === '') return new Date(now());
  const seconds = /^\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
  // 253402300799 is 9999-12-31T23:59:59Z, the last time an ISO date of four digits writes.
  if (!Number.isSafeInteger(seconds) || seconds > 253_402_300_799) {
    throw new InputError(`SOURCE_DATE_EPOCH: found "${text}", expected whole seconds since 1970-01-01 00:00 UTC (such as 1767225600)`);
  }
  return new Date(seconds * 1000);
}
