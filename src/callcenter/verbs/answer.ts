// Verbs of an agent taking a caller: answering, and the timers a waiting caller had running.
import { EventKind } from '../event-kinds.ts';
import { NO_AGENT, NO_TEAM, NO_TIMER, OfferState, type Call, type Issue } from '../records.ts';
import { missCallback, reachedOnCallback } from './callback-offer.ts';
import type { RunState } from '../state.ts';

/**
 * An agent of `team` takes the caller, who was waiting in `call.team`'s queue. With
 * individual agents, the one the team's select rule picks, unless `call.agent` already names
 * who answers; their group's handleFactor scales the handle time (not re-explaining).
 */
export function answer(s: RunState, call: Call, team: number): void {
  const now = s.now;
  stopTimers(s, call);
  const queueTeam = call.team;
  call.team = team;
  s.occupyAgent(team);
  if (s.agents !== null) {
    if (call.agent === NO_AGENT) call.agent = s.agents.takeIdle(team);
    call.group = s.agents.groupInTeam(call.agent);
  }
  call.issue.waitTotal += now - call.queueEntryTime;
  s.observer.answered(call, queueTeam, team);
  s.notifyLoad(team);
  if (call.offerState === OfferState.Accepted && !reachedOnCallback(s)) {
    missCallback(s, call);
    return;
  }
  if (s.canHandle(team, call.issue.intent)) {
    call.agentsReached++;
    const reexplain = call.number > 1 && s.samplers.reexplainOnRepeat !== null ? reexplainOnRepeat(s, call) : 0;
    if (s.agents !== null) noteAgent(s, call.issue, call);
    call.issue.lastTeam = team;
    const handle = s.agents === null ? call.draws.handle : call.draws.handle * s.agents.handleFactorOf(call.agent);
    const talk = handle + call.extraHandle + reexplain;
    const cap = s.design.handleCap;
    call.capped = cap !== undefined && talk > cap;
    call.serviceTime = call.capped ? cap! : talk;
    call.extraHandle = 0;
    s.schedule(now + call.serviceTime, EventKind.TalkEnded, call.slot);
  } else {
    startIdentifying(s, call, team);
  }
}

/**
 * A repeat call reaches a skilled agent: the caller explains the issue again when an agent
 * handled it before and this one is not known to be that agent. Without continuity: advisor
 * agents of a team are not told apart, so every such answer re-explains; with it, only an
 * answer by another agent than the one who last handled the issue. Returns the time added,
 * also counted on the issue.
 */
function reexplainOnRepeat(s: RunState, call: Call): number {
  const issue = call.issue;
  if (issue.lastTeam === NO_TEAM) return 0;
  if (s.agents !== null && call.agent === issue.lastAgent) return 0;
  const time = s.samplers.reexplainOnRepeat!.draw(s.streams.reexplainOnRepeat);
  issue.reexplainTotal += time;
  return time;
}

/** A skilled agent takes the issue: its first becomes its advisor; a repeat call counts whether the last one answered. */
function noteAgent(s: RunState, issue: Issue, call: Call): void {
  if (call.number > 1 && issue.lastAgent !== NO_AGENT) {
    issue.repeatAnswers++;
    if (call.agent === issue.lastAgent) issue.sameAgentAnswers++;
  }
  // Agents told apart for their groups only are nobody's advisor.
  if (issue.advisor === NO_AGENT && s.design.advisor !== undefined) issue.advisor = call.agent;
  issue.lastAgent = call.agent;
}

/**
 * The agent lacks the skill: finding out takes `identify`; or the agent is a triage agent,
 * who spends the team's `triage` time before handing over (not a misroute, and not an agent
 * reached: once-and-done looks at the first agent of a team with skills). Both end with
 * IdentifyEnded. (Rare: kept off the answer's inlined path.)
 */
function startIdentifying(s: RunState, call: Call, team: number): void {
  const triage = s.samplers.teamTriage[team];
  if (triage === undefined) {
    call.agentsReached++;
    call.misrouted = true;
    call.serviceTime = s.samplers.identify.draw(s.streams.misroute);
  } else {
    call.serviceTime = triage.draw(s.streams.triage);
  }
  s.schedule(s.now + call.serviceTime, EventKind.IdentifyEnded, call.slot);
}

/** Cancels the caller's patience, overflow, advisor-wait and callback-offer timers. */
export function stopTimers(s: RunState, call: Call): void {
  call.patienceTimer = cancelled(s, call.patienceTimer);
  call.overflowTimer = cancelled(s, call.overflowTimer);
  call.advisorTimer = cancelled(s, call.advisorTimer);
  call.offerTimer = cancelled(s, call.offerTimer);
}

/** Cancels a timer the call had running, if any: the field then holds no timer. */
function cancelled(s: RunState, timer: number): typeof NO_TIMER {
  if (timer !== NO_TIMER) s.events.cancel(timer);
  return NO_TIMER;
}
