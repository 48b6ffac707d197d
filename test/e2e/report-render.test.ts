// The HTML reports as a reader sees them: opened from disk in headless Chromium (Debian's
// package, driven by playwright-core), with no network. Fails on any console error or page
// error, on any request leaving the file, on a chart or flow diagram drawn at zero size or
// without marks, and on a page wider than the window. Leaves full-page screenshots in a
// temporary directory (printed) for a look.
//
// Chromium comes from the system (`apt-get install chromium`; .ci/run installs it). Without
// it the test fails in CI and is skipped, with a message, elsewhere.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import { streamedRows } from '../../src/cli/sweep-output.ts';
import { runSweep } from '../../src/experiment/sweep-runner.ts';
import { renderRunReport, renderSweepReport, SweepReportCollector } from '../../src/report/html/index.ts';
import { sweepRowFormat } from '../../src/report/sweep-rows.ts';
import { loadScenario, readScenarioData, withOverrides } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';
import { browserTestsRun, launchChromium } from '../support/chromium.ts';

const FILE = 'scenarios/utility-numbers.yaml';

interface PageCheck {
  readonly problems: string[];
  readonly charts: { name: string; width: number; height: number; marks: number }[];
  readonly flows: { name: string; width: number; height: number; links: number }[];
  readonly screenshot: string;
}

describe.runIf(browserTestsRun('report-render'))('HTML reports in headless Chromium', () => {
  let browser: Browser | undefined;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spoc-report-e2e-'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, html: string): Promise<PageCheck> {
    const path = join(dir, `${name}.html`);
    writeFileSync(path, html);
    const url = pathToFileURL(path).href;
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      const screenshot = join(dir, `${name}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      const measured = await page.evaluate(() => {
        const box = (el: Element) => el.getBoundingClientRect();
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          charts: [...document.querySelectorAll('svg[data-chart]')].map((svg) => ({
            name: svg.getAttribute('data-chart') ?? '',
            width: box(svg).width,
            height: box(svg).height,
            marks: [...svg.querySelectorAll('g.role-mark')].reduce(
              (sum, group) => sum + [...group.querySelectorAll('path, rect, line, circle')].filter((m) => box(m).width + box(m).height > 0).length,
              0,
            ),
          })),
          flows: [...document.querySelectorAll('svg.flow')].map((svg) => ({
            name: svg.getAttribute('data-flow') ?? '',
            width: box(svg).width,
            height: box(svg).height,
            links: [...svg.querySelectorAll('.flow-link, .flow-transfer')].filter((link) => box(link).width * box(link).height > 0).length,
          })),
        };
      });
      if (measured.overflow > 0) problems.push(`the page is ${measured.overflow}px wider than the window`);
      return { problems, charts: measured.charts, flows: measured.flows, screenshot };
    } finally {
      await page.close();
    }
  }

  it('renders the run report: no error, every chart and flow diagram drawn', async () => {
    const scenario = withOverrides(loadScenario(FILE, nodeFileSource), { replications: 2 });
    const result = runExperiment(scenario);
    const check = await open('run-report', await renderRunReport(result, { scenario }));
    console.info(`report-render: screenshot of the run report in ${check.screenshot}`);
    expect(check.problems).toEqual([]);
    expect(check.charts.length).toBeGreaterThanOrEqual(10);
    for (const chart of check.charts) {
      expect(chart.width, chart.name).toBeGreaterThan(100);
      expect(chart.height, chart.name).toBeGreaterThan(50);
      expect(chart.marks, chart.name).toBeGreaterThan(0);
    }
    expect(check.flows.length).toBe(Object.keys(result.designs).length);
    for (const flow of check.flows) {
      expect(flow.width, flow.name).toBeGreaterThan(300);
      expect(flow.height, flow.name).toBeGreaterThan(100);
      expect(flow.links, flow.name).toBeGreaterThan(0);
    }
  });

  it('renders the sweep report: no error, every chart drawn', async () => {
    const sets = [{ path: 'teams.billing.agents', values: [26, 30] }];
    const collector = new SweepReportCollector(sets);
    await runSweep({
      data: readScenarioData(FILE, nodeFileSource),
      sets,
      overrides: { replications: 2 },
      workers: 1,
      format: sweepRowFormat('csv'),
      sink: streamedRows(() => {}),
      onPoint: (point, result) => collector.add(point, result),
    });
    const check = await open('sweep-report', await renderSweepReport(collector, { scenario: loadScenario(FILE, nodeFileSource) }));
    console.info(`report-render: screenshot of the sweep report in ${check.screenshot}`);
    expect(check.problems).toEqual([]);
    // one chart of the figures and one of their paired differences from the baseline, per metric
    expect(check.charts.length).toBe(2 * collector.metrics.length);
    for (const chart of check.charts) {
      expect(chart.width, chart.name).toBeGreaterThan(100);
      expect(chart.marks, chart.name).toBeGreaterThan(0);
    }
  });
});
