// Turns one design of a scenario into index-based routing tables for the simulator:
// names are resolved once here so that the run itself only handles small integers.
import type { Distribution } from '../engine/distributions.ts';
import type { Design, Intent, Scenario, Team, Transfer, Ivr, Misroute } from '../scenario/model.ts';

/** Where a dialled number leads: a team index, or the IVR. */
export const TO_IVR = -1;

export interface CompiledTeam {
  readonly name: string;
  readonly agents: number;
  /** Overrides the intent's wrap-up time when set. */
  readonly wrapUp: Distribution | undefined;
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
  /** Per intent: the teams lacking its skill, in file order. */
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
}

export function compileDesign(scenario: Scenario, design: Design): CompiledDesign {
  const intents = scenario.demand.intents;
  const intentIndex = indexByName(intents);
  const teamIndex = indexByName(design.teams);
  const canHandle = new Uint8Array(design.teams.length * intents.length);
  design.teams.forEach((team, t) => {
    for (const skill of team.skills) canHandle[t * intents.length + lookup(intentIndex, skill)] = 1;
  });
  const teamsWhere = (i: number, skilled: boolean): Int32Array =>
    Int32Array.from(
      design.teams.map((_, t) => t).filter((t) => (canHandle[t * intents.length + i] === 1) === skilled),
    );
  const numbersWhere = (intent: Intent, advertised: boolean): Int32Array =>
    Int32Array.from(
      design.numbers.map((_, n) => n).filter((n) => design.numbers[n]!.for.includes(intent.name) === advertised),
    );
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
  };
}

function compileTeam(team: Team): CompiledTeam {
  return { name: team.name, agents: team.staffing.agents, wrapUp: team.wrapUp };
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
