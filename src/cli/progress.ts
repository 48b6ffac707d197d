// A progress bar on standard error for long runs: only when standard error is a terminal,
// and only once a run has lasted about a second, so piped output and short runs stay clean.
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Replications done and planned; points done and planned (1 for a plain run). */
  update(replicationsDone: number, replicationsPlanned: number, pointsDone: number, pointsPlanned: number): void;
  stop(): void;
}

const QUIET: Progress = { update: () => {}, stop: () => {} };
const SHOW_AFTER_MS = 1000;

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return QUIET;
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update(done, planned, pointsDone, pointsPlanned) {
      if (bar === undefined) {
        if (Date.now() - started < SHOW_AFTER_MS) return;
        bar = new SingleBar(
          {
            stream,
            format: ' {bar} {percentage}% | points {pointsDone}/{pointsPlanned} | replications {value}/{total} | ETA {eta_formatted}',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
          },
          undefined,
        );
        bar.start(planned, done, { pointsDone, pointsPlanned });
      }
      bar.setTotal(planned);
      bar.update(done, { pointsDone, pointsPlanned });
    },
    stop() {
      bar?.stop();
    },
  };
}
