// The shifts a plan may use: every start on the grid with every allowed length, each
// lying wholly within the horizon (no shift runs past the end nor wraps to the start).
import { formatDuration } from '../../scenario/units.ts';
import { MAX_SHIFT_COVERAGE_ENTRIES, ShiftRequestError, type ShiftGrid, type ShiftProblem } from './shift-request.ts';

/** One candidate shift, in intervals: it covers intervals [start, start + length). */
export interface CandidateShift {
  readonly start: number;
  readonly length: number;
}

const agents = (n: number): string => `${n} agent${n === 1 ? '' : 's'}`;

/** Intervals named in one refusal before the rest are counted. */
const NAMED_UNCOVERED = 5;

/**
 * Every candidate shift of the grid, by length then start; throws ShiftRequestError when
 * an interval needing agents has no candidate covering it, or when there are too many.
 */
export function candidateShifts(grid: ShiftGrid): CandidateShift[] {
  const horizon = grid.requirements.length;
  const candidates: CandidateShift[] = [];
  let entries = 0;
  for (const length of grid.lengths) {
    for (let start = 0; start + length <= horizon; start += grid.startEvery) {
      candidates.push({ start, length });
      entries += length;
    }
  }
  if (entries > MAX_SHIFT_COVERAGE_ENTRIES) {
    throw new ShiftRequestError([
      {
        field: 'startEvery',
        message:
          `found ${candidates.length.toLocaleString('en')} candidate shifts covering ${entries.toLocaleString('en')} intervals in all, ` +
          `expected at most ${MAX_SHIFT_COVERAGE_ENTRIES.toLocaleString('en')}: start shifts less often, or plan on longer intervals`,
      },
    ]);
  }
  const uncovered = uncoveredIntervals(grid, candidates);
  if (uncovered.length > 0) throw new ShiftRequestError(uncoveredProblems(grid, uncovered));
  return candidates;
}

/** Agents on duty in each interval when `counts[k]` agents work candidate k. */
export function coverage(candidates: readonly CandidateShift[], counts: readonly number[], horizon: number): number[] {
  // Differences at each shift's start and end, summed once: O(candidates + horizon).
  const change = new Array<number>(horizon + 1).fill(0);
  candidates.forEach(({ start, length }, k) => {
    change[start]! += counts[k]!;
    change[start + length]! -= counts[k]!;
  });
  const onDuty: number[] = [];
  let agents = 0;
  for (let t = 0; t < horizon; t++) onDuty.push((agents += change[t]!));
  return onDuty;
}

/** The intervals that need agents and that no candidate covers, in order. */
function uncoveredIntervals(grid: ShiftGrid, candidates: readonly CandidateShift[]): number[] {
  const reach = coverage(candidates, candidates.map(() => 1), grid.requirements.length);
  return grid.requirements.flatMap((agents, t) => (agents > 0 && reach[t] === 0 ? [t] : []));
}

function uncoveredProblems(grid: ShiftGrid, uncovered: readonly number[]): ShiftProblem[] {
  const { intervalSeconds: size, requirements } = grid;
  const lengths = grid.lengths.map((l) => formatDuration(l * size)).join(' or ');
  const why = `no allowed shift covers it (${lengths} long, starting every ${formatDuration(grid.startEvery * size)} from the start, ending by the end of the ${formatDuration(requirements.length * size)} horizon)`;
  const named = uncovered.slice(0, NAMED_UNCOVERED).map((t) => ({
    field: `requirements[${t}]`,
    message: `found ${agents(requirements[t]!)} needed from ${formatDuration(t * size)} to ${formatDuration((t + 1) * size)} after the start, but ${why}`,
  }));
  const rest = uncovered.length - named.length;
  return rest > 0 ? [...named, { field: 'requirements', message: `and ${rest} more intervals that no shift can cover` }] : named;
}
