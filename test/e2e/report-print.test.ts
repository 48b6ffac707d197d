// The run report on paper: the report of the bundled scenario with seven designs (with
// intervals and intents, so every folded section is there) printed to PDF by headless
// Chromium, and measured with the print style sheet applied at the printed width. Every
// page must be A4 in landscape; every table, chart and flow diagram must fit the width
// between the margins (a wider one makes Chromium shrink every page to fit it, Δ columns
// cut or unreadable); no folded section may stay folded, and every definition shown on
// hover must be written out. The PDF is left in a temporary directory (printed) for a look.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSource } from '../../src/cli/file-source.ts';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import { renderRunReport } from '../../src/report/html/index.ts';
import { PRINT_PAGE } from '../../src/report/html/page.ts';
import { loadScenario, withOverrides } from '../../src/scenario/index.ts';
import { browserTestsRun, launchChromium } from '../support/chromium.ts';

const FILE = 'scenarios/pooling-vs-misrouting.yaml';
const PX_PER_MM = 96 / 25.4;
const PT_PER_MM = 72 / 25.4;
/** The width between the side margins, in CSS pixels: what the printed page lays out in. */
const PRINTABLE_WIDTH = Math.floor((PRINT_PAGE.width - 2 * PRINT_PAGE.margin.side) * PX_PER_MM);

interface PrintMeasures {
  readonly pageWidth: number;
  /** Tables, charts, diagrams and scrolling boxes reaching past the printable width. */
  readonly tooWide: readonly string[];
  /** Folded sections whose content is not shown. */
  readonly folded: readonly string[];
  /** Definitions shown only on hover (a title attribute) and not written out visibly. */
  readonly hoverOnly: readonly string[];
  /** The Δ columns' headings shown, by design. */
  readonly differences: readonly string[];
  readonly definitions: number;
}

async function measure(page: Page): Promise<PrintMeasures> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // checkVisibility is false inside a folded section (its content is laid out, not shown).
    const visible = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const where = (el: Element): string => {
      const section = el.closest('section');
      return `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} in #${section?.id ?? '?'}`;
    };
    const tooWide: string[] = [];
    for (const el of document.querySelectorAll('table, svg, figure, .scroll, h1, h2, h3, p, dl, ul')) {
      const right = Math.ceil(el.getBoundingClientRect().right);
      if (right > width) tooWide.push(`${where(el)}: right edge at ${right}px`);
      if (el.classList.contains('scroll') && el.scrollWidth > el.clientWidth) tooWide.push(`${where(el)}: ${el.scrollWidth}px of content in ${el.clientWidth}px`);
    }
    if (document.documentElement.scrollWidth > width) tooWide.push(`the page: ${document.documentElement.scrollWidth}px`);
    const folded = [...document.querySelectorAll('details')].flatMap((details) => {
      const summary = details.querySelector(':scope > summary')?.textContent ?? '';
      const content = [...details.children].filter((child) => child.tagName !== 'SUMMARY');
      return content.length > 0 && content.every(visible) ? [] : [summary];
    });
    const written = new Set([...document.querySelectorAll('#definitions dd')].filter(visible).map((dd) => dd.textContent));
    const hoverOnly = [...new Set([...document.querySelectorAll('[title]')].map((el) => el.getAttribute('title') ?? ''))].filter((title) => !written.has(title));
    const differences = [...document.querySelectorAll('th.diff')]
      .filter(visible)
      .map((th) => th.textContent ?? '');
    return { pageWidth: width, tooWide, folded, hoverOnly, differences, definitions: written.size };
  });
}

/** Each page's size in points, from the PDF's page boxes. */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

describe.runIf(browserTestsRun('report-print'))('the run report printed from headless Chromium', () => {
  let browser: Browser | undefined;
  let dir: string;
  let html: string;
  let designs: readonly string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spoc-report-print-'));
    const scenario = withOverrides(loadScenario(FILE, nodeFileSource), { replications: 2 });
    const result = runExperiment(scenario, { interval: 7200 });
    designs = Object.keys(result.designs);
    html = await renderRunReport(result, { scenario, byIntent: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function opened(): Promise<Page> {
    const path = join(dir, 'report.html');
    writeFileSync(path, html);
    const page = await browser!.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 900 } });
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    return page;
  }

  it('prints on A4 pages in landscape', async () => {
    expect(designs).toHaveLength(7);
    const page = await opened();
    try {
      const path = join(dir, 'report.pdf');
      await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
      console.info(`report-print: the printed report is ${path}`);
      const sizes = pageSizes(readFileSync(path));
      expect(sizes.length).toBeGreaterThan(5);
      for (const size of sizes) {
        expect(size.width).toBeCloseTo(PRINT_PAGE.width * PT_PER_MM, -0.5);
        expect(size.height).toBeCloseTo(PRINT_PAGE.height * PT_PER_MM, -0.5);
      }
    } finally {
      await page.close();
    }
  });

  it('fits every table between the margins, with each design\'s Δ column, unfolds every section and writes out every definition', async () => {
    const page = await opened();
    try {
      await page.emulateMedia({ media: 'print' });
      const printed = await measure(page);
      expect(printed.pageWidth).toBe(PRINTABLE_WIDTH);
      expect(printed.tooWide).toEqual([]);
      expect(printed.folded).toEqual([]);
      expect(printed.hoverOnly).toEqual([]);
      expect(printed.definitions).toBeGreaterThan(10);
      for (const design of designs.slice(1)) expect(printed.differences).toContain(`Δ ${design}`);
      // The same page on a screen folds its sections away: the print style sheet unfolds them.
      await page.emulateMedia({ media: 'screen' });
      expect((await measure(page)).folded.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
