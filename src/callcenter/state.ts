// The mutable state of one replication: the clock and its events, the callers in the system,
// the teams' queues and agents, and the random streams. Named helpers hide the typed arrays.
import { EventQueue, type EventId } from '../engine/event-queue.ts';
import { needsAgentPool } from './agent-ids.ts';
import { AgentPool } from './agent-pool.ts';
import type { RandomStream } from '../engine/random.ts';
import type { ArrivalProcess } from '../engine/poisson-process.ts';
import type { CompiledRun, Samplers } from './compile-run.ts';
import type { CompiledDesign } from './compile.ts';
import { RANK_OF_KIND, type EventKind } from './event-kinds.ts';
import type { CallCentreObserver } from './observer.ts';
import { Call, Issue, RecordPool } from './records.ts';
import type { RoutingPolicy, TeamLoads } from './routing.ts';
import { callbackOfferStream, createStreams, dailyVolumeStream, type Streams } from './streams.ts';
import { TeamQueue, type Skills } from './team-queue.ts';

export class RunState implements TeamLoads, Skills {
  readonly design: CompiledDesign;
  readonly samplers: Samplers;
  readonly events = new EventQueue(RANK_OF_KIND);
  readonly issues = new RecordPool(() => new Issue());
  readonly calls = new RecordPool(() => new Call());
  readonly queues: readonly TeamQueue[];
  readonly streams: Streams;
  /** This replication's new issues: the run's process, or one scaled by its own day factors. */
  readonly arrivals: ArrivalProcess;
  readonly routing: RoutingPolicy;
  /** Individual agents, only for a design with continuity: advisor or agent groups; null otherwise. */
  readonly agents: AgentPool | null;
  /** Draws of the design's callback offer; null for a design without one. */
  readonly callbackOffer: RandomStream | null;
  /** Per team: agents working on a call (talk, wrap-up, identifying, a warm transfer). */
  private readonly busy: Int32Array;
  /** Per team: agents on duty now. */
  private readonly onDuty: Int32Array;
  /**
   * Per team: agents who may be at work now; an agent is free while fewer are busy. The
   * agents on duty, except in a team of agent groups while one group's agents finish calls
   * past their shift and another's are free: then per group the larger of the two.
   */
  private readonly capacity: Int32Array;
  private queueSerial = 0;
  issueCount = 0;
  callCount = 0;

  constructor(
    readonly run: CompiledRun,
    replication: number,
    readonly observer: CallCentreObserver,
  ) {
    this.design = run.design;
    this.samplers = run.samplers;
    this.routing = run.routing;
    this.queues = run.design.teams.map(() => new TeamQueue());
    this.agents = needsAgentPool(run.design) ? new AgentPool(run.design, observer) : null;
    this.busy = new Int32Array(run.design.teams.length);
    this.onDuty = Int32Array.from(run.design.teams, (team) => team.initialAgents);
    this.capacity = Int32Array.from(this.onDuty);
    this.streams = createStreams(run.settings.seed, replication);
    this.callbackOffer = run.design.callbackOffer === undefined ? null : callbackOfferStream(run.settings.seed, replication);
    this.arrivals = run.dailyVolume === null ? run.arrivals : run.dailyVolume.forReplication(dailyVolumeStream(run.settings.seed, replication));
  }

  get now(): number {
    return this.events.now;
  }

  schedule(at: number, kind: EventKind, arg: number): EventId {
    return this.events.schedule(at, kind, arg);
  }

  /** The call whose slot an event carries. */
  call(slot: number): Call {
    return this.calls.items[slot]!;
  }

  issue(slot: number): Issue {
    return this.issues.items[slot]!;
  }

  canHandle(team: number, intent: number): boolean {
    const design = this.design;
    return design.canHandle[team * design.intents.length + intent] === 1;
  }

  /** Whether an agent of `team` on duty is free. */
  hasFreeAgent(team: number): boolean {
    return this.busy[team]! < this.capacity[team]!;
  }

  /** Whether a caller joining `team` now would be answered at once. */
  answersAtOnce(team: number): boolean {
    return this.queues[team]!.waiting === 0 && this.hasFreeAgent(team);
  }

  /** An agent of `team` starts working on a call. */
  occupyAgent(team: number): void {
    this.busy[team]!++;
  }

  /** An agent of `team` is done with a call (on duty or not: see `hasFreeAgent`). */
  vacateAgent(team: number): void {
    this.busy[team]!--;
  }

  setOnDuty(team: number, agents: number): void {
    this.onDuty[team] = agents;
    this.capacity[team] = this.agents === null ? agents : this.agents.capacityOf(team);
  }

  /** A team's agents told apart changed (an agent went off duty after a call): its capacity follows. */
  refreshCapacity(team: number): void {
    this.capacity[team] = this.agents!.capacityOf(team);
  }

  onDutyIn(team: number): number {
    return this.onDuty[team]!;
  }

  /** Callers waiting for an agent of `team`: in its queue, or for one of its agents, their advisor. */
  waitingIn(team: number): number {
    const queue = this.queues[team]!;
    return queue.waiting + queue.waitingForAdvisor;
  }

  /** A serial unique across every queue of the run, for a queue entry. */
  nextQueueSerial(): number {
    return this.queueSerial++;
  }

  /** Tells the observer `team`'s busy agents, waiting callers and agents on duty. */
  notifyLoad(team: number): void {
    this.observer.teamLoadChanged(team, this.busy[team]!, this.waitingIn(team), this.onDuty[team]!);
  }
}
