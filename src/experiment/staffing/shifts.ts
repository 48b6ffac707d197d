// Per-interval agent requirements turned into whole shifts at the least paid hours, and
// among those the fewest shifts: an integer program over every allowed shift (start on the
// grid, allowed length, within the horizon), each interval's agents on duty at least its
// requirement.
import { candidateShifts, coverage } from './shift-candidates.ts';
import { solveCovering } from './covering-solver.ts';
import { shiftGrid, type ShiftRequest } from './shift-request.ts';

export { MAX_SHIFT_COVERAGE_ENTRIES, ShiftRequestError, type ShiftProblem, type ShiftRequest } from './shift-request.ts';

/** Agents rostered on one shift: `count` of them from `startSeconds` for `lengthSeconds`. */
export interface RosteredShift {
  readonly startSeconds: number;
  readonly lengthSeconds: number;
  readonly count: number;
}

export interface ShiftPlan {
  /** The shifts worked (count ≥ 1), by start then length; times from the start of the horizon. */
  readonly shifts: readonly RosteredShift[];
  /** Paid hours: every shift's length times its count. The least any plan of the request pays. */
  readonly agentHours: number;
  /** The requirements' agent-hours: what a plan matching every interval exactly would pay. */
  readonly requiredAgentHours: number;
  /** Share of the paid hours above the requirements, (agentHours − requiredAgentHours) / agentHours; 0 with nothing to pay. */
  readonly overstaffingShare: number;
  /** Agents on duty in each interval, at least its requirement. */
  readonly coverage: readonly number[];
  /** agentHours × costPerHour, present when the request gives costPerHour. */
  readonly cost?: number;
}

/**
 * The least-paid-hours plan of whole shifts covering every interval's requirement, with the
 * fewest shifts of those plans (an 8-hour shift pays as much as two 4-hour ones back to
 * back, and brings one agent in instead of two). Shifts fit within the horizon; intervals
 * needing no agent (closed, or quiet) may be spanned by a shift when that is cheapest,
 * their hours counting as overstaffing. Throws ShiftRequestError for bad input or an
 * interval no allowed shift can cover.
 */
export async function coverWithShifts(request: ShiftRequest): Promise<ShiftPlan> {
  const grid = shiftGrid(request);
  const candidates = candidateShifts(grid);
  const { requirements, intervalSeconds } = grid;
  const counts = requirements.some((agents) => agents > 0)
    ? await solveCovering({
        demand: requirements,
        // Paid intervals: with one team and one rate, the cheapest plan is the fewest paid hours.
        columns: candidates.map(({ start, length }) => ({ first: start, end: start + length, cost: length })),
      })
    : candidates.map(() => 0);
  const onDuty = coverage(candidates, counts, requirements.length);
  const short = requirements.findIndex((agents, t) => onDuty[t]! < agents);
  if (short >= 0) throw new Error(`the shift plan leaves interval ${short} with ${onDuty[short]} agents for ${requirements[short]} needed`);

  const hours = (intervals: number): number => (intervals * intervalSeconds) / 3600;
  const paid = onDuty.reduce((sum, agents) => sum + agents, 0);
  const required = requirements.reduce((sum, agents) => sum + agents, 0);
  const shifts = candidates
    .map(({ start, length }, k) => ({ startSeconds: start * intervalSeconds, lengthSeconds: length * intervalSeconds, count: counts[k]! }))
    .filter((shift) => shift.count > 0)
    .sort((p, q) => p.startSeconds - q.startSeconds || p.lengthSeconds - q.lengthSeconds);
  const agentHours = hours(paid);
  return {
    shifts,
    agentHours,
    requiredAgentHours: hours(required),
    overstaffingShare: paid === 0 ? 0 : (paid - required) / paid,
    coverage: onDuty,
    ...(request.costPerHour === undefined ? {} : { cost: agentHours * request.costPerHour }),
  };
}
