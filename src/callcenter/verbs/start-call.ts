// Verbs that start calls: a new issue's first call, a repeat call, dialling a number.
import type { RandomStream } from '../../engine/random.ts';
import type { CallerSamplers } from '../compile-run.ts';
import { TO_IVR } from '../compile.ts';
import { EventKind } from '../event-kinds.ts';
import { Call, CallDraws, Issue, NO_NUMBER, NO_TEAM, Recall } from '../records.ts';
import { chooseNumber, chooseRightNumber } from '../routing.ts';
import type { RunState } from '../state.ts';
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

/** The issue's first call: its draws were made with the issue. */
export function startFirstCall(s: RunState, issue: Issue): void {
  const call = newCall(s, issue);
  copyDraws(issue.first, call.draws);
  dial(s, call, chooseNumber(s.design, issue.intent, call.draws.dialDraw, call.draws.pickDraw));
}

/** A repeat call (retry, callback or redial), with draws of its own. */
export function startRepeatCall(s: RunState, issue: Issue): void {
  const design = s.design;
  const call = newCall(s, issue);
  const draws = call.draws;
  drawCall(draws, s.samplers.callers[issue.intent]!, s.streams.repeatCalls);
  const recall = issue.recall;
  issue.recall = Recall.None;
  if (recall !== Recall.Redial && design.continuity && issue.lastTeam !== NO_TEAM) {
    // "1 client = 1 advisor": straight back to the team that last handled the issue.
    s.observer.callStarted(call, NO_NUMBER);
    joinQueue(s, call, issue.lastTeam);
    return;
  }
  const intent = issue.intent;
  dial(
    s,
    call,
    recall === Recall.Redial
      ? chooseRightNumber(design, intent, draws.pickDraw)
      : chooseNumber(design, intent, draws.dialDraw, draws.pickDraw),
  );
}

function newCall(s: RunState, issue: Issue): Call {
  const call = s.calls.acquire();
  call.begin(issue, s.now);
  s.callCount++;
  return call;
}

/** The caller dials number `dial`: an IVR answers, or the caller joins a team's queue. */
function dial(s: RunState, call: Call, dial: number): void {
  call.dial = dial;
  s.observer.callStarted(call, dial);
  const target = s.design.numberTargets[dial]!;
  if (target === TO_IVR) {
    s.schedule(s.now + s.samplers.ivrMenu!.draw(s.streams.ivr), EventKind.IvrDone, call.slot);
  } else {
    joinQueue(s, call, target);
  }
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
