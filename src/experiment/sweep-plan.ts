// The grid of a parameter sweep: every combination of the parameters' values, numbered in
// row-major order (the last parameter varies fastest, like nested loops written in file
// order). A point is computed from its index, so a grid of millions of points costs no
// memory; shards split the indices round-robin between machines.
import { sha256Hex, SweepOptionError, type SweepAssignment, type SweepParameter } from '../scenario/index.ts';
import { RunTooLargeError } from './limits.ts';

/** One point of the grid: its index and the value of every parameter, in parameter order. */
export interface SweepPoint {
  /** 0-based, in row-major order. */
  readonly index: number;
  readonly assignments: readonly SweepAssignment[];
}

/**
 * Shard `index` of `count` (1-based, as written `K/N`): the points i with
 * i % count === index - 1. Round-robin rather than blocks, so that each shard gets a similar
 * mix of cheap and expensive points (whatever parameter makes points slow, its values
 * alternate across shards).
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export class SweepPlan {
  /** Number of points: the product of the numbers of values (1 without parameters). */
  readonly size: number;
  /**
   * SHA-256 of the grid (the parameters' paths and values, in order, as JSON): shards and
   * resumed rows of one sweep share it, rows of another grid do not.
   */
  readonly sha256: string;
  private readonly parameters: readonly SweepParameter[];
  /** Points between two values of parameter k (the product of the later sizes). */
  private readonly strides: readonly number[];

  /**
   * @throws RangeError when a parameter has no values
   * @throws RunTooLargeError when the grid has more than Number.MAX_SAFE_INTEGER points
   *   (bad input: a few `--set` ranges can ask for that)
   */
  constructor(parameters: readonly SweepParameter[]) {
    this.parameters = parameters.map((p) => ({ path: p.path, values: p.values }));
    const strides = new Array<number>(parameters.length);
    let size = 1;
    for (let k = parameters.length - 1; k >= 0; k--) {
      const { path, values } = parameters[k]!;
      if (values.length === 0) throw new RangeError(`sweep parameter ${path} has no values`);
      strides[k] = size;
      size *= values.length;
      if (!Number.isSafeInteger(size)) {
        throw new RunTooLargeError(`the sweep has too many points (more than ${Number.MAX_SAFE_INTEGER})`);
      }
    }
    this.strides = strides;
    this.size = size;
    this.sha256 = sha256Hex(JSON.stringify(this.parameters.map(({ path, values }) => [path, values])));
  }

  /**
   * The point of an index: value `floor(index / stride_k) % n_k` of each parameter k.
   * @throws RangeError for an index that is not a whole number in [0, size)
   */
  point(index: number): SweepPoint {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`sweep point ${index} does not exist: expected a whole number from 0 to ${this.size - 1}`);
    }
    const assignments = this.parameters.map(({ path, values }, k) => ({
      path,
      value: values[Math.floor(index / this.strides[k]!) % values.length],
    }));
    return { index, assignments };
  }

  /**
   * The indices of every point in increasing order, or of one shard's points
   * (i % count === shard.index - 1). The shards of a count cover every index exactly once.
   * @throws RangeError for a shard that is not 1 ≤ index ≤ count
   */
  *indices(shard?: Shard): Iterable<number> {
    const { index, count } = shard ?? { index: 1, count: 1 };
    if (!(Number.isSafeInteger(count) && Number.isSafeInteger(index) && count >= 1 && index >= 1 && index <= count)) {
      throw new RangeError(`shard ${index}/${count} does not exist: expected K/N with 1 ≤ K ≤ N`);
    }
    for (let i = index - 1; i < this.size; i += count) yield i;
  }
}

/**
 * A `--shard K/N` option: shard K of N, 1 ≤ K ≤ N (see Shard for which points it gets).
 * @throws SweepOptionError naming the option, what was found and what is expected
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const expected = 'expected K/N with whole numbers 1 ≤ K ≤ N, e.g. 1/4 for the first of four shards';
  if (match === null) throw new SweepOptionError('--shard', `found ${JSON.stringify(text)}, ${expected}`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new SweepOptionError('--shard', `found ${JSON.stringify(text)}, ${expected}`);
  }
  return { index, count };
}
