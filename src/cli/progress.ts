// A progress bar on standard error for long runs: only when standard error is a terminal,
// and only once a run has lasted about a second, so piped output and short runs stay clean.
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Replications done and planned; points done and planned (1 for a plain run). */
  update(replicationsDone: number, replicationsPlanned: number, pointsDone: number, pointsPlanned: number): void;
  stop(): void;
}

/** A staffing search's progress: the plan grows as candidates are tried, so counts only. */
export interface CandidateProgress {
  update(candidates: number, replicationsDone: number): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1000;

/** A bar of `format` that appears once the work has lasted SHOW_AFTER_MS, on a terminal only. */
function delayedBar(enabled: boolean, stream: NodeJS.WriteStream, format: string) {
  const started = Date.now();
  let bar: SingleBar | undefined;
  const live = enabled && stream.isTTY === true;
  return {
    update(value: number, total: number, payload: Record<string, number>): void {
      if (!live) return;
      if (bar === undefined) {
        if (Date.now() - started < SHOW_AFTER_MS) return;
        bar = new SingleBar({ stream, format, hideCursor: true, clearOnComplete: true, etaBuffer: 50 }, undefined);
        bar.start(total, value, payload);
      }
      bar.setTotal(total);
      bar.update(value, payload);
    },
    stop(): void {
      bar?.stop();
    },
  };
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const bar = delayedBar(enabled, stream, ' {bar} {percentage}% | points {pointsDone}/{pointsPlanned} | replications {value}/{total} | ETA {eta_formatted}');
  return {
    update: (done, planned, pointsDone, pointsPlanned) => bar.update(done, planned, { pointsDone, pointsPlanned }),
    stop: () => bar.stop(),
  };
}

export function createCandidateProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): CandidateProgress {
  const bar = delayedBar(enabled, stream, ' staffing | candidates tried {candidates} | replications {value} | {duration_formatted}');
  return {
    update: (candidates, replications) => bar.update(replications, Math.max(1, replications), { candidates }),
    stop: () => bar.stop(),
  };
}
