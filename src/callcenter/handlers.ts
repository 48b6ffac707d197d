// What happens when each kind of event fires: one handler per kind. Handlers call the shared
// verbs of verbs/, never each other, so each reads as the whole story of its moment.
import { agentsAt } from './compile.ts';
import { EventKind } from './event-kinds.ts';
import { CallOutcome } from './outcomes.ts';
import { NO_AGENT, NO_TEAM, NO_TIMER, type Call, type Issue } from './records.ts';
import { chooseTeam } from './routing.ts';
import type { RunState } from './state.ts';
import { answer, stopTimers } from './verbs/answer.ts';
import { handOff, joinTeamQueue, releaseIndividual } from './verbs/advisor.ts';
import { assignFreeAgents, releaseAgent } from './verbs/assign.ts';
import { offerCallback } from './verbs/callback-offer.ts';
import { endCall } from './verbs/end-call.ts';
import { scheduleLineClosing, waitingThrough } from './verbs/opening-hours.ts';
import { joinQueue, leaveQueue } from './verbs/queue.ts';
import { openIssue, startFirstCall, startRepeatCall } from './verbs/start-call.ts';
import { scheduleShiftChange } from './verbs/shift.ts';
import { reachNextTeam, transferCall } from './verbs/transfer.ts';

/** A new issue: its first call is dialled at once. */
export function onNewIssue(s: RunState): void {
  startFirstCall(s, openIssue(s));
}

/** The IVR menu is over: self-service resolves the issue, or the IVR routes the caller to a team. */
export function onIvrDone(s: RunState, call: Call): void {
  const design = s.design;
  const ivr = design.ivr!;
  const intent = call.issue.intent;
  if (ivr.selfService && call.draws.selfServiceDraw < design.intents[intent]!.selfService) {
    endCall(s, call, CallOutcome.SelfServed);
    return;
  }
  const team = chooseTeam(design, intent, ivr.accuracy, NO_TEAM, s.routing, s, s.streams.ivr);
  s.observer.ivrRouted(call, team);
  joinQueue(s, call, team);
}

/** A transferred caller reaches the next team's line. */
export function onTransferArrived(s: RunState, call: Call): void {
  reachNextTeam(s, call);
}

/** A waiting caller gives up. */
export function onPatienceExpired(s: RunState, call: Call): void {
  call.patienceTimer = NO_TIMER;
  stopTimers(s, call);
  const team = call.team;
  leaveQueue(s, call);
  call.issue.waitTotal += s.now - call.queueEntryTime;
  s.observer.abandoned(call, team);
  s.notifyLoad(team);
  endCall(s, call, CallOutcome.Abandoned);
}

/** A skilled agent finishes talking: the call ends; the agent wraps up, then is free. */
export function onTalkEnded(s: RunState, call: Call): void {
  const team = call.team;
  const wrapUpOverride = s.samplers.teamWrapUp[team];
  const wrapUp = wrapUpOverride === undefined ? call.draws.wrapUp : wrapUpOverride.draw(s.streams.service);
  call.serviceTime += wrapUp;
  s.observer.agentWorked(call, team, false);
  const resolve = s.design.intents[call.issue.intent]!.resolve;
  // A resolve factor's product above 1 needs no cap: the draw is below 1.
  const resolved = call.draws.resolveDraw < (s.agents === null ? resolve : resolve * s.agents.resolveFactorOf(call.agent));
  const agent = handOff(call);
  endCall(s, call, call.capped ? CallOutcome.Capped : resolved ? CallOutcome.Resolved : CallOutcome.Unresolved);
  if (wrapUp > 0) s.schedule(s.now + wrapUp, EventKind.WrapUpEnded, agent === NO_AGENT ? team : agent);
  else releaseAgent(s, team, agent);
}

/**
 * The agent found the call is not for this team: transfer it, or tell the caller to redial.
 * A triage agent is done instead: they hand the caller over (a transfer by the team's accuracy).
 */
