// Verbs of a transfer: the agent sends the caller on, and the caller reaches the next line.
import { EventKind } from '../event-kinds.ts';
import { CallOutcome } from '../outcomes.ts';
import { NO_TEAM, type Call } from '../records.ts';
import { chooseTeam } from '../routing.ts';
import type { RunState } from '../state.ts';
import { handOff } from './advisor.ts';
import { releaseAgent } from './assign.ts';
import { endCall } from './end-call.ts';
import { joinQueue } from './queue.ts';

/**
 * The agent of `from` transfers the caller onwards (a misroute, or a triage team's handover):
 * to a team picked by `accuracy`, after the transfer's delay.
 */
export function transferCall(s: RunState, call: Call, from: number, accuracy: number): void {
  const transfer = s.design.transfer;
  s.observer.transferred(call, from);
  call.transfers++;
  call.issue.transfers++;
  const rng = s.streams.transfer;
  call.previousTeam = from;
  call.team = chooseTeam(s.design, call.issue.intent, accuracy, from, s.routing, s, rng);
  call.extraHandle += s.samplers.reexplain.draw(rng);
  call.priority = transfer.priority;
  const delay = s.samplers.transferDelay.draw(rng);
  if (transfer.mode === 'warm') {
    // The agent stays on the line until the caller reaches the next queue.
    call.warmFrom = from;
    call.serviceTime += delay;
  } else {
    s.observer.agentWorked(call, from, isMisroute(s, from));
    releaseAgent(s, from, handOff(call));
  }
  if (delay > 0) s.schedule(s.now + delay, EventKind.TransferArrived, call.slot);
  else reachNextTeam(s, call);
}

/** The transfer's delay is over: a warm transfer's agent hangs up; the caller is lost, or joins the next team's queue. */
export function reachNextTeam(s: RunState, call: Call): void {
  const warmFrom = call.warmFrom;
  if (warmFrom !== NO_TEAM) {
    call.warmFrom = NO_TEAM;
    s.observer.agentWorked(call, warmFrom, isMisroute(s, warmFrom));
    releaseAgent(s, warmFrom, handOff(call));
  }
  const drop = s.design.transfer.drop;
  if (drop > 0 && s.streams.transfer.next() < drop) {
    endCall(s, call, CallOutcome.Dropped);
    return;
  }
  joinQueue(s, call, call.team);
}

/** Whether the work of the agent of `from` who transfers a call was on a misroute: not a triage team's handover. */
function isMisroute(s: RunState, from: number): boolean {
  return s.design.teams[from]!.triage === undefined;
}
