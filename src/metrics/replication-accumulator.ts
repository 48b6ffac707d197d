// Collects one replication of one design as it runs (an observer of the simulation) and
// turns it into metric values. Memory is fixed by the number of intents and teams.
import type { CompiledDesign } from '../callcenter/compile.ts';
import type { CallCentreObserver } from '../callcenter/observer.ts';
import type { Clock } from '../engine/event-queue.ts';
import { CallOutcome, type Call, type Issue } from '../callcenter/records.ts';
import type { RunSettings } from '../scenario/model.ts';
import { Tally, ratio, tallyMetrics } from './tally.ts';

/** One replication's metric values: design level, per intent, per team. */
export interface ReplicationMetrics {
  readonly metrics: Record<string, number>;
  readonly byIntent: Record<string, Record<string, number>>;
  readonly byTeam: Record<string, Record<string, number>>;
}

class TeamTally {
  queueEntries = 0;
  entriesEnded = 0;
  waitSum = 0;
  answered = 0;
  answeredWaitSum = 0;
  answeredInTime = 0;
  abandoned = 0;
  transfersOut = 0;
  // Time integrals over [warmup, horizon), for occupancy and the mean queue length.
  busyArea = 0;
  waitingArea = 0;
  busy = 0;
  waiting = 0;
  lastChange = 0;
}

export class ReplicationAccumulator implements CallCentreObserver {
  private readonly intents: Tally[];
  private readonly teams: TeamTally[];
  private readonly serviceLevel: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private clock: Clock = { now: 0 };

  constructor(
    private readonly design: CompiledDesign,
    settings: RunSettings,
  ) {
    this.intents = design.intents.map(() => new Tally());
    this.teams = design.teams.map(() => new TeamTally());
    this.serviceLevel = settings.serviceLevel;
    this.warmup = settings.warmup;
    this.horizon = settings.horizon;
  }

  runStarted(clock: Clock): void {
    this.clock = clock;
  }

  issueArrived(issue: Readonly<Issue>): void {
    if (issue.counted) this.intents[issue.intent]!.issues++;
  }

  callStarted(call: Readonly<Call>): void {
    if (call.issue.counted) this.intents[call.issue.intent]!.calls++;
  }

  ivrRouted(): void {}

  queueJoined(call: Readonly<Call>, team: number): void {
    if (!call.issue.counted) return;
    this.intents[call.issue.intent]!.queueEntries++;
    this.teams[team]!.queueEntries++;
  }

  answered(call: Readonly<Call>, team: number): void {
    if (!call.issue.counted) return;
    const wait = this.clock.now - call.queueEntryTime;
    const inTime = wait <= this.serviceLevel ? 1 : 0;
    const t = this.intents[call.issue.intent]!;
    t.entriesEnded++;
    t.waitSum += wait;
    if (wait > 0) t.waitedPositive++;
    t.answered++;
    t.answeredWaitSum += wait;
    t.answeredInTime += inTime;
    t.waits.add(wait);
    const tt = this.teams[team]!;
    tt.entriesEnded++;
    tt.waitSum += wait;
    tt.answered++;
    tt.answeredWaitSum += wait;
    tt.answeredInTime += inTime;
  }

  abandoned(call: Readonly<Call>, team: number): void {
    if (!call.issue.counted) return;
    const wait = this.clock.now - call.queueEntryTime;
    const t = this.intents[call.issue.intent]!;
    t.entriesEnded++;
    t.waitSum += wait;
    if (wait > 0) t.waitedPositive++;
    t.abandoned++;
    t.waits.add(wait);
    const tt = this.teams[team]!;
    tt.entriesEnded++;
    tt.waitSum += wait;
    tt.abandoned++;
  }

  agentWorked(call: Readonly<Call>, _team: number, misrouted: boolean): void {
    if (!call.issue.counted) return;
    const t = this.intents[call.issue.intent]!;
    t.agentWork += call.serviceTime;
    if (misrouted) t.agentWorkMisrouted += call.serviceTime;
  }

  transferred(call: Readonly<Call>, team: number): void {
    if (!call.issue.counted) return;
    this.intents[call.issue.intent]!.transfers++;
    this.teams[team]!.transfersOut++;
  }

  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    const issue = call.issue;
    if (!issue.counted) return;
    const t = this.intents[issue.intent]!;
    t.callsEnded++;
    t.callDurationSum += this.clock.now - call.dialTime;
    if (call.transfers > 0) t.transferredCalls++;
    if (call.misrouted) t.misroutedCalls++;
    if (outcome === CallOutcome.SelfServed) t.selfServedCalls++;
    if (outcome === CallOutcome.Dropped) t.droppedCalls++;
    const resolved = outcome === CallOutcome.Resolved || outcome === CallOutcome.SelfServed;
    if (resolved && call.number === 1) {
      t.firstCallResolved++;
      // Once and done: the first agent reached resolved it (the IVR is not an agent).
      if (outcome === CallOutcome.Resolved && call.agentsReached === 1) t.onceAndDone++;
    }
  }

  issueEnded(issue: Readonly<Issue>): void {
    if (!issue.counted) return;
    const t = this.intents[issue.intent]!;
    t.issuesEnded++;
    if (issue.resolved) {
      t.resolvedIssues++;
      t.timeToResolutionSum += this.clock.now - issue.arrivalTime;
    }
  }

  teamLoadChanged(team: number, busyAgents: number, waiting: number): void {
    const tt = this.teams[team]!;
    this.advance(tt, this.clock.now);
    tt.busy = busyAgents;
    tt.waiting = waiting;
  }

  runEnded(): void {
    for (const tt of this.teams) this.advance(tt, this.clock.now);
  }

  /** The replication's metric values (call after the run ended). */
  result(): ReplicationMetrics {
    const design = this.design;
    const total = new Tally();
    const byIntent: Record<string, Record<string, number>> = {};
    design.intents.forEach((intent, i) => {
      total.add(this.intents[i]!);
      byIntent[intent.name] = tallyMetrics(this.intents[i]!);
    });
    const window = this.horizon - this.warmup;
    let agentHours = 0;
    const byTeam: Record<string, Record<string, number>> = {};
    design.teams.forEach((team, k) => {
      const tt = this.teams[k]!;
      const hours = (team.agents * window) / 3600;
      agentHours += hours;
      byTeam[team.name] = {
        occupancy: ratio(tt.busyArea, team.agents * window),
        queueEntries: tt.queueEntries,
        waitMean: ratio(tt.waitSum, tt.entriesEnded),
        asa: ratio(tt.answeredWaitSum, tt.answered),
        abandonRate: ratio(tt.abandoned, tt.entriesEnded),
        serviceLevel: ratio(tt.answeredInTime, tt.entriesEnded),
        transfersOut: tt.transfersOut,
        agentHours: hours,
        queueLength: ratio(tt.waitingArea, window),
      };
    });
    return { metrics: { ...tallyMetrics(total), agentHours }, byIntent, byTeam };
  }

  private advance(tt: TeamTally, now: number): void {
    const from = Math.max(tt.lastChange, this.warmup);
    const to = Math.min(now, this.horizon);
    if (to > from) {
      tt.busyArea += tt.busy * (to - from);
      tt.waitingArea += tt.waiting * (to - from);
    }
    tt.lastChange = now;
  }
}
