// One random stream per purpose: no two purposes of a replication share a sequence, or a
// change in how often one is drawn from (a design with more transfers) would move the others.
import { describe, expect, it } from 'vitest';
import { createStreams } from '../../src/callcenter/streams.ts';

const firstDraws = (stream: { next(): number }): string => Array.from({ length: 4 }, () => stream.next()).join(' ');

describe('the streams of a replication', () => {
  it('are one per purpose, each with a sequence of its own', () => {
    const streams = createStreams(2019, 0);
    const sequences = Object.values(streams).map(firstDraws);
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('are the same for the same seed and replication, and differ from another replication', () => {
    const again = Object.values(createStreams(2019, 0)).map(firstDraws);
    expect(Object.values(createStreams(2019, 0)).map(firstDraws)).toEqual(again);
    const next = Object.values(createStreams(2019, 1)).map(firstDraws);
    next.forEach((sequence, i) => expect(sequence).not.toBe(again[i]));
  });
});
