// A team's agents in the scenario schema: a count, a schedule, or groups of agents who differ
// in speed and resolution (`agents: [{count: 6, name: senior, handleFactor: 0.8}, ...]`).
import { z } from 'zod';
import { MAX_AGENTS } from './schema-limits.ts';
import { formatDuration } from './units.ts';
import { duration, integer, integerExpected, name, number, obj, says } from './schema-leaves.ts';

/** Largest handle or resolve factor of a group: beyond it a factor is a typing error. */
export const MAX_FACTOR = 100;

const schedule = (min: number) =>
  obj(
    {
      every: duration({ positive: true }).describe('Length of each period of the schedule.'),
      counts: z
        .array(integer(' of agents', 0, MAX_AGENTS), says('expected a list of agent counts'))
        .min(1, says('expected a list of at least one agent count'))
        // `!== 0`: a negative count has a problem of its own already.
        .refine((counts) => min === 0 || counts.some((c) => c !== 0), says('expected at least one count greater than 0'))
        .describe(
          `Agents on duty in each period (whole numbers from 0 to ${MAX_AGENTS}${min === 0 ? '' : ', at least one above 0'}); the list repeats if shorter than the horizon.`,
        ),
    },
    'a schedule {every, counts: [...]}',
  );

/** A count or a schedule of agents; `min` is the smallest fixed count (a group may have none on duty). */
const count = (min: number) =>
  z.union([integer(' of agents', min, MAX_AGENTS), schedule(min)], says(`${integerExpected(' of agents', min, MAX_AGENTS)} (or a schedule {every, counts})`));

const factor = (what: string) =>
  number(`expected a factor greater than 0 and at most ${MAX_FACTOR}`, { gt: 0, max: MAX_FACTOR })
    .default(1)
    .describe(`Multiplies ${what} for calls this group's agents answer (greater than 0, default 1).`);

const group = obj(
  {
    count: count(0).describe('Agents of this group: a count, or a schedule {every, counts} (its every must be the other groups\').'),
    name: name('a group name').describe('The group, as results name it (byGroup).'),
    handleFactor: factor("the intent's handle time"),
    resolveFactor: factor("the intent's resolve probability (capped at 1)"),
  },
  'an agent group {count, name, handleFactor, resolveFactor}',
);

type Group = z.output<typeof group>;

const groups = z
  .array(group, says('expected a list of agent groups'))
  .min(1, says('expected a list of at least one agent group'))
  .superRefine((list, ctx) => checkGroups(list, (path, message) => ctx.addIssue({ code: 'custom', path, message, input: list })));

/** The whole team's agents must make one count or one schedule, named groups once each. */
function checkGroups(list: readonly Group[], add: (path: (string | number)[], message: string) => void): void {
  const seen = new Set<string>();
  list.forEach((g, i) => {
    if (seen.has(g.name)) add([i, 'name'], `found ${JSON.stringify(g.name)} twice, expected each group named once in its team`);
    seen.add(g.name);
  });
  const schedules = list.flatMap((g, i) => (typeof g.count === 'number' ? [] : [{ i, every: g.count.every, periods: g.count.counts.length }]));
  const first = schedules[0];
  for (const s of schedules.slice(1)) {
    const firstName = list[first!.i]!.name;
    if (s.every !== first!.every) {
      add([s.i, 'count', 'every'], `found a schedule every ${formatDuration(s.every)}, expected the ${formatDuration(first!.every)} of group ${firstName}'s schedule, so that the groups add up to one schedule of the team`);
    } else if (s.periods !== first!.periods) {
      add([s.i, 'count', 'counts'], `found ${s.periods} counts, expected the ${first!.periods} of group ${firstName}'s schedule, so that the groups add up to one schedule of the team`);
    }
  }
  // An empty list has its own problem already (at least one group).
  const anyone = list.length === 0 || list.some((g) => (typeof g.count === 'number' ? g.count > 0 : g.count.counts.some((c) => c > 0)));
  if (!anyone) add([], 'found no agent in any group, expected at least one group with agents on duty');
}

export const agents = () =>
  z
    .union([count(1), groups], says(`${integerExpected(' of agents', 1, MAX_AGENTS)}, a schedule {every, counts} or a list of agent groups`))
    .describe(
      `Number of agents, 1 to ${MAX_AGENTS}; a schedule {every: 30m, counts: [4, 6, 10, ...]} (0 to ${MAX_AGENTS} in each period); or agent groups [{count: 6, name: senior, handleFactor: 0.8, resolveFactor: 1.1}, {count: 10, name: junior}].`,
    );

export const select = () =>
  z
    .enum(['longest-idle', 'fastest-first'], says('expected "longest-idle" or "fastest-first"'))
    .default('longest-idle')
    .describe(
      "Which free agent answers: longest-idle (the agent free the longest, whatever the group) or fastest-first (a free agent of the group with the smallest handleFactor, then the longest idle); default longest-idle.",
    );
