// The progress line: on a terminal only, drawn from about a second on whether or not work
// has finished, with a time left that is always a finite duration or "–", and gone from the
// terminal once stopped. Fake timers stand in for the clock and the redraw timer (cli-progress's
// and ours alike), a fake terminal for standard error.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCandidateProgress,
  createRunProgress,
  createSweepProgress,
  formatDuration,
  REDRAW_EVERY_MS,
  SHOW_AFTER_MS,
  TimeLeft,
} from '../../src/cli/progress.ts';

/** Moves the faked clock on, firing the timers it passes. */
const advance = (ms: number): void => {
  vi.advanceTimersByTime(ms);
};

function fakeTerminal(isTTY = true, columns = 120): { stream: NodeJS.WriteStream; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns });
  return { stream, writes };
}

/** The line as last drawn: the last write that is text, not a terminal control sequence. */
function lastLine(writes: readonly string[]): string {
  return writes.filter((w) => !w.startsWith('\x1b')).at(-1) ?? '';
}

/** Back to the line's start and erased. */
const ERASED = '\x1b[1G\x1b[2K';
const CURSOR_HIDDEN = '\x1b[?25l';
const CURSOR_SHOWN = '\x1b[?25h';

/** The time left of a drawn line, in seconds (undefined for "–"). */
function secondsLeft(line: string): number | undefined {
  const match = /time left (–|(?:(\d+)h )?(?:(\d+)m )?(?:(\d+)s)?)$/.exec(line);
  if (match === null) throw new Error(`no time left in ${JSON.stringify(line)}`);
  if (match[1] === '–') return undefined;
  return Number(match[2] ?? 0) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
}

