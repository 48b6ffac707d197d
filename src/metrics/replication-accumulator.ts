// Collects one replication of one design as it runs (an observer of the simulation) and
// turns it into metric values. Memory is fixed by the number of intents, teams and intervals.
import type { CompiledDesign } from '../callcenter/compile.ts';
import type { CallCentreObserver } from '../callcenter/observer.ts';
import { CallOutcome } from '../callcenter/outcomes.ts';
import { NO_GROUP, OfferState, type Call, type Issue } from '../callcenter/records.ts';
import type { Clock } from '../engine/event-queue.ts';
import type { RunSettings } from '../scenario/model.ts';
import { FlowTally, type FlowCount } from './flow-tally.ts';
import { IntervalTally, type IntervalValues } from './interval-tally.ts';
import { GroupTally } from './group-tally.ts';
import type { DesignMetric, GroupMetric, TeamMetric } from './metric-catalogue.ts';
import { ratio } from './queue-tally.ts';
import { Tally, tallyMetrics, type TallyMetric } from './tally.ts';
import { TeamTally } from './team-tally.ts';

/** Quantile levels of the wait distribution reported per design. */
export const WAIT_QUANTILES: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

/** One replication's metric values: design level, per intent, per team, per interval. */
export interface ReplicationMetrics {
  readonly metrics: Record<DesignMetric, number>;
  /** Per intent: the design metrics of its calls (the staffing ones aside, see TallyMetric). */
  readonly byIntent: Record<string, Record<TallyMetric, number>>;
  readonly byTeam: Record<string, Record<TeamMetric, number>>;
  /** Per team of agent groups, per group; absent when no team has groups. */
  readonly byGroup?: Record<string, Record<string, Record<GroupMetric, number>>>;
  /** Time in queue per queue entry at each level of WAIT_QUANTILES. */
  readonly waitQuantiles: readonly number[];
  /** Calls along each step of the design taken at least once (see FlowTally). */
  readonly flows: readonly FlowCount[];
  /** Present when an interval length was asked for. */
  readonly byInterval?: IntervalValues[];
}

export interface AccumulatorOptions {
  /** Length of the intervals of the per-interval figures, seconds; none when undefined. */
  readonly interval?: number;
}

export class ReplicationAccumulator implements CallCentreObserver {
  private readonly intents: Tally[];
  private readonly teams: TeamTally[];
  /** Per team: its groups' tallies, or undefined for a team whose agents are alike. */
  private readonly groups: (GroupTally[] | undefined)[];
  private readonly intervals: IntervalTally | undefined;
  private readonly flows: FlowTally;
  private readonly serviceLevel: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private clock: Clock = { now: 0 };

  constructor(
    private readonly design: CompiledDesign,
    settings: RunSettings,
    options: AccumulatorOptions = {},
  ) {
    this.intents = design.intents.map(() => new Tally(design.callbackOffer !== undefined));
    this.teams = design.teams.map(() => new TeamTally(settings.warmup, settings.horizon));
    this.groups = design.teams.map((team) => team.groups?.groups.map(() => new GroupTally(settings.warmup, settings.horizon)));
    this.flows = new FlowTally(design);
    this.intervals = options.interval === undefined ? undefined : new IntervalTally(options.interval, settings.horizon);
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
    if (!call.issue.counted) return;
    this.intervals?.callStarted(call.dialTime);
    const t = this.intents[call.issue.intent]!;
    t.calls++;
    if (call.number > 1) {
      t.repeatCalls++;
      if (call.deferred) t.deferredCalls++;
    }
    this.flows.callStarted(call);
  }

  ivrRouted(): void {}

  queueJoined(call: Readonly<Call>, team: number): void {
    if (!call.issue.counted) return;
    this.intervals?.queueJoined(call.dialTime, call.queueEntryTime, call.queueEntries === 1);
    this.flows.reachedTeam(call, team);
    this.intents[call.issue.intent]!.queue.queueEntries++;
    this.teams[team]!.queue.queueEntries++;
  }

  answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void {
    const wait = this.clock.now - call.queueEntryTime;
    const inTime = wait <= this.serviceLevel;
    const issue = call.issue;
    if (!issue.counted) return;
    this.intervals?.answer(call.queueEntryTime, wait, inTime);
    const t = this.intents[issue.intent]!;
    t.queue.answer(wait, inTime);
    t.waits.add(wait);
    this.teams[queueTeam]!.queue.answer(wait, inTime);
    if (call.offerState !== OfferState.None) countOffer(t, call, wait);
    if (agentTeam !== queueTeam) this.overflowed(queueTeam, agentTeam);
    if (call.group !== NO_GROUP) this.groups[agentTeam]![call.group]!.answered++;
  }

  private overflowed(queueTeam: number, agentTeam: number): void {
    this.teams[agentTeam]!.overflowIn++;
    this.flows.overflowed(queueTeam, agentTeam);
  }

