// One replication of one design: callers dial, wait, talk, get transferred, hang up and
// call again. Event handlers are small methods; an agent who frees up takes the next
// caller at once.
import { EXTERNAL, EventQueue, NONE } from '../engine/event-queue.ts';
import { createStream, type RandomStream } from '../engine/random.ts';
import { Sampler, type Distribution } from '../engine/distributions.ts';
import { PoissonProcess } from '../engine/poisson-process.ts';
import type { Arrivals, Recontact, RunSettings } from '../scenario/model.ts';
import { TO_IVR, agentsAt, type CompiledDesign } from './compile.ts';
import type { CallCentreObserver } from './observer.ts';
import { CallOutcome } from './outcomes.ts';
import { Call, CallDraws, Issue, Recall, RecordPool } from './records.ts';
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
const RECALL = 6;
const SHIFT_CHANGE = 7;
const OVERFLOW_READY = 8;

const RANKS = [
  /* IVR_DONE: routed callers join queues before patience is judged */ 1,
  /* TRANSFER_ARRIVED: likewise */ 1,
  /* PATIENCE_EXPIRED: after agents free up, so an answer at the same instant wins */ 2,
  /* TALK_ENDED: agents finishing calls come first */ 0,
  /* IDENTIFY_ENDED */ 0,
  /* WRAP_UP_ENDED */ 0,
  /* RECALL: a repeat call is an arrival, last */ 3,
  /* SHIFT_CHANGE: before anything else, so the new staffing serves the instant's callers */ 0,
  /* OVERFLOW_READY: after agents free up, with patience */ 2,
];

/** A caller who has called this many times gives up: a guard against endless repeat calls. */
export const MAX_CALLS_PER_ISSUE = 100;

/** What the run did, for throughput figures. */
export interface SimulationStats {
  readonly events: number;
  readonly issues: number;
  readonly calls: number;
  /** Issues still open when the run stopped (0 when calls drain). */
  readonly issuesInSystem: number;
  /** Calls still in progress when the run stopped (0 when calls drain). */
  readonly callsInSystem: number;
  readonly endTime: number;
}

/** What a caller with a given intent draws for each call. */
interface CallerSamplers {
  readonly handle: Sampler;
  readonly wrapUp: Sampler;
  /** null: the caller never abandons. */
  readonly patience: Sampler | null;
}

/** Every distribution the run draws from, as samplers (one class: fast call sites). */
interface Samplers {
  /** Per intent. */
  readonly callers: readonly CallerSamplers[];
  /** Per team: its own wrap-up time, when it overrides the intent's. */
  readonly teamWrapUp: readonly (Sampler | undefined)[];
  readonly ivrMenu: Sampler | undefined;
  readonly identify: Sampler;
  readonly reexplain: Sampler;
  readonly transferDelay: Sampler;
  readonly retry: RecontactRule | null;
  readonly callback: RecontactRule | null;
}

/** A scenario's retry or callback rule, its delay as a sampler. */
interface RecontactRule {
  readonly probability: number;
  readonly after: Sampler;
}

type Recontacts = { readonly retry: Recontact | null; readonly callback: Recontact | null };

function compileSamplers(design: CompiledDesign, recontact: Recontacts): Samplers {
  const optional = (d: Distribution | undefined): Sampler | undefined => (d === undefined ? undefined : new Sampler(d));
  return {
    callers: design.intents.map((intent) => ({
      handle: new Sampler(intent.handle),
      wrapUp: new Sampler(intent.wrapUp),
      patience: intent.patience === null ? null : new Sampler(intent.patience),
    })),
    teamWrapUp: design.teams.map((team) => optional(team.wrapUp)),
    ivrMenu: optional(design.ivr?.menu),
    identify: new Sampler(design.misroute.identify),
    reexplain: new Sampler(design.transfer.reexplain),
    transferDelay: new Sampler(design.transfer.delay),
    retry: rule(recontact.retry),
    callback: rule(recontact.callback),
  };
}

