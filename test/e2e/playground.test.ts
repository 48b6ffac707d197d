// The playground as a student uses it: served by `spoc playground`, opened in headless
// Chromium (Debian's package, driven by playwright-core). Fails on any console or page error
// and on any request leaving the page's origin (every other request is intercepted and
// refused). Types an error in the editor and reads the loader's line; runs the default
// scenario and reads the results; compares window.spoc.run with `spoc run -f json`; stops a
// long run; leaves a screenshot in a temporary directory (printed) for a look.
//
// Chromium comes from the system (`apt-get install chromium`; .ci/run installs it). Without
// it the test fails in CI and is skipped, with a message, elsewhere.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spoc } from '../support/spoc-cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BIN = resolve('bin/spoc.js');
const DEFAULT = 'scenarios/utility-numbers.yaml';

const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!haveChromium && !inCi) console.warn(`playground: ${CHROMIUM} not found, skipping the browser test (apt-get install chromium to run it)`);

/** `spoc run FILE -f json …` as the command line prints it. */
const cliJson = (file: string, ...args: string[]): string => execFileSync(process.execPath, [BIN, 'run', file, '-f', 'json', ...args], { encoding: 'utf8' });

describe.skipIf(!haveChromium && !inCi)('the playground in headless Chromium', () => {
  let browser: Browser | undefined;
  let server: ChildProcess | undefined;
  let origin = '';
  let dir = '';

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package (see .ci/run)`);
    dir = mkdtempSync(join(tmpdir(), 'spoc-playground-e2e-'));
    server = spawn(process.execPath, [BIN, 'playground', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    origin = await new Promise<string>((done, fail) => {
      let out = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (address !== null) done(address[0]);
      });
      server!.once('exit', (code) => fail(new Error(`spoc playground exited with ${code}: ${out}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  /** A page of the playground whose every problem (errors, requests elsewhere) is collected. */
  async function openPage(url = origin): Promise<{ page: Page; problems: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) return route.continue();
      problems.push(`request outside the origin: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, problems };
  }

  it('loads with the default scenario, no error and no request elsewhere', async () => {
    const { page, problems } = await openPage();
    expect(await page.inputValue('#scenario-menu')).toBe(DEFAULT);
    expect(await page.locator('.cm-line').first().innerText()).toBe(readFileSync(DEFAULT, 'utf8').split('\n')[0]);
    expect(await page.locator('#problems p').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an error typed in the editor as spoc validate words it, and keeps it in the address', async () => {
    const { page, problems } = await openPage();
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nrun2: 1');
    const line = page.locator('#problems p');
    await line.first().waitFor();
    // The same text in a file, checked by the command line: the same lines.
    writeFileSync(join(dir, 'scenario.yaml'), `${readFileSync(DEFAULT, 'utf8')}\nrun2: 1`);
    const cli = spawnSync(process.execPath, [BIN, 'validate', 'scenario.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^scenario\.yaml: .*"run2"/);
    await expect.poll(() => line.allInnerTexts(), { timeout: 10_000 }).toEqual(cli.stderr.trimEnd().split('\n'));
    expect(await page.inputValue('#scenario-menu')).toBe('');
    // A link reproduces it: the address holds the text.
    await expect.poll(() => page.url()).toMatch(/#s=/);
    const again = await openPage(page.url());
    await again.page.locator('#problems p').first().waitFor();
    expect(await again.page.locator('#problems p').allInnerTexts()).toEqual(cli.stderr.trimEnd().split('\n'));
    expect([...problems, ...again.problems]).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('runs the default scenario and shows the designs side by side, charts, intervals and flows', async () => {
    const { page, problems } = await openPage();
    await page.click('#run');
    await page.locator('#results #comparison').waitFor({ timeout: 60_000 });
    // the comparison table is the one with the figures and intervals (the verdict's table comes first)
    const tables = await page.locator('#comparison table').allInnerTexts();
    const table = tables.find((text) => /Service level[^\n\t]*\s+[\d.]+% ± [\d.]+%/.test(text)) ?? tables.join('\n');
    for (const design of ['four-numbers', 'one-number-ivr', 'one-number-frontdesk']) expect(table).toContain(design);
    expect(table).toContain('Δ one-number-ivr');
    expect(table).toMatch(/Service level[^\n\t]*\s+[\d.]+% ± [\d.]+%/);
    expect(await page.textContent('#command')).toBe('spoc run scenario.yaml --interval 15m');
    // Every chart drawn by vega-embed, with marks; one flow diagram per design.
    await expect.poll(() => page.locator('.results figure svg.marks').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(12);
    const marks = await page.evaluate(() =>
      [...document.querySelectorAll('.results figure svg.marks')].map((svg) => svg.querySelectorAll('g.role-mark path, g.role-mark line, g.role-mark rect').length),
    );
    expect(marks.every((n) => n > 0)).toBe(true);
    expect(await page.locator('#intervals svg.marks').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#flows svg.flow').count()).toBe(3);
    const shot = join(dir, 'playground.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.info(`playground: screenshot of a run in ${shot}`);
    expect(statSync(shot).size).toBeGreaterThan(50_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('window.spoc.run resolves to exactly the JSON of spoc run -f json', async () => {
    const { page, problems } = await openPage();
    const text = readFileSync(DEFAULT, 'utf8');
    const inPage = await page.evaluate((t) => window.spoc.run(t), text);
    expect(inPage).toBe(cliJson(DEFAULT));
    // Every bundled scenario, with the overrides of the command line.
    for (const other of readdirSync('scenarios', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'))) {
      const file = join('scenarios', other);
      const overridden = await page.evaluate((t) => window.spoc.run(t, { replications: 3, seed: 7 }), readFileSync(file, 'utf8'));
      expect(overridden, file).toBe(cliJson(file, '-r', '3', '-s', '7'));
    }
    const refused = await page.evaluate((t) => window.spoc.run(t, { replications: 0 }).catch((error: Error) => error.message), text);
    const own = mkdtempSync(join(tmpdir(), 'spoc-playground-refusal-'));
    writeFileSync(join(own, 'scenario.yaml'), text);
    expect(refused).toBe(spawnSync(process.execPath, [BIN, 'run', 'scenario.yaml', '-r', '0'], { cwd: own, encoding: 'utf8' }).stderr.trimEnd());
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('stops a long run at once and runs again after', async () => {
    const { page, problems } = await openPage();
    await page.fill('#replications', '5000');
    await page.click('#run');
    await expect.poll(() => page.evaluate(() => (document.getElementById('progress') as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThan(0);
    // The page stays responsive while the worker runs.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.click('#stop');
    expect(await page.textContent('#run-state')).toBe('stopped');
    expect(await page.locator('#results #comparison').count()).toBe(0);
    await page.fill('#replications', '2');
    await page.click('#run');
    await page.locator('#results #comparison').waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('answers in the Erlang panel what spoc erlang prints', async () => {
    const { page, problems } = await openPage();
    await page.click('[data-tab="erlang"]');
    await page.fill('[name="agents"]', '45');
    await page.fill('[name="patience"]', '3m');
    await page.click('#erlang-form button[type="submit"]');
    expect(await page.textContent('#erlang-command')).toBe('spoc erlang --rate 600/h --handle 4m --agents 45 --patience 3m --service-level 20s');
    const cli = await spoc('erlang', '--rate', '600/h', '--handle', '4m', '--agents', '45', '--patience', '3m', '--service-level', '20s');
    expect(await page.textContent('#erlang-output')).toBe(cli.out);
    await page.fill('[name="handle"]', '-4m');
    await page.click('#erlang-form button[type="submit"]');
    const refused = await spoc('erlang', '--rate', '600/h', '--handle', '-4m', '--agents', '45', '--patience', '3m');
    expect(refused.code).toBe(2);
    expect(await page.textContent('#erlang-output')).toBe(refused.err);
    expect(problems).toEqual([]);
    await page.close();
  });
});
