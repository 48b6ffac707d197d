// spoc staff as a function: every design's staffing search on the same replications, the
// figures at each answer, and the comparison at equal service (each design's agent-hours
// and cost against the baseline's, paired over the replications).
import { compileDesign } from '../../callcenter/compile.ts';
import { pairedDifference } from '../../metrics/estimate.ts';
import type { Estimate, RunResult } from '../../metrics/results.ts';
import { summariseRun } from '../../metrics/summarise.ts';
import { InputError } from '../../scenario/input-error.ts';
import type { Design, Scenario, ShiftRules, StaffingTargetInput } from '../../scenario/model.ts';
import { createExecutor } from '../executor.ts';
import { hasClosedHours } from '../interval-load.ts';
import { checkIntervals } from '../limits.ts';
import { runIdentity } from '../provenance.ts';
import { estimatedCalls } from '../workload.ts';
import { workersFor } from '../worker-count.ts';
import { dayStart, intervalStart, loadsByInterval, type Counts } from './analytic-start.ts';
import { CandidatePool, DesignCandidates, type Evaluation } from './candidates.ts';
import { searchStaffing, type SearchSpace } from './search.ts';
import { planDesignShifts, type TeamShiftPlan } from './shift-plan.ts';
import { resolveTargets, type StaffingTarget, type TargetCheck } from './targets.ts';

export interface StaffRequest {
  readonly targets: readonly StaffingTargetInput[];
  readonly scope: 'team' | 'design';
  readonly per: 'day' | 'interval';
  /** Per-interval staffing's interval, seconds (default: the schedules' or the profile's). */
  readonly every?: number;
  readonly shifts?: ShiftRules;
  /** Where the targets come from, for messages. */
  readonly from: 'file' | 'command line';
  /** Worker threads (undefined: every core). */
  readonly workers?: number;
  /** Candidates simulated and replications done so far, as they grow. */
  readonly onProgress?: (candidates: number, replications: number) => void;
  readonly signal?: AbortSignal;
}

export interface DesignStaffing {
  readonly design: string;
  /** Team names, in the order of `counts`. */
  readonly teams: readonly string[];
  /** Per team: one count (per day), or one per interval of `every`. */
  readonly counts: Counts;
  /** Where the search started: the analytic estimate. */
  readonly start: Counts;
  readonly agentHours: Estimate;
  /** Undefined when some team of the design has no costPerHour. */
  readonly staffedCost: Estimate | undefined;
  readonly met: boolean;
  readonly checks: readonly TargetCheck[];
  readonly candidates: number;
  /** Whole shifts covering the counts, per team, when staffing.shifts asks and a plan is made. */
  readonly shifts: ReadonlyMap<string, TeamShiftPlan> | undefined;
}

export interface EqualService {
  readonly baseline: string;
  readonly design: string;
  /** Paired difference design − baseline over the replications. */
  readonly agentHours: Estimate;
  readonly staffedCost: Estimate | undefined;
}

export interface StaffingResult {
  readonly targets: readonly StaffingTarget[];
  readonly scope: 'team' | 'design';
  readonly per: 'day' | 'interval';
  /** Per-interval staffing's interval, seconds. */
  readonly every: number | undefined;
  readonly designs: readonly DesignStaffing[];
  /** Every design's figures at its staffing, summarised as a run (comparisons with the first). */
  readonly run: RunResult;
  readonly equalService: readonly EqualService[];
  /** Candidates simulated over every design. */
  readonly candidates: number;
  /** Asked for shifts, but no plan could be made: said in every output. */
  readonly shiftsNotPlanned: boolean;
}

/**
 * Staffs every design of `scenario` (already set up: overrides applied, designs selected).
 * @throws ScenarioError for targets no staffing can meet or that name no metric, team or
 *   intent; UnreachableTargetError when even an ample staffing misses a target; InputError
 *   when per-interval staffing has no interval or a team has agent groups
 */
export async function staffDesigns(scenario: Scenario, designNames: readonly string[], request: StaffRequest): Promise<StaffingResult> {
  const designs = designNames.map((name) => scenario.designs.find((d) => d.name === name)!);
  refuseAgentGroups(designs);
  const targets = resolveTargets(scenario, designs, request);
  const every = request.per === 'interval' ? intervalOf(scenario, designs, request.every) : undefined;
  if (every !== undefined) checkIntervals(scenario, every);
  const plain = { ...scenario, run: { ...scenario.run, precision: [] } };
  const work = estimatedCalls(plain) * plain.run.replications * designs.length * 20;
  const executor = createExecutor({ interval: every }, workersFor(request.workers, work, plain.run.replications * 4));
  const pool = new CandidatePool(executor, request.onProgress, request.signal);
  try {
    const outcomes = await Promise.all(designs.map((design) => staffOne(plain, design, targets, every, pool)));
    const run = summariseRun(
      runIdentity(plain),
      outcomes.map((o) => ({ design: o.design, replications: o.evaluation.replications })),
    );
    const staffed = await Promise.all(
      outcomes.map(async (o) => ({
        ...o.staffing,
        shifts: request.shifts === undefined || every === undefined ? undefined : await planDesignShifts(request.shifts, every, new Map(o.staffing.teams.map((team, t) => [team, o.staffing.counts[t]!]))),
      })),
    );
    return {
      targets,
      scope: request.scope,
      per: request.per,
      every,
      designs: staffed,
      run,
      equalService: equalService(outcomes),
      candidates: pool.candidates,
      shiftsNotPlanned: request.shifts !== undefined && staffed.some((d) => d.shifts === undefined),
    };
  } finally {
    await executor.close();
  }
}

