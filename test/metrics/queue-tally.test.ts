// Queue-entry counters and the formulas of the queue metrics, on hand-made entries.
import { describe, expect, it } from 'vitest';
import {
  abandonRate,
  asa,
  entriesEnded,
  pWait,
  QueueTally,
  ratio,
  serviceLevel,
  waitMean,
} from '../../src/metrics/queue-tally.ts';

/** Four entries: answered at once, after 10 s (in time), after 50 s (late); abandoned after 30 s. */
function fourEntries(): QueueTally {
  const q = new QueueTally();
  q.queueEntries = 5; // one caller still waits
  q.answer(0, true);
  q.answer(10, true);
  q.answer(50, false);
  q.abandon(30);
  return q;
}

describe('QueueTally', () => {
  it('counts answered and abandoned entries and their waits', () => {
    const q = fourEntries();
    expect(q).toMatchObject({ answered: 3, abandoned: 1, waitSum: 90, answeredWaitSum: 60, answeredInTime: 2, waitedPositive: 3 });
    expect(entriesEnded(q)).toBe(4);
  });

  it('gives the queue metrics of the ended entries', () => {
    const q = fourEntries();
    expect(waitMean(q)).toBe(90 / 4);
    expect(asa(q)).toBe(60 / 3);
    expect(serviceLevel(q)).toBe(2 / 4);
    expect(abandonRate(q)).toBe(1 / 4);
    expect(pWait(q)).toBe(3 / 4);
  });

  it('does not count an abandonment at once as having waited', () => {
    const q = new QueueTally();
    q.abandon(0);
    expect(pWait(q)).toBe(0);
    expect(abandonRate(q)).toBe(1);
    expect(asa(q)).toBeNaN();
  });

  it('gives no value (NaN) before any entry ended', () => {
    const q = new QueueTally();
    q.queueEntries = 2;
    for (const formula of [waitMean, asa, serviceLevel, abandonRate, pWait]) expect(formula(q)).toBeNaN();
  });

  it('adds another scope counter by counter', () => {
    const total = fourEntries();
    const other = new QueueTally();
    other.queueEntries = 1;
    other.answer(20, false);
    total.add(other);
    expect(total).toMatchObject({
      queueEntries: 6,
      answered: 4,
      abandoned: 1,
      waitSum: 110,
      answeredWaitSum: 80,
      answeredInTime: 2,
      waitedPositive: 4,
    });
  });

  it('takes plain counters too, as the per-interval figures keep them', () => {
    expect(serviceLevel({ answered: 3, abandoned: 1, answeredInTime: 3 })).toBe(0.75);
    expect(waitMean({ answered: 0, abandoned: 2, waitSum: 8 })).toBe(4);
  });
});

describe('ratio', () => {
  it('divides, or gives NaN when the denominator counted nothing', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNaN();
    expect(ratio(3, 0)).toBeNaN();
  });
});
