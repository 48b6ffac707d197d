// Verbs that start calls: a new issue's first call, a repeat call, dialling a number.
import type { RandomStream } from '../../engine/random.ts';
import type { CallerSamplers } from '../compile-run.ts';
import { TO_IVR } from '../compile.ts';
import { EventKind } from '../event-kinds.ts';
import { Call, CallDraws, Issue, NO_AGENT, NO_NUMBER, NO_TEAM, Recall } from '../records.ts';
import { chooseNumber, chooseRightNumber } from '../routing.ts';
import type { RunState } from '../state.ts';
import { CallOutcome } from '../outcomes.ts';
import { callAdvisor } from './advisor.ts';
import { endCall } from './end-call.ts';
import { deferRepeatCall } from './opening-hours.ts';
import { joinQueue } from './queue.ts';

/** Sets the time of the next new issue (the event queue's outside stream). */
export function scheduleNextArrival(s: RunState): void {
  const next = s.arrivals.next(s.now, s.streams.arrivals);
  s.events.external = next < s.run.settings.horizon ? next : Infinity;
}

/** A new issue appears now: its intent and its first call's draws are made here, in a fixed order. */
export function openIssue(s: RunState): Issue {
  const now = s.now;
  const issue = s.issues.acquire();
  issue.begin(drawIntent(s.design.cumulativeShares, s.streams.arrivals.next()), now, now >= s.run.settings.warmup);
  scheduleNextArrival(s);
  drawCall(issue.first, s.samplers.callers[issue.intent]!, s.streams.callers);
  s.issueCount++;
  s.observer.issueArrived(issue);
  return issue;
}

/** The issue's first call: its draws were made with the issue. A closed line ends it at once. */
export function startFirstCall(s: RunState, issue: Issue): void {
  const call = newCall(s, issue);
  copyDraws(issue.first, call.draws);
  const number = chooseNumber(s.design, issue.intent, call.draws.dialDraw, call.draws.pickDraw);
  const calendar = s.run.calendar;
  if (calendar !== null && !calendar.lines[number]!.isOpen(s.now)) {
    announceDial(s, call, number);
    endCall(s, call, CallOutcome.Closed);
    return;
  }
  dial(s, call, number);
}

/**
 * A repeat call (retry, callback, redial, or after a closed line), with draws of its own.
 * Its number is drawn as it is dialled; when that number (for a call sent straight to a
 * team, the number the issue last dialled) is closed, the call is moved to its next
 * opening plus the reopen delay, and dialled afresh then.
 */
export function startRepeatCall(s: RunState, issue: Issue): void {
  const design = s.design;
  const call = s.calls.acquire();
  const draws = call.draws;
  drawCall(draws, s.samplers.callers[issue.intent]!, s.streams.repeatCalls);
  const recall = issue.recall;
  const continuity = recall !== Recall.Redial && design.continuity && issue.lastTeam !== NO_TEAM;
  const intent = issue.intent;
  const number = continuity
    ? NO_NUMBER
    : recall === Recall.Redial
      ? chooseRightNumber(design, intent, draws.pickDraw)
      : chooseNumber(design, intent, draws.dialDraw, draws.pickDraw);
  const calendar = s.run.calendar;
  if (calendar !== null) {
    const line = calendar.lines[number === NO_NUMBER ? issue.lastDial : number]!;
    if (!line.isOpen(s.now)) {
      s.calls.release(call);
      deferRepeatCall(s, calendar, issue, line);
      return;
    }
  }
  beginCall(s, call, issue);
  call.deferred = issue.deferred;
  issue.deferred = false;
  issue.recall = Recall.None;
  if (continuity) {
    // Straight back to the team that last handled the issue, or to the issue's advisor.
    s.observer.callStarted(call, NO_NUMBER);
    if (issue.advisor !== NO_AGENT) callAdvisor(s, call, issue.advisor);
    else joinQueue(s, call, issue.lastTeam);
    return;
  }
  dial(s, call, number);
}

function newCall(s: RunState, issue: Issue): Call {
  const call = s.calls.acquire();
  beginCall(s, call, issue);
  return call;
}

/** A call of the issue starts now (its draws, when already made, are kept). */
function beginCall(s: RunState, call: Call, issue: Issue): void {
  call.begin(issue, s.now);
  s.callCount++;
}

/** The caller dials number `dial`: an IVR answers, or the caller joins a team's queue. */
function dial(s: RunState, call: Call, dial: number): void {
  announceDial(s, call, dial);
  const target = s.design.numberTargets[dial]!;
  if (target === TO_IVR) {
    s.schedule(s.now + s.samplers.ivrMenu!.draw(s.streams.ivr), EventKind.IvrDone, call.slot);
  } else {
    joinQueue(s, call, target);
  }
}

/** The call dials number `dial`, which the issue remembers (a continuity call obeys its hours). */
function announceDial(s: RunState, call: Call, dial: number): void {
  call.dial = dial;
  call.issue.lastDial = dial;
  s.observer.callStarted(call, dial);
}

/** A call's draws, in a fixed order whatever the design. */
function drawCall(draws: CallDraws, caller: CallerSamplers, rng: RandomStream): void {
  draws.handle = caller.handle.draw(rng);
  draws.wrapUp = caller.wrapUp.draw(rng);
  draws.patience = caller.patience === null ? Infinity : caller.patience.draw(rng);
  draws.resolveDraw = rng.next();
  draws.dialDraw = rng.next();
  draws.pickDraw = rng.next();
  draws.selfServiceDraw = rng.next();
}

function copyDraws(from: CallDraws, to: CallDraws): void {
  to.handle = from.handle;
  to.wrapUp = from.wrapUp;
  to.patience = from.patience;
  to.resolveDraw = from.resolveDraw;
  to.dialDraw = from.dialDraw;
  to.pickDraw = from.pickDraw;
  to.selfServiceDraw = from.selfServiceDraw;
}

function drawIntent(cumulativeShares: Float64Array, u: number): number {
  const last = cumulativeShares.length - 1;
  for (let i = 0; i < last; i++) if (u < cumulativeShares[i]!) return i;
  return last;
}
