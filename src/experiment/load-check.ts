// Before a run: the offered load of every team of every design, and warnings for settings
// that are valid but probably not meant: teams offered more work than their agents can do
// (over the run or in some of its intervals),
// a dialling or IVR accuracy of 0 that the design leaves nothing to be wrong about, redials
// that can only lead back to a team without the skill.
import { compileDesign, TO_IVR, type CompiledDesign } from '../callcenter/compile.ts';
import { offeredLoads, type TeamLoad } from '../callcenter/offered-load.ts';
import { MAX_CALLS_PER_ISSUE } from '../callcenter/verbs/end-call.ts';
import type { Scenario } from '../scenario/model.ts';
import { formatDuration } from '../scenario/units.ts';
import { formatWeekSpan } from '../scenario/week-time.ts';
import { averageLoads, checkedSpan, hasClosedHours, overloadedIntervals } from './interval-load.ts';
import { openingHoursWarnings } from './opening-hours-check.ts';

export interface DesignLoad {
  readonly design: string;
  readonly teams: readonly TeamLoad[];
}

/** Utilisation from which a team is reported as overloaded. */
export const OVERLOADED = 1;

/**
 * Each design's teams' offered load over the run: at the mean arrival rate and the agents
 * averaged over each schedule, or, when some number has opening hours, averaged over time
 * across the checked span (closed stretches bring no new load).
 */
export function designLoads(scenario: Scenario): DesignLoad[] {
  return scenario.designs.map((design) => {
    const compiled = compileDesign(scenario, design);
    const teams = hasClosedHours(scenario, compiled) ? averageLoads(scenario, compiled, checkedSpan(scenario, compiled).span) : offeredLoads(scenario, compiled);
    return { design: design.name, teams };
  });
}

/** What `run` and `validate` warn about, in this order: overloaded teams, settings with no effect, endless redials, opening hours against staffing. */
export function scenarioWarnings(scenario: Scenario, loads: readonly DesignLoad[] = designLoads(scenario)): string[] {
  const designs = scenario.designs.map((design) => compileDesign(scenario, design));
  return [
    ...overloadWarnings(scenario, designs, loads),
    ...designs.flatMap(ineffectiveSettings),
    ...designs.flatMap(endlessRedials),
    ...openingHoursWarnings(scenario),
  ];
}

/**
 * One line per overloaded team: over the whole run (its mean load against its mean agents),
 * else in the intervals where its load reaches its agents; each with what follows.
 */
export function overloadWarnings(scenario: Scenario, designs: readonly CompiledDesign[], loads: readonly DesignLoad[]): string[] {
  return loads.flatMap(({ design: name, teams }, d) => {
    const design = designs[d]!;
    const { span, cycle } = checkedSpan(scenario, design);
    const intervals = teams.some((t) => t.utilisation < OVERLOADED) ? overloadedIntervals(scenario, design, span) : [];
    return teams.flatMap((t, i) => {
      const fate = overloadFate(scenario, design.teams[i]!.queueCapacity);
      if (t.utilisation >= OVERLOADED) {
        return [
          `design ${name}: team ${t.team} is offered ${t.offeredLoad.toFixed(1)} Erlangs for ${formatAgents(t.agents)} agents ` +
            `(utilisation ${Number.isFinite(t.utilisation) ? t.utilisation.toFixed(2) : '∞'}): ${fate.run}`,
        ];
      }
      const over = intervals[i] ?? [];
      if (over.length === 0) return [];
      const listed = over.slice(0, LISTED_INTERVALS).map(
        (v) => `${intervalLabel(scenario.run.start, v.from, v.to)} (${v.offeredLoad.toFixed(1)} Erlangs for ${formatAgents(v.agents)} agents)`,
      );
      const more = over.length > LISTED_INTERVALS ? ` and ${over.length - LISTED_INTERVALS} more` : '';
      const recurring = cycle === undefined ? '' : ` (in the first ${formatDuration(cycle)} of the run, which then repeats)`;
      const closed = closedCallers(scenario, design);
      return [
        `design ${name}: team ${t.team} is offered more work than its agents can do in ${over.length} interval${over.length === 1 ? '' : 's'}` +
          `${recurring}: ${listed.join(', ')}${more}; ${fate.interval}${closed === undefined ? '' : `; ${closed}`}`,
      ];
    });
  });
}

/**
 * What the loads leave out when a design's numbers close and callers who find them closed
 * call again: those calls, which land after the openings; undefined when there are none.
 */
export function closedCallers(scenario: Scenario, design: CompiledDesign): string | undefined {
  if (scenario.calendar.closedRetry === 0 || !hasClosedHours(scenario, design)) return undefined;
  return 'the loads leave out the callers who find the line closed and call again after the next opening, so the hours after an opening may be busier still';
}

