// The caller's problem (an issue) and each phone call it makes, as reusable records.
// Records are recycled through pools so a long run allocates nothing per call.

/** A team field that holds no team (before any, or none). */
export const NO_TEAM = -1;
export const NO_GROUP = -1;
/** A timer field that holds no pending event. */
export const NO_TIMER = -1;
/** The number of a call that dialled none: a repeat call sent straight to a team. */
export const NO_NUMBER = -1;
/** An agent field that holds no agent (agents not told apart, or none yet). */
export const NO_AGENT = -1;
/** The queue serial of a call that is not waiting in a queue. */
export const NOT_QUEUED = -1;

/**
 * Why an issue calls again: after abandoning or a busy signal, after an unresolved call, to
 * redial, or at the opening after finding the line closed.
 */
export const Recall = { None: 0, Retry: 1, Callback: 2, Redial: 3, Reopen: 4 } as const;
export type Recall = (typeof Recall)[keyof typeof Recall];

/** Where a caller stands with the design's callback offer in their current queue. */
export const OfferState = { None: 0, Declined: 1, Accepted: 2 } as const;
export type OfferState = (typeof OfferState)[keyof typeof OfferState];

/** Draws that describe one call of a caller; the first call's are made when the issue appears. */
export class CallDraws {
  handle = 0;
  wrapUp = 0;
  /** Patience in the call's first queue; Infinity when the caller never abandons. */
  patience = 0;
  resolveDraw = 0;
  dialDraw = 0;
  pickDraw = 0;
  selfServiceDraw = 0;
}

export class Issue {
  slot = 0;
  intent = 0;
  arrivalTime = 0;
  /** Counted in the metrics: first arrived in [warmup, horizon). */
  counted = false;
  /** Calls made so far. */
  calls = 0;
  resolved = false;
  /** Why the next call happens (set while a repeat call is pending). */
  recall: Recall = Recall.None;
  /** The team whose skilled agent last talked with the caller; NO_TEAM before any. */
  lastTeam = NO_TEAM;
  /** With individual agents: the agent who first handled the issue, its advisor; NO_AGENT before any. */
  advisor = NO_AGENT;
  /** With individual agents: the agent who last handled the issue; NO_AGENT before any. */
  lastAgent = NO_AGENT;
  /** With individual agents: repeat calls answered by a skilled agent after one had handled the issue. */
  repeatAnswers = 0;
  /** Of those, the ones answered by the agent who last handled the issue. */
  sameAgentAnswers = 0;
  /** The number the issue last dialled: the line whose hours a repeat call sent straight to a team obeys. */
  lastDial = NO_NUMBER;
  /** The pending repeat call was moved out of closed hours to an opening. */
  deferred = false;
  // Journey totals over all calls.
  waitTotal = 0;
  phoneTime = 0;
  transfers = 0;
  /** Handle time added by re-explaining the issue on repeat calls (demand.reexplainOnRepeat). */
  reexplainTotal = 0;
  /** The first call's draws, identical in every design (common random numbers). */
  readonly first = new CallDraws();

  /** Makes this (recycled) record a new issue. */
  begin(intent: number, now: number, counted: boolean): void {
    this.intent = intent;
    this.arrivalTime = now;
    this.counted = counted;
    this.calls = 0;
    this.resolved = false;
    this.recall = Recall.None;
    this.lastTeam = NO_TEAM;
    this.advisor = NO_AGENT;
    this.lastAgent = NO_AGENT;
    this.repeatAnswers = 0;
    this.sameAgentAnswers = 0;
    this.lastDial = NO_NUMBER;
    this.deferred = false;
    this.waitTotal = 0;
    this.phoneTime = 0;
    this.transfers = 0;
    this.reexplainTotal = 0;
  }
}

