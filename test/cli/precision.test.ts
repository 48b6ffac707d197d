// --precision says how it ended: the JSON's precision block, and a missed target on
// standard error and in the table, the Markdown and the HTML report, never silently.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';

async function spoc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--no-progress'], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const MISSED = /^spoc: Precision target missed: waitMean ±[\d.]+s in (two-numbers|one-number), target ±0\.001s, at the cap of 4 replications\.$/;

describe('--precision', () => {
  it('gives the contract\'s precision block when met, and says nothing more', async () => {
    const { code, out, err } = await spoc('run', SMALL, '-f', 'json', '-r', '2', '--precision', 'waitMean=30s', '--max-replications', '40');
    expect(code).toBe(0);
    expect(err).toBe('');
    const result = JSON.parse(out);
    expect(Object.keys(result).slice(-2)).toEqual(['precision', 'provenance']);
    expect(Object.keys(result.precision)).toEqual(['metric', 'target', 'met', 'halfWidths']);
    expect(result.precision).toMatchObject({ metric: 'waitMean', target: 30, met: true });
    for (const [design, hw] of Object.entries(result.precision.halfWidths)) {
      const [lo, hi] = result.designs[design].metrics.waitMean.ci95;
      expect(hw).toBeCloseTo((hi - lo) / 2, 12);
      expect(hw).toBeLessThanOrEqual(30);
    }
    expect(Object.keys(result.precision.halfWidths)).toEqual(['two-numbers', 'one-number']);
  });

  it('says a missed target in the JSON and in one line on standard error, naming the widest half-width', async () => {
    const { code, out, err } = await spoc('run', SMALL, '-f', 'json', '-r', '2', '--precision', 'waitMean=0.001s', '--max-replications', '4');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.replications).toBe(4);
    expect(result.precision.met).toBe(false);
    expect(err.trimEnd()).toMatch(MISSED);
    const widest = Object.entries(result.precision.halfWidths as Record<string, number>).sort((a, b) => b[1] - a[1])[0]!;
    expect(err).toContain(` in ${widest[0]},`);
    expect(err).toContain(`±${Number(widest[1].toPrecision(3))}s`);
  });

  it('gives one object per target, in the order given, for several targets', async () => {
    const { out, err } = await spoc('run', SMALL, '-f', 'json', '-r', '2', '--precision', 'waitMean=0.001s', '--precision', 'abandonRate=0.9', '--max-replications', '4');
    const result = JSON.parse(out);
    expect(result.precision.map((p: { metric: string; met: boolean }) => [p.metric, p.met])).toEqual([
      ['waitMean', false],
      ['abandonRate', true],
    ]);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says a missed target in the table, the Markdown and the HTML report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-precision-'));
    const args = ['-r', '2', '--precision', 'waitMean=0.001s', '--max-replications', '4'];
    const table = await spoc('run', SMALL, ...args, '--report', join(dir, 'report.html'));
    const note = table.err.trimEnd().replace(/^spoc: /, '');
    expect(table.out.replace(/\n/g, ' ')).toContain(note); // wrapped to the table's width
    expect((await spoc('run', SMALL, ...args, '-f', 'markdown')).out.split('\n')).toContain(`**${note}**`);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain(`<p class="warning">${note}</p>`);
    const met = await spoc('run', SMALL, '-r', '2');
    expect(met.out).not.toContain('Precision');
    expect(met.out).toContain('Sweep test centre');
  });

  it('adds no precision block to a run without targets', async () => {
    const { out } = await spoc('run', SMALL, '-f', 'json', '-r', '2');
    expect(JSON.parse(out)).not.toHaveProperty('precision');
  });
});
