// Where whole shifts come in: a design's per-interval counts, team by team, turned into
// shifts at least cost by the shift solver (staffing/shifts.ts, `coverWithShifts`). Until
// that solver is part of the build, no plan is made and the command says so.
import type { ShiftRules } from '../../scenario/model.ts';

/** One team's shifts, as the solver returns them. */
export interface TeamShiftPlan {
  readonly shifts: readonly { readonly startSeconds: number; readonly lengthSeconds: number; readonly count: number }[];
  readonly agentHours: number;
  readonly requiredAgentHours: number;
  readonly overstaffingShare: number;
  readonly coverage: readonly number[];
}

/**
 * The shift plan of one design: per team (by name), the shifts covering its counts per
 * interval of `every` seconds. The one place the shift solver is called from; undefined
 * while it is not available.
 */
export async function planDesignShifts(
  _rules: ShiftRules,
  _every: number,
  _countsByTeam: ReadonlyMap<string, readonly number[]>,
): Promise<ReadonlyMap<string, TeamShiftPlan> | undefined> {
  return undefined;
}
