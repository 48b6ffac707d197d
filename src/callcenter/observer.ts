// What the simulation tells the outside world as it runs: the narrow interface that
// metrics accumulators and trace writers implement. Calls and issues are passed as
// read-only views of pooled records: read them during the callback, never keep them.
// Times are read from the clock given at the start (callbacks pass no numbers that V8
// would have to box on the hot path).
import type { Clock } from '../engine/event-queue.ts';
import type { CallOutcome } from './outcomes.ts';
import type { Call, Issue } from './records.ts';

export interface CallCentreObserver {
  /** The run starts; `clock.now` is the simulation time during every later callback. */
  runStarted(clock: Clock): void;
  /** A new issue appears at `issue.arrivalTime`; its first call is dialled at once. */
  issueArrived(issue: Readonly<Issue>): void;
  /**
   * A call starts at `call.dialTime`: the caller dials number `dial` of the design, or, with
   * continuity, goes straight back to the team that last handled the issue (`dial` = NO_NUMBER).
   */
  callStarted(call: Readonly<Call>, dial: number): void;
  /** The IVR routed the caller to `team`. */
  ivrRouted(call: Readonly<Call>, team: number): void;
  /** The caller joins `team`'s queue (at `call.queueEntryTime`). */
  queueJoined(call: Readonly<Call>, team: number): void;
  /**
   * An agent of `agentTeam` answers a caller waiting in `queueTeam`'s queue (another team's
   * only through overflow); the wait is `clock.now - call.queueEntryTime`.
   */
  answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void;
  /** The caller leaves `team`'s queue; the wait is `clock.now - call.queueEntryTime`. */
  abandoned(call: Readonly<Call>, team: number): void;
  /**
   * An agent of `team` finished with the call: `call.serviceTime` of talk and wrap-up, or of
   * finding out the call is not for the team (`misrouted`).
   */
  agentWorked(call: Readonly<Call>, team: number, misrouted: boolean): void;
  /** `team` transfers the caller onwards. */
  transferred(call: Readonly<Call>, team: number): void;
  /** The call ends (a busy signal is an outcome too: `Blocked`, the call's team being full). */
  callEnded(call: Readonly<Call>, outcome: CallOutcome): void;
  /** The issue stops calling: resolved, or the caller gives up. */
  issueEnded(issue: Readonly<Issue>): void;
  /**
   * The number of busy agents, of waiting callers or of agents on duty of `team` changes
   * now. Busy agents may outnumber those on duty for a while: an agent whose shift ended
   * finishes the call in progress (overtime).
   */
  teamLoadChanged(team: number, busyAgents: number, waiting: number, onDuty: number): void;
  /**
   * Teams of agent groups only: the busy or on-duty agents of group `group` of `team` change
   * now (the team's own figures change too, through teamLoadChanged).
   */
  groupLoadChanged?(team: number, group: number, busyAgents: number, onDuty: number): void;
  /** The run stops at `clock.now` (the horizon, or later when calls in progress drain). */
  runEnded(): void;
}
