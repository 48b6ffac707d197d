// Debian's Chromium for the browser tests (test/e2e), driven by playwright-core: where it is,
// how it is started (headless, no network of its own), and whether its tests run here. In CI
// (.ci/run installs it) a missing Chromium fails them; elsewhere they are skipped, saying so.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const haveChromium = existsSync(CHROMIUM);

/** Whether the browser tests run (warning, when they do not, that they are skipped). */
export function browserTestsRun(name: string): boolean {
  const run = haveChromium || Boolean(process.env.CI);
  if (!run) console.warn(`${name}: ${CHROMIUM} not found, skipping the browser test (apt-get install chromium to run it)`);
  return run;
}

/** The browser; fails in CI when it is not installed. */
export function launchChromium(): Promise<Browser> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package (see .ci/run)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
