// A team's queue entries and the time integrals of its agents and queue, clipped to the
// window [warmup, horizon), from changes fed by hand.
import { describe, expect, it } from 'vitest';
import { TeamTally } from '../../src/metrics/team-tally.ts';

const HOUR = 3600;

describe('TeamTally', () => {
  it('integrates busy, staffed and waiting over the window only', () => {
    // Window [600, 4200). Before it: 2 on duty, 2 busy (not counted).
    const t = new TeamTally(600, 600 + HOUR);
    t.change(0, 2, 0, 2);
    t.change(1200, 1, 3, 2); // counted from 600 to 1200: 2 busy, 2 on duty
    t.change(3000, 0, 0, 2); // 1200 to 3000: 1 busy, 3 waiting
    t.advance(5000); // 3000 to 4200 counted, nobody busy
    const m = t.metrics(HOUR, undefined);
    const busy = 2 * 600 + 1 * 1800;
    expect(m.occupancy).toBe(busy / (2 * HOUR));
    expect(m.agentHours).toBe(2);
    expect(m.queueLength).toBe((3 * 1800) / HOUR);
    expect(m.overtimeHours).toBe(0);
    expect(m.staffedCost).toBeNaN();
  });

  it('counts agents busy beyond those on duty as overtime, not as occupancy', () => {
    const t = new TeamTally(0, HOUR);
    t.change(0, 1, 0, 1);
    t.change(1800, 2, 0, 1); // a shift ended during a call: 2 busy, 1 on duty
    t.advance(HOUR);
    const m = t.metrics(HOUR, 40);
    expect(m.occupancy).toBe(1);
    expect(m.overtimeHours).toBe(0.5);
    expect(m.agentHours).toBe(1);
    expect(m.staffedCost).toBe(40);
  });

  it('gives the queue metrics of its entries', () => {
    const t = new TeamTally(0, HOUR);
    t.queue.queueEntries = 3;
    t.queue.answer(10, true);
    t.queue.answer(30, false);
    t.queue.abandon(50);
    t.transfersOut = 2;
    t.overflowIn = 1;
    expect(t.metrics(HOUR, undefined)).toMatchObject({
      queueEntries: 3,
      waitMean: 90 / 3,
      asa: 40 / 2,
      abandonRate: 1 / 3,
      serviceLevel: 1 / 3,
      transfersOut: 2,
      overflowIn: 1,
    });
  });

  it('remembers the state since the last change', () => {
    const t = new TeamTally(0, HOUR);
    t.change(100, 3, 1, 4);
    expect(t).toMatchObject({ busy: 3, waiting: 1, onDuty: 4, lastChange: 100 });
  });
});
