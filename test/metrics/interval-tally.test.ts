// Figures per interval of the day: calls and queue entries by the interval they began in,
// agents' load split across interval boundaries, the last interval cut at the horizon.
import { describe, expect, it } from 'vitest';
import { IntervalTally } from '../../src/metrics/interval-tally.ts';

describe('IntervalTally', () => {
  // Intervals of 100 s over a horizon of 250 s: [0, 100), [100, 200), [200, 250).
  it('cuts the last interval at the horizon', () => {
    const t = new IntervalTally(100, 250);
    expect(t.count).toBe(3);
    expect(t.metrics().map((i) => [i.start, i.end])).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
  });

  it('counts calls by the interval they were dialled in, and none past the horizon', () => {
    const t = new IntervalTally(100, 250);
    for (const time of [0, 99.9, 100, 249, 260]) t.callStarted(time);
    expect(t.metrics().map((i) => i.calls)).toEqual([2, 1, 1]);
  });

  it('puts a queue entry in the interval it began in, whenever it ended', () => {
    const t = new IntervalTally(100, 250);
    t.answer(90, 5, true); // interval 0
    t.answer(95, 40, false); // interval 0, late, ended in interval 1
    t.abandon(99, 30); // interval 0
    t.answer(150, 0, true); // interval 1
    t.abandon(300, 10); // past the horizon: not counted
    const [first, second, third] = t.metrics();
    expect(first).toMatchObject({ serviceLevel: 1 / 3, abandonRate: 1 / 3, waitMean: 75 / 3 });
    expect(second).toMatchObject({ serviceLevel: 1, abandonRate: 0, waitMean: 0 });
    expect(third!.serviceLevel).toBeNaN();
    expect(third!.waitMean).toBeNaN();
  });

  it('splits load held across boundaries between the intervals', () => {
    const t = new IntervalTally(100, 250);
    t.addLoad(50, 220, 2, 4); // [50,100): 50 s, [100,200): 100 s, [200,220): 20 s
    t.addLoad(0, 50, 0, 4);
    t.addLoad(220, 300, 0, 4); // stops at the horizon
    const [first, second, third] = t.metrics();
    expect(first).toMatchObject({ occupancy: (2 * 50) / (4 * 100), agents: 4 });
    expect(second).toMatchObject({ occupancy: (2 * 100) / (4 * 100), agents: (4 * 100) / 100 });
    expect(third).toMatchObject({ occupancy: (2 * 20) / (4 * 50), agents: (4 * 50) / 50 });
  });
});
