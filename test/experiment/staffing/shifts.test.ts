// Shifts from per-interval requirements: the plan pays the fewest hours, with the fewest
// shifts among such plans (against every plan enumerated on small cases, and against the
// exact greedy answer for one length on whole weeks), it covers every interval, its figures
// are exact, and what no plan can answer is refused with the field and the reason.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverWithShifts, MAX_SHIFT_COVERAGE_ENTRIES, ShiftRequestError, type ShiftPlan, type ShiftRequest } from '../../../src/experiment/staffing/shifts.ts';

const HOUR = 3600;

/** Candidate shifts of a request in intervals, worked out here from the definition. */
function shiftsOf(request: ShiftRequest): { start: number; length: number }[] {
  const step = request.startEverySeconds / request.intervalSeconds;
  const horizon = request.requirements.length;
  return request.lengthsSeconds.flatMap((seconds) => {
    const length = seconds / request.intervalSeconds;
    return Array.from({ length: Math.floor((horizon - length) / step) + 1 }, (_, k) => ({ start: k * step, length })).filter(
      (s) => s.start + s.length <= horizon,
    );
  });
}

/**
 * The fewest paid intervals of any plan, and the fewest shifts of such plans, by trying
 * every count from 0 to the peak for every shift; undefined when no plan covers.
 */
function cheapestByEnumeration(request: ShiftRequest): { paid: number; shifts: number } | undefined {
  const shifts = shiftsOf(request);
  const peak = Math.max(...request.requirements);
  const counts = shifts.map(() => 0);
  let best: { paid: number; shifts: number } | undefined;
  for (;;) {
    const onDuty = request.requirements.map((_, t) => shifts.reduce((sum, s, k) => sum + (s.start <= t && t < s.start + s.length ? counts[k]! : 0), 0));
    if (onDuty.every((agents, t) => agents >= request.requirements[t]!)) {
      const paid = shifts.reduce((sum, s, k) => sum + s.length * counts[k]!, 0);
      const rostered = counts.reduce((sum, c) => sum + c, 0);
      if (best === undefined || paid < best.paid || (paid === best.paid && rostered < best.shifts)) best = { paid, shifts: rostered };
    }
    let k = 0;
    while (k < counts.length && counts[k] === peak) counts[k++] = 0;
    if (k === counts.length) return best;
    counts[k]!++;
  }
}

/**
 * The fewest paid intervals with one length: cover the first interval short of agents with
 * the shifts that reach furthest (the latest start covering it). Optimal when every shift
 * costs the same: any plan covers that interval with shifts ending no later.
 */
function cheapestOneLength(request: ShiftRequest): number {
  const shifts = shiftsOf(request);
  const onDuty = request.requirements.map(() => 0);
  let paid = 0;
  request.requirements.forEach((need, t) => {
    if (onDuty[t]! >= need) return;
    const furthest = shifts.filter((s) => s.start <= t && t < s.start + s.length).at(-1)!;
    const added = need - onDuty[t]!;
    for (let u = furthest.start; u < furthest.start + furthest.length; u++) onDuty[u]! += added;
    paid += added * furthest.length;
  });
  return paid;
}

/** Everything a plan must be, checked from its shifts alone. */
function expectSound(request: ShiftRequest, plan: ShiftPlan): void {
  const { intervalSeconds: size, requirements } = request;
  const onDuty = requirements.map(() => 0);
  for (const { startSeconds, lengthSeconds, count } of plan.shifts) {
    expect(Number.isInteger(count) && count >= 1).toBe(true);
    expect(request.lengthsSeconds).toContain(lengthSeconds);
    expect(startSeconds % request.startEverySeconds).toBe(0);
    expect(startSeconds + lengthSeconds).toBeLessThanOrEqual(requirements.length * size);
    for (let t = startSeconds / size; t < (startSeconds + lengthSeconds) / size; t++) onDuty[t]! += count;
  }
  expect(plan.coverage).toEqual(onDuty);
  requirements.forEach((need, t) => expect(onDuty[t]).toBeGreaterThanOrEqual(need));
  const starts = plan.shifts.map((s) => [s.startSeconds, s.lengthSeconds]);
  expect(starts).toEqual([...starts].sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!));
  const paid = plan.shifts.reduce((sum, s) => sum + s.count * s.lengthSeconds, 0) / HOUR;
  const required = requirements.reduce((sum, r) => sum + r, 0) * (size / HOUR);
  expect(plan.agentHours).toBeCloseTo(paid, 9);
  expect(plan.requiredAgentHours).toBeCloseTo(required, 9);
  expect(plan.overstaffingShare).toBeCloseTo(paid === 0 ? 0 : (paid - required) / paid, 12);
}