export function onIdentifyEnded(s: RunState, call: Call): void {
  const from = call.team;
  const design = s.design;
  const triage = design.teams[from]!.triage;
  const redial = triage === undefined && design.misroute.action === 'redial';
  if (redial || call.transfers >= design.transfer.maxHops) {
    s.observer.agentWorked(call, from, triage === undefined);
    const agent = handOff(call);
    endCall(s, call, redial ? CallOutcome.Redirected : CallOutcome.PingPong);
    releaseAgent(s, from, agent);
    return;
  }
  if (triage === undefined) {
    transferCall(s, call, from, design.transfer.accuracy);
  } else {
    call.handedOver = true;
    transferCall(s, call, from, triage.accuracy);
  }
}

/** An agent ends a wrap-up: `teamOrAgent` is the agent with individual agents, else their team. */
export function onWrapUpEnded(s: RunState, teamOrAgent: number): void {
  if (s.agents === null) releaseAgent(s, teamOrAgent, NO_AGENT);
  else releaseIndividual(s, teamOrAgent);
}

/** The caller calls again. */
export function onRecall(s: RunState, issue: Issue): void {
  startRepeatCall(s, issue);
}

/** A shift boundary: the team's agents on duty change; new agents take waiting callers. */
export function onShiftChange(s: RunState, team: number): void {
  const staffing = s.design.teams[team]!.staffing;
  if (staffing.kind !== 'schedule') return;
  // Agents told apart follow their group's count first: the team's capacity counts them.
  s.agents?.shiftTo(team, s.now);
  s.setOnDuty(team, agentsAt(staffing, s.now));
  s.notifyLoad(team);
  assignFreeAgents(s, team);
  // After the horizon the schedule runs on only while someone is still in the system, so
  // callers left waiting when calls drain meet the next shift, and the run then ends.
  if (s.now < s.run.settings.horizon || s.issues.inUse > 0) scheduleShiftChange(s, team, s.now + staffing.every);
}

/**
 * Number `line` closes (atClosing: disconnect): the callers waiting through it hear the
 * closing message; their queue entry ends unanswered, the call with outcome closed, and
 * they call again at the next opening as callers who found the line closed.
 */
export function onLineClosed(s: RunState, line: number): void {
  for (const call of waitingThrough(s, line)) {
    stopTimers(s, call);
    const team = call.team;
    leaveQueue(s, call);
    call.issue.waitTotal += s.now - call.queueEntryTime;
    call.cutAtClosing = true;
    s.observer.abandoned(call, team);
    s.notifyLoad(team);
    endCall(s, call, CallOutcome.Closed);
  }
  if (s.now < s.run.settings.horizon || s.issues.inUse > 0) scheduleLineClosing(s, line, s.now);
}

/** A waiting caller has waited long enough for the next overflow rule of their queue. */
export function onOverflowReady(s: RunState, call: Call): void {
  call.overflowTimer = NO_TIMER;
  const from = call.team;
  const rules = s.design.overflowTo[from]!;
  const waited = s.now - call.queueEntryTime;
  for (const rule of rules) {
    if (rule.after > waited) break;
    const to = rule.team;
    if (s.answersAtOnce(to) && s.canHandle(to, call.issue.intent)) {
      leaveQueue(s, call);
      s.notifyLoad(from);
      answer(s, call, to);
      return;
    }
  }
  // Not taken now: free agents of those teams will look for it; wait for the next rule.
  const next = ++call.overflowStage;
  if (next < rules.length) {
    call.overflowTimer = s.schedule(Math.max(s.now, call.queueEntryTime + rules[next]!.after), EventKind.OverflowReady, call.slot);
  }
}

/** A repeat caller has waited advisorWait for their advisor: they join the team's queue. */
export function onAdvisorWaitOver(s: RunState, call: Call): void {
  call.advisorTimer = NO_TIMER;
  joinTeamQueue(s, call);
}

/** A waiting caller has waited `callbackOffer.after`: they are offered a callback. */
export function onCallbackOffer(s: RunState, call: Call): void {
  offerCallback(s, call);
}

/** The agent calling a caller back did not reach them: the call ends unresolved, the agent is free. */
export function onCallbackMissed(s: RunState, call: Call): void {
  const team = call.team;
  const agent = handOff(call);
  endCall(s, call, CallOutcome.NotReached);
  releaseAgent(s, team, agent);
}
