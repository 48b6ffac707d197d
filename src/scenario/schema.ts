// The scenario file format as a zod schema: shapes, units, defaults and the messages of
// what each field allows. The JSON Schema made from it documents everything an author may
// write. Checks across fields (names, shares, overflow rules) are in `cross-checks.ts`;
// empirical files are read in `empirical-files.ts`.
import { z } from 'zod';
import { looksLikeRange, parseRange, RANGE_PATTERN } from './sweep-values.ts';
import { DURATION_EXPECTED, DURATION_PATTERN, MAX_DURATION_TEXT, MAX_RATE_TEXT, parseDuration } from './units.ts';
import { parseWeekTime, WEEK_TIME_EXPECTED } from './week-time.ts';
import { DEFAULT_MAX_REPLICATIONS_FACTOR, DEFAULT_REPLICATIONS, DEFAULT_SEED, MAX_REPLICATIONS, MAX_SEED } from './schema-limits.ts';
import { boolean, duration, integer, name, nonEmptyRecord, obj, probability, rate, says } from './schema-leaves.ts';
import { ZERO, distribution, patience } from './schema-distributions.ts';
import { sharedMisroute, sharedTransfer } from './schema-routing-costs.ts';
import { calendar } from './schema-calendar.ts';
import { design, teams } from './schema-teams.ts';
import { arrivals } from './schema-arrivals.ts';
import { staffing } from './schema-staffing.ts';


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

/** A day of the week and a time of day, `Mon 08:00`, to seconds after Monday 00:00. */
const weekTime = () =>
  z
    .string(says(WEEK_TIME_EXPECTED))
    .transform((text, ctx) => {
      const parsed = parseWeekTime(text);
      if (parsed.ok) return parsed.value;
      ctx.issues.push({ code: 'custom', message: parsed.message, input: text });
      return z.NEVER;
    })
    .meta({ pattern: '^\\s*[A-Za-z]{3}\\s+\\d{1,2}:\\d{2}\\s*$' });

const run = obj(
  {
    start: weekTime()
      .optional()
      .describe('The day of the week and time of day at the start of the run, e.g. "Mon 08:00" (default "Mon 00:00"): opening hours, profiles by day and the clock times of tables and traces count from it. A file that gives it, or a calendar, has its tables and traces show days and clock times ("Tue 09:30").'),
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
  'a run block {start, horizon, warmup, drain, replications, seed, serviceLevel, precision, maxReplications}',
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
    arrivals,
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
    reexplainOnRepeat: distribution()
      .optional()
      .describe(
        "Added to a repeat call's handle time when the agent who answers it is not the one who last handled the issue (a distribution, default 0). Without continuity: advisor agents are not told apart, so every repeat call to a skilled agent after one re-explains.",
      ),
  },
  'a demand block {arrivals, intents, patience, retry, callback, reexplainOnRepeat}',
);


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
    calendar: calendar
      .optional()
      .describe('Opening hours of the numbers and what callers do when a line is closed (default: always open).'),
    demand: demand.describe('Arrivals, intents and caller behaviour; the same in every design.'),
    teams: teams()
      .optional()
      .describe('Teams by name; a design may bring its own teams instead.'),
    misroute: sharedMisroute(),
    transfer: sharedTransfer(),
    designs: nonEmptyRecord(design, 'designs').describe(
      'Routing designs by name, all run on the same demand; the first is the baseline of comparisons.',
    ),
    sweep: sweepBlock()
      .optional()
      .describe(
        'Parameter sweep (spoc sweep): dotted field paths of this file (e.g. teams.billing.agents) to the values to try: a list such as [0.7, 0.8, 0.9] or a range such as "8..16" or "0.5..1:0.1"; every design runs at every combination.',
      ),
    staffing: staffing
      .optional()
      .describe(
        'Staffing search (spoc staff): the targets every design must meet, and the fewest agents (the lowest cost) that meet them, all designs on the same random numbers.',
      ),
  },
  'a scenario {name, description, run, calendar, demand, teams, misroute, transfer, designs, sweep, staffing}',
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
