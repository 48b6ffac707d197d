// The progress line of a real `spoc` process on a real terminal: `script` (util-linux) gives
// the process a pseudo-terminal and copies what it draws there. Standard output goes to a
// file, so the terminal holds the progress line alone, and must be left blank at the end,
// with the cursor shown again.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
// Seven designs, big enough for worker threads: some seconds of work however fast the machine.
const FILE = 'scenarios/pooling-vs-misrouting.yaml';
/** Back to the line's start and erased. */
const CLEAR = '\x1b[1G\x1b[2K';
const CURSOR_HIDDEN = '\x1b[?25l';
const CURSOR_SHOWN = '\x1b[?25h';

/** What `spoc ARGS > out` draws on a terminal, and its standard output. */
async function onTerminal(args: string): Promise<{ drawn: string; out: string; ms: number }> {
  const out = join(mkdtempSync(join(tmpdir(), 'spoc-progress-')), 'out');
  const started = performance.now();
  const { stdout } = await run('script', ['-qfec', `${process.execPath} bin/spoc.js ${args} > ${out}`, '/dev/null'], { timeout: 120_000 });
  return { drawn: stdout, out: readFileSync(out, 'utf8'), ms: performance.now() - started };
}

/** The lines drawn, one per redraw (each starts by going back to the line's start), without the control sequences. */
function frames(drawn: string): string[] {
  return drawn
    .split('\x1b[1G')
    .map((frame) => frame.replace(/\x1b(?:\[[?\d;]*[A-Za-z]|[78])/g, ''))
    .filter((frame) => frame !== '');
}

/** Left as found: the line erased last, the cursor shown again after it was hidden. */
function expectTerminalRestored(drawn: string): void {
  expect(drawn.endsWith(CLEAR)).toBe(true);
  expect(drawn.lastIndexOf(CURSOR_SHOWN)).toBeGreaterThan(drawn.lastIndexOf(CURSOR_HIDDEN));
}

describe('the progress line on a terminal', () => {
  it('counts a run\'s replications with a time left, and leaves the terminal blank', async () => {
    // One worker and 60 replications: seconds of work after the line is set up, where 12 on
    // worker threads could end within its first second on a fast machine.
    const { drawn, out, ms } = await onTerminal(`run ${FILE} -r 60 --workers 1 -f json`);
    expect(JSON.parse(out).replications).toBe(60);
    expect(ms).toBeGreaterThan(2500);
    const lines = frames(drawn);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^ [█░]{20} \d+% \| replications \d+(\/60)? \| time left (–|\d+s|\d+m \d\ds)$/);
    expect(drawn).not.toMatch(/NaN|Infinity|points/);
    expectTerminalRestored(drawn);
  });

  it('counts a sweep\'s points too', async () => {
    // Twice the run's replications: with only a few per point, the sweep may end within the second.
    const { drawn, out, ms } = await onTerminal(`sweep ${FILE} -r 12 --workers 1 --set demand.arrivals.rate=500/h,600/h -f jsonl`);
    expect(ms).toBeGreaterThan(1500);
    const points = out.trim().split('\n').map((row) => JSON.parse(row).point);
    expect(new Set(points)).toEqual(new Set([0, 1]));
    const lines = frames(drawn);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/ \| points \d+(\/2)? \| replications \d+(\/24)? \| time left /);
    expectTerminalRestored(drawn);
  });

  it('draws nothing with --no-progress', async () => {
    const { drawn, out } = await onTerminal(`run ${FILE} -r 6 -f json --no-progress`);
    expect(JSON.parse(out).replications).toBe(6);
    expect(drawn).toBe('');
  });
});
