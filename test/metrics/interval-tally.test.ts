// Figures per interval of the day: calls and queue entries by the interval they joined a
// queue in, the `after` row past the horizon, agents' load split across interval
// boundaries and carried into `after` while the run drains.
import { describe, expect, it } from 'vitest';
import { IntervalTally } from '../../src/metrics/interval-tally.ts';

describe('IntervalTally', () => {
  // Intervals of 100 s over a horizon of 250 s: [0, 100), [100, 200), [200, 250), after.
  it('cuts the last interval at the horizon and ends with the after row', () => {
    const t = new IntervalTally(100, 250);
    expect(t.count).toBe(3);
    expect(t.metrics().map((i) => [i.start, i.end])).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
      [250, null],
    ]);
  });

  it('keeps a call that joins no queue in the interval it was dialled in, past the horizon in after', () => {
    const t = new IntervalTally(100, 250);
    for (const time of [0, 99.9, 100, 249, 250, 260]) t.callStarted(time);
    expect(t.metrics().map((i) => i.calls)).toEqual([2, 1, 1, 2]);
  });

  it('moves a call to the interval of its first queue entry, and counts every entry where it began', () => {
    const t = new IntervalTally(100, 250);
    t.callStarted(95);
    t.queueJoined(95, 105, true); // dialled in interval 0, queued in 1
    t.queueJoined(95, 240, false); // transferred: a second entry, in interval 2; the call stays in 1
    t.callStarted(245);
    t.queueJoined(245, 255, true); // queued after the horizon
    const rows = t.metrics();
    expect(rows.map((i) => i.calls)).toEqual([0, 1, 0, 1]);
    expect(rows.map((i) => i.queueEntries)).toEqual([0, 1, 1, 1]);
  });

  it('puts a queue entry in the interval it began in, whenever it ended', () => {
    const t = new IntervalTally(100, 250);
    t.answer(90, 5, true); // interval 0
    t.answer(95, 40, false); // interval 0, late, ended in interval 1
    t.abandon(99, 30); // interval 0
    t.answer(150, 0, true); // interval 1
    t.abandon(300, 10); // past the horizon: after
    const [first, second, third, after] = t.metrics();
    expect(first).toMatchObject({ serviceLevel: 1 / 3, abandonRate: 1 / 3, waitMean: 75 / 3 });
    expect(second).toMatchObject({ serviceLevel: 1, abandonRate: 0, waitMean: 0 });
    expect(third!.serviceLevel).toBeNaN();
    expect(third!.waitMean).toBeNaN();
    expect(after).toMatchObject({ serviceLevel: 0, abandonRate: 1, waitMean: 10 });
  });

  it('splits load held across boundaries between the intervals, the drain into after', () => {
    const t = new IntervalTally(100, 250);
    t.addLoad(50, 220, 2, 4); // [50,100): 50 s, [100,200): 100 s, [200,220): 20 s
    t.addLoad(0, 50, 0, 4);
    t.addLoad(220, 300, 1, 4); // [220,250): 30 s, then 50 s of drain
    t.addLoad(300, 350, 1, 2); // 50 s more of drain, fewer agents
    const [first, second, third, after] = t.metrics();
    expect(first).toMatchObject({ occupancy: (2 * 50) / (4 * 100), agents: 4 });
    expect(second).toMatchObject({ occupancy: (2 * 100) / (4 * 100), agents: (4 * 100) / 100 });
    expect(third).toMatchObject({ occupancy: (2 * 20 + 30) / (4 * 50), agents: (4 * 50) / 50 });
    expect(after).toMatchObject({ occupancy: (50 + 50) / (4 * 50 + 2 * 50), agents: (4 * 50 + 2 * 50) / 100 });
  });

  it('has no agents in after when the run stops at the horizon', () => {
    const t = new IntervalTally(100, 250);
    t.addLoad(0, 250, 1, 2);
    const after = t.metrics().at(-1)!;
    expect(after.agents).toBeNaN();
    expect(after.occupancy).toBeNaN();
  });
});
