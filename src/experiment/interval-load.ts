// The offered load of each team interval by interval (arrival profiles, profiles by day,
// schedules, the numbers' opening hours), against the agents on duty then: a peak hour over
// capacity shows even when the day's average does not.
import { agentsAt, type CompiledDesign } from '../callcenter/compile.ts';
import { offeredLoadsAt, type TeamLoad } from '../callcenter/offered-load.ts';
import { OpenHoursClock } from '../callcenter/open-hours-clock.ts';
import { rateSegments, type RateSegment } from '../scenario/arrival-rates.ts';
import type { Scenario } from '../scenario/model.ts';
import { SECONDS_PER_WEEK } from '../scenario/week-time.ts';

/** A stretch of the run over which a team's load and agents are constant. */
export interface TeamInterval {
  /** Run time, seconds. */
  readonly from: number;
  readonly to: number;
  readonly offeredLoad: number;
  readonly agents: number;
}

/** A stretch of constant rate over which each number of the design stays open or closed. */
interface OfferedSegment extends RateSegment {
  /** Per number of the design, whether it answers; undefined when every number always does. */
  readonly open: readonly boolean[] | undefined;
}

/** Stretches with the arrival rate, the numbers' opening and every team's agents constant, from 0. */
interface LoadSegment extends OfferedSegment {
  readonly agents: readonly number[];
}

/** Longest stretch of the run checked: beyond it, the rates and schedules' common cycle repeats. */
const MAX_CHECKED = 4 * SECONDS_PER_WEEK;

/** The clocks of a design's numbers' opening hours, in the order of its numbers. */
function numberClocks(scenario: Scenario, design: CompiledDesign): OpenHoursClock[] {
  const numbers = scenario.designs.find((d) => d.name === design.name)?.numbers ?? [];
  return numbers.map((n) => new OpenHoursClock(n.open, scenario.run.start));
}

/** True when some number of the design has opening hours (it is closed at some time of the week). */
export function hasClosedHours(scenario: Scenario, design: CompiledDesign): boolean {
  return numberClocks(scenario, design).some((clock) => !clock.alwaysOpen);
}

/**
 * The arrival rate offered over a stretch of the run: the profile's, cut at the openings and
 * closings of the design's numbers, with which numbers answer in each stretch (calls that
 * dial a closed number bring no load there). The one place where what else shapes the
 * offered rate comes in.
 */
function offeredSegments(scenario: Scenario, design: CompiledDesign, span: number): OfferedSegment[] {
  const rates = rateSegments(scenario.demand.arrivals, scenario.run.start, span);
  const clocks = numberClocks(scenario, design);
  if (clocks.every((clock) => clock.alwaysOpen)) return rates.map((segment) => ({ ...segment, open: undefined }));
  const cuts = new Set<number>();
  for (const clock of clocks) {
    if (clock.alwaysOpen) continue;
    for (let t = 0; ; ) {
      const next = clock.isOpen(t) ? clock.nextClosing(t) : clock.nextOpening(t);
      if (!(next > t) || next >= span) break;
      cuts.add(next);
      t = next;
    }
  }
  return cutAt(rates, cuts).map((segment) => ({ ...segment, open: clocks.map((clock) => clock.isOpen(segment.from)) }));
}

/** Segments split at the cuts that fall inside them, in order. */
function cutAt<T extends RateSegment>(segments: readonly T[], cuts: ReadonlySet<number>): T[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: T[] = [];
  let c = 0;
  for (const segment of segments) {
    let from = segment.from;
    while (c < sorted.length && sorted[c]! <= from) c++;
    for (; ; c++) {
      const to = c < sorted.length && sorted[c]! < segment.to ? sorted[c]! : segment.to;
      pieces.push({ ...segment, from, to });
      if (to === segment.to) break;
      from = to;
    }
  }
  return pieces;
}

/**
 * The run's stretches over which neither the arrival rate, nor the numbers' opening, nor any
 * team's agents change, over [0, span): offered segments cut at the schedules' interval
 * boundaries.
 */
function loadSegments(scenario: Scenario, design: CompiledDesign, span: number): LoadSegment[] {
  const cuts = new Set<number>();
  for (const team of design.teams) {
    if (team.staffing.kind !== 'schedule') continue;
    for (let k = 1; k * team.staffing.every < span; k++) cuts.add(k * team.staffing.every);
  }
  return cutAt(offeredSegments(scenario, design, span), cuts).map((segment) => ({
    ...segment,
    agents: design.teams.map((team) => agentsAt(team.staffing, segment.from)),
  }));
}

/**
 * Per segment, the teams' loads: the traffic equations at that stretch's rate, agents and
 * open numbers. Loads are linear in the rate, so the equations run once per distinct
 * staffing and opening, at a unit rate.
 */
function segmentLoads(scenario: Scenario, design: CompiledDesign, span: number): { segment: LoadSegment; perTeam: readonly TeamLoad[] }[] {
  const perUnitRate = new Map<string, readonly TeamLoad[]>();
  return loadSegments(scenario, design, span).map((segment) => {
    const key = `${segment.agents.join(' ')}|${segment.open?.map((open) => (open ? 1 : 0)).join('') ?? ''}`;
    let unit = perUnitRate.get(key);
    if (unit === undefined) {
      unit = offeredLoadsAt(scenario, design, 1, segment.agents, segment.open);
      perUnitRate.set(key, unit);
    }
    return { segment, perTeam: unit };
  });
}

