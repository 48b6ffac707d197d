// Turns one design of a scenario into index-based routing tables for the simulator:
// names are resolved once here so that the run itself only handles small integers.
import type { Distribution } from '../engine/distributions.ts';
import type { AdvisorRule, AgentGroups, CallbackOffer, Design, Intent, Ivr, Misroute, Scenario, Staffing, Team, Transfer, Triage } from '../scenario/model.ts';

/** Where a dialled number leads: a team index, or the IVR. */
export const TO_IVR = -1;

export interface CompiledTeam {
  readonly name: string;
  readonly staffing: Staffing;
  /** Agents on duty at time 0. */
  readonly initialAgents: number;
  /** Overrides the intent's wrap-up time when set. */
  readonly wrapUp: Distribution | undefined;
  /** Most callers waiting at once; Infinity when unlimited. */
  readonly queueCapacity: number;
  /** Cost of a staffed agent-hour; undefined when not given. */
  readonly costPerHour: number | undefined;
  /** A triage team's handover; undefined for a team of skilled agents. */
  readonly triage: Triage | undefined;
  /** Groups of agents who differ in speed or resolution; undefined: the agents are alike. */
  readonly groups: AgentGroups | undefined;
}

/** One overflow rule seen from one side: the other team and the wait needed, seconds. */
export interface OverflowLink {
  readonly team: number;
  readonly after: number;
}

export interface CompiledDesign {
  readonly name: string;
  readonly intents: readonly Intent[];
  /** Cumulative intent shares, for drawing an intent with one uniform. */
  readonly cumulativeShares: Float64Array;
  readonly teams: readonly CompiledTeam[];
  /** canHandle[team * intents.length + intent] is 1 when the team has the intent's skill. */
  readonly canHandle: Uint8Array;
  /** Per intent: the teams with its skill, in file order. */
  readonly skilledTeams: readonly Int32Array[];
  /** Per intent: the teams of skilled agents lacking its skill (triage teams aside), in file order. */
  readonly unskilledTeams: readonly Int32Array[];
  /** Per intent: numbers advertised for it, and the others. */
  readonly rightNumbers: readonly Int32Array[];
  readonly otherNumbers: readonly Int32Array[];
  /** Per number: a team index or TO_IVR. */
  readonly numberTargets: Int32Array;
  readonly numberDials: readonly string[];
  readonly rightDialProbability: number;
  readonly ivr: Ivr | undefined;
  readonly misroute: Misroute;
  readonly transfer: Transfer;
  readonly continuity: boolean;
  /** Agents are individuals and repeat calls wait for the advisor (continuity: advisor); undefined otherwise. */
  readonly advisor: AdvisorRule | undefined;
  /** Longest talk, seconds; undefined: no cap. */
  readonly handleCap: number | undefined;
  /** Virtual hold on every queue; undefined: no offer. */
  readonly callbackOffer: CallbackOffer | undefined;
  /** Per team: teams whose agents may take its waiting callers, by increasing wait, in file order. */
  readonly overflowTo: readonly (readonly OverflowLink[])[];
  /** Per team: teams whose waiting callers its free agents may take, in file order. */
  readonly overflowFrom: readonly (readonly OverflowLink[])[];
}

export function compileDesign(scenario: Scenario, design: Design): CompiledDesign {
  const intents = scenario.demand.intents;
  const intentIndex = indexByName(intents);
  const teamIndex = indexByName(design.teams);
  const canHandle = new Uint8Array(design.teams.length * intents.length);
  design.teams.forEach((team, t) => {
    for (const skill of team.skills) canHandle[t * intents.length + lookup(intentIndex, skill)] = 1;
  });
  // A caller routed wrongly reaches a team of skilled agents lacking the skill, never a
  // triage team: a front desk is where calls start, not where routing errs to.
  const teamsWhere = (i: number, skilled: boolean): Int32Array =>
    Int32Array.from(
      design.teams
        .map((_, t) => t)
        .filter((t) => design.teams[t]!.triage === undefined && (canHandle[t * intents.length + i] === 1) === skilled),
    );
  const numbersWhere = (intent: Intent, advertised: boolean): Int32Array =>
    Int32Array.from(
      design.numbers.map((_, n) => n).filter((n) => design.numbers[n]!.for.includes(intent.name) === advertised),
    );
  const rules = design.overflow.map((rule) => ({
    from: lookup(teamIndex, rule.from),
    to: lookup(teamIndex, rule.to),
    after: rule.after,
  }));
  let cumulative = 0;
  return {
    name: design.name,
    intents,
    cumulativeShares: Float64Array.from(intents, (intent) => (cumulative += intent.share)),
    teams: design.teams.map(compileTeam),
    canHandle,
    skilledTeams: intents.map((_, i) => teamsWhere(i, true)),
    unskilledTeams: intents.map((_, i) => teamsWhere(i, false)),
    rightNumbers: intents.map((intent) => numbersWhere(intent, true)),
    otherNumbers: intents.map((intent) => numbersWhere(intent, false)),
    numberTargets: Int32Array.from(design.numbers, (n) =>
      n.to.kind === 'ivr' ? TO_IVR : lookup(teamIndex, n.to.team),
    ),
    numberDials: design.numbers.map((n) => n.dial),
    rightDialProbability: design.dialing.right,
    ivr: design.ivr,
    misroute: design.misroute,
    transfer: design.transfer,
    continuity: design.continuity,
    advisor: design.advisor,
    handleCap: design.handleCap,
    callbackOffer: design.callbackOffer,
    overflowTo: design.teams.map((_, t) =>
      rules
        .filter((r) => r.from === t)
        .map((r) => ({ team: r.to, after: r.after }))
        .sort((a, b) => a.after - b.after),
    ),
    overflowFrom: design.teams.map((_, t) => rules.filter((r) => r.to === t).map((r) => ({ team: r.from, after: r.after }))),
  };
}

function compileTeam(team: Team): CompiledTeam {
  return {
    name: team.name,
    staffing: team.staffing,
    initialAgents: agentsAt(team.staffing, 0),
    wrapUp: team.wrapUp,
    queueCapacity: team.queueCapacity ?? Infinity,
    costPerHour: team.costPerHour,
    triage: team.triage,
    groups: team.groups,
  };
}

/** Agents on duty at time t (a schedule repeats when shorter than the run). */
export function agentsAt(staffing: Staffing, t: number): number {
  if (staffing.kind === 'fixed') return staffing.agents;
  return staffing.counts[Math.floor(t / staffing.every) % staffing.counts.length]!;
}

function indexByName(items: readonly { readonly name: string }[]): Map<string, number> {
  return new Map(items.map((item, i) => [item.name, i]));
}

function lookup(index: Map<string, number>, name: string): number {
  const i = index.get(name);
  // The scenario loader checks every name; reaching this is a bug, not bad input.
  if (i === undefined) throw new Error(`unresolved name "${name}" in a validated scenario`);
  return i;
}
