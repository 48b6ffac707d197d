// Parsers of the scenario file's units: durations, rates and probabilities.
// Each returns the value in SI units (seconds, per second) or a message saying what is
// allowed, phrased to follow "found <value>, " in a problem report.

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Seconds per duration unit, largest first. `m` and `min` are the same unit. */
const DURATION_UNITS: Readonly<Record<string, number>> = { d: 86_400, h: 3_600, min: 60, m: 60, s: 1 };
/** Seconds per rate unit (`N/unit`). A year is 365 days. */
const RATE_UNITS: Readonly<Record<string, number>> = {
  s: 1,
  min: 60,
  h: 3_600,
  d: 86_400,
  y: 365 * 86_400,
};

/** An unsigned decimal number: `3`, `1.5`, `.5`, `1e3`. */
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;

/**
 * The longest duration a file may give: 100 years of 365 days. Nothing in a contact centre
 * lasts longer, and it keeps every sum of times far from the limits of floating point.
 */
export const MAX_DURATION = 100 * 365 * 86_400;
/** MAX_DURATION as written in messages. */
export const MAX_DURATION_TEXT = '100 years (36500d)';
/**
 * The highest arrival rate a file may give, per second: a billion calls a second. It only
 * keeps absurd values (1e300/h) out of the arithmetic; whether a run of a given size fits
 * the machine is checked before running, from the expected number of calls.
 */
export const MAX_RATE_PER_SECOND = 1e9;
/** MAX_RATE_PER_SECOND as written in messages. */
export const MAX_RATE_TEXT = '1e9/s (a billion calls a second)';

export const DURATION_EXPECTED =
  'expected a duration: a number of seconds, or a string with units such as "45s", "3m30s", "3min", "1.5h", "2d" or "1h30m" (units s, m or min, h, d)';
export const RATE_EXPECTED =
  'expected a rate: a number of calls per hour, or a string such as "600/h", "10/min", "0.2/s", "5000/d" or "1e6/y"';
const DURATION_TOO_LONG = `expected a duration of at most ${MAX_DURATION_TEXT}`;
const RATE_TOO_HIGH = `expected a rate of at most ${MAX_RATE_TEXT}`;
export const PROBABILITY_EXPECTED = 'expected a probability: a number in [0, 1]';

/** A plain decimal number as a person or a spreadsheet writes it: `12`, `-5`, `3.5`, `.5`, `1e3`. */
export const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A regular expression the strings accepted by `parseDuration` match (the converse does not
 * hold: it does not check that each part is below the unit before it). For editors.
 */
export const DURATION_PATTERN = String.raw`^\s*(${NUMBER}\s*(s|m|min|h|d)\s*)+$`;
/** A regular expression the rate strings accepted by `parseRate` match. For editors. */
export const RATE_PATTERN = String.raw`^\s*${NUMBER}\s*/\s*(s|min|h|d|y)\s*$`;

/**
 * A duration in seconds: a finite number >= 0, or a string of one or more `<number><unit>`
 * parts with units from largest to smallest, e.g. `45s`, `3m30s`, `3min`, `1.5h`, `1h30m`.
 * A part after the first must be smaller than the unit before it (`3m70s` is refused, `90s`
 * alone is fine) and only the last part may have decimals.
 */
export function parseDuration(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return fail(DURATION_EXPECTED);
    if (input < 0) return fail('expected a duration of 0 or more');
    if (input > MAX_DURATION) return fail(DURATION_TOO_LONG);
    return ok(input);
  }
  if (typeof input !== 'string') return fail(DURATION_EXPECTED);
  const text = input.trim();
  if (text === '') return fail(DURATION_EXPECTED);
  if (new RegExp(String.raw`^[+-]?${NUMBER}$`).test(text)) {
    if (text.startsWith('-')) return fail('expected a duration of 0 or more');
    return fail(`expected a unit after the number, e.g. "${text.replace(/^\+/, '')}s", or a plain number (seconds) without quotes`);
  }
  if (text.startsWith('-')) return fail('expected a duration of 0 or more');

  const part = new RegExp(String.raw`(${NUMBER})\s*([a-zA-Z]*)\s*`, 'y');
  let total = 0;
  let previousUnit: string | undefined;
  let previousHadDecimals = false;
  let index = 0;
  while (index < text.length) {
    part.lastIndex = index;
    const match = part.exec(text);
    if (!match) return fail(DURATION_EXPECTED);
    const [, numberText = '', unit = ''] = match;
    index = part.lastIndex;
    if (unit === '') {
      return previousUnit === undefined
        ? fail(`expected a unit after the number (s, m or min, h, d), e.g. "${numberText}s"`)
        : fail(`expected a unit after every number (s, m or min, h, d), e.g. "${text}s"`);
    }
    const size = DURATION_UNITS[unit];
    if (size === undefined) return fail(unknownUnitMessage(unit));
    const value = Number(numberText);
    if (previousUnit !== undefined) {
      const previousSize = DURATION_UNITS[previousUnit]!;
      if (size >= previousSize) {
        return fail(`expected units from largest to smallest, each at most once (d, h, m or min, s), e.g. "1h30m"`);
      }
      if (previousHadDecimals) return fail('expected decimals only in the last part, e.g. "1h30m" rather than "1.5h0m"');
      if (value * size >= previousSize) {
        return fail(
          `expected each part to be less than the unit before it (${numberText}${unit} is a whole ${UNIT_NAMES[previousUnit]} or more); ` +
            `write "${formatDuration(total + value * size)}"`,
        );
      }
    }
    total += value * size;
    previousUnit = unit;
    previousHadDecimals = !Number.isInteger(value);
  }
  if (!(total <= MAX_DURATION)) return fail(DURATION_TOO_LONG);
  return ok(total);
}

