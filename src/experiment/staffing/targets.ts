// Staffing targets: which metrics a staffing can be asked to reach (those that get better
// with more agents, and which way), what each target applies to (the design, every team,
// one team, one intent, every interval), the refusal of targets no staffing can meet, and
// the check of a simulated design against them.
import { DESIGN_METRICS, INTERVAL_METRICS, TEAM_METRICS, type MetricUnit } from '../../metrics/metric-catalogue.ts';
import type { DesignResult, Estimate } from '../../metrics/results.ts';
import { ScenarioError, type Design, type Problem, type Scenario, type StaffingTargetInput } from '../../scenario/index.ts';
import { TARGET_KEY_PATTERN } from '../../scenario/schema-staffing.ts';

/** Which way a metric goes as agents are added. */
type Direction = 'rises' | 'falls';

/** Metrics that more agents improve, with the way they go: the only ones a target may name. */
const RESPONSIVE: Readonly<Record<string, Direction>> = {
  serviceLevel: 'rises',
  fcr: 'rises',
  onceAndDone: 'rises',
  resolvedShare: 'rises',
  pWait: 'falls',
  waitMean: 'falls',
  asa: 'falls',
  waitP50: 'falls',
  waitP90: 'falls',
  waitP95: 'falls',
  abandonRate: 'falls',
  blockedShare: 'falls',
  givenUpShare: 'falls',
  contactsPerIssue: 'falls',
  timeToResolution: 'falls',
  waitPerIssue: 'falls',
  callDuration: 'falls',
  phoneTimePerIssue: 'falls',
  occupancy: 'falls',
  queueLength: 'falls',
};

const has = (catalogue: readonly { name: string }[], metric: string): boolean => catalogue.some((m) => m.name === metric);
const unitOf = (metric: string): MetricUnit =>
  [...DESIGN_METRICS, ...TEAM_METRICS].find((m) => m.name === metric)?.unit ?? 'ratio';

/** What a target's figure is taken from. */
export type TargetSubject =
  | { readonly kind: 'design' }
  | { readonly kind: 'team'; readonly team: string }
  | { readonly kind: 'intent'; readonly intent: string }
  /** Every team of the design (scope team, a metric teams have). */
  | { readonly kind: 'everyTeam' };

export interface StaffingTarget {
  /** As written: `serviceLevel`, `teams.billing.asa`. */
  readonly key: string;
  readonly metric: string;
  readonly unit: MetricUnit;
  readonly subject: TargetSubject;
  readonly comparator: '>=' | '<=';
  readonly value: number;
  /** Per-interval staffing: the target holds in every interval (a metric of the interval rows). */
  readonly everyInterval: boolean;
}

export interface TargetRequest {
  readonly targets: readonly StaffingTargetInput[];
  readonly scope: 'team' | 'design';
  readonly per: 'day' | 'interval';
  /** Where the targets were written, for messages: `staffing.targets` in the file, or `--target`. */
  readonly from: 'file' | 'command line';
}

/**
 * The targets, checked against the metrics and the scenario: a metric that more agents do
 * not improve, a bound the wrong way round, a unit that does not fit, an unknown team or
 * intent, and a bound no finite staffing reaches are refused before any simulation.
 * @throws ScenarioError naming the file and the field path (or the option) of each problem
 */
