// The scenario file format as a zod schema: shapes, units, defaults and the messages of
// what each field allows. The JSON Schema made from it documents everything an author may
// write. Checks across fields (names, shares, overflow rules) are in `cross-checks.ts`;
// empirical files are read in `empirical-files.ts`.
import { z } from 'zod';
import { didYouMean, listNames } from './errors.ts';
import {
  DURATION_EXPECTED,
  DURATION_PATTERN,
  MAX_DURATION,
  MAX_DURATION_TEXT,
  MAX_RATE_PER_SECOND,
  MAX_RATE_TEXT,
  PROBABILITY_EXPECTED,
  RATE_EXPECTED,
  RATE_PATTERN,
  parseDuration,
  parseProbability,
  parseRate,
} from './units.ts';
import { looksLikeRange, parseRange, RANGE_PATTERN } from './sweep-values.ts';

// ---------------------------------------------------------------------------------------
// Defaults that the contract leaves to the implementation.

/** Replications when `run.replications` is absent. */
export const DEFAULT_REPLICATIONS = 10;
/** Seed when `run.seed` is absent. */
export const DEFAULT_SEED = 1;
/** Most transfers of one call when `transfer.maxHops` is absent (the contract's default). */
export const DEFAULT_MAX_HOPS = 3;
/** `run.maxReplications` is this many times `run.replications` when absent (at most MAX_REPLICATIONS). */
export const DEFAULT_MAX_REPLICATIONS_FACTOR = 10;

// ---------------------------------------------------------------------------------------
// Limits. Far beyond any real contact centre, they refuse at load a value that would make
// a run last for ever or its arithmetic overflow (durations and rates: see units.ts).

/** Most agents of one team (or of one period of its schedule). */
export const MAX_AGENTS = 1_000_000;
/** Most replications of a run (`replications`, `maxReplications`). */
export const MAX_REPLICATIONS = 100_000;
/** Largest seed: the largest integer a double holds exactly (2^53 - 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** Most waiting places of a team's queue. */
export const MAX_QUEUE_CAPACITY = 10_000_000;
/** Most transfers of one call (`maxHops`). */
export const MAX_HOPS = 100;
/** Most phases of an Erlang distribution (each draw costs one exponential per phase). */
export const MAX_ERLANG_K = 1_000;
/** Largest coefficient of variation of a lognormal or gamma distribution. */
export const MAX_CV = 100;
/** Largest cost of one agent-hour. */
export const MAX_COST_PER_HOUR = 1_000_000;

// ---------------------------------------------------------------------------------------
// Leaves. Every message is an "expected ..." clause; the problem report puts
// "found <value>, " in front of it.

type ErrorFn = (issue: { readonly input?: unknown; readonly code?: string }) => string | undefined;
const says = (text: string): { error: string } => ({ error: text });