function rule(recontact: Recontact | null): RecontactRule | null {
  return recontact === null ? null : { probability: recontact.probability, after: new Sampler(recontact.after) };
}

/** Random streams by purpose. Caller attributes never share a stream with routing. */
interface Streams {
  readonly arrivals: RandomStream;
  readonly callers: RandomStream;
  readonly repeatCalls: RandomStream;
  readonly recontact: RandomStream;
  readonly ivr: RandomStream;
  readonly misroute: RandomStream;
  readonly transfer: RandomStream;
  readonly patience: RandomStream;
  readonly service: RandomStream;
}

export function simulate(
  design: CompiledDesign,
  arrivals: Arrivals,
  recontact: Recontacts,
  run: RunSettings,
  replication: number,
  observer: CallCentreObserver,
): SimulationStats {
  return new ContactCentre(design, arrivals, recontact, run, replication, observer).run();
}

class ContactCentre {
  private readonly events = new EventQueue(RANKS);
  private readonly issues = new RecordPool(() => new Issue());
  private readonly calls = new RecordPool(() => new Call());
  private readonly queues: TeamQueue[];
  private readonly busy: Int32Array;
  private readonly agents: Int32Array;
  private readonly streams: Streams;
  private readonly samplers: Samplers;
  private readonly arrivalProcess: PoissonProcess;
  private queueSerial = 0;
  private issueCount = 0;
  private callCount = 0;

