// Routing choices: which number a caller dials, and which team an IVR or a transfer picks.
import type { RandomStream } from '../engine/random.ts';
import type { CompiledDesign } from './compile.ts';
import type { TeamQueue } from './team-queue.ts';

/**
 * The number a caller dials: with probability `dialing.right` one advertised for their
 * intent, otherwise a uniformly chosen other one. Uses the issue's own draws, so every
 * design sees the same callers dial right or wrong.
 */
export function chooseNumber(design: CompiledDesign, intent: number, dialDraw: number, pickDraw: number): number {
  const right = design.rightNumbers[intent]!;
  const other = design.otherNumbers[intent]!;
  const choices = other.length === 0 || dialDraw < design.rightDialProbability ? right : other;
  return choices[Math.floor(pickDraw * choices.length)]!;
}

/**
 * The team an IVR or a transfer sends a caller to: with probability `accuracy` a team with
 * the intent's skill (the one with the fewest callers waiting per agent on duty, ties to the
 * first listed), otherwise a uniformly chosen team lacking it, never `exclude` (the team
 * transferring the call). When no such team exists the caller goes to a skilled one.
 */
export function chooseTeam(
  design: CompiledDesign,
  intent: number,
  accuracy: number,
  exclude: number,
  queues: readonly TeamQueue[],
  agents: Int32Array,
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
  return leastLoaded(design.skilledTeams[intent]!, queues, agents);
}

/** The team with the fewest callers waiting per agent on duty (a team with none on duty: last). */
function leastLoaded(teams: Int32Array, queues: readonly TeamQueue[], agents: Int32Array): number {
  let best = teams[0]!;
  let bestLoad = load(queues[best]!.waiting, agents[best]!);
  for (let i = 1; i < teams.length; i++) {
    const team = teams[i]!;
    const teamLoad = load(queues[team]!.waiting, agents[team]!);
    if (teamLoad < bestLoad) {
      best = team;
      bestLoad = teamLoad;
    }
  }
  return best;
}

const load = (waiting: number, agents: number): number => (agents > 0 ? waiting / agents : Infinity);
