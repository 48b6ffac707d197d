// Verbs of a team's line: joining it (answered at once, waiting, or a busy signal) and leaving it.
import { EventKind } from '../event-kinds.ts';
import { CallOutcome } from '../outcomes.ts';
import { OfferState, type Call } from '../records.ts';
import type { RunState } from '../state.ts';
import { answer } from './answer.ts';
import { scheduleCallbackOffer } from './callback-offer.ts';
import { endCall } from './end-call.ts';

/** The caller reaches `team`'s line: a free agent answers, or the caller waits. */
export function joinQueue(s: RunState, call: Call, team: number): void {
  call.team = team;
  if (s.answersAtOnce(team)) {
    enterQueue(s, call, team);
    answer(s, call, team);
  } else {
    wait(s, call, team);
  }
}

/** No agent is free: the caller waits in the queue, or hears a busy signal when it is full. */
function wait(s: RunState, call: Call, team: number): void {
  const now = s.now;
  const queue = s.queues[team]!;
  if (queue.waiting >= s.design.teams[team]!.queueCapacity) {
    endCall(s, call, CallOutcome.Blocked);
    return;
  }
  enterQueue(s, call, team);
  queue.add(call, s.nextQueueSerial());
  // The call's own draw serves its first queue (common random numbers); later queues
  // after a transfer draw afresh.
  const patienceSampler = s.samplers.callers[call.issue.intent]!.patience;
  const patience =
    call.queueEntries === 1
      ? call.draws.patience
      : patienceSampler === null
        ? Infinity
        : patienceSampler.draw(s.streams.patience);
  if (patience !== Infinity) call.patienceTimer = s.schedule(now + patience, EventKind.PatienceExpired, call.slot);
  const overflow = s.design.overflowTo[team]!;
  if (overflow.length > 0) {
    call.overflowStage = 0;
    call.overflowTimer = s.schedule(now + overflow[0]!.after, EventKind.OverflowReady, call.slot);
  }
  const offer = s.design.callbackOffer;
  if (offer !== undefined && offer.after <= patience) scheduleCallbackOffer(s, call, offer.after);
  s.notifyLoad(team);
}

function enterQueue(s: RunState, call: Call, team: number): void {
  call.queueEntryTime = s.now;
  call.queueEntries++;
  call.offerState = OfferState.None;
  s.observer.queueJoined(call, team);
}

/** A waiting caller leaves the queue of `call.team` without an agent of it (gives up, or overflows). */
export function leaveQueue(s: RunState, call: Call): void {
  s.queues[call.team]!.remove(call);
}