/** A strict object (unknown keys refused with a suggestion among the allowed keys). */
function obj<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
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
function duration(options: { positive?: boolean; orNone?: boolean } = {}) {
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
function rate(options: { positive?: boolean } = {}) {
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
const probability = () =>
  z.number({ error: probabilityError }).min(0, { error: probabilityError }).max(1, { error: probabilityError });

/** A number (not a duration) with bounds, e.g. a coefficient of variation. */
function number(expected: string, bounds: { min?: number; gt?: number; max: number }) {
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
function integer(what: string, min: number, max: number) {
  const expected = says(integerExpected(what, min, max));
  return z.number(expected).int(expected).min(min, expected).max(max, expected);
}

function integerExpected(what: string, min: number, max: number): string {
  return `expected a whole number${what} from ${min} to ${max}`;
}

const boolean = () => z.boolean(says('expected true or false'));

const name = (what: string) => z.string(says(`expected ${what}`)).min(1, says(`expected ${what} (not empty)`));

function nonEmptyRecord<V extends z.core.SomeType>(value: V, what: string) {
  return z
    .record(z.string(), value, says(`expected a mapping of ${what} by name`))
    .refine((record) => Object.keys(record).length > 0, says(`expected at least one of ${what}`));
}

// ---------------------------------------------------------------------------------------
// Distributions.

export const DISTRIBUTION_KINDS = [
  'exponential',
  'lognormal',
  'gamma',
  'erlang',
  'uniform',
  'triangular',
  'fixed',
  'empirical',
] as const;

/** A distribution as validated data, all durations in seconds. */
export type DistributionSpec =
  | { readonly dist: 'fixed'; readonly value: number }
  | { readonly dist: 'exponential'; readonly mean: number }
  | { readonly dist: 'lognormal'; readonly mean: number; readonly cv?: number | undefined; readonly sd?: number | undefined }
  | { readonly dist: 'gamma'; readonly mean: number; readonly cv: number }
  | { readonly dist: 'erlang'; readonly mean: number; readonly k: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | {
      readonly dist: 'empirical';
      readonly values?: readonly number[] | undefined;
      readonly file?: string | undefined;
    };

export const ZERO: DistributionSpec = { dist: 'fixed', value: 0 };

const kind = <K extends (typeof DISTRIBUTION_KINDS)[number]>(k: K, text: string) =>
  z.literal(k, says(`expected "${k}"`)).describe(text);
const mean = () => duration({ positive: true }).describe('Mean (a duration greater than 0).');

const distributionObject = z.discriminatedUnion(
  'dist',
  [
    obj(
      {
        dist: kind('fixed', 'Always the same value.'),
        value: duration().describe('The value (a duration).'),
      },
      'a fixed distribution {dist: fixed, value}',
    ),
    obj(
      {
        dist: kind('exponential', 'Exponential: memoryless, coefficient of variation 1.'),
        mean: mean(),
      },
      'an exponential distribution {dist: exponential, mean}',
    ),
    obj(
      {
        dist: kind('lognormal', 'Lognormal, given its mean and either its cv or its sd.'),
        mean: mean(),
        cv: number(`expected a coefficient of variation (sd / mean) from 0 to ${MAX_CV}`, { min: 0, max: MAX_CV })
          .optional()
          .describe(`Coefficient of variation (sd / mean), a number from 0 to ${MAX_CV}; give cv or sd, not both.`),
        sd: duration().optional().describe('Standard deviation (a duration); give cv or sd, not both.'),
      },
      'a lognormal distribution {dist: lognormal, mean, cv} or {dist: lognormal, mean, sd}',
    ).superRefine((d, ctx) => {
      if (d.cv !== undefined && d.sd !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sd'], message: 'expected either cv or sd, not both' });
      } else if (d.cv === undefined && d.sd === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'expected a cv or an sd as well as the mean' });
      }
    }),
    obj(
      {
        dist: kind('gamma', 'Gamma, given its mean and coefficient of variation.'),
        mean: mean(),
        cv: number(`expected a coefficient of variation (sd / mean) greater than 0 and at most ${MAX_CV}`, {
          gt: 0,
          max: MAX_CV,
        }).describe(`Coefficient of variation (sd / mean), a number greater than 0 and at most ${MAX_CV}.`),
      },
      'a gamma distribution {dist: gamma, mean, cv}',
    ),
    obj(
      {
        dist: kind('erlang', 'Erlang-k: the sum of k exponential phases.'),
        mean: mean(),
        k: integer(' of phases', 1, MAX_ERLANG_K).describe(`Number of phases, a whole number from 1 to ${MAX_ERLANG_K}.`),
      },
      'an Erlang distribution {dist: erlang, mean, k}',
    ),
    obj(
      {
        dist: kind('uniform', 'Uniform between min and max.'),
        min: duration().describe('Smallest value (a duration).'),
        max: duration().describe('Largest value (a duration), at least min.'),
      },
      'a uniform distribution {dist: uniform, min, max}',
    ).superRefine((d, ctx) => {
      if (d.min > d.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'expected a max at least as large as min' });
    }),
    obj(
      {
        dist: kind('triangular', 'Triangular between min and max, most likely at mode.'),
        min: duration().describe('Smallest value (a duration).'),
        mode: duration().describe('Most likely value (a duration), between min and max.'),
        max: duration().describe('Largest value (a duration), more than min.'),
      },
      'a triangular distribution {dist: triangular, min, mode, max}',
    ).superRefine((d, ctx) => {
      if (d.min >= d.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'expected a max larger than min' });
      else if (d.mode < d.min) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'expected a mode at least min' });
      else if (d.mode > d.max) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'expected a mode at most max' });
    }),
    obj(
      {
        dist: kind('empirical', 'Resamples observed values uniformly: give values, or a CSV file.'),
        values: z
          .array(duration(), says('expected a list of durations'))
          .min(1, says('expected a list of at least one duration'))
          .optional()
          .describe('The observed values (durations).'),
        file: name('the path of a CSV file of observed values')
          .optional()
          .describe(
            "A one-column CSV file of observed values in seconds (an optional header line, blank lines ignored), relative to the scenario file's directory.",
          ),
      },
      'an empirical distribution {dist: empirical, values: [...]} or {dist: empirical, file: path.csv}',
    )
      .meta({ oneOf: [{ required: ['values'] }, { required: ['file'] }] })
      .superRefine((d, ctx) => {
      if (d.values !== undefined && d.file !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['file'], message: 'found both values and file, expected either values or file, not both' });
      } else if (d.values === undefined && d.file === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'expected values: [...] (or file: path.csv)' });
      }
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `expected "dist" to be one of: ${DISTRIBUTION_KINDS.join(', ')}`
        : 'expected a distribution such as {dist: exponential, mean: 3m}',
  },
).meta({ id: 'distribution', title: 'Distribution', description: `A distribution of durations: {dist: ${DISTRIBUTION_KINDS.join(' | ')}, ...}.` });