  abandoned(call: Readonly<Call>, team: number): void {
    const wait = this.clock.now - call.queueEntryTime;
    const issue = call.issue;
    if (!issue.counted) return;
    this.intervals?.abandon(call.queueEntryTime, wait);
    const t = this.intents[issue.intent]!;
    t.queue.abandon(wait);
    t.waits.add(wait);
    this.teams[team]!.queue.abandon(wait);
    if (call.offerState !== OfferState.None) countOffer(t, call, wait);
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
    this.flows.callEnded(call, outcome);
    const t = this.intents[issue.intent]!;
    t.outcomes[outcome]!++;
    t.callDurationSum += this.clock.now - call.dialTime;
    if (call.transfers > 0) t.transferredCalls++;
    if (call.misrouted) t.misroutedCalls++;
    if (call.handedOver) t.handedOverCalls++;
    if (call.group !== NO_GROUP && (outcome === CallOutcome.Resolved || outcome === CallOutcome.Unresolved || outcome === CallOutcome.Capped)) {
      this.groupEnded(call, outcome === CallOutcome.Resolved);
    }
    if (call.number === 1 && (outcome === CallOutcome.Resolved || outcome === CallOutcome.SelfServed)) {
      t.firstCallResolved++;
      // Once and done: the first agent reached resolved it (the IVR and triage agents do not count).
      if (outcome === CallOutcome.Resolved && call.agentsReached === 1) t.onceAndDone++;
    }
  }

  /** A call a group's agent handled with the skill ends (its agent is in `call.team`). */
  private groupEnded(call: Readonly<Call>, resolved: boolean): void {
    const g = this.groups[call.team]![call.group]!;
    g.skilledAnswers++;
    if (resolved) g.resolved++;
  }

  issueEnded(issue: Readonly<Issue>): void {
    if (!issue.counted) return;
    const t = this.intents[issue.intent]!;
    t.issuesEnded++;
    t.issueWaitSum += issue.waitTotal;
    t.issueTransfersSum += issue.transfers;
    t.issuePhoneTimeSum += issue.phoneTime;
    t.issueReexplainSum += issue.reexplainTotal;
    t.issueRepeatAnswers += issue.repeatAnswers;
    t.issueSameAgentAnswers += issue.sameAgentAnswers;
    if (issue.resolved) {
      t.resolvedIssues++;
      t.timeToResolutionSum += this.clock.now - issue.arrivalTime;
    } else {
      t.givenUpIssues++;
    }
  }

  teamLoadChanged(team: number, busyAgents: number, waiting: number, onDuty: number): void {
    const tt = this.teams[team]!;
    const now = this.clock.now;
    if (this.intervals !== undefined) this.addIntervalLoad(tt, now);
    tt.change(now, busyAgents, waiting, onDuty);
  }

  groupLoadChanged(team: number, group: number, busyAgents: number, onDuty: number): void {
    this.groups[team]![group]!.load.change(this.clock.now, busyAgents, 0, onDuty);
  }

  runEnded(): void {
    const now = this.clock.now;
    for (const tt of this.teams) {
      if (this.intervals !== undefined) this.addIntervalLoad(tt, now);
      tt.advance(now);
    }
    for (const groups of this.groups) for (const g of groups ?? []) g.load.advance(now);
  }

  /** The team's load since its last change, into the per-interval figures. */
  private addIntervalLoad(tt: TeamTally, now: number): void {
    if (now > tt.lastChange) this.intervals!.addLoad(tt.lastChange, now, Math.min(tt.busy, tt.onDuty), tt.onDuty);
  }

  /** The replication's metric values (call after the run ended). */
  result(): ReplicationMetrics {
    const design = this.design;
    const total = new Tally(design.callbackOffer !== undefined);
    const byIntent: Record<string, Record<TallyMetric, number>> = {};
    design.intents.forEach((intent, i) => {
      total.add(this.intents[i]!);
      byIntent[intent.name] = tallyMetrics(this.intents[i]!);
    });
    const window = this.horizon - this.warmup;
    const byTeam: Record<string, Record<TeamMetric, number>> = {};
    let agentHours = 0;
    let overtimeHours = 0;
    let staffedCost = 0;
    let costed = false;
    design.teams.forEach((team, k) => {
      const metrics = this.teams[k]!.metrics(window, team.costPerHour);
      byTeam[team.name] = metrics;
      agentHours += metrics.agentHours;
      overtimeHours += metrics.overtimeHours;
      if (team.costPerHour !== undefined) {
        staffedCost += metrics.staffedCost;
        costed = true;
      }
    });
    const cost = costed ? staffedCost : NaN;
    const byGroup = this.groupMetrics(window);
    return {
      metrics: {
        ...tallyMetrics(total),
        agentHours,
        overtimeHours,
        staffedCost: cost,
        costPerResolved: ratio(cost, total.resolvedIssues),
      },
      byIntent,
      byTeam,
      ...(byGroup === undefined ? {} : { byGroup }),
      waitQuantiles: WAIT_QUANTILES.map((q) => total.waits.quantile(q)),
      flows: this.flows.values(),
      ...(this.intervals === undefined ? {} : { byInterval: this.intervals.metrics() }),
    };
  }

  private groupMetrics(window: number): ReplicationMetrics['byGroup'] {
    let byGroup: ReplicationMetrics['byGroup'];
    this.design.teams.forEach((team, k) => {
      const tallies = this.groups[k];
      if (tallies === undefined) return;
      byGroup ??= {};
      byGroup[team.name] = Object.fromEntries(team.groups!.groups.map((g, i) => [g.name, tallies[i]!.metrics(window)]));
    });
    return byGroup;
  }
}

/** A queue entry offered a callback ends after `wait` seconds: at the callback when accepted. */
function countOffer(t: Tally, call: Readonly<Call>, wait: number): void {
  t.callbackOffered++;
  if (call.offerState === OfferState.Accepted) {
    t.callbackAccepted++;
    t.calledBackWaitSum += wait;
  }
}
