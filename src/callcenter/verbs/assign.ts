// The one step that gives free agents waiting callers, and an agent's release after a call.
import type { RunState } from '../state.ts';
import { answer } from './answer.ts';

/**
 * While `team` has a free agent on duty and a caller it may take, that agent answers: the
 * longest-waiting caller of its own queue (priority lane first) or, with none, one of a team
 * it takes overflow from. Returns how many callers were answered.
 */
export function assignFreeAgents(s: RunState, team: number): number {
  let answered = 0;
  while (s.hasFreeAgent(team) && takeNextCaller(s, team)) answered++;
  return answered;
}

/** An agent of `team` is done with a call: off duty if their shift has ended, else free for the next caller. */
export function releaseAgent(s: RunState, team: number): void {
  s.vacateAgent(team);
  if (assignFreeAgents(s, team) === 0) s.notifyLoad(team);
}

function takeNextCaller(s: RunState, team: number): boolean {
  const own = s.queues[team]!.take(s.calls.items);
  if (own !== undefined) {
    answer(s, own, team);
    return true;
  }
  return s.design.overflowFrom[team]!.length > 0 && takeOverflowCaller(s, team);
}

/** With nobody waiting for it, a free agent of `team` takes a caller it may take from another team's queue. */
function takeOverflowCaller(s: RunState, team: number): boolean {
  for (const link of s.design.overflowFrom[team]!) {
    const call = s.queues[link.team]!.takeForOverflow(s.calls.items, s.now - link.after, s, team);
    if (call !== undefined) {
      s.notifyLoad(link.team);
      answer(s, call, team);
      return true;
    }
  }
  return false;
}