const DISTRIBUTION_EXPECTED = `expected a duration (e.g. 3m) or a distribution such as {dist: exponential, mean: 3m} (dist: ${DISTRIBUTION_KINDS.join(', ')})`;

/** A duration (a fixed value) or a distribution object. */
const distribution = (options: { orNone?: boolean } = {}) =>
  z
    .union([duration(options), distributionObject], says(DISTRIBUTION_EXPECTED))
    .transform((d): DistributionSpec => (typeof d === 'number' ? { dist: 'fixed', value: d } : d));

/** `none` (nobody abandons) or a distribution of how long a caller waits before abandoning. */
const patience = () =>
  z.union([z.literal('none'), distribution({ orNone: true })], says(`expected "none" or ${DISTRIBUTION_EXPECTED.slice('expected '.length)}`));

// ---------------------------------------------------------------------------------------
// The file.

/** Metric names as the loader accepts them; which ones exist is for the metrics layer to say. */
export const METRIC_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

const HALF_WIDTH_EXPECTED =
  'expected a target half-width greater than 0: a number for a share or a ratio (e.g. 0.005), or a duration for a time (e.g. "5s")';

/** A target half-width: a number as written, or a duration string in seconds. */
const halfWidth = () =>
  z
    .union([z.number(), z.string()], says(HALF_WIDTH_EXPECTED))
    .transform((input, ctx): { halfWidth: number; written: 'duration' | 'number' } => {
      if (typeof input === 'number') {
        if (!(input > 0)) ctx.issues.push({ code: 'custom', message: HALF_WIDTH_EXPECTED, input });
        return { halfWidth: input, written: 'number' };
      }
      const parsed = parseDuration(input);
      if (!parsed.ok) {
        ctx.issues.push({ code: 'custom', message: parsed.message === DURATION_EXPECTED ? HALF_WIDTH_EXPECTED : parsed.message, input });
        return z.NEVER;
      }
      if (!(parsed.value > 0)) {
        ctx.issues.push({ code: 'custom', message: 'expected a duration greater than 0', input });
        return z.NEVER;
      }
      return { halfWidth: parsed.value, written: 'duration' };
    })
    .meta({ anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'string', pattern: DURATION_PATTERN }] });

