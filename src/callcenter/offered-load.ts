// The offered load of each team of a design, from the traffic equations: where calls of
// each intent first land (numbers, dialling, IVR routing), how misrouted calls flow between
// teams (transfers up to maxHops, drops, redials), how triage teams hand callers over, and
// the agent time each visit takes.
// A planning estimate in Erlangs: waits and abandonment are not in it, and callbacks are
// counted at the rate they would have if every agent-answered call could lead to one.
import { meanOf } from '../engine/distributions.ts';
import { meanArrivalRate } from '../scenario/arrival-rates.ts';
import type { Scenario } from '../scenario/model.ts';
import { TO_IVR, type CompiledDesign, type CompiledTeam } from './compile.ts';
import { NO_TEAM } from './records.ts';
import { MAX_CALLS_PER_ISSUE } from './verbs/end-call.ts';

export interface TeamLoad {
  readonly team: string;
  /** Agents on duty: averaged over a schedule, or those of one interval. */
  readonly agents: number;
  /** Arrivals at the team's queue, per second. */
  readonly arrivalRate: number;
  /** Agent-seconds of work offered per second (Erlangs). */
  readonly offeredLoad: number;
  /** offeredLoad / agents: 1 or more means the queue can only grow (or callers abandon). */
  readonly utilisation: number;
}

/** The loads of a design's teams at the mean arrival rate and the agents averaged over each schedule. */
export function offeredLoads(scenario: Scenario, design: CompiledDesign): TeamLoad[] {
  return offeredLoadsAt(scenario, design, meanArrivalRate(scenario.demand.arrivals, scenario.run.start, scenario.run.horizon), design.teams.map((team) => averageAgents(team.staffing)));
}

/**
 * The loads of a design's teams when new issues arrive at `rate` (per second) and the teams
 * have `agents` on duty (skilled teams share calls in proportion to them), as if that lasted.
 * @param openNumbers per number of the design, whether it answers (default: all): calls
 *   dialling a closed number bring no load (they meet the closing message)
 */
export function offeredLoadsAt(
  scenario: Scenario,
  design: CompiledDesign,
  rate: number,
  agentsOnDuty: readonly number[],
  openNumbers?: readonly boolean[],
): TeamLoad[] {
  const teams = design.teams.length;
  const arrivals = new Float64Array(teams);
  const work = new Float64Array(teams);
  design.intents.forEach((intent, i) => {
    const first = firstLanding(design, i, agentsOnDuty, openNumbers);
    const redial = design.misroute.action === 'redial' ? firstLanding(design, i, agentsOnDuty, openNumbers, true) : undefined;
    // Repeat calls after an unresolved answer: 1 / (1 - (1 - resolve) * callback).
    const callback = scenario.demand.callback?.probability ?? 0;
    const callsPerIssue = Math.min(MAX_CALLS_PER_ISSUE, 1 / Math.max(1e-9, 1 - (1 - intent.resolve) * callback));
    // Every callback follows a skilled answer, so it re-explains (the team model tells no agent apart).
    const repeatReexplain = scenario.demand.reexplainOnRepeat === null ? 0 : (1 - 1 / callsPerIssue) * meanOf(scenario.demand.reexplainOnRepeat);
    const handled = meanOf(intent.handle) + meanOf(intent.wrapUp) + repeatReexplain;
    const warmDelay = design.transfer.mode === 'warm' ? meanOf(design.transfer.delay) : 0;
    const identify = meanOf(design.misroute.identify) + warmDelay;
    const reexplain = meanOf(design.transfer.reexplain);
    const transfer = redial === undefined ? transferHop(design, i, agentsOnDuty) : undefined;
    let flow = first.map((p) => p * rate * intent.share * callsPerIssue);
    for (let hop = 0; hop <= design.transfer.maxHops && flow.some((f) => f > 0); hop++) {
      // The calls misrouted at this hop, in total: they all go on the same way.
      let misrouted = 0;
      // The calls triage teams hand over at this hop, by the team they reach.
      let handedOver: number[] | undefined;
      flow.forEach((f, t) => {
        if (f === 0) return;
        arrivals[t]! += f;
        const team = design.teams[t]!;
        if (team.triage !== undefined) {
          work[t]! += f * (meanOf(team.triage.time) + warmDelay);
          handedOver ??= new Array<number>(teams).fill(0);
          const kept = f * (1 - design.transfer.drop);
          routed(design, i, agentsOnDuty, team.triage.accuracy, t).forEach((q, u) => (handedOver![u]! += kept * q));
          return;
        }
        if (design.canHandle[t * design.intents.length + i] === 1) {
          const wrapUp = team.wrapUp === undefined ? meanOf(intent.wrapUp) : meanOf(team.wrapUp);
          // The group factor multiplies the handle time only, not re-explaining.
          const slower = meanOf(intent.handle) * (loadedHandleFactor(team) - 1);
          work[t]! += f * (handled - meanOf(intent.wrapUp) + wrapUp + slower + (hop > 0 ? reexplain : 0));
          return;
        }
        work[t]! += f * identify;
        misrouted += f;
      });
      if (hop === design.transfer.maxHops || (misrouted === 0 && handedOver === undefined)) break;
      flow = redial !== undefined ? redial.map((p) => misrouted * p) : transfer!(flow, misrouted);
      if (handedOver !== undefined) flow = flow.map((f, u) => f + handedOver![u]!);
    }
  });
  return design.teams.map((team, t) => {
    const agents = agentsOnDuty[t]!;
    return {
      team: team.name,
      agents,
      arrivalRate: arrivals[t]!,
      offeredLoad: work[t]!,
      utilisation: agents > 0 ? work[t]! / agents : work[t]! > 0 ? Infinity : 0,
    };
  });
}

