// Verbs of the callback offer (virtual hold): offering it to a waiting caller, and the agent's
// call back at the caller's turn.
//
// The rules, as the scenario format documents them:
// - A caller still waiting `after` seconds into a queue is offered a callback, once per queue
//   entry; they accept with probability `accept`. An accepted caller hangs up but keeps their
//   place: they stay in the queue (counted as waiting, for overflow and for the team's
//   figures) and their patience timer is cancelled, so they no longer abandon. They may still
//   be taken through overflow: that agent calls them back.
// - When an agent takes them, the agent calls them back and reaches them with probability
//   `reach`; reached, the call goes on as an answer. The attempt itself takes no agent time:
//   the format gives no dialling time, and the ring is part of the talk the caller would have
//   had anyway. Not reached, the agent is free again at once and the call ends unresolved
//   (outcome notReached), so the `callback` rule of demand applies.
// - At a closing with `atClosing: disconnect`, accepted callers are not on the line: they keep
//   their place and are called back when agents take them.
import { EventKind } from '../event-kinds.ts';
import { NO_TIMER, OfferState, type Call } from '../records.ts';
import type { RunState } from '../state.ts';

/**
 * The caller will be offered a callback `after` seconds into their queue entry (at once if
 * they have waited that long, for their advisor say), if still waiting then.
 */
export function startCallbackOffer(s: RunState, call: Call): void {
  const at = Math.max(s.now, call.queueEntryTime + s.design.callbackOffer!.after);
  call.offerTimer = s.schedule(at, EventKind.CallbackOffer, call.slot);
}

/** The offer is made now: an accepting caller keeps their place and no longer abandons. */
export function offerCallback(s: RunState, call: Call): void {
  call.offerTimer = NO_TIMER;
  if (s.callbackOffer!.next() >= s.design.callbackOffer!.accept) {
    call.offerState = OfferState.Declined;
    return;
  }
  call.offerState = OfferState.Accepted;
  if (call.patienceTimer !== NO_TIMER) {
    s.events.cancel(call.patienceTimer);
    call.patienceTimer = NO_TIMER;
  }
}

/** Whether the agent calling back a caller who accepted the offer reaches them. */
export function reachedOnCallback(s: RunState): boolean {
  return s.callbackOffer!.next() < s.design.callbackOffer!.reach;
}

/**
 * The agent who took a caller to call back did not reach them: the agent is freed at this
 * very instant (CallbackMissed), through the same step as an agent finishing a call.
 */
export function missCallback(s: RunState, call: Call): void {
  call.serviceTime = 0;
  s.schedule(s.now, EventKind.CallbackMissed, call.slot);
}
