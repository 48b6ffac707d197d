// Seeded, independent random streams: one per purpose, derived from (seed, replication, name).
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export interface RandomStream {
  next(): number;
}

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/**
 * Alea (Baagøe), seeded by seedrandom: fast, with 32-bit resolution, plenty for durations.
 * seedrandom does the seeding (its Mash hash of the stream's name); the stream then steps
 * the same state itself, giving exactly seedrandom's sequence, in a method of one small
 * class that V8 inlines at each draw, where seedrandom's generator is a closure over an
 * object of its own.
 */
export class AleaStream implements RandomStream {
  private s0 = 0.5;
  private s1 = 0.5;
  private s2 = 0.5;
  private c = 0.5;

  constructor(seed: string) {
    const state = seedrandom.alea(seed, { state: true }).state();
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_TO_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}

/** The stream named `name` of one replication: streams of different names or replications are independent. */
export function createStream(seed: number | string, replication: number, name: string): AleaStream {
  return new AleaStream(`spoc/${seed}/${replication}/${name}`);
}
