// The base of both trace formats: issue numbers, the clock, misrouted calls and triage
// handovers, followed the same way whatever is written.
import { agentOf, firstAgentOfTeams, needsAgentPool } from '../callcenter/agent-ids.ts';
import type { CompiledDesign } from '../callcenter/compile.ts';
import type { CallCentreObserver } from '../callcenter/observer.ts';
import type { CallOutcome } from '../callcenter/outcomes.ts';
import type { Call, Issue } from '../callcenter/records.ts';
import type { Clock } from '../engine/event-queue.ts';

/**
 * What both formats need to follow calls: the clock, stable issue numbers by slot, and
 * which misrouted calls are being transferred (so the identification is told once: at the
 * transfer, or, when the agent tells the caller to redial or `maxHops` is reached, when the
 * agent's work on the call ends).
 */
export abstract class Follower implements CallCentreObserver {
  protected clock: Clock = { now: 0 };
  private arrivals = 0;
  /** Issue number by slot, while the issue is open. */
  private readonly numbers: number[] = [];
  /** 1 while the call of the issue in this slot is being transferred. */
  private readonly transferring: number[] = [];

  /** With individual agents (continuity: advisor, agent groups), each team's first agent id; null otherwise. */
  private readonly firstAgents: Int32Array | null;

  constructor(protected readonly design: CompiledDesign) {
    this.firstAgents = needsAgentPool(design) ? firstAgentOfTeams(design) : null;
  }

  /** An agent's team and number within it (from 1): "advisor 7" of their team. */
  protected agent(agent: number): { readonly team: number; readonly number: number } {
    return agentOf(this.firstAgents!, agent);
  }

  runStarted(clock: Clock): void {
    this.clock = clock;
  }

  issueArrived(issue: Readonly<Issue>): void {
    this.numbers[issue.slot] = ++this.arrivals;
    this.transferring[issue.slot] = 0;
    this.arrived(issue, this.arrivals);
  }

  protected number(issue: Readonly<Issue>): number {
    return this.numbers[issue.slot]!;
  }

  agentWorked(call: Readonly<Call>, team: number, misrouted: boolean): void {
    if (!misrouted) return;
    const slot = call.issue.slot;
    if (this.transferring[slot] === 1) this.transferring[slot] = 0;
    else this.misrouted(call, team);
  }

  transferred(call: Readonly<Call>, team: number): void {
    // A triage team's handover is told as one step of its own: it is no misroute.
    if (this.design.teams[team]!.triage !== undefined) {
      this.handedOver(call, team);
      return;
    }
    this.transferring[call.issue.slot] = 1;
    this.misrouted(call, team);
    this.transferStarted(call, team);
  }

  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    this.transferring[call.issue.slot] = 0;
    this.ended(call, outcome);
  }

  teamLoadChanged(): void {}

  protected abstract arrived(issue: Readonly<Issue>, number: number): void;
  abstract callStarted(call: Readonly<Call>, dial: number): void;
  abstract ivrRouted(call: Readonly<Call>, team: number): void;
  abstract queueJoined(call: Readonly<Call>, team: number): void;
  abstract answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void;
  abstract abandoned(call: Readonly<Call>, team: number): void;
  /** An agent of `team` has found the call is not for the team (after `call.serviceTime`). */
  protected abstract misrouted(call: Readonly<Call>, team: number): void;
  protected abstract transferStarted(call: Readonly<Call>, team: number): void;
  /** An agent of triage team `team` hands the caller over (after `call.serviceTime` of triage). */
  protected abstract handedOver(call: Readonly<Call>, team: number): void;
  protected abstract ended(call: Readonly<Call>, outcome: CallOutcome): void;
  abstract issueEnded(issue: Readonly<Issue>): void;
  abstract runEnded(): void;
}
