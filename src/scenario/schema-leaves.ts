// The leaves of the scenario schema (durations, rates, probabilities, counts, names), each
// with the message of what it allows.
import { z } from 'zod';
import { didYouMean, listNames } from './errors.ts';
import { DURATION_EXPECTED, DURATION_PATTERN, MAX_DURATION, MAX_RATE_PER_SECOND, PROBABILITY_EXPECTED, RATE_EXPECTED, RATE_PATTERN, parseDuration, parseProbability, parseRate } from './units.ts';

// Leaves. Every message is an "expected ..." clause; the problem report puts
// "found <value>, " in front of it.

type ErrorFn = (issue: { readonly input?: unknown; readonly code?: string }) => string | undefined;
export const says = (text: string): { error: string } => ({ error: text });

/** A strict object (unknown keys refused with a suggestion among the allowed keys). */
export function obj<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `found unknown key ${JSON.stringify(key)}${unknownKeyHint(key, allowed)}`).join('\n')
        : `expected ${what}`,
  });
}

function unknownKeyHint(key: string, allowed: readonly string[]): string {
  return didYouMean(key, allowed) || `; expected one of: ${listNames(allowed, 20)}`;
}

/**
 * The message of a duration or a rate that is neither a finite number nor a string: the
 * parser's own for `.inf` and `-.inf` (which the number schema refuses before it), else
 * `expected`.
 */
function nonFinite(parse: (input: unknown) => { ok: boolean; message?: string }, expected: string): ErrorFn {
  return (issue) => {
    if (typeof issue.input !== 'number') return expected;
    const parsed = parse(issue.input);
    return parsed.ok || parsed.message === undefined ? expected : parsed.message;
  };
}

/** Durations: a number of seconds or a string with units, to seconds. */
export function duration(options: { positive?: boolean; orNone?: boolean } = {}) {
  return z
    .union([z.number(), z.string()], { error: nonFinite(parseDuration, DURATION_EXPECTED) })
    .transform((input, ctx) => {
      const parsed = parseDuration(input);
      if (!parsed.ok) {
        const message =
          options.orNone === true && parsed.message === DURATION_EXPECTED
            ? `expected "none" or ${DURATION_EXPECTED.slice('expected '.length)}`
            : parsed.message;
        ctx.issues.push({ code: 'custom', message, input });
        return z.NEVER;
      }
      if (options.positive === true && parsed.value <= 0) {
        ctx.issues.push({ code: 'custom', message: 'expected a duration greater than 0', input });
        return z.NEVER;
      }
      return parsed.value;
    })
    .meta({ pattern: DURATION_PATTERN, minimum: 0, maximum: MAX_DURATION });
}

/** Rates: calls per hour as a number, or `N/s`, `N/min`, `N/h`, `N/d`, `N/y`; to per second. */
export function rate(options: { positive?: boolean } = {}) {
  return z
    .union([z.number(), z.string()], { error: nonFinite(parseRate, RATE_EXPECTED) })
    .transform((input, ctx) => {
      const parsed = parseRate(input);
      if (!parsed.ok) {
        ctx.issues.push({ code: 'custom', message: parsed.message, input });
        return z.NEVER;
      }
      if (options.positive === true && parsed.value <= 0) {
        ctx.issues.push({ code: 'custom', message: 'expected a rate greater than 0', input });
        return z.NEVER;
      }
      return parsed.value;
    })
    .meta({ pattern: RATE_PATTERN, minimum: 0, maximum: MAX_RATE_PER_SECOND * 3_600 });
}

const probabilityError: ErrorFn = (issue) => {
  const parsed = parseProbability(issue.input);
  return parsed.ok ? PROBABILITY_EXPECTED : parsed.message;
};
export const probability = () =>
  z.number({ error: probabilityError }).min(0, { error: probabilityError }).max(1, { error: probabilityError });

/** A number (not a duration) with bounds, e.g. a coefficient of variation. */
export function number(expected: string, bounds: { min?: number; gt?: number; max: number }) {
  let schema = z.number(says(expected));
  if (bounds.min !== undefined) schema = schema.min(bounds.min, says(expected));
  if (bounds.gt !== undefined) schema = schema.gt(bounds.gt, says(expected));
  return schema.max(bounds.max, says(expected));
}

/**
 * A whole number in [min, max]; every refusal gives the whole range, e.g. "expected a whole
 * number of agents from 1 to 1000000".
 * @param what what is counted, e.g. " of agents" (or "")
 */
export function integer(what: string, min: number, max: number) {
  const expected = says(integerExpected(what, min, max));
  return z.number(expected).int(expected).min(min, expected).max(max, expected);
}

export function integerExpected(what: string, min: number, max: number): string {
  return `expected a whole number${what} from ${min} to ${max}`;
}

export const boolean = () => z.boolean(says('expected true or false'));

export const name = (what: string) => z.string(says(`expected ${what}`)).min(1, says(`expected ${what} (not empty)`));

export function nonEmptyRecord<V extends z.core.SomeType>(value: V, what: string) {
  return z
    .record(z.string(), value, says(`expected a mapping of ${what} by name`))
    .refine((record) => Object.keys(record).length > 0, says(`expected at least one of ${what}`));
}
