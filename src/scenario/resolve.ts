// The validated input resolved into the Scenario model: distributions built, defaults
// applied, teams and numbers in the shape the simulator reads.
import {
  empirical,
  erlang,
  exponential,
  fixed,
  gamma,
  lognormal,
  triangular,
  uniform,
  type Distribution,
} from '../engine/distributions.ts';
import { IVR } from './cross-checks.ts';
import type { AgentGroups, Arrivals, Design, Intent, PhoneNumber, Recontact, Scenario, Staffing, StaffingPlan, Team } from './model.ts';
import { ALWAYS_OPEN, type OpenHours } from './open-hours.ts';
import type { DistributionSpec } from './schema-distributions.ts';
import { layered, MISROUTE_DEFAULTS, TRANSFER_DEFAULTS } from './schema-routing-costs.ts';
import { DEFAULT_MAX_REPLICATIONS_FACTOR, MAX_REPLICATIONS } from './schema-limits.ts';
import type { DesignInput, ScenarioInput, TeamInput } from './schema.ts';
import { DAY_KEYS, parseDays } from './week-time.ts';

/** The model of a scenario whose input passed every check; `files` holds the values of its empirical files. */
export function resolveScenario(
  input: ScenarioInput,
  file: string,
  files: ReadonlyMap<string, readonly number[]>,
  sha256: string | undefined,
): Scenario {
  const dist = (spec: DistributionSpec): Distribution => toDistribution(spec, files);
  const recontact = (block: { probability: number; after: DistributionSpec } | undefined): Recontact | null =>
    block === undefined ? null : { probability: block.probability, after: dist(block.after) };
  const intentNames = Object.keys(input.demand.intents);
  const demandPatience = input.demand.patience;
  const intents: Intent[] = Object.entries(input.demand.intents).map(([name, intent]) => {
    const patience = intent.patience ?? demandPatience ?? 'none';
    return {
      name,
      share: intent.share,
      handle: dist(intent.handle),
      wrapUp: dist(intent.wrapUp),
      resolve: intent.resolve,
      selfService: intent.selfService,
      patience: patience === 'none' ? null : dist(patience),
    };
  });

  const calendarOpen = input.calendar?.open ?? ALWAYS_OPEN;
  const designs = Object.entries(input.designs).map(([name, design]) =>
    resolveDesign(name, design, input, intentNames, calendarOpen, dist),
  );
  return {
    name: input.name,
    description: input.description,
    file,
    sha256,
    run: {
      start: input.run.start ?? 0,
      clock: input.run.start !== undefined || input.calendar !== undefined ? 'week' : 'run',
      horizon: input.run.horizon,
      warmup: input.run.warmup,
      drain: input.run.drain,
      replications: input.run.replications,
      seed: input.run.seed,
      serviceLevel: input.run.serviceLevel,
      precision: Object.entries(input.run.precision ?? {}).map(([metric, target]) => ({ metric, ...target })),
      maxReplications:
        input.run.maxReplications ??
        Math.max(input.run.replications, Math.min(MAX_REPLICATIONS, DEFAULT_MAX_REPLICATIONS_FACTOR * input.run.replications)),
    },
    demand: {
      arrivals: resolveArrivals(input.demand.arrivals),
      intents,
      retry: recontact(input.demand.retry),
      callback: recontact(input.demand.callback),
      reexplainOnRepeat: input.demand.reexplainOnRepeat === undefined ? null : dist(input.demand.reexplainOnRepeat),
    },
    calendar: {
      reopenDelay: dist(input.calendar?.reopenDelay ?? { dist: 'fixed', value: 0 }),
      atClosing: input.calendar?.atClosing ?? 'serve',
      closedRetry: input.calendar?.closedRetry ?? 1,
    },
    designs,
    sweep: Object.entries(input.sweep ?? {}).map(([path, values]) => ({ path, values })),
    ...(input.staffing === undefined ? {} : { staffing: resolveStaffing(input.staffing) }),
  };
}

function resolveStaffing(input: NonNullable<ScenarioInput['staffing']>): StaffingPlan {
  return {
    targets: Object.entries(input.targets).map(([key, bound]) => ({ key, ...bound })),
    scope: input.scope,
    per: input.per,
    every: input.every,
    shifts: input.shifts === undefined ? undefined : { lengths: input.shifts.lengths, startEvery: input.shifts.startEvery, costPerHour: input.shifts.costPerHour },
  };
}

function resolveArrivals(arrivals: ScenarioInput['demand']['arrivals']): Arrivals {
  const dailyVolume = arrivals.dailyVolume === undefined ? null : { cv: arrivals.dailyVolume.cv };
  const { profile } = arrivals;
  if (profile?.byDay !== undefined) {
    const byDay = DAY_KEYS.map((): number[] => []);
    for (const [key, rates] of Object.entries(profile.byDay)) {
      const days = parseDays(key);
      if (!days.ok) throw new Error(`unreachable: byDay key ${key} passed the schema`);
      for (const day of days.value) byDay[day] = rates;
    }
    return { kind: 'weekly', every: profile.every, byDay, dailyVolume };
  }
  if (profile?.rates !== undefined) return { kind: 'profile', every: profile.every, ratesPerSecond: profile.rates, dailyVolume };
  if (arrivals.rate === undefined) throw new Error('unreachable: arrivals without rate or profile');
  return { kind: 'poisson', ratePerSecond: arrivals.rate, dailyVolume };
}

