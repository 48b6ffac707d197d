// The progress line: on a terminal only, drawn by a timer from about a second on whether or
// not work has finished, with a time left that is always a finite duration or "–", and gone
// from the terminal once stopped. A fake clock and a fake terminal stand in for the real ones.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createCandidateProgress,
  createRunProgress,
  createSweepProgress,
  fitLine,
  formatDuration,
  REDRAW_EVERY_MS,
  SHOW_AFTER_MS,
  TimeLeft,
  type ProgressClock,
} from '../../src/cli/progress.ts';

/** A clock whose time moves only when told, firing its timers as it passes them. */
class FakeClock implements ProgressClock {
  private time = 0;
  private timers = new Map<number, { every: number; next: number; tick: () => void }>();
  private nextId = 0;

  now(): number {
    return this.time;
  }

  every(ms: number, tick: () => void): () => void {
    const id = this.nextId++;
    this.timers.set(id, { every: ms, next: this.time + ms, tick });
    return () => this.timers.delete(id);
  }

  get running(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (due === undefined) break;
      this.time = due.next;
      due.next += due.every;
      due.tick();
    }
    this.time = end;
  }
}

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

/** The line as last drawn, without the carriage return and the erase-to-end-of-line. */
function lastLine(writes: readonly string[]): string {
  const drawn = writes.filter((w) => w !== '\r\x1b[K');
  return (drawn.at(-1) ?? '').replace(/^\r/, '').replace(/\x1b\[K$/, '');
}

/** The time left of a drawn line, in seconds (undefined for "–"). */
function secondsLeft(line: string): number | undefined {
  const match = /time left (–|(?:(\d+)h )?(?:(\d+)m )?(?:(\d+)s)?)$/.exec(line);
  if (match === null) throw new Error(`no time left in ${JSON.stringify(line)}`);
  if (match[1] === '–') return undefined;
  return Number(match[2] ?? 0) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
}

describe('progress line', () => {
  it('writes nothing when standard error is not a terminal', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal(false);
    const progress = createSweepProgress({ enabled: true, stream, clock });
    progress.update(5, 10, 1, 2);
    clock.advance(5000);
    progress.stop();
    expect(writes).toEqual([]);
    expect(clock.running).toBe(0);
  });

  it('writes nothing with --no-progress, however long the run', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: false, stream, clock });
    progress.update(1, 20);
    clock.advance(5000);
    progress.stop();
    expect(writes).toEqual([]);
    expect(clock.running).toBe(0);
  });

  it('appears one second in, before any replication has finished, with the time left unknown', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream, clock });
    clock.advance(SHOW_AFTER_MS - 1);
    expect(writes).toEqual([]);
    clock.advance(1);
    expect(lastLine(writes)).toBe(` ${'░'.repeat(20)} 0% | replications 0 | time left –`);
    progress.stop();
  });

  it('counts replications on a plain run, with no points', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream, clock });
    clock.advance(1000);
    progress.update(5, 20);
    clock.advance(REDRAW_EVERY_MS);
    const line = lastLine(writes);
    expect(line).toBe(` ${'█'.repeat(5)}${'░'.repeat(15)} 25% | replications 5/20 | time left 3s`);
    expect(line).not.toContain('points');
    progress.stop();
  });

  it('counts points and replications on a sweep', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createSweepProgress({ enabled: true, stream, clock });
    clock.advance(60_000);
    progress.update(30, 100, 1, 4);
    clock.advance(REDRAW_EVERY_MS);
    expect(lastLine(writes)).toMatch(/ 30% \| points 1\/4 \| replications 30\/100 \| time left 2m 20s$/);
    progress.stop();
  });

  it('shows a staffing search by candidates tried, replications and time elapsed', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createCandidateProgress({ enabled: true, stream, clock });
    clock.advance(1000);
    expect(lastLine(writes)).toBe(' staffing | candidates tried 0 | replications 0 | elapsed 1s');
    progress.update(3, 12);
    clock.advance(1800);
    expect(lastLine(writes)).toBe(' staffing | candidates tried 3 | replications 12 | elapsed 2s');
    progress.stop();
  });

  it('counts the time left down under steady progress, to 0 at the end', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream, clock });
    const seen: number[] = [];
    // One replication every 700 ms: the redraws fall between the updates.
    for (let done = 1; done <= 30; done++) {
      clock.advance(700);
      progress.update(done, 30);
      const left = writes.length === 0 ? undefined : secondsLeft(lastLine(writes));
      if (left !== undefined) seen.push(left);
    }
    // From the first replication on, the run is expected to end at 30 × 0.7 s = 21 s.
    expect(seen[0]).toBe(20); // drawn at 1.4 s: 19.6 s left, rounded up
    expect(seen.at(-1)).toBe(0); // drawn at 21 s, just before the last replication reported
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeLessThanOrEqual(seen[k - 1]!);
    clock.advance(REDRAW_EVERY_MS);
    expect(lastLine(writes)).toMatch(/100% \| replications 30\/30 \| time left 0s$/);
    progress.stop();
  });

  it('never shows NaN or Infinity, whatever the counts and times', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createSweepProgress({ enabled: true, stream, clock });
    progress.update(0, 0, 0, 0); // at time 0, nothing planned
    clock.advance(1000);
    progress.update(0, 10, 0, 1);
    clock.advance(200);
    progress.update(12, 10, 2, 1); // more done than planned (a plan about to grow)
    clock.advance(200);
    progress.update(12, 40, 1, 1); // --precision added replications
    clock.advance(200);
    const text = writes.join('');
    expect(text).not.toMatch(/NaN|Infinity|undefined|-\d/);
    expect(lastLine(writes)).toMatch(/ 30% \| points 1\/1 \| replications 12\/40 \| time left 4s$/);
    progress.stop();
  });

  it('clears its line and stops its timer when stopped, once however often stopped', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream, clock });
    clock.advance(1500);
    progress.update(3, 10);
    progress.stop();
    expect(writes.at(-1)).toBe('\r\x1b[K');
    const count = writes.length;
    progress.stop();
    clock.advance(5000);
    expect(writes.length).toBe(count);
    expect(clock.running).toBe(0);
  });

  it('writes nothing at all when stopped before a second', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal();
    const progress = createRunProgress({ enabled: true, stream, clock });
    progress.update(20, 20);
    clock.advance(900);
    progress.stop();
    expect(writes).toEqual([]);
    expect(clock.running).toBe(0);
  });

  it('fits a narrow terminal: the bar goes first, then the line is cut', () => {
    const clock = new FakeClock();
    const { stream, writes } = fakeTerminal(true, 60);
    const progress = createSweepProgress({ enabled: true, stream, clock });
    clock.advance(1000);
    const line = lastLine(writes);
    expect(line).toBe(' 0% | points 0 | replications 0 | time left –');
    expect(fitLine(['a', 'bcdef'], 4)).toBe(' bc');
    expect(fitLine(['staffing | candidates tried 3'], 10)).toBe(' staffing');
    progress.stop();
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
