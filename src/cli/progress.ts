// A progress line on standard error for long runs: only when standard error is a terminal,
// and only once a run has lasted about a second, so piped output and short runs stay clean.
// cli-progress draws it, redraws it on its own timer (so the time left counts down between
// finished replications), keeps it to the terminal's width and clears it when stopped; what
// the line says, and the time left, are ours.
import cliProgress, { type Options, type Params } from 'cli-progress';

// A CommonJS module whose `Format` Node cannot import by name.
const { Format, SingleBar } = cliProgress;

export interface ProgressOptions {
  /** False for --no-progress. */
  readonly enabled: boolean;
  readonly stream?: NodeJS.WriteStream;
}

/** A plain run's progress: replications done and planned (the plan grows under --precision). */
export interface RunProgress {
  update(replicationsDone: number, replicationsPlanned: number): void;
  stop(): void;
}

/** A sweep's progress: replications and points, each done and planned. */
export interface SweepProgress {
  update(replicationsDone: number, replicationsPlanned: number, pointsDone: number, pointsPlanned: number): void;
  stop(): void;
}

/** A staffing search's progress: the plan grows as candidates are tried, so counts only. */
export interface CandidateProgress {
  update(candidates: number, replicationsDone: number): void;
  stop(): void;
}

export const SHOW_AFTER_MS = 1000;
export const REDRAW_EVERY_MS = 200;
/** Shown for the time left until a replication has finished. */
export const UNKNOWN_TIME = '–';

/** How far a planned piece of work has gone. */
interface Planned {
  readonly done: number;
  /** Undefined until the work reports its plan. */
  readonly planned: number | undefined;
}

/** How long the pace is measured from the first finished replication on, before it is trusted. */
export const PACE_WINDOW_MS = 1000;

/**
 * The time left, from the pace so far: each report of work done sets an expected finishing
 * time, which the line counts down to between reports. The pace is measured from the first
 * report on once that spans PACE_WINDOW_MS, leaving out the start (reading, starting worker
 * threads, the first replications' warming up), which would make the estimate far too long;
 * until then it is measured from the start. Under steady progress the finishing time stays
 * put, so the time left only decreases.
 */
export class TimeLeft {
  private finish: number | undefined;
  private first: { readonly at: number; readonly done: number } | undefined;

  constructor(private readonly started: number) {}

  observe(now: number, done: number, planned: number): void {
    if (done <= 0 || now <= this.started) return;
    this.first ??= { at: now, done };
    const windowed = now - this.first.at >= PACE_WINDOW_MS && done > this.first.done;
    const pace = windowed ? (now - this.first.at) / (done - this.first.done) : (now - this.started) / done;
    this.finish = now + Math.max(0, planned - done) * pace;
  }

  /** Milliseconds left, or undefined before any work was done. */
  at(now: number): number | undefined {
    return this.finish === undefined ? undefined : Math.max(0, this.finish - now);
  }
}

/** `45s`, `3m 05s`, `2h 07m`: whole seconds, rounded up so that only the end reads 0s. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return UNKNOWN_TIME;
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
  return `${Math.floor(seconds / 3600)}h ${pad(Math.floor(seconds / 60) % 60)}m`;
}

function count(label: string, work: Planned): string {
  return work.planned === undefined ? `${label} ${work.done}` : `${label} ${work.done}/${work.planned}`;
}

/** The line's layouts, widest first: the first that fits the terminal is drawn, else the last, cut. */
type Layouts = readonly [string, ...string[]];

/** What a line shows now: our tokens, and the work cli-progress's bar and percentage measure. */
interface Reading {
  readonly tokens: Record<string, string>;
  readonly replications: Planned;
}

/**
 * A line in cli-progress's tokens and ours, drawn from SHOW_AFTER_MS on while the work goes
 * on, on a terminal only. Each redraw reads the work's state anew, so the time left moves on
 * between reports.
 */
function liveLine(options: ProgressOptions, layouts: Layouts, read: (now: number, elapsed: number) => Reading) {
  const stream = options.stream ?? process.stderr;
  const started = performance.now();
  if (!options.enabled || stream.isTTY !== true) return { started, live: false, refresh() {}, stop() {} };
  const readNow = (): Reading => {
    const now = performance.now();
    return read(now, now - started);
  };
  const format = (barOptions: Options, params: Params, tokens: Record<string, string>): string => {
    const lines = layouts.map((layout) => Format.Formatter({ ...barOptions, format: layout }, params, tokens));
    return lines.find((line) => [...line].length < params.maxWidth) ?? lines.at(-1)!;
  };
  const bar = new SingleBar({
    stream,
    format: (barOptions, params) => format(barOptions, params, readNow().tokens),
    fps: 1000 / REDRAW_EVERY_MS,
    barsize: 20,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    // Nothing planned yet reads 0%, not cli-progress's 100%.
    emptyOnZero: true,
    hideCursor: true,
    clearOnComplete: true,
    // Cut to the terminal's width: a wrapped line could no longer be redrawn in place.
    linewrap: true,
  });
  /** cli-progress's own value and total, for its bar and percentage. */
  const refresh = (): void => {
    const { replications } = readNow();
    bar.setTotal(replications.planned ?? 0);
    bar.update(replications.done);
  };
  const show = setTimeout(() => {
    const { replications } = readNow();
    bar.start(replications.planned ?? 0, replications.done);
  }, SHOW_AFTER_MS);
  // The wait must not hold the process open; once shown, stop() ends cli-progress's timer.
  show.unref();
  return {
    started,
    live: true,
    refresh,
    stop(): void {
      clearTimeout(show);
      bar.stop();
    },
  };
}

function plannedProgress(options: ProgressOptions, withPoints: boolean): SweepProgress {
  let replications: Planned = { done: 0, planned: undefined };
  let points: Planned = { done: 0, planned: undefined };
  const tail = `${withPoints ? '{points} | ' : ''}{replications} | time left {left}`;
  const line = liveLine(options, [` {bar} {percentage}% | ${tail}`, ` {percentage}% | ${tail}`], (now) => ({
    tokens: { points: count('points', points), replications: count('replications', replications), left: formatDuration(timeLeft.at(now)) },
    replications,
  }));
  const timeLeft = new TimeLeft(line.started);
  return {
    update(replicationsDone, replicationsPlanned, pointsDone, pointsPlanned) {
      if (!line.live) return;
      replications = { done: replicationsDone, planned: replicationsPlanned };
      points = { done: pointsDone, planned: pointsPlanned };
      timeLeft.observe(performance.now(), replicationsDone, replicationsPlanned);
      line.refresh();
    },
    stop: () => line.stop(),
  };
}

export function createRunProgress(options: ProgressOptions): RunProgress {
  const progress = plannedProgress(options, false);
  return { update: (done, planned) => progress.update(done, planned, 0, 1), stop: () => progress.stop() };
}

export function createSweepProgress(options: ProgressOptions): SweepProgress {
  return plannedProgress(options, true);
}

export function createCandidateProgress(options: ProgressOptions): CandidateProgress {
  let candidates = 0;
  let replications = 0;
  const layout = ' staffing | candidates tried {candidates} | replications {replications} | elapsed {elapsed}';
  const line = liveLine(options, [layout], (_now, elapsed) => ({
    tokens: { candidates: String(candidates), replications: String(replications), elapsed: formatDuration(Math.floor(elapsed / 1000) * 1000) },
    replications: { done: replications, planned: undefined },
  }));
  return {
    update(tried, done) {
      candidates = tried;
      replications = done;
      line.refresh();
    },
    stop: () => line.stop(),
  };
}
