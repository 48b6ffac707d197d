// Giving free agents waiting callers: the one step, after an agent's release and at a shift start.
import { NO_AGENT } from '../records.ts';
import type { RunState } from '../state.ts';
import { releaseIndividual } from './advisor.ts';
import { answer } from './answer.ts';

/**
 * The one step that gives a free agent of `team` a waiting caller: the longest-waiting caller
 * of its own queue (priority lane first) or, with none, one of a team it takes overflow
 * from. Returns false when nobody is waiting for it. The caller checks that an agent is free.
 */
export function giveWaitingCaller(s: RunState, team: number): boolean {
  const own = s.queues[team]!.take(s.calls.items);
  if (own !== undefined) {
    answer(s, own, team);
    return true;
  }
  return s.design.overflowFrom[team]!.length > 0 && takeOverflowCaller(s, team);
}

/** Every free agent of `team` on duty takes a waiting caller while there is one (new agents on shift). */
export function assignFreeAgents(s: RunState, team: number): void {
  while (s.hasFreeAgent(team) && giveWaitingCaller(s, team)) {
    // each pass answers one caller
  }
}

/**
 * An agent of `team` is done with a call: off duty if their shift has ended, else free for
 * the next caller. `agent`: who, with individual agents; NO_AGENT otherwise.
 */
export function releaseAgent(s: RunState, team: number, agent: number): void {
  if (agent !== NO_AGENT) {
    releaseIndividual(s, agent);
    return;
  }
  s.vacateAgent(team);
  if (!s.hasFreeAgent(team) || !giveWaitingCaller(s, team)) s.notifyLoad(team);
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