/** Stops `progress` `ms` on and expects that it drew nothing and left no timer behind. */
function expectSilentFor(ms: number, progress: { stop(): void }, writes: readonly string[]): void {
  advance(ms);
  progress.stop();
  expect(writes).toEqual([]);
  expect(vi.getTimerCount()).toBe(0);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress line', () => {
  it('writes nothing when standard error is not a terminal', () => {
    const { stream, writes } = fakeTerminal(false);
    const progress = createSweepProgress({ enabled: true, stream });
    progress.update(5, 10, 1, 2);
    expectSilentFor(5000, progress, writes);
  });

  it('writes nothing with --no-progress, however long the run', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: false, stream });
    progress.update(1, 20);
    expectSilentFor(5000, progress, writes);
  });

  it('appears one second in, before any replication has finished, with the time left unknown', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream });
    advance(SHOW_AFTER_MS - 1);
    expect(writes).toEqual([]);
    advance(1);
    expect(lastLine(writes)).toBe(` ${'░'.repeat(20)} 0% | replications 0 | time left –`);
    progress.stop();
  });

  it('counts replications on a plain run, with no points', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream });
    advance(1000);
    progress.update(5, 20);
    advance(REDRAW_EVERY_MS);
    const line = lastLine(writes);
    expect(line).toBe(` ${'█'.repeat(5)}${'░'.repeat(15)} 25% | replications 5/20 | time left 3s`);
    expect(line).not.toContain('points');
    progress.stop();
  });

  it('counts points and replications on a sweep', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createSweepProgress({ enabled: true, stream });
    advance(60_000);
    progress.update(30, 100, 1, 4);
    advance(REDRAW_EVERY_MS);
    expect(lastLine(writes)).toMatch(/ 30% \| points 1\/4 \| replications 30\/100 \| time left 2m 20s$/);
    progress.stop();
  });

  it('shows a staffing search by candidates tried, replications and time elapsed', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createCandidateProgress({ enabled: true, stream });
    advance(1000);
    expect(lastLine(writes)).toBe(' staffing | candidates tried 0 | replications 0 | elapsed 1s');
    progress.update(3, 12);
    advance(1800);
    expect(lastLine(writes)).toBe(' staffing | candidates tried 3 | replications 12 | elapsed 2s');
    progress.stop();
  });

  it('counts the time left down under steady progress, to 0 at the end', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream });
    const seen: number[] = [];
    // One replication every 700 ms: the redraws fall between the updates.
    for (let done = 1; done <= 30; done++) {
      advance(700);
      progress.update(done, 30);
      const left = writes.length === 0 ? undefined : secondsLeft(lastLine(writes));
      if (left !== undefined) seen.push(left);
    }
    // From the first replication on, the run is expected to end at 30 × 0.7 s = 21 s.
    expect(seen[0]).toBe(20); // drawn at 1.4 s: 19.6 s left, rounded up
    expect(seen.at(-1)).toBe(0); // drawn at 21 s, just before the last replication reported
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeLessThanOrEqual(seen[k - 1]!);
    advance(REDRAW_EVERY_MS);
    expect(lastLine(writes)).toMatch(/100% \| replications 30\/30 \| time left 0s$/);
    progress.stop();
  });

  it('never shows NaN or Infinity, whatever the counts and times', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createSweepProgress({ enabled: true, stream });
    progress.update(0, 0, 0, 0); // at time 0, nothing planned
    advance(1000);
    progress.update(0, 10, 0, 1);
    advance(200);
    progress.update(12, 10, 2, 1); // more done than planned (a plan about to grow)
    advance(200);
    progress.update(12, 40, 1, 1); // --precision added replications
    advance(200);
    const text = writes.join('');
    expect(text).not.toMatch(/NaN|Infinity|undefined|-\d/);
    expect(lastLine(writes)).toMatch(/ 30% \| points 1\/1 \| replications 12\/40 \| time left 4s$/);
    progress.stop();
  });

  it('clears its line, shows the cursor again and stops its timer when stopped, once however often stopped', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream });
    advance(1500);
    progress.update(3, 10);
    expect(writes).toContain(CURSOR_HIDDEN);
    progress.stop();
    expect(writes.slice(-2).join('')).toBe(ERASED);
    expect(writes.lastIndexOf(CURSOR_SHOWN)).toBeGreaterThan(writes.lastIndexOf(CURSOR_HIDDEN));
    const count = writes.length;
    progress.stop();
    advance(5000);
    expect(writes.length).toBe(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes nothing at all when stopped before a second', () => {
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream });
    progress.update(20, 20);
    expectSilentFor(900, progress, writes);
  });

  it('fits a narrow terminal: the bar goes first, then the line is cut', () => {
    const { stream, writes } = fakeTerminal(true, 60);
    const progress = createSweepProgress({ enabled: true, stream });
    advance(1000);
    const line = lastLine(writes);
    expect(line).toBe(' 0% | points 0 | replications 0 | time left –');
    progress.stop();
  });

  it('cuts a line to a terminal narrower than it, bar or no bar', () => {
    const sweep = fakeTerminal(true, 12);
    const progress = createSweepProgress({ enabled: true, stream: sweep.stream });
    const staffing = fakeTerminal(true, 10);
    const search = createCandidateProgress({ enabled: true, stream: staffing.stream });
    advance(1000);
    expect(lastLine(sweep.writes)).toBe(' 0% | points');
    expect(lastLine(staffing.writes)).toBe(' staffing ');
    progress.stop();
    search.stop();
  });
});

describe('formatDuration', () => {
  it('writes seconds, minutes and hours, rounding up so that only the end is 0s', () => {
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(1)).toBe('1s');
    expect(formatDuration(59_000)).toBe('59s');
    expect(formatDuration(59_001)).toBe('1m 00s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_600_000)).toBe('1h 00m');
    expect(formatDuration(7_620_000)).toBe('2h 07m');
  });
});

describe('TimeLeft', () => {
  it('leaves a slow start out of the pace once replications have finished for a second', () => {
    // Three seconds to start and finish the first replication, then one every 150 ms.
    const left = new TimeLeft(0);
    left.observe(3000, 1, 31);
    expect(left.at(3000)).toBe(90_000); // from the start: 30 more at 3 s each
    left.observe(3900, 7, 31);
    expect(left.at(3900)).toBeGreaterThan(10_000); // still from the start: 0.9 s of pace
    left.observe(4050, 8, 31);
    expect(left.at(4050)).toBeCloseTo(23 * 150, 6);
    for (let done = 9; done <= 31; done++) {
      const now = 3000 + (done - 1) * 150;
      const before = left.at(now)!;
      left.observe(now, done, 31);
      expect(left.at(now)).toBeCloseTo(before, 6);
    }
    expect(left.at(7500)).toBe(0);
  });

  it('knows nothing before a replication has finished', () => {
    const left = new TimeLeft(100);
    left.observe(100, 3, 10); // no time has passed
    left.observe(500, 0, 10);
    expect(left.at(600)).toBeUndefined();
  });
});
