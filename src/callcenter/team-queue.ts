// A team's FCFS queue of waiting callers, with an optional priority lane for transferred
// callers. Abandonment leaves the entry behind; stale entries are skipped when popped.
import { NOT_QUEUED, type Call } from './records.ts';

/** Who has which skill (the run state answers it). */
export interface Skills {
  canHandle(team: number, intent: number): boolean;
}

/** A FIFO of waiting callers' slots; an entry whose serial no longer matches its call is stale and skipped. */
export class Ring {
  private slots: Int32Array = new Int32Array(64);
  private serials: Float64Array = new Float64Array(64);
  private head = 0;
  private length = 0;

  push(slot: number, serial: number): void {
    if (this.length === this.slots.length) this.grow();
    const at = (this.head + this.length) & (this.slots.length - 1);
    this.slots[at] = slot;
    this.serials[at] = serial;
    this.length++;
  }

  /** The first call still waiting, removed; undefined when none. */
  pop(calls: readonly Call[]): Call | undefined {
    while (this.length > 0) {
      const call = calls[this.slots[this.head]!]!;
      const serial = this.serials[this.head]!;
      this.head = (this.head + 1) & (this.slots.length - 1);
      this.length--;
      if (call.queueSerial === serial) return call;
    }
    return undefined;
  }

  /** The first call still waiting, left in place (stale entries before it are dropped); undefined when none. */
  peek(calls: readonly Call[]): Call | undefined {
    while (this.length > 0) {
      const call = calls[this.slots[this.head]!]!;
      if (call.queueSerial === this.serials[this.head]!) return call;
      this.head = (this.head + 1) & (this.slots.length - 1);
      this.length--;
    }
    return undefined;
  }

  /**
   * The first waiting call that entered at or before `enteredBy` and whose intent `team` can
   * handle, marked as taken; undefined when none. Entries are in time order, so the scan
   * stops at the first later entry.
   */
  takeFirstEligible(calls: readonly Call[], enteredBy: number, skills: Skills, team: number): Call | undefined {
    const mask = this.slots.length - 1;
    for (let i = 0; i < this.length; i++) {
      const at = (this.head + i) & mask;
      const call = calls[this.slots[at]!]!;
      if (call.queueSerial !== this.serials[at]!) continue;
      if (call.queueEntryTime > enteredBy) return undefined;
      if (skills.canHandle(team, call.issue.intent)) {
        call.queueSerial = NOT_QUEUED;
        return call;
      }
    }
    return undefined;
  }

  private grow(): void {
    const n = this.slots.length * 2;
    const slots = new Int32Array(n);
    const serials = new Float64Array(n);
    for (let i = 0; i < this.length; i++) {
      const from = (this.head + i) & (this.slots.length - 1);
      slots[i] = this.slots[from]!;
      serials[i] = this.serials[from]!;
    }
    this.slots = slots;
    this.serials = serials;
    this.head = 0;
  }
}

export class TeamQueue {
  /** Callers waiting now (abandoned entries excluded). */
  waiting = 0;
  /** Callers waiting for one agent of the team, their advisor (continuity: advisor), not in this queue. */
  waitingForAdvisor = 0;
  private readonly priorityLane = new Ring();
  private readonly lane = new Ring();

  /** Queues a caller; `serial` must be unique across every queue of the run. */
  add(call: Call, serial: number): void {
    call.queueSerial = serial;
    (call.priority ? this.priorityLane : this.lane).push(call.slot, call.queueSerial);
    this.waiting++;
  }

  /** Marks a waiting caller as gone (abandoned); its entry is skipped later. */
  remove(call: Call): void {
    call.queueSerial = NOT_QUEUED;
    this.waiting--;
  }

  /**
   * Takes, for another team's agent (overflow), the longest-waiting caller who entered at or
   * before `enteredBy` and whose intent that team can handle.
   */
  takeForOverflow(calls: readonly Call[], enteredBy: number, skills: Skills, team: number): Call | undefined {
    if (this.waiting === 0) return undefined;
    const call =
      this.priorityLane.takeFirstEligible(calls, enteredBy, skills, team) ??
      this.lane.takeFirstEligible(calls, enteredBy, skills, team);
    if (call !== undefined) this.waiting--;
    return call;
  }

  /** The caller `take` would return, left in the queue. */
  peek(calls: readonly Call[]): Call | undefined {
    if (this.waiting === 0) return undefined;
    return this.priorityLane.peek(calls) ?? this.lane.peek(calls);
  }

  /** Takes the next caller: priority lane first, then first come, first served. */
  take(calls: readonly Call[]): Call | undefined {
    if (this.waiting === 0) return undefined;
    const call = this.priorityLane.pop(calls) ?? this.lane.pop(calls);
    if (call !== undefined) {
      call.queueSerial = NOT_QUEUED;
      this.waiting--;
    }
    return call;
  }
}