const UNIT_NAMES: Readonly<Record<string, string>> = { d: 'day', h: 'hour', min: 'minute', m: 'minute', s: 'second' };

function unknownUnitMessage(unit: string): string {
  const hints: Readonly<Record<string, string>> = {
    sec: 's',
    secs: 's',
    second: 's',
    seconds: 's',
    mins: 'min',
    minute: 'min',
    minutes: 'min',
    hr: 'h',
    hrs: 'h',
    hour: 'h',
    hours: 'h',
    day: 'd',
    days: 'd',
    w: 'd (a week is 7d)',
    week: 'd (a week is 7d)',
    weeks: 'd (a week is 7d)',
    ms: 's (milliseconds are not a unit here; write 0.5s)',
  };
  const hint = hints[unit.toLowerCase()] ?? (DURATION_UNITS[unit.toLowerCase()] !== undefined ? unit.toLowerCase() : undefined);
  return `expected a duration unit s, m or min, h or d, not "${unit}"${hint === undefined ? '' : ` (use ${hint})`}`;
}

/**
 * A rate in events per second. A number is calls per hour; a string is `N/unit` with unit
 * s, min, h, d or y (365 days). Rates are 0 or more.
 */
export function parseRate(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return fail(RATE_EXPECTED);
    if (input < 0) return fail('expected a rate of 0 or more');
    if (input / 3_600 > MAX_RATE_PER_SECOND) return fail(RATE_TOO_HIGH);
    return ok(input / 3_600);
  }
  if (typeof input !== 'string') return fail(RATE_EXPECTED);
  const text = input.trim();
  const match = new RegExp(String.raw`^([+-]?${NUMBER})\s*(?:/\s*([a-zA-Z]*))?$`).exec(text);
  if (!match) return fail(RATE_EXPECTED);
  const [, numberText = '', unit] = match;
  const value = Number(numberText);
  if (value < 0) return fail('expected a rate of 0 or more');
  if (unit === undefined) {
    return fail(`expected a time unit after the number, e.g. "${numberText}/h", or a plain number (calls per hour) without quotes`);
  }
  const size = RATE_UNITS[unit];
  if (size === undefined) {
    const hint = unit === 'm' ? ' (use /min for per minute)' : unit === '' ? '' : rateUnitHint(unit);
    return fail(`expected a rate unit /s, /min, /h, /d or /y${unit === '' ? '' : `, not "/${unit}"`}${hint}`);
  }
  if (!(value / size <= MAX_RATE_PER_SECOND)) return fail(RATE_TOO_HIGH);
  return ok(value / size);
}

function rateUnitHint(unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('sec')) return ' (use /s)';
  if (u.startsWith('min')) return ' (use /min)';
  if (u.startsWith('h')) return ' (use /h)';
  if (u.startsWith('d')) return ' (use /d)';
  if (u.startsWith('y')) return ' (use /y)';
  if (u.startsWith('w')) return ' (write it per day: a week is 7 days)';
  if (u.startsWith('mo')) return ' (write it per day or per year: months differ in length)';
  return '';
}

/** A probability: a finite number in [0, 1]. */
export function parseProbability(input: unknown): Parsed<number> {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= 1) return ok(input);
  if (typeof input === 'string') {
    const percent = /^\s*(\d+(?:\.\d*)?)\s*%\s*$/.exec(input);
    if (percent) return fail(`${PROBABILITY_EXPECTED} (write ${Number(percent[1]) / 100} rather than "${input.trim()}")`);
  }
  return fail(PROBABILITY_EXPECTED);
}

/** A duration in seconds written the way a scenario file would, e.g. 210 -> "3m30s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return String(seconds);
  if (seconds === 0) return '0s';
  if (!Number.isInteger(seconds)) return `${+seconds.toFixed(3)}s`;
  let rest = seconds;
  let out = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}
