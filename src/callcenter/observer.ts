// What the simulation tells the outside world as it runs: the narrow interface that
// metrics accumulators and trace writers implement. Calls and issues are passed as
// read-only views of pooled records: read them during the callback, never keep them.
import type { Call, CallOutcome, Issue } from './records.ts';

export interface CallCentreObserver {
  /** A new issue appears (its first call is dialled at the same time). */
  issueArrived(issue: Readonly<Issue>, now: number): void;
  /** A call starts: the caller dials `dial`. */
  callStarted(call: Readonly<Call>, dial: number, now: number): void;
  /** The IVR routed the caller to `team` (right = the team has the intent's skill). */
  ivrRouted(call: Readonly<Call>, team: number, now: number): void;
  /** The caller joins `team`'s queue. */
  queueJoined(call: Readonly<Call>, team: number, now: number): void;
  /** An agent of `team` answers after `wait` seconds in queue. */
  answered(call: Readonly<Call>, team: number, wait: number, now: number): void;
  /** The caller leaves `team`'s queue after `wait` seconds. */
  abandoned(call: Readonly<Call>, team: number, wait: number, now: number): void;
  /** An agent of `team` spent `duration` on the call (talk or identify, plus wrap-up). */
  agentWorked(call: Readonly<Call>, team: number, duration: number, misrouted: boolean): void;
  /** `team` transfers the caller onwards. */
  transferred(call: Readonly<Call>, team: number, now: number): void;
  /** The call ends. */
  callEnded(call: Readonly<Call>, outcome: CallOutcome, now: number): void;
  /** The issue stops calling: resolved, or the caller gives up. */
  issueEnded(issue: Readonly<Issue>, now: number): void;
  /** The number of busy agents or of waiting callers of `team` changes at `now`. */
  teamLoadChanged(team: number, busyAgents: number, waiting: number, now: number): void;
  /** The run stops at `now` (the horizon, or later when calls in progress drain). */
  runEnded(now: number): void;
}
