// The future-event list: a binary heap over flat typed arrays, ordered by
// (time, priority of the event's kind, scheduling order), with cheap cancellation.

/** The simulation clock, as read by observers of a run. */
export interface Clock {
  readonly now: number;
}

/**
 * Identifies a scheduled event for `cancel`. Valid until the event fires or is cancelled;
 * after that the id may name a later event, so holders forget it then.
 */
export type EventId = number;

/** `next()` returns this when the outside stream's event comes first (see `external`). */
export const EXTERNAL = -2;
/** `next()` returns this when no event remains at or before `limit`. */
export const NONE = -1;

/** The priority goes above the sequence number in one exact double: priority * 2^40 + seq. */
const PRIORITY_WEIGHT = 2 ** 40;
const FREE = -1;

/**
 * Equal times fire by the priority of their kind (lower first), then in the order they were
 * scheduled, so a run replays exactly. Events carry a small integer kind and one integer
 * argument; nothing is allocated per event once the arrays have grown to the model's size.
 * Cancelling removes the event from the heap at once (each slot knows its heap position),
 * so the heap holds pending events only.
 *
 * One outside stream of events (new arrivals, say) can be merged without heap entries: set
 * `external` to the time of its next event and `next()` returns EXTERNAL when that time
 * comes before every queued event (ties go to the queued events).
 *
 * Hot methods return integers and keep their state in typed arrays: V8 boxes a double
 * returned from (or passed to) a function it does not inline, and that allocation would
 * dominate the loop. The clock is read from `now`.
 */
export class EventQueue implements Clock {
  /** Time of the event last returned by `next`, i.e. the simulation clock. */
  now = 0;
  /** Argument of the event last returned by `next`. */
  arg = 0;
  /** `next()` returns NONE rather than an event later than this. */
  limit = Infinity;
  /** Time of the outside stream's next event; Infinity when it has none. */
  external = Infinity;

  private readonly priorityOfKind: Float64Array;
  // Per slot: what the event is. A slot is reused once its event has left the heap.
  private kind: Int32Array = new Int32Array(1024);
  private args: Int32Array = new Int32Array(1024);
  /** Per slot: rank of the kind * 2^40 + scheduling order, consulted only on equal times. */
  private order: Float64Array = new Float64Array(1024);
  /** Per slot: where its event is in the heap, so cancelling removes it at once. */
  private position: Int32Array = new Int32Array(1024);
  private freeSlots: Int32Array = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;
  // Per heap position: the time and the slot. Sifting moves only these two; equal times,
  // which are rare, look up the slots' order.
  private heapTime: Float64Array = new Float64Array(1024);
  private heapSlot: Int32Array = new Int32Array(1024);
  private heapSize = 0;
  private sequence = 0;
  private live = 0;

  /** `priorities[k]` is the rank of event kind k among simultaneous events (lower fires first). */
  constructor(priorities: readonly number[]) {
    this.priorityOfKind = Float64Array.from(priorities, (p) => p * PRIORITY_WEIGHT);
  }

  /** Number of pending (not cancelled) events. */
  get size(): number {
    return this.live;
  }

  /**
   * Schedules an event of `kind` at `time`, which must be a number no earlier than `now`
   * (anything else is a bug in the caller: it throws a RangeError naming the time).
   */
  schedule(time: number, kind: number, arg: number): EventId {
    if (!(time >= this.now)) refuseTime(time, this.now, kind);
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.newSlot();
    this.kind[slot] = kind;
    this.args[slot] = arg;
    this.live++;
    this.order[slot] = this.priorityOfKind[kind]! + this.sequence++;
    this.siftUp(this.heapSize++, time, slot);
    return slot;
  }

  /** Cancels a pending event; returns false when its slot holds no pending event. */
  cancel(id: EventId): boolean {
    if (id < 0 || id >= this.slotCount || this.kind[id] === FREE) return false;
    this.live--;
    this.removeAt(this.position[id]!);
    return true;
  }

