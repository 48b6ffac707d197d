// Following callers through one replication of one design (`spoc trace`): an observer of
// the simulation that writes what happened to callers as it happens.
//
// - text: the story of sampled issues, one line per step with the simulated clock
//   (`09:14:03`, `1d 09:14:03` past a day; the clock starts at 00:00 with the run). By
//   default the first N issues arriving at or after the warm-up (the counted ones); with
//   `issues: 'all'` every issue, warm-up ones marked. A story is written once its issue has
//   ended, in the order issues arrived; only the sampled issues that are still open, and
//   the finished ones waiting for an earlier one, are held in memory.
// - csv: the full event log, every issue, one row per event (`time,issue,call,event,team,
//   detail`), written as events happen in chunks of about 64 KB.
//
// Issues are numbered 1, 2, 3… in order of arrival (warm-up ones included), so a number is
// the same in the text and the CSV of the same run. The simulation passes pooled records:
// they are read during each callback and never kept; state is kept by `issue.slot` only
// while the issue is open. Same scenario, seed and replication: same bytes.
import type { CompiledDesign } from '../callcenter/compile.ts';
import type { CallCentreObserver } from '../callcenter/observer.ts';
import type { Scenario } from '../scenario/model.ts';
import { CsvTrace } from './trace-csv.ts';
import { StoryTrace } from './trace-story.ts';

export type TraceFormat = 'text' | 'csv';

export const TRACE_FORMATS: readonly TraceFormat[] = ['text', 'csv'];

/** Issues followed in the text format: the first N counted ones, or every issue. */
export type TraceSample = number | 'all';

export const DEFAULT_TRACED_ISSUES = 5;

export interface TraceOptions {
  readonly format: TraceFormat;
  /** text: which issues to follow (default the first 5 counted); csv lists every issue. */
  readonly issues?: TraceSample;
  /** Receives the output in order, in pieces; everything has been written when the run ends. */
  readonly write: (text: string) => void;
  /** text: the replication's number as shown to the user (1 for the first), for the heading. */
  readonly replicationLabel?: number;
}

/**
 * The observer that traces `design`, compiled from `scenario` (whose run settings give the
 * warm-up and the seed shown). Pass it to the simulation of that design.
 */
export function createTrace(scenario: Scenario, design: CompiledDesign, options: TraceOptions): CallCentreObserver {
  if (options.format === 'csv') return new CsvTrace(design, options.write);
  const heading = [
    `${scenario.name} · design ${design.name} · replication ${options.replicationLabel ?? 1} · seed ${scenario.run.seed}`,
  ];
  return new StoryTrace(design, scenario.run, options.issues ?? DEFAULT_TRACED_ISSUES, options.write, heading);
}
