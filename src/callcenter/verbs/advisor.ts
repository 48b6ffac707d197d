// Verbs of dedicated advisors (continuity: advisor): a repeat caller waiting for the agent
// who first handled the issue, that wait ending, and an advisor freeing up or leaving.
import type { AgentPool } from '../agent-pool.ts';
import { EventKind } from '../event-kinds.ts';
import { CallOutcome } from '../outcomes.ts';
import { NO_AGENT, type Call } from '../records.ts';
import type { RunState } from '../state.ts';
import { answer } from './answer.ts';
import { giveWaitingCaller } from './assign.ts';
import { startCallbackOffer } from './callback-offer.ts';
import { endCall } from './end-call.ts';
import { enterQueue, isFull, joinQueue, leaveQueue, startOverflowTimer, startPatience } from './queue.ts';

/**
 * A repeat call reaches the team of the advisor. An idle advisor answers at once; a
 * busy one is waited for, up to advisorWait, keeping a place of the team's line; an advisor
 * off duty is not waited for, nor with advisorWait 0: the caller joins the team's queue.
 */
export function callAdvisor(s: RunState, call: Call, advisor: number): void {
  const agents = s.agents!;
  const team = agents.teamOf[advisor]!;
  call.team = team;
  if (agents.isIdle(advisor)) {
    enterQueue(s, call, team);
    agents.claim(advisor);
    call.agent = advisor;
    answer(s, call, team);
    return;
  }
  const wait = s.design.advisor!.wait;
  if (!agents.isOnDuty(advisor) || wait === 0) {
    joinQueue(s, call, team);
    return;
  }
  if (isFull(s, team)) {
    endCall(s, call, CallOutcome.Blocked);
    return;
  }
  // Set before the queue entry, so that observers see whom the caller waits for.
  call.waitingFor = advisor;
  call.awaitedAdvisor = advisor;
  enterQueue(s, call, team);
  call.queueSerial = s.nextQueueSerial();
  agents.addWaiter(advisor, call);
  s.queues[team]!.waitingForAdvisor++;
  startPatience(s, call);
  if (wait !== Infinity) call.advisorTimer = s.schedule(s.now + wait, EventKind.AdvisorWaitOver, call.slot);
  s.notifyLoad(team);
}

/**
 * The caller stops waiting for their advisor (the wait is over, or the advisor went off
 * duty) and joins the team's queue at its tail: answered at once by a free agent, else
 * behind the callers already in line, who waited for any agent while this one held out for
 * one. The wait so far counts: the queue entry is the same.
 */
export function joinTeamQueue(s: RunState, call: Call): void {
  const team = call.team;
  leaveQueue(s, call);
  if (s.answersAtOnce(team)) {
    answer(s, call, team);
    return;
  }
  s.queues[team]!.add(call, s.nextQueueSerial());
  startOverflowTimer(s, call, team);
  if (s.design.callbackOffer !== undefined) startCallbackOffer(s, call);
  s.notifyLoad(team);
}

/**
 * An agent is done with a call. Over their group's level (their shift ended) they go off
 * duty and their waiting callers join the team's queue. Otherwise they take their own first
 * waiting caller, unless the team queue's first caller has waited longer than that caller
 * may wait for them (advisorWait; with no limit, longer than that caller has waited): so
 * callers in the team's line are never starved by a stream of advisor callers. Else the
 * agent is free for the team's line and the callers it takes by overflow.
 */
export function releaseIndividual(s: RunState, agent: number): void {
  const agents = s.agents!;
  const team = agents.teamOf[agent]!;
  s.vacateAgent(team);
  if (agents.mustLeave(agent)) {
    agents.leave(agent);
    s.refreshCapacity(team);
    for (let call = agents.firstWaiter(agent, s.calls.items); call !== undefined; call = agents.firstWaiter(agent, s.calls.items)) {
      joinTeamQueue(s, call);
    }
    s.notifyLoad(team);
    return;
  }
  const own = s.design.advisor === undefined ? undefined : ownCallerFirst(s, agents, agent, team);
  if (own !== undefined) {
    leaveQueue(s, own);
    own.agent = agent;
    answer(s, own, team);
    return;
  }
  agents.free(agent, s.now);
  if (!giveWaitingCaller(s, team)) s.notifyLoad(team);
}

/** The caller waiting for `agent` whom they take next, or undefined for the team's line. */
function ownCallerFirst(s: RunState, agents: AgentPool, agent: number, team: number): Call | undefined {
  const own = agents.firstWaiter(agent, s.calls.items);
  if (own === undefined) return undefined;
  const inLine = s.queues[team]!.peek(s.calls.items);
  if (inLine === undefined) return own;
  const wait = s.design.advisor!.wait;
  const limit = wait === Infinity ? s.now - own.queueEntryTime : wait;
  return s.now - inLine.queueEntryTime > limit ? undefined : own;
}

/** The agent who last worked on the call is done with it; NO_AGENT for a design without individuals. */
export function handOff(call: Call): number {
  const agent = call.agent;
  call.agent = NO_AGENT;
  return agent;
}
