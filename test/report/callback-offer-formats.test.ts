// The callback offer's metrics reach every output: the table, Markdown, CSV, JSON and the HTML
// report, under their catalogue names and labels.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'spoc-offer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'offer.yaml');
writeFileSync(
  file,
  `
name: virtual hold
run: { horizon: 4h, warmup: 30m, replications: 3, seed: 5 }
demand:
  arrivals: { rate: 570/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 1m }, resolve: 1 }
  patience: { dist: exponential, mean: 2m }
teams:
  team: { agents: 10, skills: [any] }
designs:
  plain:
    numbers: [ { dial: "1", to: team } ]
  offering:
    numbers: [ { dial: "1", to: team } ]
    callbackOffer: { after: 30s, accept: 0.5, reach: 0.9 }
`,
);

async function spoc(args: readonly string[]): Promise<string> {
  let out = '';
  const code = await runCli(args, { stdout: (text) => (out += text), stderr: () => {} });
  expect(code).toBe(0);
  return out;
}

const NAMES = ['callbackOfferedShare', 'callbackAcceptedShare', 'waitStayed', 'waitCalledBack'];
const LABELS = ['Callback offered', 'Callback accepted', 'Wait, stayed', 'Wait, called back'];

describe('the callback offer in every format', () => {
  it('gives JSON every metric, with a figure for the design that offers', async () => {
    const json = JSON.parse(await spoc(['run', file, '-f', 'json']));
    const offering = json.designs.offering.metrics;
    for (const name of NAMES) expect(offering[name].mean, name).toBeGreaterThan(0);
    expect(json.designs.plain.metrics.callbackOfferedShare.mean).toBe(0);
    expect(json.designs.plain.metrics.waitCalledBack.mean).toBeNull();
    expect(json.designs.offering.byIntent.any.callbackAcceptedShare.mean).toBe(offering.callbackAcceptedShare.mean);
  });

  it('gives CSV a row per metric and the table and Markdown a labelled row', async () => {
    const csv = await spoc(['run', file, '-f', 'csv']);
    for (const name of NAMES) expect(csv, name).toContain(name);
    for (const format of ['table', 'markdown']) {
      const text = await spoc(['run', file, '-f', format]);
      for (const label of LABELS) expect(text, `${format}: ${label}`).toContain(label);
    }
  });

  it('gives the HTML report the rows and their meaning', async () => {
    const report = join(dir, 'report.html');
    await spoc(['run', file, '-f', 'json', '--report', report]);
    const html = readFileSync(report, 'utf8');
    for (const label of LABELS) expect(html, label).toContain(label);
    expect(html).toContain('share of queue entries offered a callback');
  });

  it('tells in the trace who was called back, and who was not reached', async () => {
    const story = await spoc(['trace', file, '-d', 'offering', '--issues', 'all']);
    expect(story).toMatch(/called back by team after \d/);
    expect(story).toContain('not reached: the callback goes unanswered');
    const csv = await spoc(['trace', file, '-d', 'offering', '-f', 'csv']);
    expect(csv).toMatch(/,callback,team,\d/);
    expect(csv).toContain(',end,team,not-reached');
  });
});
