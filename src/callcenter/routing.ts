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
 * the intent's skill (the one with the fewest callers waiting per agent, ties to the first
 * listed), otherwise a uniformly chosen team lacking it, never `exclude` (the team
 * transferring the call). When no such team exists the caller goes to a skilled one.
 */
export function chooseTeam(
  design: CompiledDesign,
  intent: number,
  accuracy: number,
  exclude: number,
  queues: readonly TeamQueue[],
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
  return leastLoaded(design, design.skilledTeams[intent]!, queues);
}

function leastLoaded(design: CompiledDesign, teams: Int32Array, queues: readonly TeamQueue[]): number {
  let best = teams[0]!;
  for (let i = 1; i < teams.length; i++) {
    const team = teams[i]!;
    // waiting/agents compared without division: w1 * a2 < w2 * a1.
    if (queues[team]!.waiting * design.teams[best]!.agents < queues[best]!.waiting * design.teams[team]!.agents) {
      best = team;
    }
  }
  return best;
}