const refusal = async (request: ShiftRequest): Promise<ShiftRequestError> => {
  const error: unknown = await coverWithShifts(request).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShiftRequestError);
  return error as ShiftRequestError;
};

// Two refusals, also quoted in docs/staffing.md.
const OFF_GRID_START = 'startEvery: found 45m, expected a multiple of the 30m interval: shifts start on interval boundaries';
const UNCOVERED =
  'requirements[2]: found 1 agent needed from 2h to 3h after the start, but no allowed shift covers it (2h long, starting every 3h from the start, ending by the end of the 5h horizon)';

/** Small requests: a few intervals, one or two lengths, starts every one or two intervals. */
const SMALL = fc
  .record({
    intervalSeconds: fc.constantFrom(900, 1800, HOUR),
    requirements: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
    lengths: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }),
    startEvery: fc.integer({ min: 1, max: 2 }),
  })
  .filter(({ requirements, lengths }) => lengths.every((l) => l <= requirements.length))
  .map(({ intervalSeconds, requirements, lengths, startEvery }) => ({
    intervalSeconds,
    requirements,
    lengthsSeconds: lengths.map((l) => l * intervalSeconds),
    startEverySeconds: startEvery * intervalSeconds,
  }));

/** A week at 30-minute intervals: a daytime peak, quiet nights, closed on Sunday. */
function week(peak: number): number[] {
  return Array.from({ length: 336 }, (_, t) => {
    const day = Math.floor(t / 48);
    const hour = (t % 48) / 2;
    if (day === 6) return 0;
    return hour < 7 || hour >= 22 ? 2 : Math.round(4 + peak * Math.sin(((hour - 7) / 15) * Math.PI) + ((t * 7) % 3));
  });
}

