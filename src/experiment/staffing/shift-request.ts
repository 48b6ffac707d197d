// What a shift plan is asked to cover, checked and turned into whole intervals: shifts
// start and end on interval boundaries, so coverage is counted per interval, exactly.
import { InputError } from '../../scenario/input-error.ts';
import { formatDuration } from '../../scenario/units.ts';

/** Agents needed per interval for one team, and the shifts they may be rostered on. */
export interface ShiftRequest {
  /** Length of one interval of `requirements`, in seconds (e.g. 1800). */
  readonly intervalSeconds: number;
  /** Whole agents needed in each interval, from the start of the horizon; 0 where none are. */
  readonly requirements: readonly number[];
  /** The shift lengths allowed, in seconds, each a multiple of `intervalSeconds`. */
  readonly lengthsSeconds: readonly number[];
  /** Shifts start at 0, `startEverySeconds`, 2·`startEverySeconds`, …: a multiple of `intervalSeconds`. */
  readonly startEverySeconds: number;
  /** The team's cost of one paid agent-hour; when given, the plan's `cost` is paid hours times it. */
  readonly costPerHour?: number;
}

/** The request in interval units, every figure a whole number. */
export interface ShiftGrid {
  readonly intervalSeconds: number;
  readonly requirements: readonly number[];
  /** Shift lengths in intervals, ascending. */
  readonly lengths: readonly number[];
  /** Intervals between two possible starts. */
  readonly startEvery: number;
}

/** One field of the request that cannot be used, named as in the `staffing.shifts` block. */
export interface ShiftProblem {
  /** `lengths[1]`, `startEvery`, `requirements[12]`, … */
  readonly field: string;
  /** What was found and what is allowed. */
  readonly message: string;
}

/** A request no plan can answer: bad input (exit code 2), one line per problem. */
export class ShiftRequestError extends InputError {
  constructor(readonly problems: readonly ShiftProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`));
  }
}

/**
 * Candidate shifts (columns) × intervals each covers (nonzeros) the solver is given at
 * most: a year at 15-minute intervals with 8-hour shifts starting every 15 minutes is
 * about 1.1 million; a week at 30 minutes with 4- and 8-hour shifts is 8,000.
 */
export const MAX_SHIFT_COVERAGE_ENTRIES = 2_000_000;

/** Whether `value / unit` is a whole number, allowing for the rounding of decimal seconds. */
const wholeMultiple = (value: number, unit: number): boolean => Math.abs(value / unit - Math.round(value / unit)) < 1e-9;
const seconds = (value: number): string => (Number.isFinite(value) && value > 0 ? formatDuration(value) : String(value));

/** The request checked and in interval units; throws ShiftRequestError with every problem found. */
export function shiftGrid(request: ShiftRequest): ShiftGrid {
  const { intervalSeconds, requirements, lengthsSeconds, startEverySeconds, costPerHour } = request;
  const problems: ShiftProblem[] = [];
  const refuse = (field: string, message: string): void => void problems.push({ field, message });
  if (!(Number.isFinite(intervalSeconds) && intervalSeconds > 0)) {
    throw new ShiftRequestError([{ field: 'interval', message: `found ${intervalSeconds}, expected a duration above 0` }]);
  }
  const interval = formatDuration(intervalSeconds);
  if (requirements.length === 0) refuse('requirements', 'found no interval, expected at least one');
  requirements.forEach((agents, i) => {
    if (!(Number.isInteger(agents) && agents >= 0)) refuse(`requirements[${i}]`, `found ${agents}, expected a whole number of agents, 0 or more`);
  });
  const horizon = requirements.length * intervalSeconds;
  if (lengthsSeconds.length === 0) refuse('lengths', 'found no length, expected at least one shift length');
  lengthsSeconds.forEach((length, i) => {
    const field = `lengths[${i}]`;
    if (!(Number.isFinite(length) && length > 0)) refuse(field, `found ${length}, expected a duration above 0`);
    else if (!wholeMultiple(length, intervalSeconds)) refuse(field, `found ${seconds(length)}, expected a multiple of the ${interval} interval`);
    else if (length > horizon + 1e-9 * intervalSeconds) refuse(field, `found ${seconds(length)}, expected at most the ${seconds(horizon)} horizon: shifts fit within it`);
    else if (lengthsSeconds.indexOf(length) < i) refuse(field, `found ${seconds(length)} a second time, expected each length once`);
  });
  if (!(Number.isFinite(startEverySeconds) && startEverySeconds > 0)) refuse('startEvery', `found ${startEverySeconds}, expected a duration above 0`);
  else if (!wholeMultiple(startEverySeconds, intervalSeconds)) {
    refuse('startEvery', `found ${seconds(startEverySeconds)}, expected a multiple of the ${interval} interval: shifts start on interval boundaries`);
  }
  if (costPerHour !== undefined && !(Number.isFinite(costPerHour) && costPerHour >= 0)) refuse('costPerHour', `found ${costPerHour}, expected a cost of 0 or more`);
  if (problems.length > 0) throw new ShiftRequestError(problems);
  return {
    intervalSeconds,
    requirements,
    lengths: lengthsSeconds.map((length) => Math.round(length / intervalSeconds)).sort((p, q) => p - q),
    startEvery: Math.round(startEverySeconds / intervalSeconds),
  };
}
