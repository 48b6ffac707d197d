// The `staffing` block of the scenario schema (spoc staff): the targets, whether every team
// or the design as a whole must meet them, one count per team or one per interval, and the
// optional shift rules that turn per-interval counts into whole shifts.
import { z } from 'zod';
import { duration, obj, says } from './schema-leaves.ts';
import { MAX_COST_PER_HOUR } from './schema-limits.ts';
import { parseTargetBound, TARGET_BOUND_EXPECTED, type TargetBound } from './staffing-target.ts';

/** `serviceLevel`, `teams.billing.asa`, `intents.outage.abandonRate`: a target's metric and what it is of. */
export const TARGET_KEY_PATTERN = /^(?:(teams|intents)\.(.+)\.)?([A-Za-z][A-Za-z0-9]*)$/;
const TARGET_KEY_EXPECTED =
  'a metric name such as serviceLevel, or one of a team or an intent: teams.NAME.serviceLevel, intents.NAME.abandonRate';
/** Most shift lengths a plan may offer: each multiplies the shifts a solver weighs. */
export const MAX_SHIFT_LENGTHS = 16;

const bound = () =>
  z
    .string(says(TARGET_BOUND_EXPECTED))
    .transform((text, ctx): TargetBound => {
      const parsed = parseTargetBound(text);
      if (parsed.ok) return parsed.value;
      ctx.issues.push({ code: 'custom', message: parsed.message, input: text });
      return z.NEVER;
    })
    .meta({ pattern: '^\\s*(>=|<=)\\s*\\S.*$' });

const targetKey = () =>
  z.string().refine((key) => TARGET_KEY_PATTERN.test(key), { error: (issue) => `found the key ${JSON.stringify(issue.input)}, expected ${TARGET_KEY_EXPECTED}` });

const targets = () =>
  z
    .record(targetKey(), bound(), says('expected a mapping of bounds by metric, e.g. {serviceLevel: ">= 0.8", abandonRate: "<= 0.05"}'))
    .refine((record) => Object.keys(record).length > 0, says('expected at least one target, e.g. {serviceLevel: ">= 0.8"}'))
    .meta({ propertyNames: { type: 'string', pattern: TARGET_KEY_PATTERN.source } });

const shifts = obj(
  {
    lengths: z
      .array(duration({ positive: true }), says('expected a list of shift lengths, e.g. [4h, 8h]'))
      .min(1, says('expected at least one shift length'))
      .max(MAX_SHIFT_LENGTHS, says(`expected at most ${MAX_SHIFT_LENGTHS} shift lengths`))
      .describe('The lengths a shift may have, e.g. [4h, 8h].'),
    startEvery: duration({ positive: true }).describe('Shifts start on a grid of this step from the start of the run, e.g. 30m.'),
    costPerHour: z
      .number(says(`expected a cost per agent-hour from 0 to ${MAX_COST_PER_HOUR}`))
      .min(0, says(`expected a cost per agent-hour from 0 to ${MAX_COST_PER_HOUR}`))
      .max(MAX_COST_PER_HOUR, says(`expected a cost per agent-hour from 0 to ${MAX_COST_PER_HOUR}`))
      .optional()
      .describe("Cost of one agent-hour of a shift (default: the team's costPerHour)."),
  },
  'a shifts block {lengths, startEvery, costPerHour}',
);

export const staffing = obj(
  {
    targets: targets().describe(
      'What the staffing must achieve, by metric: {serviceLevel: ">= 0.8", abandonRate: "<= 0.05", asa: "<= 30s"}; a key may name a team or an intent (teams.billing.asa, intents.outage.abandonRate). A target is met when the mean over replications meets it.',
    ),
    scope: z
      .enum(['team', 'design'], says('expected team or design'))
      .default('team')
      .describe("team (default): every team meets the targets its metrics have (the others hold for the design); design: the design's figures meet them."),
    per: z
      .enum(['day', 'interval'], says('expected day or interval'))
      .default('day')
      .describe('day (default): one agent count per team; interval: a count per team and interval (a schedule), for profiles and opening hours.'),
    every: duration({ positive: true })
      .optional()
      .describe("Interval of per: interval staffing (default: the teams' schedule interval, else the arrival profile's)."),
    shifts: shifts
      .optional()
      .describe('Whole shifts covering the per-interval counts at least cost: {lengths: [4h, 8h], startEvery: 30m}; needs per: interval.'),
  },
  'a staffing block {targets, scope, per, every, shifts}',
).superRefine((block, ctx) => {
  if (block.per !== 'interval') {
    if (block.shifts !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['shifts'], message: `found shifts with per: ${block.per}, expected per: interval: shifts cover the counts of each interval` });
    }
    if (block.every !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['every'], message: `found every with per: ${block.per}, expected per: interval: a day's staffing has one count per team` });
    }
  }
});