export class Call {
  slot = 0;
  issue: Issue = undefined as unknown as Issue;
  /** 1 for the issue's first call. */
  number = 0;
  dialTime = 0;
  readonly draws = new CallDraws();
  /** The number dialled (index in the design), or NO_NUMBER for a repeat call sent straight to a team. */
  dial = NO_NUMBER;
  /** Team whose queue the caller is in, is going to, or whose agent serves them; NO_TEAM before any. */
  team = NO_TEAM;
  /** The team that last transferred the call; NO_TEAM before any transfer. */
  previousTeam = NO_TEAM;
  queueEntryTime = 0;
  /** Queue entries of this call so far (a transfer joins another queue). */
  queueEntries = 0;
  /** Matches the entry in the team queue while the caller waits; NOT_QUEUED otherwise. */
  queueSerial = NOT_QUEUED;
  patienceTimer = NO_TIMER;
  /** Fires when the caller has waited long enough for the next overflow rule; NO_TIMER when none. */
  overflowTimer = NO_TIMER;
  /** With individual agents: the agent working on the call now; NO_AGENT otherwise. */
  agent = NO_AGENT;
  /** The advisor the caller is waiting for now, outside the team queue; NO_AGENT otherwise. */
  waitingFor = NO_AGENT;
  /** The advisor the caller waited for on this call, kept once the wait is over; NO_AGENT if none. */
  awaitedAdvisor = NO_AGENT;
  /** Fires when the caller has waited advisorWait for their advisor; NO_TIMER when none. */
  advisorTimer = NO_TIMER;
  /** Index, in the queue's overflow rules by wait, of the rule that timer is for. */
  overflowStage = 0;
  /** Agents of teams with skills this call has reached so far (triage agents aside). */
  agentsReached = 0;
  transfers = 0;
  misrouted = false;
  /** A triage team handed the caller over at least once. */
  handedOver = false;
  /** The talk was cut at the design's handle cap. */
  capped = false;
  /** The current agent's work on the call: talk and wrap-up, or identifying a misroute (and a warm transfer). */
  serviceTime = 0;
  /** Added to the next skilled handle time: re-explaining after a transfer. */
  extraHandle = 0;
  /** Goes ahead of first-time callers in the next queue. */
  priority = false;
  /** During a warm transfer, the team whose agent stays on the line; NO_TEAM otherwise. */
  warmFrom = NO_TEAM;
  /** A repeat call that was moved out of closed hours to an opening. */
  deferred = false;
  /** The caller was waiting when the line closed and heard the closing message. */
  cutAtClosing = false;
  /** Fires when the caller has waited long enough to be offered a callback; NO_TIMER when none. */
  offerTimer = NO_TIMER;
  /** The offer in the current queue (reset at each queue entry). */
  offerState: OfferState = OfferState.None;
  /** The group of the agent serving the call, in a team of agent groups; NO_GROUP otherwise. */
  group = NO_GROUP;

  /** Makes this (recycled) record the issue's next call, dialled now. */
  begin(issue: Issue, now: number): void {
    this.issue = issue;
    this.number = ++issue.calls;
    this.dialTime = now;
    this.dial = NO_NUMBER;
    this.team = NO_TEAM;
    this.previousTeam = NO_TEAM;
    this.queueEntryTime = 0;
    this.overflowStage = 0;
    this.serviceTime = 0;
    this.queueEntries = 0;
    this.queueSerial = NOT_QUEUED;
    this.patienceTimer = NO_TIMER;
    this.overflowTimer = NO_TIMER;
    this.agent = NO_AGENT;
    this.waitingFor = NO_AGENT;
    this.awaitedAdvisor = NO_AGENT;
    this.advisorTimer = NO_TIMER;
    this.agentsReached = 0;
    this.transfers = 0;
    this.misrouted = false;
    this.handedOver = false;
    this.capped = false;
    this.extraHandle = 0;
    this.priority = false;
    this.warmFrom = NO_TEAM;
    this.deferred = false;
    this.cutAtClosing = false;
    this.offerTimer = NO_TIMER;
    this.offerState = OfferState.None;
    this.group = NO_GROUP;
  }
}

/** A free-list of records addressed by slot, so events can refer to them by an integer. */
export class RecordPool<T extends { slot: number }> {
  readonly items: T[] = [];
  private readonly free: number[] = [];

  constructor(private readonly create: () => T) {}

  acquire(): T {
    const slot = this.free.pop();
    return slot === undefined ? this.grow() : this.items[slot]!;
  }

  private grow(): T {
    const item = this.create();
    item.slot = this.items.length;
    this.items.push(item);
    return item;
  }

  release(item: T): void {
    this.free.push(item.slot);
  }

  get inUse(): number {
    return this.items.length - this.free.length;
  }
}
