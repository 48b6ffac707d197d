// One replication of one design: callers dial, wait, talk, get transferred and hang up.
// Event handlers are small methods; every agent that frees up takes the next caller at once.
import { EXTERNAL, EventQueue, NONE } from '../engine/event-queue.ts';
import { createStream, type RandomStream } from '../engine/random.ts';
import { sample } from '../engine/distributions.ts';
import type { Arrivals, RunSettings } from '../scenario/model.ts';
import { TO_IVR, type CompiledDesign } from './compile.ts';
import type { CallCentreObserver } from './observer.ts';
import { Call, CallOutcome, Issue, RecordPool } from './records.ts';
import { TeamQueue } from './team-queue.ts';
import { chooseNumber, chooseTeam } from './routing.ts';

// Event kinds. Simultaneous events fire in the rank order below, then in scheduling order.
// New issues are the event queue's outside stream (EXTERNAL): their times come from one
// Poisson stream, with no heap entry, and they rank after every queued event at the same
// instant, so a caller arriving as an agent frees up finds the agent free.
const IVR_DONE = 0;
const TRANSFER_ARRIVED = 1;
const PATIENCE_EXPIRED = 2;
const TALK_ENDED = 3;
const IDENTIFY_ENDED = 4;
const WRAP_UP_ENDED = 5;

const RANKS = [
  /* IVR_DONE: routed callers join queues before patience is judged */ 1,
  /* TRANSFER_ARRIVED: likewise */ 1,
  /* PATIENCE_EXPIRED: after agents free up, so an answer at the same instant wins */ 2,
  /* TALK_ENDED: agents finishing calls come first */ 0,
  /* IDENTIFY_ENDED */ 0,
  /* WRAP_UP_ENDED */ 0,
];

/** What the run did, for throughput figures. */
export interface SimulationStats {
  readonly events: number;
  readonly issues: number;
  readonly calls: number;
  /** Issues still open when the run stopped (0 when calls drain). */
  readonly issuesInSystem: number;
  readonly endTime: number;
}

/** Random streams by purpose. Caller attributes never share a stream with routing. */
interface Streams {
  readonly arrivals: RandomStream;
  readonly callers: RandomStream;
  readonly ivr: RandomStream;
  readonly misroute: RandomStream;
  readonly transfer: RandomStream;
  readonly patience: RandomStream;
  readonly service: RandomStream;
}

export function simulate(
  design: CompiledDesign,
  arrivals: Arrivals,
  run: RunSettings,
  replication: number,
  observer: CallCentreObserver,
): SimulationStats {
  return new ContactCentre(design, arrivals, run, replication, observer).run();
}

class ContactCentre {
  private readonly events = new EventQueue(RANKS);
  private readonly issues = new RecordPool(() => new Issue());
  private readonly calls = new RecordPool(() => new Call());
  private readonly queues: TeamQueue[];
  private readonly busy: Int32Array;
  private readonly streams: Streams;
  private queueSerial = 0;
  private issueCount = 0;
  private callCount = 0;

  constructor(
    private readonly design: CompiledDesign,
    private readonly arrivals: Arrivals,
    private readonly settings: RunSettings,
    replication: number,
    private readonly observer: CallCentreObserver,
  ) {
    this.queues = design.teams.map(() => new TeamQueue());
    this.busy = new Int32Array(design.teams.length);
    const stream = (name: string): RandomStream => createStream(settings.seed, replication, name);
    this.streams = {
      arrivals: stream('arrivals'),
      callers: stream('callers'),
      ivr: stream('ivr'),
      misroute: stream('misroute'),
      transfer: stream('transfer'),
      patience: stream('patience'),
      service: stream('service'),
    };
  }

