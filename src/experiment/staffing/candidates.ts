// A candidate staffing of one design, simulated on the run's replications: every candidate
// uses the same seed and replications (common random numbers), so two candidates differ only
// by their staffing. Candidates run as points on the replication executor (every core),
// and each staffing is simulated once: asking again returns the same evaluation.
import type { ReplicationMetrics } from '../../metrics/replication-accumulator.ts';
import type { DesignResult } from '../../metrics/results.ts';
import type { Design, Scenario, Staffing } from '../../scenario/model.ts';
import type { Executor } from '../executor.ts';
import { runPoints } from '../point-scheduler.ts';
import type { Counts } from './analytic-start.ts';
import { checkTargets, type StaffingTarget, type TargetCheck } from './targets.ts';

export interface Evaluation {
  readonly counts: Counts;
  readonly result: DesignResult;
  /** Every replication's values, in replication order: what paired comparisons use. */
  readonly replications: readonly ReplicationMetrics[];
  readonly checks: readonly TargetCheck[];
  /** Every check met. */
  readonly met: boolean;
  /** Sum of the checks' relative shortfalls: 0 when met. */
  readonly shortfall: number;
}

export interface CandidateSpace {
  readonly scenario: Scenario;
  readonly design: Design;
  readonly targets: readonly StaffingTarget[];
  /** Per-interval staffing: the interval, seconds; undefined for one count per team. */
  readonly every: number | undefined;
  /** Per interval row, whether its figures count (not the warm-up's). */
  readonly counted: readonly boolean[] | undefined;
}

/** Shared by every design's search: the executor, a point index per candidate, the count. */
export class CandidatePool {
  private nextPoint = 0;
  private simulated = 0;

  constructor(
    private readonly executor: Executor,
    private readonly onCandidate: (candidates: number, replicationsDone: number) => void = () => {},
    private readonly signal?: AbortSignal,
  ) {}

  /** Candidates simulated so far, over every design. */
  get candidates(): number {
    return this.simulated;
  }

  private replicationsDone = 0;

  /** Simulates the staffings (in parallel), in order; each result depends on its staffing alone. */
  async simulate(space: CandidateSpace, staffings: readonly Counts[]): Promise<{ result: DesignResult; replications: readonly ReplicationMetrics[] }[]> {
    const base = this.nextPoint;
    this.nextPoint += staffings.length;
    const scenarios = staffings.map((counts) => candidateScenario(space, counts));
    const out: { result: DesignResult; replications: readonly ReplicationMetrics[] }[] = [];
    for await (const outcome of runPoints({
      executor: this.executor,
      points: staffings.map((_, k) => ({ index: base + k, assignments: [] })),
      scenarioOf: (point) => scenarios[point.index - base]!,
      designsOf: () => [space.design.name],
      onReplication: () => this.onCandidate(this.simulated, ++this.replicationsDone),
      signal: this.signal,
    })) {
      this.simulated++;
      this.onCandidate(this.simulated, this.replicationsDone);
      out.push({ result: outcome.result.designs[space.design.name]!, replications: outcome.replications[0]!.replications });
    }
    return out;
  }
}

/** One design's candidates, each staffing simulated at most once. */
export class DesignCandidates {
  private readonly seen = new Map<string, Evaluation>();

  constructor(
    readonly space: CandidateSpace,
    private readonly pool: CandidatePool,
  ) {}

  /** Candidates of this design simulated so far. */
  get count(): number {
    return this.seen.size;
  }

  async evaluate(counts: Counts): Promise<Evaluation> {
    return (await this.evaluateAll([counts]))[0]!;
  }

  async evaluateAll(staffings: readonly Counts[]): Promise<Evaluation[]> {
    const fresh = [...new Map(staffings.filter((c) => !this.seen.has(key(c))).map((c) => [key(c), c])).values()];
    const simulated = await this.pool.simulate(this.space, fresh);
    fresh.forEach((counts, k) => {
      const { result, replications } = simulated[k]!;
      const teams = this.space.design.teams.map((team) => team.name);
      const checks = checkTargets(result, teams, this.space.targets, this.space.counted);
      const shortfall = checks.reduce((sum, check) => sum + check.shortfall, 0);
      this.seen.set(key(counts), { counts, result, replications, checks, met: checks.every((check) => check.met), shortfall });
    });
    return staffings.map((counts) => this.seen.get(key(counts))!);
  }
}

const key = (counts: Counts): string => counts.map((slots) => slots.join(',')).join('|');

/** The scenario of one candidate: the design alone, its teams staffed with `counts`, no precision target. */
export function candidateScenario(space: CandidateSpace, counts: Counts): Scenario {
  const { scenario, design, every } = space;
  const teams = design.teams.map((team, t) => ({ ...team, staffing: staffingOf(counts[t]!, every) }));
  return {
    ...scenario,
    run: { ...scenario.run, precision: [] },
    designs: [{ ...design, teams }],
    sweep: [],
  };
}

/** A team's staffing from its counts: a fixed number, or a schedule of one count per interval. */
export function staffingOf(counts: readonly number[], every: number | undefined): Staffing {
  return every === undefined ? { kind: 'fixed', agents: counts[0]! } : { kind: 'schedule', every, counts: [...counts] };
}
