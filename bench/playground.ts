// The playground part of `npm run bench`: the bundle sizes, the time until the page is ready
// in headless Chromium (budget 2 s) and the default scenario's answer through
// window.spoc.run against `spoc run -f json`'s whole process (budget 2x). Needs dist/ built
// and Debian's chromium; without it, says so and measures the sizes only.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildPlayground } from '../build/playground.ts';

const CHROMIUM = '/usr/bin/chromium';
const DEFAULT = 'scenarios/utility-numbers.yaml';
const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;

export async function benchPlayground(rounds = 5): Promise<void> {
  const { folder, sizes } = await buildPlayground();
  console.log('');
  console.log('playground (dist/playground/): bundle sizes');
  for (const [name, bytes] of Object.entries(sizes)) {
    const gzip = gzipSync(readFileSync(resolve(folder, name))).length;
    console.log(`  ${name.padEnd(11)} ${(bytes / 1024).toFixed(0).padStart(6)} kB  (${(gzip / 1024).toFixed(0).padStart(5)} kB gzipped)`);
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`  ${CHROMIUM} not found: page timings skipped (apt-get install chromium)`);
    return;
  }
  const server = spawn(process.execPath, ['bin/spoc.js', 'playground', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const origin = await new Promise<string>((done) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (address !== null) done(address[0]);
      });
    });
    const ready: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(origin);
      await page.waitForSelector('body[data-ready="true"]');
      ready.push((performance.now() - start) / 1000);
      await context.close();
    }
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForSelector('body[data-ready="true"]');
    const text = readFileSync(DEFAULT, 'utf8');
    const inPage: number[] = [];
    for (let i = 0; i < 3; i++) {
      inPage.push(await page.evaluate(async (t) => {
        const start = performance.now();
        await window.spoc.run(t);
        return (performance.now() - start) / 1000;
      }, text));
    }
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      execFileSync(process.execPath, ['bin/spoc.js', 'run', DEFAULT, '-f', 'json'], { stdio: 'ignore' });
      cli.push((performance.now() - start) / 1000);
    }
    const readyS = median(ready);
    const ratio = median(inPage) / median(cli);
    console.log(`  page ready (fresh context, median of ${rounds}): ${readyS.toFixed(2)} s (budget 2 s: ${readyS < 2 ? 'met' : 'NOT met'})`);
    console.log(
      `  default scenario: window.spoc.run ${median(inPage).toFixed(2)} s, spoc run -f json ${median(cli).toFixed(2)} s (whole process), ` +
        `ratio ${ratio.toFixed(2)} (budget 2: ${ratio < 2 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) await benchPlayground();