  run(): SimulationStats {
    const { horizon, drain } = this.settings;
    const events = this.events;
    const calls = this.calls.items;
    events.limit = drain ? Infinity : horizon;
    this.scheduleNextArrival();
    this.observer.runStarted(events);
    let count = 0;
    for (let kind = events.next(); kind !== NONE; kind = events.next()) {
      count++;
      switch (kind) {
        case EXTERNAL:
          this.newIssue();
          break;
        case IVR_DONE:
          this.ivrDone(calls[events.arg]!);
          break;
        case TRANSFER_ARRIVED:
          this.joinQueue(calls[events.arg]!, calls[events.arg]!.team);
          break;
        case PATIENCE_EXPIRED:
          this.patienceExpired(calls[events.arg]!);
          break;
        case TALK_ENDED:
          this.talkEnded(calls[events.arg]!);
          break;
        case IDENTIFY_ENDED:
          this.identifyEnded(calls[events.arg]!);
          break;
        case WRAP_UP_ENDED:
          this.agentFreed(events.arg);
          break;
      }
    }
    const endTime = drain ? Math.max(events.now, horizon) : horizon;
    if (endTime > events.now) events.advanceTo(endTime);
    this.observer.runEnded();
    return {
      events: count,
      issues: this.issueCount,
      calls: this.callCount,
      issuesInSystem: this.issues.inUse,
      endTime,
    };
  }

  private get now(): number {
    return this.events.now;
  }

  /** Sets the time of the next new issue (the event queue's outside stream). */
  private scheduleNextArrival(): void {
    const rate = this.arrivals.ratePerSecond;
    const next = rate > 0 ? this.events.now - Math.log(1 - this.streams.arrivals.next()) / rate : Infinity;
    this.events.external = next < this.settings.horizon ? next : Infinity;
  }

  /** A new issue: its intent and every caller attribute are drawn here, in a fixed order. */
  private newIssue(): void {
    const now = this.now;
    const design = this.design;
    const issue = this.issues.acquire();
    issue.intent = drawIntent(design.cumulativeShares, this.streams.arrivals.next());
    this.scheduleNextArrival();
    const intent = design.intents[issue.intent]!;
    const callers = this.streams.callers;
    issue.arrivalTime = now;
    issue.counted = now >= this.settings.warmup;
    issue.calls = 0;
    issue.resolved = false;
    issue.handle = sample(intent.handle, callers);
    issue.wrapUp = sample(intent.wrapUp, callers);
    issue.patience = intent.patience === null ? Infinity : sample(intent.patience, callers);
    issue.resolveDraw = callers.next();
    issue.dialDraw = callers.next();
    issue.pickDraw = callers.next();
    issue.selfServiceDraw = callers.next();
    this.issueCount++;
    this.observer.issueArrived(issue);
    this.startCall(issue);
  }

  private startCall(issue: Issue): void {
    const call = this.calls.acquire();
    call.issue = issue;
    call.number = ++issue.calls;
    call.dialTime = this.now;
    call.team = -1;
    call.queueSerial = -1;
    call.patienceTimer = -1;
    call.agentsReached = 0;
    call.transfers = 0;
    call.misrouted = false;
    call.extraHandle = 0;
    call.priority = false;
    this.callCount++;
    const dial = chooseNumber(this.design, issue.intent, issue.dialDraw, issue.pickDraw);
    this.observer.callStarted(call, dial);
    const target = this.design.numberTargets[dial]!;
    if (target === TO_IVR) {
      this.events.schedule(this.now + sample(this.design.ivr!.menu, this.streams.ivr), IVR_DONE, call.slot);
    } else {
      this.joinQueue(call, target);
    }
  }

  private ivrDone(call: Call): void {
    const ivr = this.design.ivr!;
    const issue = call.issue;
    if (ivr.selfService && issue.selfServiceDraw < this.design.intents[issue.intent]!.selfService) {
      this.endCall(call, CallOutcome.SelfServed);
      return;
    }
    const team = chooseTeam(this.design, issue.intent, ivr.accuracy, -1, this.queues, this.streams.ivr);
    this.observer.ivrRouted(call, team);
    this.joinQueue(call, team);
  }

  private joinQueue(call: Call, team: number): void {
    const now = this.now;
    call.team = team;
    call.queueEntryTime = now;
    this.observer.queueJoined(call, team);
    const queue = this.queues[team]!;
    if (queue.waiting === 0 && this.busy[team]! < this.design.teams[team]!.agents) {
      this.answer(call, team);
      return;
    }
    queue.add(call, this.queueSerial++);
    const issue = call.issue;
    const intent = this.design.intents[issue.intent]!;
    // The issue's own draw serves the first queue of its first call (common random numbers).
    const patience =
      call.number === 1 && call.agentsReached === 0
        ? issue.patience
        : intent.patience === null
          ? Infinity
          : sample(intent.patience, this.streams.patience);
    if (patience !== Infinity) call.patienceTimer = this.events.schedule(now + patience, PATIENCE_EXPIRED, call.slot);
    this.observer.teamLoadChanged(team, this.busy[team]!, queue.waiting);
  }