export function resolveTargets(scenario: Scenario, designs: readonly Design[], request: TargetRequest): StaffingTarget[] {
  const problems: Problem[] = [];
  const file = scenario.file ?? 'scenario';
  const targets: StaffingTarget[] = [];
  for (const input of request.targets) {
    const path = request.from === 'file' ? `staffing.targets.${input.key}` : `--target ${input.key}`;
    const refuse = (message: string): void => {
      problems.push({ file: request.from === 'file' ? file : 'spoc staff', path, message });
    };
    const parsed = TARGET_KEY_PATTERN.exec(input.key);
    if (parsed === null) {
      refuse(`found ${JSON.stringify(input.key)}, expected a metric such as serviceLevel, or teams.NAME.METRIC, intents.NAME.METRIC`);
      continue;
    }
    const [, level, owner, metric] = parsed as unknown as [string, 'teams' | 'intents' | undefined, string | undefined, string];
    const direction = RESPONSIVE[metric];
    if (direction === undefined) {
      const known = has(DESIGN_METRICS, metric) || has(TEAM_METRICS, metric);
      refuse(
        known
          ? `found ${metric}, which more agents do not improve; expected one of ${Object.keys(RESPONSIVE).join(', ')}`
          : `found the unknown metric ${JSON.stringify(metric)}, expected one of ${Object.keys(RESPONSIVE).join(', ')}`,
      );
      continue;
    }
    const subject = subjectOf(level, owner, metric, request.scope, scenario, designs, refuse);
    if (subject === undefined) continue;
    const unit = unitOf(metric);
    const reason = impossibility(metric, direction, unit, input, scenario);
    if (reason !== undefined) {
      refuse(reason);
      continue;
    }
    const everyInterval = request.per === 'interval' && subject.kind !== 'team' && subject.kind !== 'intent' && has(INTERVAL_METRICS, metric);
    targets.push({ key: input.key, metric, unit, subject, comparator: input.comparator, value: input.value, everyInterval });
  }
  if (request.per === 'interval' && request.scope === 'team') {
    for (const design of designs) {
      if (design.teams.length > 1) {
        problems.push({
          file: request.from === 'file' ? file : 'spoc staff',
          path: request.from === 'file' ? 'staffing.scope' : '--scope',
          message: `found scope team with per interval for design ${design.name} (${design.teams.length} teams), expected scope design: interval figures are the design's, not each team's`,
        });
      }
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return targets;
}

function subjectOf(
  level: 'teams' | 'intents' | undefined,
  owner: string | undefined,
  metric: string,
  scope: 'team' | 'design',
  scenario: Scenario,
  designs: readonly Design[],
  refuse: (message: string) => void,
): TargetSubject | undefined {
  if (level === 'teams') {
    if (!designs.some((d) => d.teams.some((t) => t.name === owner))) {
      refuse(`found the team ${JSON.stringify(owner)}, expected a team of a design staffed (${[...new Set(designs.flatMap((d) => d.teams.map((t) => t.name)))].join(', ')})`);
      return undefined;
    }
    if (!has(TEAM_METRICS, metric)) {
      refuse(`found ${metric} for a team, expected a team metric (${TEAM_METRICS.map((m) => m.name).filter((m) => m in RESPONSIVE).join(', ')})`);
      return undefined;
    }
    return { kind: 'team', team: owner! };
  }
  if (level === 'intents') {
    if (!scenario.demand.intents.some((i) => i.name === owner)) {
      refuse(`found the intent ${JSON.stringify(owner)}, expected one of ${scenario.demand.intents.map((i) => i.name).join(', ')}`);
      return undefined;
    }
    if (!has(DESIGN_METRICS, metric) || metric === 'occupancy' || metric === 'queueLength') {
      refuse(`found ${metric} for an intent, expected a metric of calls (serviceLevel, abandonRate, asa, waitMean, fcr, ...)`);
      return undefined;
    }
    return { kind: 'intent', intent: owner! };
  }
  if (scope === 'team' && has(TEAM_METRICS, metric)) return { kind: 'everyTeam' };
  if (!has(DESIGN_METRICS, metric)) {
    refuse(`found ${metric}, a team metric, with scope design, expected teams.NAME.${metric} or scope team`);
    return undefined;
  }
  return { kind: 'design' };
}

/** Why no staffing can meet the bound, or undefined when some may. */
function impossibility(metric: string, direction: Direction, unit: MetricUnit, input: StaffingTargetInput, scenario: Scenario): string | undefined {
  const rises = direction === 'rises';
  const written = input.comparator === '>=' ? `at least ${input.value}` : `at most ${input.value}`;
  if ((input.comparator === '>=') !== rises) {
    return `found ${metric} ${input.comparator} ${input.value}, expected ${metric} ${rises ? '>=' : '<='} X: ${metric} ${rises ? 'rises' : 'falls'} as agents are added, so a staffing search looks for ${rises ? 'a floor' : 'a ceiling'}`;
  }
  if (unit === 'seconds' && input.written === 'percent') return `found a percentage for ${metric}, expected a duration such as 30s`;
  if (unit !== 'seconds' && input.written === 'duration') return `found a duration for ${metric}, expected ${unit === 'share' ? 'a share such as 0.8 or 80%' : 'a number'}`;
  if (unit === 'share' && !(input.value >= 0 && input.value <= 1)) return `found ${input.value} for ${metric}, expected a share from 0 to 1`;
  if (!(input.value >= 0)) return `found ${input.value} for ${metric}, expected a value of 0 or more`;
  if (rises && unit === 'share' && input.value >= 1) {
    return `found ${metric} ${written}: no finite staffing reaches 1, as with random arrivals and call lengths some callers always ${metric === 'serviceLevel' ? `wait more than ${scenario.run.serviceLevel} s` : 'miss it'}; expected a share below 1`;
  }
  if (!rises && input.value <= 0) {
    const patience = scenario.demand.intents.some((i) => i.patience !== null);
    const why =
      metric === 'abandonRate' || metric === 'givenUpShare'
        ? patience
          ? 'with patience some callers always hang up before an agent is free'
          : 'nobody abandons without patience: the target says nothing'
        : metric === 'occupancy'
          ? 'agents on duty are busy some of the time whenever calls come'
          : 'with random arrivals some callers always wait';
    return `found ${metric} <= 0: ${why}; expected a bound above 0`;
  }
  if (metric === 'contactsPerIssue' && input.value < 1) return `found contactsPerIssue <= ${input.value}: every issue makes at least one call; expected 1 or more`;
  return undefined;
}

/** One target checked on one figure: the design's, a team's, an intent's, or one interval's. */
export interface TargetCheck {
  readonly target: StaffingTarget;
  /** The design, a team's or an intent's name, or the interval's index. */
  readonly of: { readonly kind: 'design' } | { readonly kind: 'team'; readonly team: string } | { readonly kind: 'intent'; readonly intent: string } | { readonly kind: 'interval'; readonly index: number };
  readonly value: Estimate;
  readonly met: boolean;
  /** How far the mean is from the bound, relative to it: 0 when met. */
  readonly shortfall: number;
}

/**
 * Every target of the design checked on its simulated figures. A figure with no value (no
 * queue entry in an interval, a team nobody reached) meets it: there is nobody to serve.
 * @param counted per interval row, whether its figures count (the warm-up's and the drain's do not)
 */
export function checkTargets(result: DesignResult, teams: readonly string[], targets: readonly StaffingTarget[], counted?: readonly boolean[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const target of targets) {
    const check = (of: TargetCheck['of'], value: Estimate | undefined): void => {
      const estimate = value ?? { mean: NaN, ci95: null };
      const shortfall = shortfallOf(target, estimate.mean);
      checks.push({ target, of, value: estimate, met: shortfall === 0, shortfall });
    };
    if (target.everyInterval) {
      result.byInterval?.forEach((row, index) => {
        if (row.end !== null && (counted?.[index] ?? true)) check({ kind: 'interval', index }, row.metrics[target.metric as keyof typeof row.metrics]);
      });
      if (result.byInterval !== undefined) continue;
    }
    switch (target.subject.kind) {
      case 'design':
        check({ kind: 'design' }, result.metrics[target.metric as keyof DesignResult['metrics']]);
        break;
      case 'intent':
        check({ kind: 'intent', intent: target.subject.intent }, (result.byIntent[target.subject.intent] as Readonly<Record<string, Estimate>> | undefined)?.[target.metric]);
        break;
      case 'team':
        if (teams.includes(target.subject.team)) check({ kind: 'team', team: target.subject.team }, result.byTeam[target.subject.team]?.[target.metric as keyof DesignResult['byTeam'][string]]);
        break;
      case 'everyTeam':
        for (const team of teams) check({ kind: 'team', team }, result.byTeam[team]?.[target.metric as keyof DesignResult['byTeam'][string]]);
        break;
    }
  }
  return checks;
}

function shortfallOf(target: StaffingTarget, mean: number): number {
  if (!Number.isFinite(mean)) return 0;
  const gap = target.comparator === '>=' ? target.value - mean : mean - target.value;
  return gap > 0 ? gap / Math.max(Math.abs(target.value), 1e-9) : 0;
}

/** "serviceLevel >= 0.8": a target in words, as written. */
export function targetText(target: StaffingTarget): string {
  return `${target.key} ${target.comparator} ${target.value}`;
}
