// Teams, numbers and routing designs in the scenario schema.
import { z } from 'zod';
import { agents, select } from './schema-agents.ts';
import { MAX_COST_PER_HOUR, MAX_QUEUE_CAPACITY } from './schema-limits.ts';
import { openHours } from './schema-calendar.ts';
import { boolean, duration, integer, integerExpected, name, nonEmptyRecord, number, obj, probability, says } from './schema-leaves.ts';
import { distribution } from './schema-distributions.ts';
import { designMisroute, designTransfer } from './schema-routing-costs.ts';

const team = obj(
  {
    agents: agents(),
    select: select(),
    skills: z
      .array(name('an intent name'), says('expected a list of intent names'))
      .min(1, says('expected a list of at least one intent name'))
      .optional()
      .describe('Intents this team can handle (required, except on a triage team, which has none).'),
    role: z
      .enum(['skilled', 'triage'], says('expected "skilled" or "triage"'))
      .default('skilled')
      .describe(
        "skilled: the team's agents handle the intents of its skills; triage: a front desk whose agents never resolve, they spend `triage`, then hand the caller over (default skilled).",
      ),
    triage: distribution()
      .optional()
      .describe('On a triage team: the time its agent spends before handing the caller over (a distribution; required there).'),
    accuracy: probability()
      .optional()
      .describe(
        "On a triage team: probability a handover reaches a team with the intent's skill; else a uniformly chosen other team of the design lacking it (default 1).",
      ),
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
  'a team {agents, select, skills, role, triage, accuracy, wrapUp, costPerHour, queueCapacity}',
).meta({ id: 'team', title: 'Team', description: 'A team: one FCFS queue served by its agents.' });

export const teams = () => nonEmptyRecord(team, 'teams');

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
    open: openHours()
      .optional()
      .describe('When this number answers, by day, in place of calendar.open: {mon-fri: "08:00-20:00"}; days not listed are closed.'),
  },
  'a number {dial, to, for, open}',
);

export const design = obj(
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
    misroute: designMisroute(),
    transfer: designTransfer(),
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
    continuity: z
      .union([z.boolean(), z.enum(['team', 'advisor'])], says('expected true, false, "team" or "advisor"'))
      .default(false)
      .describe(
        'Repeat calls of an issue skip the IVR: true or team, to the team that last handled it; advisor, to the agent who first handled it, its advisor (default false).',
      ),
    advisorWait: duration()
      .optional()
      .describe(
        'With continuity: advisor, how long a repeat caller waits for their advisor before any agent of the team may answer (a duration, 0 or more; default: forever).',
      ),
    handleCap: duration({ positive: true })
      .optional()
      .describe('Calls longer than this end unresolved (a duration greater than 0; default: no cap).'),
    callbackOffer: obj(
      {
        after: duration().describe('How long a caller waits in a queue before the offer (a duration, 0 or more).'),
        accept: probability().describe('Probability that a caller offered a callback accepts it.'),
        reach: probability().describe("Probability that the agent calling back at the caller's turn reaches them; else the call ends unresolved (callback rules apply)."),
      },
      'a callbackOffer block {after, accept, reach}',
    )
      .optional()
      .describe('Virtual hold: a caller still waiting in a queue after `after` is offered a callback that keeps their place (default: no offer).'),
  },
  'a design {numbers, dialing, ivr, misroute, transfer, teams, overflow, continuity, advisorWait, handleCap, callbackOffer}',
);