/**
 * The teams' loads averaged over time across [0, span): each stretch's load and agents
 * weighted by its length, closed stretches counting with no load. What the run-wide check
 * compares when numbers have opening hours.
 */
export function averageLoads(scenario: Scenario, design: CompiledDesign, span: number): TeamLoad[] {
  const load = new Float64Array(design.teams.length);
  const calls = new Float64Array(design.teams.length);
  const agents = new Float64Array(design.teams.length);
  for (const { segment, perTeam } of segmentLoads(scenario, design, span)) {
    const length = segment.to - segment.from;
    perTeam.forEach((unit, t) => {
      load[t]! += unit.offeredLoad * segment.ratePerSecond * length;
      calls[t]! += unit.arrivalRate * segment.ratePerSecond * length;
      agents[t]! += segment.agents[t]! * length;
    });
  }
  return design.teams.map((team, t) => {
    const offeredLoad = load[t]! / span;
    const onDuty = agents[t]! / span;
    return {
      team: team.name,
      agents: onDuty,
      arrivalRate: calls[t]! / span,
      offeredLoad,
      utilisation: onDuty > 0 ? offeredLoad / onDuty : offeredLoad > 0 ? Infinity : 0,
    };
  });
}

/**
 * The span to check: the horizon, or less when the arrival pattern, the schedules and the
 * numbers' opening hours repeat together sooner (their cycles' least common multiple, in
 * whole seconds), at most MAX_CHECKED. `cycle` is that common cycle when it is shorter than the horizon.
 */
export function checkedSpan(scenario: Scenario, design: CompiledDesign): { span: number; cycle: number | undefined } {
  const { arrivals } = scenario.demand;
  const cycles: number[] = [];
  if (arrivals.kind === 'profile') cycles.push(arrivals.every * arrivals.ratesPerSecond.length);
  if (arrivals.kind === 'weekly' || hasClosedHours(scenario, design)) cycles.push(SECONDS_PER_WEEK);
  for (const team of design.teams) if (team.staffing.kind === 'schedule') cycles.push(team.staffing.every * team.staffing.counts.length);
  const horizon = scenario.run.horizon;
  let cycle = 1;
  for (const c of cycles) {
    if (!Number.isInteger(c)) return { span: Math.min(horizon, MAX_CHECKED), cycle: undefined };
    cycle = (cycle / gcd(cycle, c)) * c;
    if (cycle > MAX_CHECKED) return { span: Math.min(horizon, MAX_CHECKED), cycle: undefined };
  }
  // Each repeats in run time from 0 (a weekly pattern and opening hours too, run.start being fixed): one common cycle covers them all.
  return cycle < horizon ? { span: cycle, cycle } : { span: horizon, cycle: undefined };
}

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Per team of the design, the stretches of [0, span) where its offered load (the traffic
 * equations at that interval's rate, agents and open numbers) is at least its agents,
 * merged when neighbours have the same load and agents.
 */
export function overloadedIntervals(scenario: Scenario, design: CompiledDesign, span: number): TeamInterval[][] {
  const found: TeamInterval[][] = design.teams.map(() => []);
  for (const { segment, perTeam } of segmentLoads(scenario, design, span)) {
    segment.agents.forEach((agents, t) => {
      const offeredLoad = perTeam[t]!.offeredLoad * segment.ratePerSecond;
      if (offeredLoad === 0 || offeredLoad < agents) return;
      const list = found[t]!;
      const last = list[list.length - 1];
      if (last !== undefined && last.to === segment.from && last.offeredLoad === offeredLoad && last.agents === agents) {
        list[list.length - 1] = { ...last, to: segment.to };
      } else list.push({ from: segment.from, to: segment.to, offeredLoad, agents });
    });
  }
  return found;
}

/** A team's offered work over one interval: the mean arrival rate at its queue and its load. */
export interface IntervalLoad {
  /** Arrivals at the team's queue, per second. */
  readonly arrivalRate: number;
  /** Erlangs. */
  readonly offeredLoad: number;
}

/**
 * Per team, per interval of `every` seconds from 0 to the horizon, the mean offered load and
 * arrival rate (the traffic equations of each stretch, averaged over the interval): what
 * per-interval staffing starts from.
 */
export function loadsByInterval(scenario: Scenario, design: CompiledDesign, every: number): IntervalLoad[][] {
  const horizon = scenario.run.horizon;
  const count = Math.ceil(horizon / every);
  const load = design.teams.map(() => new Float64Array(count));
  const calls = design.teams.map(() => new Float64Array(count));
  for (const { segment, perTeam } of segmentLoads(scenario, design, horizon)) {
    for (let k = Math.floor(segment.from / every); k < count && k * every < segment.to; k++) {
      const overlap = Math.min(segment.to, (k + 1) * every) - Math.max(segment.from, k * every);
      if (overlap <= 0) continue;
      perTeam.forEach((unit, t) => {
        load[t]![k]! += unit.offeredLoad * segment.ratePerSecond * overlap;
        calls[t]![k]! += unit.arrivalRate * segment.ratePerSecond * overlap;
      });
    }
  }
  return design.teams.map((_, t) =>
    Array.from({ length: count }, (_, k) => {
      const length = Math.min(horizon, (k + 1) * every) - k * every;
      return { arrivalRate: calls[t]![k]! / length, offeredLoad: load[t]![k]! / length };
    }),
  );
}
