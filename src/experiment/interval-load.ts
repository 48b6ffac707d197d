// The offered load of each team interval by interval (arrival profiles, profiles by day,
// schedules), against the agents on duty then: a peak hour over capacity shows even when the
// day's average does not.
import { agentsAt, type CompiledDesign } from '../callcenter/compile.ts';
import { offeredLoadsAt } from '../callcenter/offered-load.ts';
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

/** Stretches with the arrival rate and every team's agents constant, from 0. */
interface LoadSegment extends RateSegment {
  readonly agents: readonly number[];
}

/** Longest stretch of the run checked: beyond it, the rates and schedules' common cycle repeats. */
const MAX_CHECKED = 4 * SECONDS_PER_WEEK;

/**
 * The arrival rate offered over a stretch of the run: the profile's. The one place where
 * what else shapes the offered rate comes in (opening hours: 0 while the lines are closed,
 * cutting segments at openings and closings).
 */
function offeredSegments(scenario: Scenario, span: number): RateSegment[] {
  return rateSegments(scenario.demand.arrivals, scenario.run.start, span);
}

/**
 * The run's stretches over which neither the arrival rate nor any team's agents change,
 * over [0, span): rate segments cut at the schedules' interval boundaries.
 */
function loadSegments(scenario: Scenario, design: CompiledDesign, span: number): LoadSegment[] {
  const cuts = new Set<number>();
  for (const team of design.teams) {
    if (team.staffing.kind !== 'schedule') continue;
    for (let k = 1; k * team.staffing.every < span; k++) cuts.add(k * team.staffing.every);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const segments: LoadSegment[] = [];
  let c = 0;
  for (const segment of offeredSegments(scenario, span)) {
    let from = segment.from;
    while (c < sortedCuts.length && sortedCuts[c]! <= from) c++;
    for (; ; c++) {
      const to = c < sortedCuts.length && sortedCuts[c]! < segment.to ? sortedCuts[c]! : segment.to;
      segments.push({ from, to, ratePerSecond: segment.ratePerSecond, agents: design.teams.map((team) => agentsAt(team.staffing, from)) });
      if (to === segment.to) break;
      from = to;
    }
  }
  return segments;
}

/**
 * The span to check: the horizon, or less when the arrival pattern and the schedules repeat
 * together sooner (their cycles' least common multiple, in whole seconds), at most
 * MAX_CHECKED. `cycle` is that common cycle when it is shorter than the horizon.
 */
export function checkedSpan(scenario: Scenario, design: CompiledDesign): { span: number; cycle: number | undefined } {
  const { arrivals } = scenario.demand;
  const cycles: number[] = [];
  if (arrivals.kind === 'profile') cycles.push(arrivals.every * arrivals.ratesPerSecond.length);
  if (arrivals.kind === 'weekly') cycles.push(SECONDS_PER_WEEK);
  for (const team of design.teams) if (team.staffing.kind === 'schedule') cycles.push(team.staffing.every * team.staffing.counts.length);
  const horizon = scenario.run.horizon;
  let cycle = 1;
  for (const c of cycles) {
    if (!Number.isInteger(c)) return { span: Math.min(horizon, MAX_CHECKED), cycle: undefined };
    cycle = (cycle / gcd(cycle, c)) * c;
    if (cycle > MAX_CHECKED) return { span: Math.min(horizon, MAX_CHECKED), cycle: undefined };
  }
  // Each repeats in run time from 0 (a weekly pattern too, run.start being fixed): one common cycle covers them all.
  return cycle < horizon ? { span: cycle, cycle } : { span: horizon, cycle: undefined };
}

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Per team of the design, the stretches of [0, span) where its offered load (the traffic
 * equations at that interval's rate and agents) is at least its agents, merged when
 * neighbours have the same load and agents. Loads are linear in the rate, so the traffic
 * equations run once per distinct staffing, at a unit rate.
 */
export function overloadedIntervals(scenario: Scenario, design: CompiledDesign, span: number): TeamInterval[][] {
  const perUnitRate = new Map<string, readonly number[]>();
  const found: TeamInterval[][] = design.teams.map(() => []);
  for (const segment of loadSegments(scenario, design, span)) {
    const key = segment.agents.join(' ');
    let unit = perUnitRate.get(key);
    if (unit === undefined) {
      unit = offeredLoadsAt(scenario, design, 1, segment.agents).map((load) => load.offeredLoad);
      perUnitRate.set(key, unit);
    }
    segment.agents.forEach((agents, t) => {
      const offeredLoad = unit[t]! * segment.ratePerSecond;
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