  private answer(call: Call, team: number): void {
    const now = this.now;
    if (call.patienceTimer >= 0) {
      this.events.cancel(call.patienceTimer);
      call.patienceTimer = -1;
    }
    this.busy[team]!++;
    call.agentsReached++;
    this.observer.answered(call, team);
    this.observer.teamLoadChanged(team, this.busy[team]!, this.queues[team]!.waiting);
    const design = this.design;
    const intent = call.issue.intent;
    if (design.canHandle[team * design.intents.length + intent] === 1) {
      call.serviceTime = call.issue.handle + call.extraHandle;
      call.extraHandle = 0;
      this.events.schedule(now + call.serviceTime, TALK_ENDED, call.slot);
    } else {
      call.misrouted = true;
      call.serviceTime = sample(design.misroute.identify, this.streams.misroute);
      this.events.schedule(now + call.serviceTime, IDENTIFY_ENDED, call.slot);
    }
  }

  private talkEnded(call: Call): void {
    const team = call.team;
    const issue = call.issue;
    const wrapUpOverride = this.design.teams[team]!.wrapUp;
    const wrapUp = wrapUpOverride === undefined ? issue.wrapUp : sample(wrapUpOverride, this.streams.service);
    call.serviceTime += wrapUp;
    this.observer.agentWorked(call, team, false);
    const resolved = issue.resolveDraw < this.design.intents[issue.intent]!.resolve;
    this.endCall(call, resolved ? CallOutcome.Resolved : CallOutcome.Unresolved);
    if (wrapUp > 0) this.events.schedule(this.now + wrapUp, WRAP_UP_ENDED, team);
    else this.agentFreed(team);
  }

  /** The agent found the call is not for this team: transfer it. */
  private identifyEnded(call: Call): void {
    const from = call.team;
    this.observer.agentWorked(call, from, true);
    this.observer.transferred(call, from);
    call.transfers++;
    this.agentFreed(from);
    const transfer = this.design.transfer;
    const rng = this.streams.transfer;
    if (transfer.drop > 0 && rng.next() < transfer.drop) {
      this.endCall(call, CallOutcome.Dropped);
      return;
    }
    call.team = chooseTeam(this.design, call.issue.intent, transfer.accuracy, from, this.queues, rng);
    call.extraHandle += sample(transfer.reexplain, rng);
    call.priority = transfer.priority;
    const delay = sample(transfer.delay, rng);
    if (delay > 0) this.events.schedule(this.now + delay, TRANSFER_ARRIVED, call.slot);
    else this.joinQueue(call, call.team);
  }

  private patienceExpired(call: Call): void {
    call.patienceTimer = -1;
    const team = call.team;
    const queue = this.queues[team]!;
    queue.remove(call);
    this.observer.abandoned(call, team);
    this.observer.teamLoadChanged(team, this.busy[team]!, queue.waiting);
    this.endCall(call, CallOutcome.Abandoned);
  }

  /** An agent of `team` is free: the next waiting caller is answered at once. */
  private agentFreed(team: number): void {
    this.busy[team]!--;
    const next = this.queues[team]!.take(this.calls.items);
    if (next !== undefined) this.answer(next, team);
    else this.observer.teamLoadChanged(team, this.busy[team]!, this.queues[team]!.waiting);
  }

  private endCall(call: Call, outcome: CallOutcome): void {
    const issue = call.issue;
    if (outcome === CallOutcome.Resolved || outcome === CallOutcome.SelfServed) issue.resolved = true;
    this.observer.callEnded(call, outcome);
    this.calls.release(call);
    // Without repeat calls every issue ends with its first call.
    this.observer.issueEnded(issue);
    this.issues.release(issue);
  }
}

function drawIntent(cumulativeShares: Float64Array, u: number): number {
  const last = cumulativeShares.length - 1;
  for (let i = 0; i < last; i++) if (u < cumulativeShares[i]!) return i;
  return last;
}
