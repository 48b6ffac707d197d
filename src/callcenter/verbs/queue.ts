// Verbs of a team's line: joining it (answered at once, waiting, or a busy signal) and leaving it.
import { EventKind } from '../event-kinds.ts';
import { CallOutcome } from '../outcomes.ts';
import { NO_AGENT, NOT_QUEUED, type Call } from '../records.ts';
import type { RunState } from '../state.ts';
import { answer } from './answer.ts';
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
  if (isFull(s, team)) {
    endCall(s, call, CallOutcome.Blocked);
    return;
  }
  enterQueue(s, call, team);
  s.queues[team]!.add(call, s.nextQueueSerial());
  startPatience(s, call);
  startOverflowTimer(s, call, team);
  s.notifyLoad(team);
}

/** Every waiting place of `team` is taken: in its queue, or waiting for one of its agents. */
export function isFull(s: RunState, team: number): boolean {
  return s.waitingIn(team) >= s.design.teams[team]!.queueCapacity;
}

/**
 * The caller's patience starts. The call's own draw serves its first queue (common random
 * numbers); later queues after a transfer draw afresh.
 */
export function startPatience(s: RunState, call: Call): void {
  const patienceSampler = s.samplers.callers[call.issue.intent]!.patience;
  const patience =
    call.queueEntries === 1
      ? call.draws.patience
      : patienceSampler === null
        ? Infinity
        : patienceSampler.draw(s.streams.patience);
  if (patience !== Infinity) call.patienceTimer = s.schedule(s.now + patience, EventKind.PatienceExpired, call.slot);
}

/** The first overflow rule of `team`'s queue, counted from the caller's queue entry, is timed. */
export function startOverflowTimer(s: RunState, call: Call, team: number): void {
  const overflow = s.design.overflowTo[team]!;
  if (overflow.length > 0) {
    call.overflowStage = 0;
    call.overflowTimer = s.schedule(Math.max(s.now, call.queueEntryTime + overflow[0]!.after), EventKind.OverflowReady, call.slot);
  }
}

export function enterQueue(s: RunState, call: Call, team: number): void {
  call.queueEntryTime = s.now;
  call.queueEntries++;
  s.observer.queueJoined(call, team);
}

/**
 * A waiting caller leaves the queue of `call.team`, or stops waiting for their advisor,
 * without an agent of it (gives up, overflows, hears the closing message, or the advisor's wait is over).
 */
export function leaveQueue(s: RunState, call: Call): void {
  const queue = s.queues[call.team]!;
  if (call.waitingFor === NO_AGENT) {
    queue.remove(call);
    return;
  }
  call.queueSerial = NOT_QUEUED;
  call.waitingFor = NO_AGENT;
  queue.waitingForAdvisor--;
}
