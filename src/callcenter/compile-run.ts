// Everything one design's replications share, prepared once: the routing tables, the arrival
// process, the recontact rules and a sampler for every distribution the run draws from.
import { Sampler, type Distribution } from '../engine/distributions.ts';
import type { ArrivalProcess } from '../engine/poisson-process.ts';
import type { Design, Recontact, RunSettings, Scenario } from '../scenario/model.ts';
import { baseArrivals, dailyVolumeRule, type DailyVolumeRule } from './arrival-source.ts';
import { compileDesign, type CompiledDesign } from './compile.ts';
import { OpenHoursClock } from './open-hours-clock.ts';
import { LEAST_LOADED, type RoutingPolicy } from './routing.ts';

/** What a caller with a given intent draws for each call. */
export interface CallerSamplers {
  readonly handle: Sampler;
  readonly wrapUp: Sampler;
  /** null: the caller never abandons. */
  readonly patience: Sampler | null;
}

/** A scenario's retry or callback rule, its delay as a sampler. */
export interface RecontactRule {
  readonly probability: number;
  readonly after: Sampler;
}

/** The design's opening hours and what callers do on a closed line. */
export interface CalendarRules {
  /** Per number of the design: when it answers. */
  readonly lines: readonly OpenHoursClock[];
  /** Added to the next opening for a caller who found the line closed or a repeat call moved to it. */
  readonly reopenDelay: Sampler;
  /** Probability that a caller who found the line closed calls again. */
  readonly closedRetry: number;
  /** Waiting callers hear the closing message at closing (else they are answered). */
  readonly disconnect: boolean;
}

/** Every distribution the run draws from, as samplers (one class: fast call sites). */
export interface Samplers {
  /** Per intent. */
  readonly callers: readonly CallerSamplers[];
  /** Per team: its own wrap-up time, when it overrides the intent's. */
  readonly teamWrapUp: readonly (Sampler | undefined)[];
  /** Per team: a triage team's time before handing over; undefined for a team of skilled agents. */
  readonly teamTriage: readonly (Sampler | undefined)[];
  readonly ivrMenu: Sampler | undefined;
  readonly identify: Sampler;
  readonly reexplain: Sampler;
  readonly transferDelay: Sampler;
  /** Re-explaining the issue on a repeat call to another agent; null when nobody does (the answer skips it). */
  readonly reexplainOnRepeat: Sampler | null;
}

/** One design ready to simulate: read-only, shared by all its replications. */
export interface CompiledRun {
  readonly design: CompiledDesign;
  readonly settings: RunSettings;
  /** New issues' arrivals, unless `dailyVolume` makes each replication's own. */
  readonly arrivals: ArrivalProcess;
  /** With demand.arrivals.dailyVolume: each replication's arrivals, scaled day by day; null: `arrivals`. */
  readonly dailyVolume: DailyVolumeRule | null;
  /** After abandoning or a busy signal; null: nobody calls again. */
  readonly retry: RecontactRule | null;
  /** After an unresolved call; null: nobody calls again. */
  readonly callback: RecontactRule | null;
  readonly samplers: Samplers;
  /** Which skilled team an IVR or a transfer picks. */
  readonly routing: RoutingPolicy;
  /** null when every number of the design is always open: the run never asks the hours. */
  readonly calendar: CalendarRules | null;
}

export function compileRun(scenario: Scenario, design: Design): CompiledRun {
  const compiled = compileDesign(scenario, design);
  const { arrivals, retry, callback } = scenario.demand;
  return {
    design: compiled,
    settings: scenario.run,
    arrivals: baseArrivals(arrivals, scenario.run),
    dailyVolume: dailyVolumeRule(arrivals, scenario.run),
    retry: rule(retry),
    callback: rule(callback),
    samplers: compileSamplers(compiled, scenario.demand.reexplainOnRepeat),
    routing: LEAST_LOADED,
    calendar: calendarRules(scenario, design),
  };
}

function calendarRules(scenario: Scenario, design: Design): CalendarRules | null {
  const lines = design.numbers.map((n) => new OpenHoursClock(n.open, scenario.run.start));
  if (lines.every((line) => line.alwaysOpen)) return null;
  const { reopenDelay, closedRetry, atClosing } = scenario.calendar;
  return { lines, reopenDelay: new Sampler(reopenDelay), closedRetry, disconnect: atClosing === 'disconnect' };
}

function compileSamplers(design: CompiledDesign, reexplainOnRepeat: Distribution | null): Samplers {
  const optional = (d: Distribution | undefined): Sampler | undefined => (d === undefined ? undefined : new Sampler(d));
  return {
    callers: design.intents.map((intent) => ({
      handle: new Sampler(intent.handle),
      wrapUp: new Sampler(intent.wrapUp),
      patience: intent.patience === null ? null : new Sampler(intent.patience),
    })),
    teamWrapUp: design.teams.map((team) => optional(team.wrapUp)),
    teamTriage: design.teams.map((team) => optional(team.triage?.time)),
    ivrMenu: optional(design.ivr?.menu),
    identify: new Sampler(design.misroute.identify),
    reexplain: new Sampler(design.transfer.reexplain),
    transferDelay: new Sampler(design.transfer.delay),
    reexplainOnRepeat: reexplainOnRepeat === null ? null : new Sampler(reexplainOnRepeat),
  };
}

function rule(recontact: Recontact | null): RecontactRule | null {
  return recontact === null ? null : { probability: recontact.probability, after: new Sampler(recontact.after) };
}
