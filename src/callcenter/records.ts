// The caller's problem (an issue) and each phone call it makes, as reusable records.
// Records are recycled through pools so a long run allocates nothing per call.

/** How a call ended, from the caller's point of view. */
export const CallOutcome = {
  /** An agent with the skill resolved the issue. */
  Resolved: 0,
  /** An agent with the skill answered but the issue stays open. */
  Unresolved: 1,
  /** The IVR's self-service resolved the issue. */
  SelfServed: 2,
  /** The caller gave up waiting in a queue. */
  Abandoned: 3,
  /** The caller was lost while being transferred. */
  Dropped: 4,
} as const;
export type CallOutcome = (typeof CallOutcome)[keyof typeof CallOutcome];

export class Issue {
  slot = 0;
  intent = 0;
  arrivalTime = 0;
  /** Counted in the metrics: first arrived in [warmup, horizon). */
  counted = false;
  calls = 0;
  resolved = false;
  // Draws made once when the issue appears, identical in every design (common random numbers).
  handle = 0;
  wrapUp = 0;
  patience = 0;
  resolveDraw = 0;
  dialDraw = 0;
  pickDraw = 0;
  selfServiceDraw = 0;
}

export class Call {
  slot = 0;
  issue: Issue = undefined as unknown as Issue;
  /** 1 for the issue's first call. */
  number = 0;
  dialTime = 0;
  /** Team whose queue the caller is in or whose agent serves them; -1 before any team. */
  team = -1;
  queueEntryTime = 0;
  /** Matches the entry in the team queue while the caller waits; -1 otherwise. */
  queueSerial = -1;
  patienceTimer = -1;
  /** Agents this call has reached so far. */
  agentsReached = 0;
  transfers = 0;
  misrouted = false;
  /** The current agent's work on the call: talk time, or time to identify a misroute. */
  serviceTime = 0;
  /** Added to the next skilled handle time: re-explaining after a transfer. */
  extraHandle = 0;
  /** Goes ahead of first-time callers in the next queue. */
  priority = false;
}

/** A free-list of records addressed by slot, so events can refer to them by an integer. */
export class RecordPool<T extends { slot: number }> {
  readonly items: T[] = [];
  private readonly free: number[] = [];

  constructor(private readonly create: () => T) {}

  acquire(): T {
    const slot = this.free.pop();
    if (slot !== undefined) return this.items[slot]!;
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