interface Outcome {
  readonly design: string;
  readonly evaluation: Evaluation;
  readonly costed: boolean;
  readonly staffing: Omit<DesignStaffing, 'shifts'>;
}

async function staffOne(scenario: Scenario, design: Design, targets: readonly StaffingTarget[], every: number | undefined, pool: CandidatePool): Promise<Outcome> {
  const compiled = compileDesign(scenario, design);
  const slots = every === undefined ? 1 : Math.ceil(scenario.run.horizon / every);
  const counted = every === undefined ? undefined : Array.from({ length: slots + 1 }, (_, k) => k < slots && (k + 1) * every > scenario.run.warmup);
  const start = every === undefined ? dayStart(scenario, compiled, targets) : intervalStart(scenario, compiled, targets, every);
  // Per day, the analytic counts stand in for each team's load: the search only compares
  // loads, to choose which team of a slot gets the next agent.
  const loads = every === undefined ? start : loadsByInterval(scenario, compiled, every).map((row) => row.map((l) => l.offeredLoad));
  const costed = design.teams.every((team) => team.costPerHour !== undefined);
  const slotHours = (k: number): number =>
    every === undefined ? (scenario.run.horizon - scenario.run.warmup) / 3600 : (Math.min(scenario.run.horizon, (k + 1) * every) - k * every) / 3600;
  const space: SearchSpace = {
    teams: design.teams.map((team) => team.name),
    start,
    searchable: design.teams.flatMap((_, team) => Array.from({ length: slots }, (_, slot) => ({ team, slot })).filter((s) => counted?.[s.slot] ?? true)),
    agentCost: ({ team, slot }) => (costed ? design.teams[team]!.costPerHour! : 1) * slotHours(slot),
    load: ({ team, slot }) => loads[team]![slot]!,
    perInterval: every !== undefined,
  };
  const candidates = new DesignCandidates({ scenario, design, targets, every, counted }, pool);
  const outcome = await searchStaffing(candidates, space);
  const metrics = outcome.evaluation.result.metrics;
  return {
    design: design.name,
    evaluation: outcome.evaluation,
    costed,
    staffing: {
      design: design.name,
      teams: space.teams,
      counts: outcome.counts,
      start,
      agentHours: metrics.agentHours ?? { mean: NaN, ci95: null },
      staffedCost: costed ? metrics.staffedCost : undefined,
      met: outcome.evaluation.met,
      checks: outcome.evaluation.checks,
      candidates: outcome.candidates,
    },
  };
}

/**
 * The designs whose agents follow hours (a schedule, a line closed some of the time): one
 * count per team for the whole run pays them through the closed and quiet hours too.
 */
/** The search sets one count per team (and slot): it cannot say how to split it among agent groups. */
function refuseAgentGroups(designs: readonly Design[]): void {
  const problems = designs.flatMap((design) =>
    design.teams
      .filter((team) => team.groups !== undefined)
      .map((team) => `design ${design.name}: team ${team.name} has agent groups (${team.groups!.groups.map((g) => g.name).join(', ')}), expected a plain agent count to staff: spoc staff searches one count per team, not its split among groups`),
  );
  if (problems.length > 0) throw new InputError(problems);
}

export function designsWithHours(scenario: Scenario, designNames: readonly string[]): string[] {
  return designNames.filter((name) => {
    const design = scenario.designs.find((d) => d.name === name)!;
    return design.teams.some((team) => team.staffing.kind === 'schedule') || hasClosedHours(scenario, compileDesign(scenario, design));
  });
}

/** Per-interval staffing's interval: asked for, else a schedule's, else the arrival profile's. */
function intervalOf(scenario: Scenario, designs: readonly Design[], asked: number | undefined): number {
  if (asked !== undefined) return asked;
  for (const design of designs) for (const team of design.teams) if (team.staffing.kind === 'schedule') return team.staffing.every;
  const arrivals = scenario.demand.arrivals;
  if (arrivals.kind !== 'poisson') return arrivals.every;
  throw new InputError('staffing per interval: found no interval (no schedule, no arrival profile), expected staffing.every or --every, e.g. 30m');
}

function equalService(outcomes: readonly Outcome[]): EqualService[] {
  const [baseline, ...others] = outcomes;
  if (baseline === undefined) return [];
  const series = (o: Outcome, metric: 'agentHours' | 'staffedCost'): number[] => o.evaluation.replications.map((r) => r.metrics[metric]);
  return others.map((o) => ({
    baseline: baseline.design,
    design: o.design,
    agentHours: pairedDifference(series(o, 'agentHours'), series(baseline, 'agentHours')),
    staffedCost: o.costed && baseline.costed ? pairedDifference(series(o, 'staffedCost'), series(baseline, 'staffedCost')) : undefined,
  }));
}