describe('coverWithShifts', () => {
  it('pays the fewest hours of any plan, with the fewest shifts of those plans, trying every plan, and refuses exactly the requests no plan covers', async () => {
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(SMALL, async (request) => {
        const cheapest = cheapestByEnumeration(request);
        if (cheapest === undefined) {
          await refusal(request);
          return;
        }
        const plan = await coverWithShifts(request);
        expectSound(request, plan);
        expect(plan.agentHours).toBe((cheapest.paid * request.intervalSeconds) / HOUR);
        expect(plan.shifts.reduce((sum, s) => sum + s.count, 0)).toBe(cheapest.shifts);
        solved++;
      }),
      { seed: 15, numRuns: 150 },
    );
    expect(solved).toBeGreaterThan(100);
  });

  it('matches the exact one-length answer on whole weeks, whatever the start grid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: 30 }),
        fc.constantFrom(8, 16, 20),
        fc.constantFrom(1, 2, 4),
        async (peak, length, startEvery) => {
          const request = { intervalSeconds: 1800, requirements: week(peak), lengthsSeconds: [length * 1800], startEverySeconds: startEvery * 1800 };
          const plan = await coverWithShifts(request);
          expectSound(request, plan);
          expect(plan.agentHours).toBe((cheapestOneLength(request) * 1800) / HOUR);
        },
      ),
      { seed: 16, numRuns: 12 },
    );
  });

  it('covers every interval of random requests with several lengths, within the horizon', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(900, 1800, HOUR),
        fc.integer({ min: 1, max: 4 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 40, maxLength: 160 }),
        async (size, startEvery, multiples, starts, values) => {
          // Lengths and the horizon multiples of the start grid: every interval can be covered.
          const horizon = Math.max(starts, ...multiples) * startEvery;
          const requirements = Array.from({ length: horizon }, (_, t) => values[t % values.length]!);
          const request = { intervalSeconds: size, requirements, lengthsSeconds: multiples.map((m) => m * startEvery * size), startEverySeconds: startEvery * size };
          expectSound(request, await coverWithShifts(request));
        },
      ),
      { seed: 17, numRuns: 40 },
    );
  });

  it('gives exact overstaffing figures', async () => {
    // Open an hour in the morning and an hour at the end, 2-hour shifts: half the paid hours are idle.
    const split = await coverWithShifts({ intervalSeconds: HOUR, requirements: [1, 0, 0, 1], lengthsSeconds: [2 * HOUR], startEverySeconds: HOUR, costPerHour: 25 });
    expect(split).toEqual({
      shifts: [
        { startSeconds: 0, lengthSeconds: 2 * HOUR, count: 1 },
        { startSeconds: 2 * HOUR, lengthSeconds: 2 * HOUR, count: 1 },
      ],
      agentHours: 4,
      requiredAgentHours: 2,
      overstaffingShare: 0.5,
      coverage: [1, 1, 1, 1],
      cost: 100,
    });
    // Two 2-hour blocks at 30-minute intervals, matched exactly.
    const exact = await coverWithShifts({ intervalSeconds: 1800, requirements: [2, 2, 2, 2, 3, 3, 3, 3], lengthsSeconds: [2 * HOUR], startEverySeconds: 1800 });
    expect(exact.shifts).toEqual([
      { startSeconds: 0, lengthSeconds: 2 * HOUR, count: 2 },
      { startSeconds: 2 * HOUR, lengthSeconds: 2 * HOUR, count: 3 },
    ]);
    expect([exact.agentHours, exact.requiredAgentHours, exact.overstaffingShare]).toEqual([10, 10, 0]);
    expect(exact.cost).toBeUndefined();
    // A peak in the middle of a 3-hour shift: 6 hours paid for 4 needed.
    const peak = await coverWithShifts({ intervalSeconds: HOUR, requirements: [1, 2, 1], lengthsSeconds: [3 * HOUR], startEverySeconds: HOUR });
    expect([peak.agentHours, peak.requiredAgentHours, peak.overstaffingShare]).toEqual([6, 4, 1 / 3]);
  });

  it('staffs a horizon as long as the only shift at its peak all along', async () => {
    const request = { intervalSeconds: HOUR, requirements: [3, 1, 4, 1, 5], lengthsSeconds: [5 * HOUR], startEverySeconds: HOUR };
    const plan = await coverWithShifts(request);
    expect(plan.shifts).toEqual([{ startSeconds: 0, lengthSeconds: 5 * HOUR, count: 5 }]);
    expect(plan.coverage).toEqual([5, 5, 5, 5, 5]);
    expect([plan.agentHours, plan.requiredAgentHours, plan.overstaffingShare]).toEqual([25, 14, 11 / 25]);
  });

  it('rosters nobody when no interval needs an agent', async () => {
    const plan = await coverWithShifts({ intervalSeconds: 1800, requirements: [0, 0, 0, 0], lengthsSeconds: [HOUR], startEverySeconds: 1800 });
    expect(plan).toEqual({ shifts: [], agentHours: 0, requiredAgentHours: 0, overstaffingShare: 0, coverage: [0, 0, 0, 0] });
  });

  it('gives the same plan for the same request, even where several plans cost the same', async () => {
    const ties = { intervalSeconds: HOUR, requirements: [1, 1, 1, 1, 2, 2], lengthsSeconds: [HOUR, 2 * HOUR], startEverySeconds: HOUR };
    const weekly = { intervalSeconds: 1800, requirements: week(20), lengthsSeconds: [4 * HOUR, 8 * HOUR], startEverySeconds: 1800 };
    for (const request of [ties, weekly]) expect(await coverWithShifts(request)).toEqual(await coverWithShifts(request));
  });

  it('refuses lengths, starts and requirements off the interval grid, naming each field', async () => {
    const error = await refusal({
      intervalSeconds: 1800,
      requirements: [1, 2.5, -1, 3],
      lengthsSeconds: [HOUR, 2700, HOUR, 3 * HOUR],
      startEverySeconds: 2700,
      costPerHour: -1,
    });
    expect(error.lines).toEqual([
      'requirements[1]: found 2.5, expected a whole number of agents, 0 or more',
      'requirements[2]: found -1, expected a whole number of agents, 0 or more',
      'lengths[1]: found 45m, expected a multiple of the 30m interval',
      'lengths[2]: found 1h a second time, expected each length once',
      'lengths[3]: found 3h, expected at most the 2h horizon: shifts fit within it',
      OFF_GRID_START,
      'costPerHour: found -1, expected a cost of 0 or more',
    ]);
    expect((await refusal({ intervalSeconds: 0, requirements: [1], lengthsSeconds: [HOUR], startEverySeconds: HOUR })).lines).toEqual([
      'interval: found 0, expected a duration above 0',
    ]);
    expect((await refusal({ intervalSeconds: HOUR, requirements: [], lengthsSeconds: [], startEverySeconds: HOUR })).problems.map((p) => p.field)).toEqual([
      'requirements',
      'lengths',
    ]);
  });

  it('refuses an interval needing agents that no allowed shift covers, with its times', async () => {
    // 2-hour shifts every 3 hours over 5 hours: starts at 0 and 3h, so 2h–3h is never covered.
    const error = await refusal({ intervalSeconds: HOUR, requirements: [1, 1, 1, 0, 0], lengthsSeconds: [2 * HOUR], startEverySeconds: 3 * HOUR });
    expect(error.lines).toEqual([UNCOVERED]);
    // The same hour closed: nothing to cover there, and the plan stops short of it.
    const plan = await coverWithShifts({ intervalSeconds: HOUR, requirements: [1, 1, 0, 0, 0], lengthsSeconds: [2 * HOUR], startEverySeconds: 3 * HOUR });
    expect(plan.coverage).toEqual([1, 1, 0, 0, 0]);
  });

  it('refuses a request too large for the solver before building it', async () => {
    const intervals = Math.ceil(MAX_SHIFT_COVERAGE_ENTRIES / 24) + 48;
    const error = await refusal({ intervalSeconds: 1800, requirements: new Array<number>(intervals).fill(1), lengthsSeconds: [12 * HOUR], startEverySeconds: 1800 });
    expect(error.lines[0]).toMatch(/^startEvery: found [\d,]+ candidate shifts covering [\d,]+ intervals in all, expected at most 2,000,000/);
  });

  it('gives the plan of the example in docs/staffing.md, with the figures and refusals it quotes', async () => {
    const doc = readFileSync('docs/staffing.md', 'utf8');
    const section = doc.slice(doc.indexOf('\n## Shifts\n'));
    const [request, plan] = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
    const solved = await coverWithShifts(request as ShiftRequest);
    expect(solved).toEqual(plan);
    const rostered = (length: number): number => solved.shifts.filter((s) => s.lengthSeconds === length * HOUR).reduce((sum, s) => sum + s.count, 0);
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const prose = section.replace(/\s+/g, ' ');
    expect(prose).toContain(
      `gives ${solved.agentHours} paid hours for ${solved.requiredAgentHours} required (${(100 * solved.overstaffingShare).toFixed(1)}% overstaffing), ` +
        `${words[rostered(8)]} 8-hour shifts and ${words[rostered(4)]} 4-hour ones`,
    );
    for (const line of [OFF_GRID_START, UNCOVERED]) expect(prose).toContain(`\`${line}\``);
  });
});