  constructor(
    private readonly design: CompiledDesign,
    arrivals: Arrivals,
    recontact: Recontacts,
    private readonly settings: RunSettings,
    replication: number,
    private readonly observer: CallCentreObserver,
  ) {
    this.queues = design.teams.map(() => new TeamQueue());
    this.busy = new Int32Array(design.teams.length);
    this.agents = Int32Array.from(design.teams, (team) => team.initialAgents);
    this.arrivalProcess =
      arrivals.kind === 'poisson'
        ? PoissonProcess.constant(arrivals.ratePerSecond)
        : PoissonProcess.piecewise(arrivals.every, arrivals.ratesPerSecond);
    this.samplers = compileSamplers(design, recontact);
    const stream = (name: string): RandomStream => createStream(settings.seed, replication, name);
    this.streams = {
      arrivals: stream('arrivals'),
      callers: stream('callers'),
      repeatCalls: stream('repeat-calls'),
      recontact: stream('recontact'),
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
    events.limit = drain ? Infinity : horizon;
    this.scheduleNextArrival();
    this.observer.runStarted(events);
    this.design.teams.forEach((team, t) => {
      this.notifyLoad(t);
      if (team.staffing.kind === 'schedule') this.scheduleShiftChange(t, team.staffing.every);
    });
    const count = this.fireEvents();
    const endTime = drain ? Math.max(events.now, horizon) : horizon;
    if (endTime > events.now) events.advanceTo(endTime);
    this.observer.runEnded();
    return {
      events: count,
      issues: this.issueCount,
      calls: this.callCount,
      issuesInSystem: this.issues.inUse,
      callsInSystem: this.calls.inUse,
      endTime,
    };
  }

  /**
   * Fires events until none is left; returns how many. The loop has a function of its own so
   * that V8's optimized code for it never meets the end-of-run code, whose first use would
   * discard that code before the next replication.
   */
  private fireEvents(): number {
    const events = this.events;
    const calls = this.calls.items;
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
          this.transferArrived(calls[events.arg]!);
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
        case RECALL:
          this.startRepeatCall(this.issues.items[events.arg]!);
          break;
        case SHIFT_CHANGE:
          this.shiftChanged(events.arg);
          break;
        case OVERFLOW_READY:
          this.overflowReady(calls[events.arg]!);
          break;
      }
    }
    return count;
  }

  private get now(): number {
    return this.events.now;
  }

  /** Sets the time of the next new issue (the event queue's outside stream). */
  private scheduleNextArrival(): void {
    const next = this.arrivalProcess.next(this.events.now, this.streams.arrivals);
    this.events.external = next < this.settings.horizon ? next : Infinity;
  }

  /** A new issue: its intent and its first call's draws are made here, in a fixed order. */
  private newIssue(): void {
    const now = this.now;
    const design = this.design;
    const issue = this.issues.acquire();
    issue.begin(drawIntent(design.cumulativeShares, this.streams.arrivals.next()), now, now >= this.settings.warmup);
    this.scheduleNextArrival();
    drawCall(issue.first, this.samplers.callers[issue.intent]!, this.streams.callers);
    this.issueCount++;
    this.observer.issueArrived(issue);
    this.startFirstCall(issue);
  }

  /** The issue's first call: its draws were made with the issue. */
  private startFirstCall(issue: Issue): void {
    const call = this.calls.acquire();
    call.begin(issue, this.now);
    copyDraws(issue.first, call.draws);
    this.callCount++;
    this.dial(call, chooseNumber(this.design, issue.intent, call.draws.dialDraw, call.draws.pickDraw));
  }

  /** A repeat call (retry, callback or redial), with draws of its own. */
  private startRepeatCall(issue: Issue): void {
    const design = this.design;
    const call = this.calls.acquire();
    call.begin(issue, this.now);
    const draws = call.draws;
    drawCall(draws, this.samplers.callers[issue.intent]!, this.streams.repeatCalls);
    this.callCount++;
    const recall = issue.recall;
    issue.recall = Recall.None;
    if (recall !== Recall.Redial && design.continuity && issue.lastTeam >= 0) {
      // "1 client = 1 advisor": straight back to the team that last handled the issue.
      this.observer.callStarted(call, -1);
      this.joinQueue(call, issue.lastTeam);
      return;
    }
    // Told to redial, the caller dials a right number.
    this.dial(call, chooseNumber(design, issue.intent, recall === Recall.Redial ? 0 : draws.dialDraw, draws.pickDraw));
  }

  /** The caller dials number `dial`: an IVR answers, or the caller joins a team's queue. */
  private dial(call: Call, dial: number): void {
    call.dial = dial;
    this.observer.callStarted(call, dial);
    const target = this.design.numberTargets[dial]!;
    if (target === TO_IVR) {
      this.events.schedule(this.now + this.samplers.ivrMenu!.draw(this.streams.ivr), IVR_DONE, call.slot);
    } else {
      this.joinQueue(call, target);
    }
  }

  private ivrDone(call: Call): void {
    const ivr = this.design.ivr!;
    const issue = call.issue;
    if (ivr.selfService && call.draws.selfServiceDraw < this.design.intents[issue.intent]!.selfService) {
      this.endCall(call, CallOutcome.SelfServed);
      return;
    }
    const team = chooseTeam(this.design, issue.intent, ivr.accuracy, -1, this.queues, this.agents, this.streams.ivr);
    this.observer.ivrRouted(call, team);
    this.joinQueue(call, team);
  }

  private joinQueue(call: Call, team: number): void {
    call.team = team;
    if (this.queues[team]!.waiting === 0 && this.busy[team]! < this.agents[team]!) {
      this.enterQueue(call, team);
      this.answer(call, team);
    } else {
      this.wait(call, team);
    }
  }

  /** No agent is free: the caller waits in the queue, or hears a busy signal when it is full. */
  private wait(call: Call, team: number): void {
    const now = this.now;
    const queue = this.queues[team]!;
    if (queue.waiting >= this.design.teams[team]!.queueCapacity) {
      this.endCall(call, CallOutcome.Blocked);
      return;
    }
    this.enterQueue(call, team);
    queue.add(call, this.queueSerial++);
    // The call's own draw serves its first queue (common random numbers); later queues
    // after a transfer draw afresh.
    const patienceSampler = this.samplers.callers[call.issue.intent]!.patience;
    const patience =
      call.queueEntries === 1
        ? call.draws.patience
        : patienceSampler === null
          ? Infinity
          : patienceSampler.draw(this.streams.patience);
    if (patience !== Infinity) call.patienceTimer = this.events.schedule(now + patience, PATIENCE_EXPIRED, call.slot);
    const overflow = this.design.overflowTo[team]!;
    if (overflow.length > 0) {
      call.overflowStage = 0;
      call.overflowTimer = this.events.schedule(now + overflow[0]!.after, OVERFLOW_READY, call.slot);
    }
    this.notifyLoad(team);
  }

  private enterQueue(call: Call, team: number): void {
    call.queueEntryTime = this.now;
    call.queueEntries++;
    this.observer.queueJoined(call, team);
  }

  /** An agent of `team` takes the caller, who was waiting in `call.team`'s queue. */
  private answer(call: Call, team: number): void {
    const now = this.now;
    this.stopTimers(call);
    const queueTeam = call.team;
    call.team = team;
    this.busy[team]!++;
    call.agentsReached++;
    call.issue.waitTotal += now - call.queueEntryTime;
    this.observer.answered(call, queueTeam, team);
    this.notifyLoad(team);
    const design = this.design;
    if (design.canHandle[team * design.intents.length + call.issue.intent] === 1) {
      call.issue.lastTeam = team;
      const talk = call.draws.handle + call.extraHandle;
      const cap = design.handleCap;
      call.capped = cap !== undefined && talk > cap;
      call.serviceTime = call.capped ? cap! : talk;
      call.extraHandle = 0;
      this.events.schedule(now + call.serviceTime, TALK_ENDED, call.slot);
    } else {
      this.startIdentifying(call);
    }
  }

  /** The agent lacks the skill: finding out takes `identify`. */
  private startIdentifying(call: Call): void {
    call.misrouted = true;
    call.serviceTime = this.samplers.identify.draw(this.streams.misroute);
    this.events.schedule(this.now + call.serviceTime, IDENTIFY_ENDED, call.slot);
  }

  private stopTimers(call: Call): void {
    if (call.patienceTimer >= 0) {
      this.events.cancel(call.patienceTimer);
      call.patienceTimer = -1;
    }
    if (call.overflowTimer >= 0) {
      this.events.cancel(call.overflowTimer);
      call.overflowTimer = -1;
    }
  }

  private talkEnded(call: Call): void {
    const team = call.team;
    const design = this.design;
    const wrapUpOverride = this.samplers.teamWrapUp[team];
    const wrapUp = wrapUpOverride === undefined ? call.draws.wrapUp : wrapUpOverride.draw(this.streams.service);
    call.serviceTime += wrapUp;
    this.observer.agentWorked(call, team, false);
    const resolved = call.draws.resolveDraw < design.intents[call.issue.intent]!.resolve;
    this.endCall(call, call.capped ? CallOutcome.Capped : resolved ? CallOutcome.Resolved : CallOutcome.Unresolved);
    if (wrapUp > 0) this.events.schedule(this.now + wrapUp, WRAP_UP_ENDED, team);
    else this.agentFreed(team);
  }

  /** The agent found the call is not for this team: transfer it, or tell the caller to redial. */
  private identifyEnded(call: Call): void {
    const from = call.team;
    const design = this.design;
    const transfer = design.transfer;
    if (design.misroute.action === 'redial' || call.transfers >= transfer.maxHops) {
      this.observer.agentWorked(call, from, true);
      this.endCall(call, design.misroute.action === 'redial' ? CallOutcome.Redirected : CallOutcome.PingPong);
      this.agentFreed(from);
      return;
    }
    this.observer.transferred(call, from);
    call.transfers++;
    call.issue.transfers++;
    const rng = this.streams.transfer;
    call.previousTeam = from;
    call.team = chooseTeam(design, call.issue.intent, transfer.accuracy, from, this.queues, this.agents, rng);
    call.extraHandle += this.samplers.reexplain.draw(rng);
    call.priority = transfer.priority;
    const delay = this.samplers.transferDelay.draw(rng);
    if (transfer.mode === 'warm') {
      // The agent stays on the line until the caller reaches the next queue.
      call.warmFrom = from;
      call.serviceTime += delay;
    } else {
      this.observer.agentWorked(call, from, true);
      this.agentFreed(from);
    }
    if (delay > 0) this.events.schedule(this.now + delay, TRANSFER_ARRIVED, call.slot);
    else this.transferArrived(call);
  }

  /** The transfer's delay is over: the caller is lost, or joins the next team's queue. */
  private transferArrived(call: Call): void {
    const warmFrom = call.warmFrom;
    if (warmFrom >= 0) {
      call.warmFrom = -1;
      this.observer.agentWorked(call, warmFrom, true);
      this.agentFreed(warmFrom);
    }
    const drop = this.design.transfer.drop;
    if (drop > 0 && this.streams.transfer.next() < drop) {
      this.endCall(call, CallOutcome.Dropped);
      return;
    }
    this.joinQueue(call, call.team);
  }

  private patienceExpired(call: Call): void {
    call.patienceTimer = -1;
    this.stopTimers(call);
    const team = call.team;
    this.queues[team]!.remove(call);
    call.issue.waitTotal += this.now - call.queueEntryTime;
    this.observer.abandoned(call, team);
    this.notifyLoad(team);
    this.endCall(call, CallOutcome.Abandoned);
  }

  /** An agent of `team` is free: off duty if their shift has ended, else takes the next caller. */
  private agentFreed(team: number): void {
    this.busy[team]!--;
    if (this.busy[team]! >= this.agents[team]! || !this.takeNextCaller(team)) this.notifyLoad(team);
  }

  /**
   * A free agent of `team` answers the next caller of its own queue or, with none waiting,
   * one of a team it may take overflow from. Returns false when nobody is waiting for it.
   */
  private takeNextCaller(team: number): boolean {
    const calls = this.calls.items;
    const own = this.queues[team]!.take(calls);
    if (own !== undefined) {
      this.answer(own, team);
      return true;
    }
    return this.design.overflowFrom[team]!.length > 0 && this.takeOverflowCaller(team);
  }

  /** With nobody waiting for it, a free agent of `team` takes a caller it may take from another team's queue. */
  private takeOverflowCaller(team: number): boolean {
    const calls = this.calls.items;
    const design = this.design;
    for (const link of design.overflowFrom[team]!) {
      const queue = this.queues[link.team]!;
      const call = queue.takeForOverflow(calls, this.now - link.after, design.canHandle, team * design.intents.length);
      if (call !== undefined) {
        this.notifyLoad(link.team);
        this.answer(call, team);
        return true;
      }
    }
    return false;
  }

  /** A waiting caller has waited long enough for the next overflow rule of their queue. */
  private overflowReady(call: Call): void {
    call.overflowTimer = -1;
    const from = call.team;
    const rules = this.design.overflowTo[from]!;
    const design = this.design;
    const waited = this.now - call.queueEntryTime;
    for (const rule of rules) {
      if (rule.after > waited) break;
      const to = rule.team;
      if (
        this.busy[to]! < this.agents[to]! &&
        this.queues[to]!.waiting === 0 &&
        design.canHandle[to * design.intents.length + call.issue.intent] === 1
      ) {
        this.queues[from]!.remove(call);
        this.notifyLoad(from);
        this.answer(call, to);
        return;
      }
    }
    // Not taken now: free agents of those teams will look for it; wait for the next rule.
    const next = ++call.overflowStage;
    if (next < rules.length) {
      call.overflowTimer = this.events.schedule(call.queueEntryTime + rules[next]!.after, OVERFLOW_READY, call.slot);
    }
  }

  /** A shift boundary: the team's agents on duty change; new agents take waiting callers. */
  private shiftChanged(team: number): void {
    const staffing = this.design.teams[team]!.staffing;
    if (staffing.kind !== 'schedule') return;
    this.agents[team] = agentsAt(staffing, this.now);
    this.notifyLoad(team);
    while (this.busy[team]! < this.agents[team]! && this.takeNextCaller(team)) {
      // each pass answers one caller
    }
    // After the horizon the schedule runs on only while someone is still in the system, so
    // callers left waiting when calls drain meet the next shift, and the run then ends.
    if (this.now < this.settings.horizon || this.issues.inUse > 0) this.scheduleShiftChange(team, this.now + staffing.every);
  }

  private scheduleShiftChange(team: number, at: number): void {
    // Without drain nothing happens after the horizon.
    if (at < this.settings.horizon || this.settings.drain) this.events.schedule(at, SHIFT_CHANGE, team);
  }

  private notifyLoad(team: number): void {
    this.observer.teamLoadChanged(team, this.busy[team]!, this.queues[team]!.waiting, this.agents[team]!);
  }

  private endCall(call: Call, outcome: CallOutcome): void {
    const issue = call.issue;
    issue.phoneTime += this.now - call.dialTime;
    if (outcome === CallOutcome.Resolved || outcome === CallOutcome.SelfServed) issue.resolved = true;
    this.observer.callEnded(call, outcome);
    this.calls.release(call);
    this.afterCall(issue, outcome);
  }

  /** What the caller does next: nothing (resolved), call again, or give up. */
  private afterCall(issue: Issue, outcome: CallOutcome): void {
    if (issue.resolved) this.endIssue(issue);
    else this.afterUnresolvedCall(issue, outcome);
  }

  private afterUnresolvedCall(issue: Issue, outcome: CallOutcome): void {
    switch (outcome) {
      case CallOutcome.Redirected:
        this.callAgain(issue, Recall.Redial, 1, this.samplers.retry!.after);
        return;
      case CallOutcome.Abandoned:
      case CallOutcome.Blocked:
        this.maybeCallAgain(issue, Recall.Retry, this.samplers.retry);
        return;
      case CallOutcome.Unresolved:
      case CallOutcome.Dropped:
      case CallOutcome.Capped:
      case CallOutcome.PingPong:
        this.maybeCallAgain(issue, Recall.Callback, this.samplers.callback);
        return;
    }
  }

  private maybeCallAgain(issue: Issue, recall: Recall, rule: RecontactRule | null): void {
    if (rule === null) this.endIssue(issue);
    else this.callAgain(issue, recall, rule.probability, rule.after);
  }

  private callAgain(issue: Issue, recall: Recall, probability: number, after: Sampler): void {
    const rng = this.streams.recontact;
    if (issue.calls >= MAX_CALLS_PER_ISSUE || (probability < 1 && rng.next() >= probability)) {
      this.endIssue(issue);
      return;
    }
    issue.recall = recall;
    this.events.schedule(this.now + after.draw(rng), RECALL, issue.slot);
  }

  private endIssue(issue: Issue): void {
    this.observer.issueEnded(issue);
    this.issues.release(issue);
  }
}

/** A call's draws, in a fixed order whatever the design. */
function drawCall(draws: CallDraws, caller: CallerSamplers, rng: RandomStream): void {
  draws.handle = caller.handle.draw(rng);
  draws.wrapUp = caller.wrapUp.draw(rng);
  draws.patience = caller.patience === null ? Infinity : caller.patience.draw(rng);
  draws.resolveDraw = rng.next();
  draws.dialDraw = rng.next();
  draws.pickDraw = rng.next();
  draws.selfServiceDraw = rng.next();
}

function copyDraws(from: CallDraws, to: CallDraws): void {
  to.handle = from.handle;
  to.wrapUp = from.wrapUp;
  to.patience = from.patience;
  to.resolveDraw = from.resolveDraw;
  to.dialDraw = from.dialDraw;
  to.pickDraw = from.pickDraw;
  to.selfServiceDraw = from.selfServiceDraw;
}

function drawIntent(cumulativeShares: Float64Array, u: number): number {
  const last = cumulativeShares.length - 1;
  for (let i = 0; i < last; i++) if (u < cumulativeShares[i]!) return i;
  return last;
}
