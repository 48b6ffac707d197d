// Routing choices: which number a caller dials, and which team an IVR or a transfer picks.
import type { RandomStream } from '../engine/random.ts';
import type { CompiledDesign } from './compile.ts';

/** What a routing policy may look at: the load of each team now. */
export interface TeamLoads {
  waitingIn(team: number): number;
  onDutyIn(team: number): number;
}

/** Picks the team that takes a routed caller among the teams with the caller's skill. */
export interface RoutingPolicy {
  /** `candidates`: at least one team, in file order. */
  pickTeam(candidates: Int32Array, loads: TeamLoads): number;
}

/** The team with the fewest callers waiting per agent on duty (none on duty: last; ties: first listed). */
export const LEAST_LOADED: RoutingPolicy = {
  pickTeam(candidates, loads) {
    let best = candidates[0]!;
    if (candidates.length === 1) return best;
    let bestLoad = load(loads, best);
    for (let i = 1; i < candidates.length; i++) {
      const team = candidates[i]!;
      const teamLoad = load(loads, team);
      if (teamLoad < bestLoad) {
        best = team;
        bestLoad = teamLoad;
      }
    }
    return best;
  },
};

function load(loads: TeamLoads, team: number): number {
  const agents = loads.onDutyIn(team);
  return agents > 0 ? loads.waitingIn(team) / agents : Infinity;
}

/**
 * The number a caller dials: with probability `dialing.right` one advertised for their
 * intent, otherwise a uniformly chosen other one. Uses the issue's own draws, so every
 * design sees the same callers dial right or wrong.
 */
export function chooseNumber(design: CompiledDesign, intent: number, dialDraw: number, pickDraw: number): number {
  const other = design.otherNumbers[intent]!;
  const choices = other.length === 0 || dialDraw < design.rightDialProbability ? design.rightNumbers[intent]! : other;
  return choices[Math.floor(pickDraw * choices.length)]!;
}

/** A number advertised for the intent, uniformly chosen: what a caller told the right number dials. */
export function chooseRightNumber(design: CompiledDesign, intent: number, pickDraw: number): number {
  const right = design.rightNumbers[intent]!;
  return right[Math.floor(pickDraw * right.length)]!;
}

/**
 * The team an IVR or a transfer sends a caller to: with probability `accuracy` one with the
 * intent's skill (the policy picks which), otherwise a uniformly chosen team lacking it, never
 * `exclude` (the team transferring the call). When no such team exists the caller goes to a
 * skilled one.
 */
export function chooseTeam(
  design: CompiledDesign,
  intent: number,
  accuracy: number,
  exclude: number,
  policy: RoutingPolicy,
  loads: TeamLoads,
  rng: RandomStream,
): number {
  if (accuracy < 1 && rng.next() >= accuracy) {
    const wrong = design.unskilledTeams[intent]!;
    const candidates = wrong.length - (wrong.includes(exclude) ? 1 : 0);
    if (candidates > 0) {
      let k = Math.floor(rng.next() * candidates);
      for (const team of wrong) {
        if (team === exclude) continue;
        if (k-- === 0) return team;
      }
    }
  }
  return policy.pickTeam(design.skilledTeams[intent]!, loads);
}