/** The note under `validate`'s table when some number has opening hours: how the loads were averaged and what they leave out. */
export function openingHoursLoadNote(scenario: Scenario): string | undefined {
  const designs = scenario.designs.map((design) => compileDesign(scenario, design));
  if (!designs.some((design) => hasClosedHours(scenario, design))) return undefined;
  const left = designs.some((design) => closedCallers(scenario, design) !== undefined)
    ? '; callers who find the line closed and call again after the next opening are not counted'
    : '';
  return `Opening hours: each load is averaged over time, closed hours bringing no new calls${left}.`;
}

/** Overloaded intervals named in a warning; the rest are counted. */
const LISTED_INTERVALS = 4;

/**
 * What an overloaded team's callers meet, over the whole run and in an interval: busy
 * signals when its queue has a capacity, waits without bound when nobody abandons, else
 * abandonment.
 */
function overloadFate(scenario: Scenario, queueCapacity: number): { run: string; interval: string } {
  if (Number.isFinite(queueCapacity)) {
    const full = queueCapacity === 0 ? 'every agent busy' : `${queueCapacity} callers already waiting`;
    return {
      run: `callers who find ${full} get a busy signal, so busy signals, not waits, will take the excess`,
      interval: `there callers who find ${full} get a busy signal`,
    };
  }
  if (scenario.demand.intents.every((intent) => intent.patience === null)) {
    const end = scenario.run.drain ? 'the horizon, and the drain then answers everyone still waiting' : 'the end of the run (drain: false)';
    return {
      run: `nobody abandons, so its queue and waits grow without bound until ${end}`,
      interval: 'nobody abandons, so there its queue and waits grow until the load falls, and take time to come down after',
    };
  }
  return {
    run: 'its queue can only grow, so waits and abandonment will be limited by patience, not by staffing',
    interval: 'there its queue grows and callers abandon until the load falls',
  };
}

/** An interval of the run as clock times from run.start: "Tue 09:00–09:30", "Mon 23:30–24:00", "Fri 22:00–Mon 06:00". */
export const intervalLabel = (start: number, from: number, to: number): string => formatWeekSpan(start + from, start + to);

/**
 * `dialing.right: 0` when no caller has a wrong number to dial, `ivr.accuracy: 0` when the
 * IVR has no wrong team to send anyone to: the simulator then sends every caller right
 * (a wrong choice needs something to choose), which is the opposite of what 0 says.
 */
function ineffectiveSettings(design: CompiledDesign): string[] {
  const warnings: string[] = [];
  const prefix = `design ${design.name}`;
  if (design.rightDialProbability === 0 && design.otherNumbers.every((other) => other.length === 0)) {
    const only =
      design.numberDials.length === 1
        ? `the design has a single number ("${design.numberDials[0]}")`
        : 'every number of the design is advertised for every intent';
    warnings.push(
      `${prefix}: dialing.right is 0, so every caller should dial a number not advertised for their intent, but ${only}: ` +
        'every caller dials a number advertised for their intent, as if dialing.right were 1',
    );
  }
  const ivrUsed = design.numberTargets.includes(TO_IVR);
  if (ivrUsed && design.ivr?.accuracy === 0 && design.unskilledTeams.every((wrong) => wrong.length === 0)) {
    const only =
      design.teams.length === 1 ? `the design has a single team (${design.teams[0]!.name})` : "every team of the design has every intent's skill";
    warnings.push(
      `${prefix}: ivr.accuracy is 0, so the IVR should send every caller to a team without their skill, but ${only}: ` +
        'the IVR sends every caller to a team with their skill, as if accuracy were 1',
    );
  }
  return warnings;
}

export const formatAgents = (agents: number): string => (Number.isInteger(agents) ? String(agents) : agents.toFixed(1));

/**
 * With `misroute.action: redial`, intents whose every advertised number leads straight to
 * teams without their skill, none of which overflows to a team with it: a caller told to
 * redial the right number reaches such a team again, and calls until the guard of
 * MAX_CALLS_PER_ISSUE calls ends the issue unresolved.
 */
function endlessRedials(design: CompiledDesign): string[] {
  if (design.misroute.action !== 'redial') return [];
  const skilled = (team: number, intent: number): boolean => design.canHandle[team * design.intents.length + intent] === 1;
  const dead = (intent: number): boolean =>
    [...design.rightNumbers[intent]!].every((n) => {
      const team = design.numberTargets[n]!;
      return team !== TO_IVR && !skilled(team, intent) && design.overflowTo[team]!.every((link) => !skilled(link.team, intent));
    });
  return design.intents.flatMap((intent, i) => {
    if (!dead(i)) return [];
    const numbers = [...design.rightNumbers[i]!].map((n) => `"${design.numberDials[n]}"`).join(', ');
    return [
      `design ${design.name}: intent ${intent.name}: misroute.action is redial, but every number advertised for it (${numbers}) ` +
        `leads to a team without its skill: callers told to redial reach such a team again, until the limit of ${MAX_CALLS_PER_ISSUE} ` +
        'calls ends the issue unresolved; advertise a number that reaches a team with the skill or an IVR, or use misroute.action: transfer',
    ];
  });
}