function resolveDesign(
  name: string,
  design: DesignInput,
  top: Pick<ScenarioInput, 'teams' | 'misroute' | 'transfer'>,
  intentNames: readonly string[],
  calendarOpen: OpenHours,
  dist: (spec: DistributionSpec) => Distribution,
): Design {
  const teams = design.teams ?? top.teams;
  if (teams === undefined) throw new Error(`unreachable: design ${name} has no teams`);
  const misroute = layered(MISROUTE_DEFAULTS, top.misroute, design.misroute);
  const transfer = layered(TRANSFER_DEFAULTS, top.transfer, design.transfer);
  return {
    name,
    teams: Object.entries(teams).map(([teamName, team]) => resolveTeam(teamName, team, dist)),
    numbers: design.numbers.map(
      (n): PhoneNumber => ({
        dial: n.dial,
        to: n.to === IVR ? { kind: 'ivr' } : { kind: 'team', team: n.to },
        for: n.for ?? intentNames,
        open: n.open ?? calendarOpen,
      }),
    ),
    dialing: { right: design.dialing.right },
    ivr:
      design.ivr === undefined
        ? undefined
        : { menu: dist(design.ivr.menu), accuracy: design.ivr.accuracy, selfService: design.ivr.selfService },
    misroute: { identify: dist(misroute.identify), action: misroute.action },
    transfer: {
      delay: dist(transfer.delay),
      reexplain: dist(transfer.reexplain),
      drop: transfer.drop,
      priority: transfer.priority,
      accuracy: transfer.accuracy,
      mode: transfer.mode,
      maxHops: transfer.maxHops,
    },
    overflow: (design.overflow ?? []).map((rule) => ({ from: rule.from, to: rule.to, after: rule.after })),
    continuity: design.continuity !== false,
    advisor: design.continuity === 'advisor' ? { wait: design.advisorWait ?? Infinity } : undefined,
    handleCap: design.handleCap,
    callbackOffer: design.callbackOffer,
  };
}

function resolveTeam(name: string, team: TeamInput, dist: (spec: DistributionSpec) => Distribution): Team {
  const agents = team.agents;
  const { staffing, groups } = Array.isArray(agents) ? resolveGroups(agents, team.select) : { staffing: staffingOf(agents), groups: undefined };
  return {
    name,
    staffing,
    groups,
    skills: team.skills ?? [],
    triage:
      team.role === 'triage' && team.triage !== undefined
        ? { time: dist(team.triage), accuracy: team.accuracy ?? 1 }
        : undefined,
    wrapUp: team.wrapUp === undefined ? undefined : dist(team.wrapUp),
    queueCapacity: team.queueCapacity,
    costPerHour: team.costPerHour,
  };
}

type CountInput = number | { readonly every: number; readonly counts: readonly number[] };

function staffingOf(count: CountInput): Staffing {
  return typeof count === 'number' ? { kind: 'fixed', agents: count } : { kind: 'schedule', every: count.every, counts: count.counts };
}

function resolveGroups(
  groups: readonly { count: CountInput; name: string; handleFactor: number; resolveFactor: number }[],
  select: AgentGroups['select'],
): { staffing: Staffing; groups: AgentGroups } {
  const resolved = groups.map((g) => ({ name: g.name, staffing: staffingOf(g.count), handleFactor: g.handleFactor, resolveFactor: g.resolveFactor }));
  return { staffing: sumOfStaffings(resolved.map((g) => g.staffing)), groups: { select, groups: resolved } };
}

/** The team's agents: the groups' counts added period by period (validation gave their schedules one length). */
function sumOfStaffings(staffings: readonly Staffing[]): Staffing {
  const schedule = staffings.find((s) => s.kind === 'schedule');
  const fixed = staffings.reduce((sum, s) => sum + (s.kind === 'fixed' ? s.agents : 0), 0);
  if (schedule === undefined) return { kind: 'fixed', agents: fixed };
  const counts = schedule.counts.map((_, k) => staffings.reduce((sum, s) => sum + (s.kind === 'fixed' ? 0 : s.counts[k]!), fixed));
  return { kind: 'schedule', every: schedule.every, counts };
}

/**
 * The engine's distribution for a validated specification (durations in seconds).
 * @param files the values of the empirical distributions' files, by name as written
 */
export function toDistribution(spec: DistributionSpec, files: ReadonlyMap<string, readonly number[]> = new Map()): Distribution {
  switch (spec.dist) {
    case 'fixed':
      return fixed(spec.value);
    case 'exponential':
      return exponential(spec.mean);
    case 'lognormal':
      return lognormal(spec.mean, spec.sd ?? spec.mean * (spec.cv ?? 0));
    case 'gamma':
      return gamma(spec.mean, spec.cv);
    case 'erlang':
      return erlang(spec.mean, spec.k);
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'empirical': {
      const values = spec.values ?? (spec.file === undefined ? undefined : files.get(spec.file));
      if (values === undefined) throw new Error(`unreachable: no values for the empirical file ${String(spec.file)}`);
      return empirical(values);
    }
  }
}