  /**
   * Removes the next event at or before `limit` and returns its kind, setting `now` and
   * `arg`; returns EXTERNAL (with `now` = `external`) when the outside stream comes first,
   * and NONE (clock unchanged) when nothing remains at or before `limit`.
   */
  next(): number {
    const external = this.external;
    if (this.heapSize > 0) {
      const t = this.heapTime[0]!;
      if (t <= external) {
        if (t > this.limit) return NONE;
        const slot = this.heapSlot[0]!;
        const kind = this.kind[slot]!;
        this.live--;
        this.now = t;
        this.arg = this.args[slot]!;
        this.free(slot);
        // The last entry moves to the root and sinks to its place.
        const last = --this.heapSize;
        if (last > 0) this.siftDown(0, this.heapTime[last]!, this.heapSlot[last]!);
        return kind;
      }
    }
    if (external > this.limit || external === Infinity) return NONE;
    this.now = external;
    return EXTERNAL;
  }

  /** Time of the next pending event, or Infinity. */
  peekTime(): number {
    return this.heapSize > 0 ? this.heapTime[0]! : Infinity;
  }

  /** Moves the clock forward to `time`, which must not pass a pending event (ends of runs). */
  advanceTo(time: number): void {
    if (time < this.now || time > this.peekTime()) {
      throw new RangeError(`advanceTo(${time}) outside [now ${this.now}, next event ${this.peekTime()}]`);
    }
    this.now = time;
  }

  private free(slot: number): void {
    this.kind[slot] = FREE;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Takes the entry at heap position `at` out of the heap and frees its slot. */
  private removeAt(at: number): void {
    this.free(this.heapSlot[at]!);
    const last = --this.heapSize;
    if (at === last) return;
    // The last entry fills the hole, then moves up or down to its place.
    const time = this.heapTime[last]!;
    const moved = this.heapSlot[last]!;
    if (at > 0 && this.before(time, moved, this.heapTime[(at - 1) >> 1]!, this.heapSlot[(at - 1) >> 1]!)) {
      this.siftUp(at, time, moved);
    } else {
      this.siftDown(at, time, moved);
    }
  }

  /** Whether entry (time a, slot sa) fires before entry (time b, slot sb). */
  private before(a: number, sa: number, b: number, sb: number): boolean {
    return a < b || (a === b && this.order[sa]! < this.order[sb]!);
  }

  /** Places the entry (time, slot) at or above heap position `start`. */
  private siftUp(start: number, time: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const position = this.position;
    const order = this.order;
    let at = start;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const pt = heapTime[parent]!;
      if (pt < time || (pt === time && order[heapSlot[parent]!]! < order[slot]!)) break;
      const ps = heapSlot[parent]!;
      heapTime[at] = pt;
      heapSlot[at] = ps;
      position[ps] = at;
      at = parent;
    }
    heapTime[at] = time;
    heapSlot[at] = slot;
    position[slot] = at;
  }

  /** Places the entry (time, slot) at or below heap position `start`. */
  private siftDown(start: number, time: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const position = this.position;
    const order = this.order;
    const size = this.heapSize;
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      let ct = heapTime[child]!;
      const right = child + 1;
      if (right < size) {
        const rt = heapTime[right]!;
        if (rt < ct || (rt === ct && order[heapSlot[right]!]! < order[heapSlot[child]!]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && order[slot]! < order[heapSlot[child]!]!)) break;
      const cs = heapSlot[child]!;
      heapTime[at] = ct;
      heapSlot[at] = cs;
      position[cs] = at;
      at = child;
    }
    heapTime[at] = time;
    heapSlot[at] = slot;
    position[slot] = at;
  }

  private newSlot(): number {
    if (this.slotCount === this.kind.length) this.grow();
    return this.slotCount++;
  }

  /** Slots and heap positions grow together: the heap never holds more entries than slots. */
  private grow(): void {
    const n = this.kind.length * 2;
    this.kind = growInt(this.kind, n);
    this.args = growInt(this.args, n);
    this.freeSlots = growInt(this.freeSlots, n);
    this.heapSlot = growInt(this.heapSlot, n);
    this.heapTime = growFloat(this.heapTime, n);
    this.order = growFloat(this.order, n);
    this.position = growInt(this.position, n);
  }
}

function refuseTime(time: number, now: number, kind: number): never {
  const what = Number.isNaN(time) ? 'not a number' : `before the clock (${now})`;
  throw new RangeError(`internal error: an event of kind ${kind} was scheduled at ${time}, ${what}`);
}

function growFloat(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function growInt(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