function precisionTargets() {
  return z
    .record(z.string(), halfWidth(), says('expected a mapping of target half-widths by metric name, e.g. {waitMean: 5s, abandonRate: 0.005}'))
    .superRefine((record, ctx) => {
      for (const key of Object.keys(record)) {
        if (!METRIC_NAME_PATTERN.test(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `found the metric name ${JSON.stringify(key)}, expected a design metric name of letters and digits such as waitMean or abandonRate`,
          });
        }
      }
    })
    .meta({ propertyNames: { type: 'string', pattern: METRIC_NAME_PATTERN.source } });
}

const run = obj(
  {
    horizon: duration({ positive: true }).describe(`New issues arrive in [0, horizon), e.g. 8h; at most ${MAX_DURATION_TEXT}.`),
    warmup: duration()
      .default(0)
      .describe('Issues first arriving before warmup are simulated but not counted: less than horizon (default 0).'),
    drain: boolean()
      .default(true)
      .describe('After the horizon, calls already in progress finish (default true).'),
    replications: integer(' of replications', 1, MAX_REPLICATIONS)
      .default(DEFAULT_REPLICATIONS)
      .describe(
        `Independent runs, 1 to ${MAX_REPLICATIONS}; every metric gets a mean and a 95% CI (default ${DEFAULT_REPLICATIONS}).`,
      ),
    seed: integer('', 0, MAX_SEED)
      .default(DEFAULT_SEED)
      .describe(
        `A whole number from 0 to ${MAX_SEED} (2^53 - 1): same file and same seed give identical output, byte for byte (default ${DEFAULT_SEED}).`,
      ),
    serviceLevel: duration()
      .default(20)
      .describe('Threshold of the service-level metric (default 20s).'),
    precision: precisionTargets()
      .optional()
      .describe(
        'Target 95% half-widths by design metric, e.g. {waitMean: 5s, abandonRate: 0.005}: a run may add replications, up to maxReplications, until every target is met. A duration for time metrics, a number for shares and ratios.',
      ),
    maxReplications: integer(' of replications', 1, MAX_REPLICATIONS)
      .optional()
      .describe(
        `Most replications a run aiming at precision may make: at least replications, at most ${MAX_REPLICATIONS} (default ${DEFAULT_MAX_REPLICATIONS_FACTOR} x replications, up to ${MAX_REPLICATIONS}).`,
      ),
  },
  'a run block {horizon, warmup, drain, replications, seed, serviceLevel, precision, maxReplications}',
);

const afterBlock = (probabilityText: string, afterText: string) =>
  obj(
    {
      probability: probability().describe(probabilityText),
      after: distribution().describe(afterText),
    },
    `a block {probability, after}`,
  );

const intent = obj(
  {
    share: probability().describe('Share of new issues with this intent; shares sum to 1.'),
    handle: distribution().describe("Talk time when an agent with the intent's skill takes the call (a distribution)."),
    resolve: probability()
      .default(1)
      .describe('Probability that a call answered by a skilled agent resolves the issue (default 1).'),
    wrapUp: distribution()
      .default(ZERO)
      .describe('After-call work: the agent stays busy after the caller hangs up (a distribution, default 0).'),
    selfService: probability()
      .default(0)
      .describe("Share of this intent's calls that an IVR with selfService: true resolves without an agent (default 0)."),
    patience: patience()
      .optional()
      .describe('Overrides demand.patience for this intent: "none" or a distribution.'),
  },
  'an intent {share, handle, resolve, wrapUp, selfService, patience}',
);

