// A progress line on standard error for long runs: only when standard error is a terminal,
// and only once a run has lasted about a second, so piped output and short runs stay clean.
// A timer redraws it, so it appears on time even while no replication has finished, and
// stop() clears it, leaving nothing on the terminal.

/** What a progress line reads the time from and redraws by: injectable for tests. */
export interface ProgressClock {
  /** Milliseconds, from any origin, never going back. */
  now(): number;
  /** Calls `tick` every `ms` without keeping the process alive; the result stops it. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: ProgressClock = {
  now: () => performance.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    // A forgotten timer must not hold the process open once the work is done.
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface ProgressOptions {
  /** False for --no-progress. */
  readonly enabled: boolean;
  readonly stream?: NodeJS.WriteStream;
  readonly clock?: ProgressClock;
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
const BAR_WIDTH = 20;
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

function bar(fraction: number): string {
  const filled = Math.round(fraction * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

function count(label: string, work: Planned): string {
  return work.planned === undefined ? `${label} ${work.done}` : `${label} ${work.done}/${work.planned}`;
}

/** The line of a planned piece of work: bar, percentage, the counts, the time left. */
function plannedLine(replications: Planned, points: Planned | undefined, left: number | undefined): string[] {
  const fraction = replications.planned === undefined || replications.planned === 0 ? 0 : Math.min(1, replications.done / replications.planned);
  const counts = points === undefined ? [] : [count('points', points)];
  counts.push(count('replications', replications));
  return [bar(fraction), `${Math.floor(fraction * 100)}% |`, counts.join(' | '), `| time left ${formatDuration(left)}`];
}

/**
 * The parts joined by spaces, cut to the terminal's width (a wrapped line could no longer be
 * redrawn in place); the first part (the bar) goes first when they do not fit.
 */
export function fitLine(parts: readonly string[], columns: number | undefined): string {
  // A terminal that does not tell its size (columns 0 or unset) gets the usual 80.
  const width = Math.max(1, (columns === undefined || columns <= 0 ? 80 : columns) - 1);
  const full = ` ${parts.join(' ')}`;
  if ([...full].length <= width || parts.length === 1) return [...full].slice(0, width).join('');
  return [...` ${parts.slice(1).join(' ')}`].slice(0, width).join('');
}

/** Redraws `describe`'s line in place on a terminal from SHOW_AFTER_MS on; stop() clears it. */
function liveLine(options: ProgressOptions, describe: (now: number, elapsed: number) => readonly string[]) {
  const stream = options.stream ?? process.stderr;
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  let shown = false;
  let stopped = false;
  const draw = (): void => {
    const now = clock.now();
    if (now - started < SHOW_AFTER_MS) return;
    shown = true;
    stream.write(`\r${fitLine(describe(now, now - started), stream.columns)}\x1b[K`);
  };
  const stopTimer = options.enabled && stream.isTTY === true ? clock.every(REDRAW_EVERY_MS, draw) : undefined;
  return {
    started,
    live: stopTimer !== undefined,
    stop(): void {
      if (stopped) return;
      stopped = true;
      stopTimer?.();
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

function plannedProgress(options: ProgressOptions, withPoints: boolean): SweepProgress {
  let replications: Planned = { done: 0, planned: undefined };
  let points: Planned = { done: 0, planned: undefined };
  const clock = options.clock ?? systemClock;
  const line = liveLine(options, (now) => plannedLine(replications, withPoints ? points : undefined, timeLeft.at(now)));
  const timeLeft = new TimeLeft(line.started);
  return {
    update(replicationsDone, replicationsPlanned, pointsDone, pointsPlanned) {
      if (!line.live) return;
      replications = { done: replicationsDone, planned: replicationsPlanned };
      points = { done: pointsDone, planned: pointsPlanned };
      timeLeft.observe(clock.now(), replicationsDone, replicationsPlanned);
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
  const line = liveLine(options, (_now, elapsed) => [
    `staffing | candidates tried ${candidates} | replications ${replications} | elapsed ${formatDuration(Math.floor(elapsed / 1000) * 1000)}`,
  ]);
  return {
    update(tried, done) {
      candidates = tried;
      replications = done;
    },
    stop: () => line.stop(),
  };
}
