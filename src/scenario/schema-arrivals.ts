// The schema of `demand.arrivals`: a constant rate, a profile repeating from the start or
// given per day of the week (`byDay`), and the day-to-day uncertainty of the volume
// (`dailyVolume`). Day keys are read here, so every refusal names its key.
import { z } from 'zod';
import { formatDuration, MAX_RATE_TEXT } from './units.ts';
import { claimDay, parseDays, SECONDS_PER_DAY } from './week-time.ts';
import { duration, number, obj, rate, says } from './schema-leaves.ts';

/** Largest coefficient of variation of a day's volume: beyond it a forecast says nothing. */
export const MAX_DAILY_CV = 1;

const rateList = () =>
  z
    .array(rate(), says('expected a list of rates'))
    .min(1, says('expected a list of at least one rate'));

/** `byDay` as written: day sets (mon-fri, sat, fri-mon, mon,wed) to lists of rates. */
const byDay = () =>
  z
    .record(z.string(), rateList(), says('expected a mapping of day sets to lists of rates, e.g. {mon-fri: [...], sat: [...]}'))
    .superRefine((record, ctx) => {
      const owner = new Map<number, string>();
      for (const key of Object.keys(record)) {
        const days = parseDays(key);
        if (!days.ok) {
          ctx.addIssue({ code: 'custom', path: [key], message: days.message });
          continue;
        }
        for (const day of days.value) {
          const twice = claimDay(owner, day, key);
          if (twice !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: twice });
        }
      }
    })
    .meta({ propertyNames: { type: 'string' } });

const profile = obj(
  {
    every: duration({ positive: true }).describe('Length of each period, e.g. 30m; with byDay, a length that divides a day (15m, 30m, 1h).'),
    rates: rateList()
      .optional()
      .describe(
        `Rate of each period (0 or more, at most ${MAX_RATE_TEXT}; at least one above 0), from the start of the run; the list repeats if shorter than the horizon.`,
      ),
    byDay: byDay()
      .optional()
      .describe(
        'Rates per day of the week instead of rates: day sets such as mon-fri, sat or mon,wed, each with the rates of its periods from 00:00; ' +
          'a list shorter than the day leaves the rest of the day at rate 0, days not listed have rate 0. The day of a time is that of run.start plus the time.',
      ),
  },
  'a profile {every, rates: [...]} or {every, byDay: {mon-fri: [...]}}',
)
  .meta({ oneOf: [{ required: ['rates'] }, { required: ['byDay'] }] })
  .superRefine((p, ctx) => {
    if (p.rates !== undefined && p.byDay !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['byDay'], message: 'found both rates and byDay, expected either rates (repeating from the start) or byDay (per day of the week), not both' });
      return;
    }
    if (p.rates === undefined && p.byDay === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rates'], message: 'expected a list of rates such as [300/h, 600/h] (or byDay: rates per day of the week)' });
      return;
    }
    const lists = p.rates !== undefined ? [{ path: ['rates'], rates: p.rates }] : Object.entries(p.byDay!).map(([key, rates]) => ({ path: ['byDay', key], rates }));
    // `!== 0`: a negative rate has a problem of its own already.
    if (lists.every((list) => list.rates.every((r) => r === 0))) {
      ctx.addIssue({ code: 'custom', path: p.rates !== undefined ? ['rates'] : ['byDay'], message: 'expected at least one rate greater than 0' });
    }
    if (p.byDay === undefined) return;
    const periods = SECONDS_PER_DAY / p.every;
    if (!Number.isInteger(periods)) {
      ctx.addIssue({ code: 'custom', path: ['every'], message: `found ${formatDuration(p.every)}, expected with byDay a length that divides a day, such as 15m, 30m or 1h, so that periods start at midnight` });
      return;
    }
    for (const list of lists) {
      if (list.rates.length > periods) {
        ctx.addIssue({
          code: 'custom',
          path: list.path,
          message: `found ${list.rates.length} rates, expected at most ${periods} (one day of periods of ${formatDuration(p.every)} from 00:00): a day's rates do not run into the next day`,
        });
      }
    }
  });

const dailyVolume = obj(
  {
    cv: number(`expected a coefficient of variation (sd / mean) of the day's volume from 0 to ${MAX_DAILY_CV}, e.g. 0.15`, { min: 0, max: MAX_DAILY_CV }).describe(
      `Coefficient of variation of each day's volume, 0 to ${MAX_DAILY_CV}: the day's rates are multiplied by a gamma factor of mean 1 and this cv, drawn per replication and day, the same for every design.`,
    ),
  },
  'a dailyVolume block {cv}',
);

export const arrivals = obj(
  {
    rate: rate({ positive: true })
      .optional()
      .describe(`Poisson arrivals of new issues: e.g. 600/h, or a bare number of calls per hour; at most ${MAX_RATE_TEXT}.`),
    profile: profile.optional().describe('Piecewise-constant arrival rates (non-homogeneous Poisson), repeating or per day of the week.'),
    dailyVolume: dailyVolume
      .optional()
      .describe('Forecast uncertainty: each day (midnight to midnight of the run\'s clock) has its volume multiplied by a random factor of mean 1 (default: none).'),
  },
  'arrivals {rate} or {profile}',
)
  .meta({ oneOf: [{ required: ['rate'] }, { required: ['profile'] }] })
  .superRefine((a, ctx) => {
    if (a.rate !== undefined && a.profile !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['profile'], message: 'found both rate and profile, expected either rate or profile, not both' });
    } else if (a.rate === undefined && a.profile === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'expected a rate such as 600/h (or a profile)' });
    }
  })
  .describe('How new issues arrive: a constant rate or a profile.');
