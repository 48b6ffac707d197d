// Observers for property-based tests: one that counts every issue, call and queue entry and
// checks each event against the story so far (nothing ends twice, nothing waits a negative
// time, the clock never goes back), and one that passes events on to several observers.
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import type { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call, Issue } from '../../src/callcenter/records.ts';
import type { Clock } from '../../src/engine/event-queue.ts';

/** Counts of one run, and the ends of calls by outcome. */
export class CountingObserver implements CallCentreObserver {
  issues = 0;
  issuesEnded = 0;
  calls = 0;
  callsEnded = 0;
  /** Of issues first arriving in [warmup, horizon) (the metrics' population). */
  countedIssues = 0;
  countedCalls = 0;
  countedQueueEntries = 0;
  readonly countedEntriesByTeam: number[] = [];
  readonly outcomes = new Map<CallOutcome, number>();
  endTime = NaN;

  private clock: Clock = { now: 0 };
  private last = 0;
  /** Open issues by record slot: calls in progress of each. */
  private readonly openIssues = new Map<number, number>();
  private readonly openCalls = new Set<number>();
  /** Calls waiting in a queue, by slot: the team. */
  private readonly waiting = new Map<number, number>();
  /** Calls in each team's queue. */
  private readonly inQueue: number[] = [];

  runStarted(clock: Clock): void {
    this.clock = clock;
    this.last = clock.now;
  }

  private tick(what: string): number {
    const now = this.clock.now;
    if (!Number.isFinite(now)) throw new Error(`${what}: the clock reads ${now}`);
    if (now < this.last) throw new Error(`${what}: the clock went back from ${this.last} to ${now}`);
    this.last = now;
    return now;
  }

  issueArrived(issue: Readonly<Issue>): void {
    const now = this.tick('issueArrived');
    if (issue.arrivalTime !== now) throw new Error(`an issue arrived at ${now} with arrivalTime ${issue.arrivalTime}`);
    if (this.openIssues.has(issue.slot)) throw new Error('an issue record reused while its issue is open');
    this.openIssues.set(issue.slot, 0);
    this.issues++;
    if (issue.counted) this.countedIssues++;
  }

  callStarted(call: Readonly<Call>): void {
    const now = this.tick('callStarted');
    const open = this.openIssues.get(call.issue.slot);
    if (open === undefined) throw new Error('a call started for an issue that is not open');
    if (open > 0) throw new Error('an issue started a call while another of its calls is in progress');
    if (this.openCalls.has(call.slot)) throw new Error('a call record reused while its call is open');
    if (call.dialTime !== now) throw new Error(`a call started at ${now} with dialTime ${call.dialTime}`);
    this.openIssues.set(call.issue.slot, open + 1);
    this.openCalls.add(call.slot);
    this.calls++;
    if (call.issue.counted) this.countedCalls++;
  }

  ivrRouted(call: Readonly<Call>): void {
    this.tick('ivrRouted');
    if (!this.openCalls.has(call.slot)) throw new Error('the IVR routed a call that is not open');
  }

  queueJoined(call: Readonly<Call>, team: number): void {
    const now = this.tick('queueJoined');
    if (!this.openCalls.has(call.slot)) throw new Error('a call that is not open joined a queue');
    if (this.waiting.has(call.slot)) throw new Error('a call joined a queue while waiting in one');
    if (call.queueEntryTime !== now) throw new Error(`a call joined a queue at ${now} with queueEntryTime ${call.queueEntryTime}`);
    this.waiting.set(call.slot, team);
    this.inQueue[team] = (this.inQueue[team] ?? 0) + 1;
    if (call.issue.counted) {
      this.countedQueueEntries++;
      this.countedEntriesByTeam[team] = (this.countedEntriesByTeam[team] ?? 0) + 1;
    }
  }

  answered(call: Readonly<Call>, queueTeam: number): void {
    this.leaveQueue('answered', call, queueTeam);
  }

  abandoned(call: Readonly<Call>, team: number): void {
    this.leaveQueue('abandoned', call, team);
  }

