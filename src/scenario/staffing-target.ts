// One staffing target as written, `>= 0.8`, `<= 5%`, `<= 30s`: its comparison and value.
// Shared by the file's `staffing.targets` and the command line's `--target METRIC>=X`;
// which metrics exist and what unit each takes is for the metrics-aware layer to say.
import { parseDuration, type Parsed } from './units.ts';

export type TargetComparator = '>=' | '<=';

/** How the value was written: a plain number, a percentage (`80%`, stored as 0.8) or a duration (seconds). */
export type TargetWritten = 'number' | 'percent' | 'duration';

export interface TargetBound {
  readonly comparator: TargetComparator;
  readonly value: number;
  readonly written: TargetWritten;
}

export const TARGET_BOUND_EXPECTED = 'expected a bound such as ">= 0.8", ">= 80%", "<= 0.05" or "<= 30s"';

/** `>= 0.8`, `<=5%`, `<= 30s` (a bare number is allowed too: `<= 30` seconds for a time metric). */
export function parseTargetBound(text: string): Parsed<TargetBound> {
  const match = /^\s*(>=|<=)\s*(\S.*?)\s*$/.exec(text);
  if (match === null) return { ok: false, message: TARGET_BOUND_EXPECTED };
  const comparator = match[1] as TargetComparator;
  const valueText = match[2]!;
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(valueText);
  if (percent !== null) return { ok: true, value: { comparator, value: Number(percent[1]) / 100, written: 'percent' } };
  const plain = Number(valueText);
  if (valueText !== '' && Number.isFinite(plain)) return { ok: true, value: { comparator, value: plain, written: 'number' } };
  const seconds = parseDuration(valueText);
  if (seconds.ok) return { ok: true, value: { comparator, value: seconds.value, written: 'duration' } };
  return { ok: false, message: `${TARGET_BOUND_EXPECTED}; the value ${JSON.stringify(valueText)} is neither a number, a percentage nor a duration` };
}

/** `serviceLevel>=0.8` (the command line's form): the metric key and its bound. */
export function parseTargetOption(text: string): Parsed<{ readonly key: string; readonly bound: TargetBound }> {
  const at = text.search(/>=|<=/);
  if (at <= 0) return { ok: false, message: 'expected METRIC>=X or METRIC<=X, e.g. serviceLevel>=0.8 or asa<=30s' };
  const bound = parseTargetBound(text.slice(at));
  return bound.ok ? { ok: true, value: { key: text.slice(0, at).trim(), bound: bound.value } } : bound;
}
