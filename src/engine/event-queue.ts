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
 * Cancellation is lazy: the slot is marked and skipped when it reaches the top.
 *
 * One outside stream of events (new arrivals, say) can be merged without heap entries: set
 * `external` to the time of its next event and `next()` returns EXTERNAL when that time
 * comes before every queued event (ties go to the queued events).
 *
 * Hot methods take and return integers only: V8 boxes doubles passed to functions it does
 * not inline, and that allocation would dominate the loop.
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

  schedule(time: number, kind: number, arg: number): EventId {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.newSlot();
    this.kind[slot] = kind;
    this.args[slot] = arg;
    this.live++;
    const position = this.heapSize++;
    this.heapTime[position] = time;
    this.order[slot] = this.priorityOfKind[kind]! + this.sequence++;
    this.heapSlot[position] = slot;
    this.siftUp(position);
    return slot;
  }

  /** Cancels a pending event; returns false when its slot holds no pending event. */
  cancel(id: EventId): boolean {
    if (id < 0 || id >= this.slotCount || this.kind[id] === FREE) return false;
    this.kind[id] = FREE;
    this.live--;
    return true;
  }

  /**
   * Removes the next event at or before `limit` and returns its kind, setting `now` and
   * `arg`; returns EXTERNAL (with `now` = `external`) when the outside stream comes first,
   * and NONE (clock unchanged) when nothing remains at or before `limit`.
   */
  next(): number {
    const heapTime = this.heapTime;
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0]!;
      const kind = this.kind[slot]!;
      if (kind === FREE) {
        this.removeTop(slot);
        continue;
      }
      const t = heapTime[0]!;
      if (this.external < t) break;
      if (t > this.limit) return NONE;
      this.removeTop(slot);
      this.live--;
      this.now = t;
      this.arg = this.args[slot]!;
      return kind;
    }
    if (this.external > this.limit || this.external === Infinity) return NONE;
    this.now = this.external;
    return EXTERNAL;
  }

  /** Time of the next pending event, or Infinity. Drops cancelled events found on top. */
  peekTime(): number {
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0]!;
      if (this.kind[slot] !== FREE) return this.heapTime[0]!;
      this.removeTop(slot);
    }
    return Infinity;
  }

  /** Moves the clock forward to `time`, which must not pass a pending event (ends of runs). */
  advanceTo(time: number): void {
    if (time < this.now || time > this.peekTime()) {
      throw new RangeError(`advanceTo(${time}) outside [now ${this.now}, next event ${this.peekTime()}]`);
    }
    this.now = time;
  }

  /** Takes the root off the heap and frees its slot. */
  private removeTop(slot: number): void {
    this.kind[slot] = FREE;
    this.freeSlots[this.freeCount++] = slot;
    const last = --this.heapSize;
    if (last > 0) {
      this.heapTime[0] = this.heapTime[last]!;
      this.heapSlot[0] = this.heapSlot[last]!;
      this.siftDown();
    }
  }

  private siftUp(start: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const order = this.order;
    const time = heapTime[start]!;
    const slot = heapSlot[start]!;
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const pt = heapTime[parent]!;
      if (pt < time || (pt === time && order[heapSlot[parent]!]! < order[slot]!)) break;
      heapTime[position] = pt;
      heapSlot[position] = heapSlot[parent]!;
      position = parent;
    }
    heapTime[position] = time;
    heapSlot[position] = slot;
  }

  private siftDown(): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const order = this.order;
    const size = this.heapSize;
    const time = heapTime[0]!;
    const slot = heapSlot[0]!;
    let position = 0;
    for (;;) {
      let child = 2 * position + 1;
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
      heapTime[position] = ct;
      heapSlot[position] = heapSlot[child]!;
      position = child;
    }
    heapTime[position] = time;
    heapSlot[position] = slot;
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
  }
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