const demand = obj(
  {
    arrivals: obj(
      {
        rate: rate({ positive: true })
          .optional()
          .describe(`Poisson arrivals of new issues: e.g. 600/h, or a bare number of calls per hour; at most ${MAX_RATE_TEXT}.`),
        profile: obj(
          {
            every: duration({ positive: true }).describe('Length of each period, e.g. 30m.'),
            rates: z
              .array(rate(), says('expected a list of rates'))
              .min(1, says('expected a list of at least one rate'))
              // `!== 0`: a negative rate has a problem of its own already.
              .refine((rates) => rates.some((r) => r !== 0), says('expected at least one rate greater than 0'))
              .describe(
                `Rate of each period (0 or more, at most ${MAX_RATE_TEXT}; at least one above 0); the list repeats if shorter than the horizon.`,
              ),
          },
          'a profile {every, rates: [...]}',
        )
          .optional()
          .describe('Piecewise-constant arrival rates (non-homogeneous Poisson).'),
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
      .describe('How new issues arrive: a constant rate or a profile.'),
    intents: nonEmptyRecord(intent, 'intents').describe('Why people call, by intent name; shares sum to 1.'),
    patience: patience()
      .optional()
      .describe('How long a caller waits in a queue before abandoning: "none" (default) or a distribution.'),
    retry: afterBlock(
      'Probability that a caller who abandons (or gets a busy signal) calls again.',
      'Time until the new call (a distribution); also the time before a caller told to redial calls the right number.',
    )
      .optional()
      .describe('Callers who abandon or get a busy signal may call again (default: nobody does).'),
    callback: afterBlock(
      'Probability that an unresolved issue calls back.',
      'Time until the new call (a distribution).',
    )
      .optional()
      .describe('Unresolved issues call back as a new call of the same issue (default: nobody does).'),
  },
  'a demand block {arrivals, intents, patience, retry, callback}',
);

const team = obj(
  {
    agents: z
      .union(
        [
          integer(' of agents', 1, MAX_AGENTS),
          obj(
            {
              every: duration({ positive: true }).describe('Length of each period of the schedule.'),
              counts: z
                .array(integer(' of agents', 0, MAX_AGENTS), says('expected a list of agent counts'))
                .min(1, says('expected a list of at least one agent count'))
                // `!== 0`: a negative count has a problem of its own already.
                .refine((counts) => counts.some((c) => c !== 0), says('expected at least one count greater than 0'))
                .describe(
                  `Agents on duty in each period (whole numbers from 0 to ${MAX_AGENTS}, at least one above 0); the list repeats if shorter than the horizon.`,
                ),
            },
            'a schedule {every, counts: [...]}',
          ),
        ],
        says(`${integerExpected(' of agents', 1, MAX_AGENTS)} (or a schedule {every, counts})`),
      )
      .describe(
        `Number of agents, 1 to ${MAX_AGENTS}, or a schedule {every: 30m, counts: [4, 6, 10, ...]} (0 to ${MAX_AGENTS} in each period).`,
      ),
    skills: z
      .array(name('an intent name'), says('expected a list of intent names'))
      .min(1, says('expected a list of at least one intent name'))
      .describe('Intents this team can handle.'),
    wrapUp: distribution()
      .optional()
      .describe("Overrides the intents' wrap-up time for calls this team handles (a distribution)."),
    costPerHour: number(`expected a cost per agent-hour from 0 to ${MAX_COST_PER_HOUR}`, { min: 0, max: MAX_COST_PER_HOUR })
      .optional()
      .describe(`Cost of one staffed agent-hour (a number from 0 to ${MAX_COST_PER_HOUR}), for costPerResolved.`),
    queueCapacity: integer(' of waiting places', 0, MAX_QUEUE_CAPACITY)
      .optional()
      .describe(
        `Callers beyond this many waiting get a busy signal (a whole number from 0 to ${MAX_QUEUE_CAPACITY}; 0: no waiting at all; default: no limit).`,
      ),
  },
  'a team {agents, skills, wrapUp, costPerHour, queueCapacity}',
).meta({ id: 'team', title: 'Team', description: 'A team: one FCFS queue served by its agents.' });

const teams = () => nonEmptyRecord(team, 'teams');

const phoneNumber = obj(
  {
    dial: z
      .string(says('expected a quoted string such as "3631" (quote numbers so that leading zeros are kept)'))
      .min(1, says('expected the number as dialled, e.g. "3631"'))
      .describe('The number as dialled, quoted, e.g. "09 69 32 15 15".'),
    to: name('a team name or "ivr"').describe('Where calls to this number go: a team of the design, or ivr.'),
    for: z
      .array(name('an intent name'), says('expected a list of intent names'))
      .min(1, says('expected a list of at least one intent name (or no "for" for every intent)'))
      .optional()
      .describe('Intents this number is advertised for (every intent when absent).'),
  },
  'a number {dial, to, for}',
);

const design = obj(
  {
    numbers: z
      .array(phoneNumber, says('expected a list of numbers'))
      .min(1, says('expected a list of at least one number'))
      .describe('The published numbers: {dial, to, for}.'),
    dialing: obj(
      {
        right: probability()
          .default(1)
          .describe('Probability that a caller dials a number advertised for their intent; otherwise a uniformly chosen other number (default 1).'),
      },
      'a dialing block {right}',
    )
      .default({ right: 1 })
      .describe('How callers choose a number.'),
    ivr: obj(
      {
        menu: distribution().describe('Time the caller spends in the menu (a distribution).'),
        accuracy: probability().describe("Probability the IVR routes a caller to a team with the intent's skill; else a uniformly chosen other team."),
        selfService: boolean()
          .default(false)
          .describe("Whether the IVR resolves each intent's selfService share without an agent (default false)."),
      },
      'an ivr block {menu, accuracy, selfService}',
    )
      .optional()
      .describe('The IVR that numbers with to: ivr reach.'),
    misroute: obj(
      {
        identify: distribution()
          .default(ZERO)
          .describe('Time an agent spends finding out the call is not for the team (a distribution, default 0).'),
        action: z
          .enum(['transfer', 'redial'], says('expected "transfer" or "redial"'))
          .default('transfer')
          .describe(
            'transfer: the agent transfers the call; redial: the caller hangs up and dials the right number after demand.retry.after, which a retry block must give (default transfer).',
          ),
      },
      'a misroute block {identify, action}',
    )
      .default({ identify: ZERO, action: 'transfer' })
      .describe("What happens when an agent receives a call outside the team's skills."),
    transfer: obj(
      {
        delay: distribution().default(ZERO).describe('Time in transit (a distribution, default 0).'),
        reexplain: distribution()
          .default(ZERO)
          .describe("Added to a transferred caller's handle time (a distribution, default 0)."),
        drop: probability().default(0).describe('Probability that a transferred caller is lost (default 0).'),
        priority: boolean()
          .default(false)
          .describe('Transferred callers go ahead of first-time callers in the next queue (default false).'),
        accuracy: probability()
          .default(1)
          .describe('Probability a transfer reaches a team with the right skill; else a uniformly chosen other team (default 1).'),
        mode: z
          .enum(['cold', 'warm'], says('expected "cold" or "warm"'))
          .default('cold')
          .describe('cold, or warm: the transferring agent stays on the line during delay (default cold).'),
        maxHops: integer(' of transfers', 1, MAX_HOPS)
          .default(DEFAULT_MAX_HOPS)
          .describe(
            `A call that would need more transfers than this ends unresolved (1 to ${MAX_HOPS}, default ${DEFAULT_MAX_HOPS}).`,
          ),
      },
      'a transfer block {delay, reexplain, drop, priority, accuracy, mode, maxHops}',
    )
      .default({ delay: ZERO, reexplain: ZERO, drop: 0, priority: false, accuracy: 1, mode: 'cold', maxHops: DEFAULT_MAX_HOPS })
      .describe('How misrouted callers are transferred.'),
    teams: teams()
      .optional()
      .describe("This design's own teams, replacing the top-level teams."),
    overflow: z
      .array(
        obj(
          {
            from: name('a team name').describe("The team whose waiting callers may be taken (a team of this design)."),
            to: name('a team name').describe('The team whose idle agents may take them (another team of this design, sharing a skill with from).'),
            after: duration().describe('Minimum wait before a caller may overflow (a duration, 0 or more).'),
          },
          'an overflow rule {from, to, after}',
        ),
        says('expected a list of overflow rules'),
      )
      .optional()
      .describe("Agents of `to` with no caller of their own waiting may take callers of `from` who have waited `after`, when they have the caller's skill (default: none)."),
    continuity: boolean()
      .default(false)
      .describe('Repeat calls of an issue skip the IVR and reach the team that last handled it (default false).'),
    handleCap: duration({ positive: true })
      .optional()
      .describe('Calls longer than this end unresolved (a duration greater than 0; default: no cap).'),
  },
  'a design {numbers, dialing, ivr, misroute, transfer, teams, overflow, continuity, handleCap}',
);

// ---------------------------------------------------------------------------------------
// Sweeps. Paths are checked against the file's data by the loader (sweep-paths.ts).

const SWEEP_VALUES_EXPECTED =
  'expected a list of values such as [0.7, 0.8, 0.9] or a range such as "8..16" or "0.5..1:0.1" (a single value is written [value])';
const SWEEP_SCALAR_EXPECTED =
  'expected a number, a text or true/false (to vary a distribution or a block, sweep one of its fields, e.g. demand.patience.mean)';

const sweepValues = () =>
  z
    .union(
      [
        z
          .array(z.union([z.number(), z.string(), z.boolean()], says(SWEEP_SCALAR_EXPECTED)), says(SWEEP_VALUES_EXPECTED))
          .min(1, says('expected a list of at least one value'))
          .superRefine((values, ctx) => {
            values.forEach((value, i) => {
              const first = values.indexOf(value);
              if (typeof value === 'string' && looksLikeRange(value)) {
                ctx.addIssue({
                  code: 'custom',
                  path: [i],
                  message: 'expected a value: a range is written alone, in place of the list, not as an item of it',
                });
              } else if (first < i) {
                ctx.addIssue({ code: 'custom', path: [i], message: `expected each value once (item ${first} is the same)` });
              }
            });
          }),
        z
          .string(says(SWEEP_VALUES_EXPECTED))
          .transform((text, ctx): unknown[] => {
            if (!looksLikeRange(text)) {
              ctx.issues.push({ code: 'custom', message: SWEEP_VALUES_EXPECTED, input: text });
              return z.NEVER;
            }
            const range = parseRange(text);
            if (!range.ok) {
              ctx.issues.push({ code: 'custom', message: range.message, input: text });
              return z.NEVER;
            }
            return range.value;
          })
          .meta({ pattern: RANGE_PATTERN }),
      ],
      says(SWEEP_VALUES_EXPECTED),
    )
    .transform((values): unknown[] => values);

const sweepBlock = () =>
  z.record(z.string(), sweepValues(), says('expected a mapping of field paths to values, e.g. {teams.billing.agents: "8..16"}'));

export const scenarioSchema = obj(
  {
    name: name('a scenario name').describe('The name of the scenario, shown in reports.'),
    description: z.string(says('expected a text')).optional().describe('Free text.'),
    run: run.describe('Run settings: horizon, warmup, drain, replications, seed, serviceLevel.'),
    demand: demand.describe('Arrivals, intents and caller behaviour; the same in every design.'),
    teams: teams()
      .optional()
      .describe('Teams by name; a design may bring its own teams instead.'),
    designs: nonEmptyRecord(design, 'designs').describe(
      'Routing designs by name, all run on the same demand; the first is the baseline of comparisons.',
    ),
    sweep: sweepBlock()
      .optional()
      .describe(
        'Parameter sweep (spoc sweep): dotted field paths of this file (e.g. teams.billing.agents) to the values to try: a list such as [0.7, 0.8, 0.9] or a range such as "8..16" or "0.5..1:0.1"; every design runs at every combination.',
      ),
  },
  'a scenario {name, description, run, demand, teams, designs, sweep}',
);

/** The validated file, with units converted to seconds and per-second rates and defaults filled in. */
export type ScenarioInput = z.output<typeof scenarioSchema>;
export type DesignInput = ScenarioInput['designs'][string];
export type TeamInput = NonNullable<ScenarioInput['teams']>[string];

/**
 * A JSON Schema (draft-07) of the file format, for editors: completion, descriptions and
 * checks of shapes and units (cross-references such as team names are checked by the loader).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'spoc-sim scenario',
    description:
      'A contact-centre scenario: demand, teams and routing designs compared on the same demand. ' +
      `Durations are seconds or strings such as 45s, 3m30s, 1.5h, at most ${MAX_DURATION_TEXT}; ` +
      `rates are calls per hour or strings such as 600/h, at most ${MAX_RATE_TEXT}.`,
  };
}
