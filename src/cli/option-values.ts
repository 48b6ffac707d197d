// Command-line numbers and durations from the text typed: read as the scenario files read
// them (a bare number of seconds is a duration), and refused quoting what was typed. The
// options are declared as strings taking one value each, so that yargs neither turns
// "abc" into NaN nor reads "-5m" as the flags -5 and -m.
import { InputError, MAX_SEED, parseDuration, PLAIN_DECIMAL, type Parsed } from '../scenario/index.ts';

/** What yargs declares for an option whose value is read here. */
export const TEXT_VALUE = { type: 'string', nargs: 1 } as const;

/**
 * The number typed for `flag`, undefined when the option is not given; its range is checked
 * by the caller.
 * @param expected what is allowed, following "expected " in the message
 * @throws InputError when the text is not a number (or yargs collected several values)
 */
export function numberOption(flag: string, text: string | undefined, expected: string): number | undefined {
  if (text === undefined) return undefined;
  const value = single(flag, text).trim();
  if (!PLAIN_DECIMAL.test(value)) throw new InputError(`${flag}: found ${shown(text)}, expected ${expected}`);
  return Number(value);
}

/** A whole number of at least `min`, undefined when the option is not given. */
export function wholeNumberOption(flag: string, text: string | undefined, min: number): number | undefined {
  const expected = `a whole number of ${min} or more`;
  const value = numberOption(flag, text, expected);
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= min)) {
    throw new InputError(`${flag}: found ${shown(text!)}, expected ${expected}`);
  }
  return value;
}

/**
 * --seed: read exactly. Above 2^53 − 1 a number loses its last digits, so a larger seed is
 * refused as typed instead of silently becoming another one; the range is checked with the
 * file's run.seed.
 */
export function seedOption(text: string | undefined): number | undefined {
  const expected = `a whole number from 0 to ${MAX_SEED}`;
  const value = numberOption('--seed', text, expected);
  if (value !== undefined && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new InputError(`--seed: found ${shown(text!)}, expected ${expected} (larger numbers cannot be read exactly)`);
  }
  return value;
}

/**
 * A duration option, as a file gives one: a number of seconds (`240`) or a string with units
 * (`4m`); above 0 unless `zero` allows 0.
 */
export function durationOption(flag: string, text: string, zero: 'zero allowed' | 'above zero' = 'above zero'): number {
  const trimmed = single(flag, text).trim();
  const allowed = zero === 'zero allowed' ? 'of 0 or more' : 'above 0';
  const parsed = durationText(trimmed);
  if (trimmed.startsWith('-') || (parsed.ok && zero === 'above zero' && !(parsed.value > 0))) {
    throw new InputError(`${flag}: found ${shown(text)}, expected a duration ${allowed}`);
  }
  if (!parsed.ok) throw new InputError(`${flag}: found ${shown(text)}, ${parsed.message}`);
  return parsed.value;
}

/** A duration typed as a file gives one: a bare number is seconds. */
export function durationText(text: string): Parsed<number> {
  const trimmed = text.trim();
  return parseDuration(PLAIN_DECIMAL.test(trimmed) ? Number(trimmed) : trimmed);
}

/** The text as typed: a number as it is, anything else quoted. */
function shown(text: string): string {
  return PLAIN_DECIMAL.test(text.trim()) ? text.trim() : JSON.stringify(text);
}

/** The one value of an option: yargs collects an option given twice into a list. */
function single(flag: string, text: string | readonly string[]): string {
  if (!Array.isArray(text)) return text as string;
  throw new InputError(`${flag}: found ${text.length} values (${text.map((t) => JSON.stringify(String(t))).join(', ')}), expected the option once`);
}
