// The progress bar shows only on a terminal and only once a run has lasted about a second.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, written: () => text };
}

describe('progress', () => {
  afterEach(() => vi.useRealTimers());

  it('writes nothing when standard error is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress(true, stream);
    progress.update(5, 10, 1, 2);
    progress.stop();
    expect(written()).toBe('');
  });

  it('stays quiet during the first second, then shows points, replications and the time left', () => {
    vi.useFakeTimers();
    const { stream, written } = fakeStream(true);
    const progress = createProgress(true, stream);
    progress.update(1, 100, 0, 4);
    expect(written()).toBe('');
    vi.advanceTimersByTime(1500);
    progress.update(30, 100, 1, 4);
    progress.update(60, 100, 2, 4);
    expect(written()).toMatch(/points [12]\/4 \| replications [36]0\/100 \| ETA/);
    progress.stop();
  });

  it('can be turned off', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(false, stream);
    progress.update(1, 2, 0, 1);
    expect(written()).toBe('');
  });
});