  private leaveQueue(what: string, call: Readonly<Call>, team: number): void {
    const now = this.tick(what);
    const joined = this.waiting.get(call.slot);
    if (joined === undefined) throw new Error(`${what}: a call that is not in a queue`);
    if (joined !== team) throw new Error(`${what}: the call waited in team ${joined}'s queue, not team ${team}'s`);
    if (!(now >= call.queueEntryTime)) throw new Error(`${what}: a wait of ${now - call.queueEntryTime}`);
    this.waiting.delete(call.slot);
    this.inQueue[team]!--;
  }

  agentWorked(call: Readonly<Call>): void {
    this.tick('agentWorked');
    if (!(Number.isFinite(call.serviceTime) && call.serviceTime >= 0)) throw new Error(`agent work of ${call.serviceTime}`);
  }

  transferred(call: Readonly<Call>): void {
    this.tick('transferred');
    if (!this.openCalls.has(call.slot)) throw new Error('a call that is not open was transferred');
  }

  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    const now = this.tick('callEnded');
    if (!this.openCalls.delete(call.slot)) throw new Error('a call ended twice, or before it started');
    if (this.waiting.has(call.slot)) throw new Error(`a call ended (outcome ${outcome}) while waiting in a queue`);
    if (!(now >= call.dialTime)) throw new Error('a call ended before it started');
    const open = this.openIssues.get(call.issue.slot);
    if (open === undefined || open < 1) throw new Error('a call ended for an issue with no call in progress');
    this.openIssues.set(call.issue.slot, open - 1);
    this.callsEnded++;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  issueEnded(issue: Readonly<Issue>): void {
    this.tick('issueEnded');
    const open = this.openIssues.get(issue.slot);
    if (open === undefined) throw new Error('an issue ended twice, or before it arrived');
    if (open > 0) throw new Error('an issue ended with a call in progress');
    this.openIssues.delete(issue.slot);
    this.issuesEnded++;
  }

  teamLoadChanged(team: number, busyAgents: number, waiting: number, onDuty: number): void {
    this.tick('teamLoadChanged');
    for (const [name, value] of [['busy', busyAgents], ['waiting', waiting], ['onDuty', onDuty]] as const) {
      if (!(Number.isInteger(value) && value >= 0)) throw new Error(`team ${team}: ${name} = ${value}`);
    }
    // An agent taking a caller of another team's queue (overflow) reports that queue's new
    // length just before it answers the caller: one fewer than this observer counts.
    const inQueue = this.inQueue[team] ?? 0;
    if (waiting !== inQueue && waiting !== inQueue - 1) {
      throw new Error(`team ${team} reports ${waiting} waiting, ${inQueue} calls are in its queue`);
    }
  }

  runEnded(): void {
    this.endTime = this.tick('runEnded');
  }

  /** Issues still open and calls still in progress, as this observer saw them. */
  get openCounts(): { issues: number; calls: number } {
    return { issues: this.openIssues.size, calls: this.openCalls.size };
  }
}

/** Passes every event to each of `observers`, in order. */
export function tee(...observers: CallCentreObserver[]): CallCentreObserver {
  return {
    runStarted: (clock) => observers.forEach((o) => o.runStarted(clock)),
    issueArrived: (issue) => observers.forEach((o) => o.issueArrived(issue)),
    callStarted: (call, dial) => observers.forEach((o) => o.callStarted(call, dial)),
    ivrRouted: (call, team) => observers.forEach((o) => o.ivrRouted(call, team)),
    queueJoined: (call, team) => observers.forEach((o) => o.queueJoined(call, team)),
    answered: (call, queueTeam, agentTeam) => observers.forEach((o) => o.answered(call, queueTeam, agentTeam)),
    abandoned: (call, team) => observers.forEach((o) => o.abandoned(call, team)),
    agentWorked: (call, team, misrouted) => observers.forEach((o) => o.agentWorked(call, team, misrouted)),
    transferred: (call, team) => observers.forEach((o) => o.transferred(call, team)),
    callEnded: (call, outcome) => observers.forEach((o) => o.callEnded(call, outcome)),
    issueEnded: (issue) => observers.forEach((o) => o.issueEnded(issue)),
    teamLoadChanged: (team, busy, waiting, onDuty) => observers.forEach((o) => o.teamLoadChanged(team, busy, waiting, onDuty)),
    runEnded: () => observers.forEach((o) => o.runEnded()),
  };
}