/**
 * The handle factor of a team's answers when all its agents are busy: each group then answers
 * in proportion to its agents' speed (count / handleFactor), so the answers' mean factor is
 * Σ count / Σ (count / handleFactor), on the groups' mean counts. Resolve factors are not in
 * the estimate (repeat calls are counted at the intent's resolve probability).
 */
function loadedHandleFactor(team: CompiledTeam): number {
  if (team.groups === undefined) return 1;
  let agents = 0;
  let speed = 0;
  for (const group of team.groups.groups) {
    const count = averageAgents(group.staffing);
    agents += count;
    speed += count / group.handleFactor;
  }
  return speed > 0 ? agents / speed : 1;
}

export function averageAgents(staffing: CompiledDesign['teams'][number]['staffing']): number {
  if (staffing.kind === 'fixed') return staffing.agents;
  return staffing.counts.reduce((a, b) => a + b, 0) / staffing.counts.length;
}

/** Where a call of intent i first reaches a team: by dialling, then the IVR's routing. */
function firstLanding(design: CompiledDesign, intent: number, agents: readonly number[], openNumbers: readonly boolean[] | undefined, rightNumberOnly = false): number[] {
  const share = new Array<number>(design.teams.length).fill(0);
  const right = design.rightNumbers[intent]!;
  const other = design.otherNumbers[intent]!;
  const pRight = rightNumberOnly || other.length === 0 ? 1 : design.rightDialProbability;
  const dialled: [Int32Array, number][] = [
    [right, pRight],
    [other, 1 - pRight],
  ];
  let byIvr: number[] | undefined; // the IVR's routing, the same from every number leading to it
  for (const [numbers, p] of dialled) {
    for (const n of numbers) {
      if (openNumbers !== undefined && !openNumbers[n]!) continue;
      const weight = p / numbers.length;
      const target = design.numberTargets[n]!;
      if (target !== TO_IVR) share[target]! += weight;
      else {
        const ivr = design.ivr!;
        // Self-service (when on) ends some calls in the IVR.
        const reachAgent = ivr.selfService ? 1 - design.intents[intent]!.selfService : 1;
        byIvr ??= routed(design, intent, agents, ivr.accuracy, NO_TEAM);
        byIvr.forEach((q, t) => (share[t]! += weight * reachAgent * q));
      }
    }
  }
  return share;
}

/**
 * The next hop of an intent's misrouted calls, transferred. Every team they leave lacks the
 * skill and routes them the same way (by the transfer's accuracy, never back to itself), so
 * a hop takes the misrouted total once instead of a routing per team: linear in teams.
 */
function transferHop(design: CompiledDesign, intent: number, agents: readonly number[]): (flow: readonly number[], misrouted: number) => number[] {
  const wrong = design.unskilledTeams[intent]!;
  // Routed from one misrouted team: the shares of the skilled teams are the same from any.
  const shares = wrong.length > 0 ? routed(design, intent, agents, design.transfer.accuracy, wrong[0]!) : [];
  const perOtherWrongTeam = wrong.length > 1 ? (1 - design.transfer.accuracy) / (wrong.length - 1) : 0;
  const kept = 1 - design.transfer.drop;
  return (flow, misrouted) => {
    const next = new Array<number>(flow.length).fill(0);
    for (const u of design.skilledTeams[intent]!) next[u] = misrouted * kept * shares[u]!;
    // A misrouted team's own calls do not come back to it.
    for (const u of wrong) next[u] = (misrouted - flow[u]!) * kept * perOtherWrongTeam;
    return next;
  };
}

/** Routing by accuracy: skilled teams in proportion to agents, else other unskilled teams evenly. */
function routed(design: CompiledDesign, intent: number, agentsOnDuty: readonly number[], accuracy: number, exclude: number): number[] {
  const share = new Array<number>(design.teams.length).fill(0);
  const skilled = [...design.skilledTeams[intent]!];
  const wrong = [...design.unskilledTeams[intent]!].filter((t) => t !== exclude);
  const pWrong = wrong.length > 0 ? 1 - accuracy : 0;
  const agents = skilled.map((t) => agentsOnDuty[t]!);
  const total = agents.reduce((a, b) => a + b, 0);
  skilled.forEach((t, k) => (share[t]! += (1 - pWrong) * (total > 0 ? agents[k]! / total : 1 / skilled.length)));
  for (const t of wrong) share[t]! += pWrong / wrong.length;
  return share;
}
