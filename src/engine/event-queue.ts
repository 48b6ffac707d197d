// The future-event list: a binary heap over flat typed arrays, ordered by
// (time, priority of the event's kind, scheduling order), with cheap cancellation.

/** Identifies a scheduled event for `cancel`; stale ids (event fired or cancelled) are ignored. */
export type EventId = number;

/** Slots per generation: an id is `generation * SLOT_SPAN + slot`, exact in a double. */
const SLOT_SPAN = 2 ** 26;
/** The priority goes above the sequence number in one exact double: priority * 2^40 + seq. */
const PRIORITY_WEIGHT = 2 ** 40;
const FREE = -1;

/**
 * Equal times fire by the priority of their kind (lower first), then in the order they were
 * scheduled, so a run replays exactly. Events carry a small integer kind and one integer
 * argument; nothing is allocated per event once the arrays have grown to the model's size.
 * Cancellation is lazy: the slot is marked and skipped when it reaches the top.
 */
export class EventQueue {
  /** Time of the event last returned by `next`, i.e. the simulation clock. */
  now = 0;
  /** Argument of the event last returned by `next`. */
  arg = 0;

  private readonly priorityOfKind: Float64Array;
  // Per slot: what the event is. A slot is reused once its event has left the heap.
  private kind: Int32Array = new Int32Array(1024);
  private args: Int32Array = new Int32Array(1024);
  private generation: Int32Array = new Int32Array(1024);
  private freeSlots: Int32Array = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;
  // Per heap position: the sort keys next to the slot, so sifting never leaves these arrays.
  private heapTime: Float64Array = new Float64Array(1024);
  private heapOrder: Float64Array = new Float64Array(1024);
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
    this.siftUp(this.heapSize++, time, this.priorityOfKind[kind]! + this.sequence++, slot);
    return this.generation[slot]! * SLOT_SPAN + slot;
  }

  /** Cancels a pending event; returns false when it already fired or was cancelled. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_SPAN;
    if (slot >= this.slotCount || this.kind[slot] === FREE) return false;
    if (this.generation[slot]! !== (id - slot) / SLOT_SPAN) return false;
    this.kind[slot] = FREE;
    this.live--;
    return true;
  }

  /**
   * Removes the next event at or before `until` and returns its kind, setting `now` and
   * `arg`; returns -1 (clock unchanged) when no such event remains.
   */
  next(until: number): number {
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0]!;
      const t = this.heapTime[0]!;
      const kind = this.kind[slot]!;
      if (kind !== FREE && t > until) return -1;
      this.removeTop();
      this.release(slot);
      if (kind === FREE) continue;
      this.live--;
      this.now = t;
      this.arg = this.args[slot]!;
      return kind;
    }
    return -1;
  }

  /**
   * Moves the clock to `time` for an event kept outside the queue (a stream merged by the
   * caller: `next(t)` first returns every queued event up to `t`, then `advanceTo(t)`).
   * Time never goes back, nor past a pending event.
   */
  advanceTo(time: number): void {
    if (time < this.now || time > this.peekTime()) {
      throw new RangeError(`advanceTo(${time}) outside [now ${this.now}, next event ${this.peekTime()}]`);
    }
    this.now = time;
  }

  /** Time of the next pending event, or Infinity. Drops cancelled events found on top. */
  peekTime(): number {
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0]!;
      if (this.kind[slot] !== FREE) return this.heapTime[0]!;
      this.removeTop();
      this.release(slot);
    }
    return Infinity;
  }

  private release(slot: number): void {
    this.kind[slot] = FREE;
    this.generation[slot] = (this.generation[slot]! + 1) % SLOT_SPAN;
    this.freeSlots[this.freeCount++] = slot;
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) this.siftDown(this.heapTime[last]!, this.heapOrder[last]!, this.heapSlot[last]!);
  }

  private siftUp(position: number, time: number, order: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const pt = heapTime[parent]!;
      if (pt < time || (pt === time && heapOrder[parent]! < order)) break;
      heapTime[position] = pt;
      heapOrder[position] = heapOrder[parent]!;
      heapSlot[position] = heapSlot[parent]!;
      position = parent;
    }
    heapTime[position] = time;
    heapOrder[position] = order;
    heapSlot[position] = slot;
  }

  /** Places (time, order, slot) from the root down, the root having been removed. */
  private siftDown(time: number, order: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapOrder = this.heapOrder;
    const heapSlot = this.heapSlot;
    const size = this.heapSize;
    let position = 0;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= size) break;
      let ct = heapTime[child]!;
      const right = child + 1;
      if (right < size) {
        const rt = heapTime[right]!;
        if (rt < ct || (rt === ct && heapOrder[right]! < heapOrder[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && order < heapOrder[child]!)) break;
      heapTime[position] = ct;
      heapOrder[position] = heapOrder[child]!;
      heapSlot[position] = heapSlot[child]!;
      position = child;
    }
    heapTime[position] = time;
    heapOrder[position] = order;
    heapSlot[position] = slot;
  }

  private newSlot(): number {
    if (this.slotCount === this.kind.length) this.grow();
    return this.slotCount++;
  }

  /** Slots and heap positions grow together: the heap never holds more entries than slots. */
  private grow(): void {
    const n = this.kind.length * 2;
    if (n > SLOT_SPAN) throw new RangeError(`event queue exceeds ${SLOT_SPAN} pending events`);
    this.kind = growInt(this.kind, n);
    this.args = growInt(this.args, n);
    this.generation = growInt(this.generation, n);
    this.freeSlots = growInt(this.freeSlots, n);
    this.heapSlot = growInt(this.heapSlot, n);
    this.heapTime = growFloat(this.heapTime, n);
    this.heapOrder = growFloat(this.heapOrder, n);
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
