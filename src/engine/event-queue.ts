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
  private time: Float64Array = new Float64Array(1024);
  private order: Float64Array = new Float64Array(1024);
  private kind: Int32Array = new Int32Array(1024);
  private args: Int32Array = new Int32Array(1024);
  private generation: Int32Array = new Int32Array(1024);
  private heap: Int32Array = new Int32Array(1024);
  private heapSize = 0;
  private freeSlots: Int32Array = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;
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
    this.time[slot] = time;
    this.order[slot] = this.priorityOfKind[kind]! + this.sequence++;
    this.kind[slot] = kind;
    this.args[slot] = arg;
    this.live++;
    this.siftUp(this.heapSize++, slot);
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
      const slot = this.heap[0]!;
      const t = this.time[slot]!;
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

  /** Time of the next pending event, or Infinity. Drops cancelled events found on top. */
  peekTime(): number {
    while (this.heapSize > 0) {
      const slot = this.heap[0]!;
      if (this.kind[slot] !== FREE) return this.time[slot]!;
      this.removeTop();
      this.release(slot);
    }
    return Infinity;
  }

  private release(slot: number): void {
    this.kind[slot] = FREE;
    this.generation[slot]!++;
    if (this.generation[slot]! >= SLOT_SPAN) this.generation[slot] = 0;
    this.freeSlots[this.freeCount++] = slot;
  }

  private removeTop(): void {
    const last = this.heap[--this.heapSize]!;
    if (this.heapSize > 0) this.siftDown(0, last);
  }

  private before(a: number, b: number): boolean {
    const ta = this.time[a]!;
    const tb = this.time[b]!;
    return ta < tb || (ta === tb && this.order[a]! < this.order[b]!);
  }

  private siftUp(position: number, slot: number): void {
    const heap = this.heap;
    while (position > 0) {
      const parentPosition = (position - 1) >> 1;
      const parent = heap[parentPosition]!;
      if (!this.before(slot, parent)) break;
      heap[position] = parent;
      position = parentPosition;
    }
    heap[position] = slot;
  }

  private siftDown(position: number, slot: number): void {
    const heap = this.heap;
    const size = this.heapSize;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.before(heap[right]!, heap[child]!)) child = right;
      const childSlot = heap[child]!;
      if (!this.before(childSlot, slot)) break;
      heap[position] = childSlot;
      position = child;
    }
    heap[position] = slot;
  }

  private newSlot(): number {
    if (this.slotCount === this.time.length) this.grow();
    return this.slotCount++;
  }

  private grow(): void {
    const n = this.time.length * 2;
    if (n > SLOT_SPAN) throw new RangeError(`event queue exceeds ${SLOT_SPAN} pending events`);
    this.time = growFloat(this.time, n);
    this.order = growFloat(this.order, n);
    this.kind = growInt(this.kind, n);
    this.args = growInt(this.args, n);
    this.generation = growInt(this.generation, n);
    this.heap = growInt(this.heap, n);
    this.freeSlots = growInt(this.freeSlots, n);
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
