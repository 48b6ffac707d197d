// The HTML report of a real run and of a real sweep, read back with a spec-compliant HTML
// parser: well-formed (no parse error), self-contained (no script, nothing fetched), every
// design in the tables, every chart drawn with marks, and a flow diagram per design with
// every link of its call flows.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes, type ParserError } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import { streamedRows } from '../../src/cli/sweep-output.ts';
import { runSweep } from '../../src/experiment/sweep-runner.ts';
import { flowNodeLabel } from '../../src/metrics/flow-node.ts';
import type { RunResult } from '../../src/metrics/results.ts';
import { addOutputRows, CHARTED_METRICS, MAX_PANELS, renderRunReport, renderSweepReport, SweepReportCollector } from '../../src/report/html/index.ts';
import { sweepRowFormat } from '../../src/report/sweep-rows.ts';
import { loadScenario, readScenarioData, withOverrides, type Scenario } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

const FILE = 'scenarios/utility-numbers.yaml';

/** The document's tree and its parse errors (none for well-formed HTML). */
function parseHtml(html: string): { root: DefaultTreeAdapterTypes.Document; errors: ParserError[] } {
  const errors: ParserError[] = [];
  const root = parse(html, { onParseError: (error) => errors.push(error) });
  return { root, errors };
}

function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    if ('tagName' in n) out.push(n);
    const children = 'childNodes' in n ? n.childNodes : [];
    for (const child of children) walk(child);
    if ('content' in n && n.content !== undefined) walk(n.content);
  };
  walk(node);
  return out;
}

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const hasClass = (el: Element, name: string): boolean => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

/** Vega mark groups of a chart and their drawn items (paths, rects, lines, text…). */
function markItems(svg: Element): number {
  return elements(svg)
    .filter((el) => hasClass(el, 'role-mark'))
    .reduce((sum, group) => sum + elements(group).filter((el) => ['path', 'rect', 'line', 'text', 'circle'].includes(el.tagName)).length, 0);
}

/** No script, no external resource: the page opens offline. */
function expectSelfContained(html: string, all: readonly Element[]): void {
  expect(all.filter((el) => el.tagName === 'script')).toEqual([]);
  expect(all.filter((el) => ['link', 'iframe', 'img', 'object', 'embed', 'image', 'use'].includes(el.tagName))).toEqual([]);
  const refs = all.flatMap((el) => el.attrs.filter((a) => ['src', 'href', 'xlink:href', 'action', 'srcset'].includes(a.name) || a.name.endsWith(':href')));
  for (const ref of refs) expect(ref.value, `${ref.name}="${ref.value}"`).toMatch(/^#/);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/@import|url\((?!#)/);
  // Ids are unique across the inlined SVGs (clip paths of one chart must not hit another's).
  const ids = all.map((el) => attr(el, 'id')).filter((id): id is string => id !== undefined);
  expect(ids.length).toBe(new Set(ids).size);
}

describe('HTML report of a run', () => {
  let scenario: Scenario;
  let result: RunResult;
  let html: string;
  let all: Element[];
  let renderMs: number;

  beforeAll(async () => {
    scenario = withOverrides(loadScenario(FILE, nodeFileSource), { replications: 2 });
    result = runExperiment(scenario);
    const start = performance.now();
    html = await renderRunReport(result, { scenario });
    renderMs = performance.now() - start;
    const parsed = parseHtml(html);
    expect(parsed.errors.map((e) => `${e.code} at line ${e.startLine}, col ${e.startCol}`)).toEqual([]);
    all = elements(parsed.root);
  });

  it('is a well-formed, self-contained document rendered in reasonable time', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expectSelfContained(html, all);
    expect(all.some((el) => el.tagName === 'meta' && attr(el, 'http-equiv') === 'Content-Security-Policy')).toBe(true);
    expect(renderMs).toBeLessThan(5000);
  });

  it('states the scenario, its question, the replications, seed and key assumptions', () => {
    const h1 = all.find((el) => el.tagName === 'h1');
    expect(h1 && text(h1)).toBe(scenario.name);
    const body = text(all.find((el) => el.tagName === 'body')!).replace(/\s+/g, ' ');
    expect(body).toContain(scenario.description!.replace(/\s+/g, ' ').trim());
    expect(body).toContain('replications 2');
    expect(body).toContain(`seed ${scenario.run.seed}`);
    expect(body).toContain('Service level: share of queue entries answered within 20s.');
  });

  it('has every design in the comparison table, with a Δ column per design after the baseline', () => {
    const designs = Object.keys(result.designs);
    const comparison = all.find((el) => el.tagName === 'section' && attr(el, 'id') === 'comparison')!;
    const table = elements(comparison).find((el) => el.tagName === 'table')!;
    const headers = elements(table).filter((el) => el.tagName === 'th' && attr(el, 'scope') === 'col').map(text);
    for (const design of designs) expect(headers.some((h) => h.startsWith(design))).toBe(true);
    for (const design of designs.slice(1)) expect(headers).toContain(`Δ ${design}`);
  });

  it('draws every chart as an SVG with marks', () => {
    const charts = all.filter((el) => el.tagName === 'svg' && attr(el, 'data-chart') !== undefined);
    const names = charts.map((el) => attr(el, 'data-chart'));
    expect(names).toEqual([...CHARTED_METRICS.map((m) => `metric-${m}`), 'wait-distribution', 'occupancy']);
    for (const svg of charts) {
      expect(Number(attr(svg, 'width')), attr(svg, 'data-chart')).toBeGreaterThan(0);
      expect(markItems(svg), attr(svg, 'data-chart')).toBeGreaterThan(0);
    }
    // The wait distribution has a line per design; occupancy a bar per (team, design) present.
    const waits = charts.find((el) => attr(el, 'data-chart') === 'wait-distribution')!;
    const lines = elements(waits).filter((el) => hasClass(el, 'mark-line')).flatMap((g) => elements(g).filter((el) => el.tagName === 'path'));
    expect(lines.length).toBe(Object.keys(result.designs).length);
    const occupancy = charts.find((el) => attr(el, 'data-chart') === 'occupancy')!;
    const bars = elements(occupancy).filter((el) => hasClass(el, 'mark-rect')).flatMap((g) => elements(g).filter((el) => el.tagName === 'path'));
    const teamCount = Object.values(result.designs).reduce((sum, d) => sum + Object.keys(d.byTeam).length, 0);
    expect(bars.length).toBe(teamCount);
  });

  it('draws a flow diagram per design with every link of its flows', () => {
    const flows = all.filter((el) => el.tagName === 'svg' && hasClass(el, 'flow'));
    const designs = Object.keys(result.designs);
    expect(flows.length).toBe(designs.length);
    designs.forEach((design, i) => {
      const svg = flows[i]!;
      expect(text(elements(svg).find((el) => el.tagName === 'title')!)).toContain(design);
      const drawn = new Set(
        elements(svg)
          .filter((el) => hasClass(el, 'flow-link') || hasClass(el, 'flow-transfer'))
          .map((el) => `${attr(el, 'data-from')}→${attr(el, 'data-to')}`),
      );
      const expected = (result.designs[design]!.flows ?? []).filter((f) => f.calls.mean > 0).map((f) => `${flowNodeLabel(f.from)}→${flowNodeLabel(f.to)}`);
      expect(expected.length).toBeGreaterThan(0);
      expect([...drawn].sort()).toEqual([...expected].sort());
      // Nodes: the numbers dialled, the teams and the outcomes, each a box.
      const nodes = elements(svg).filter((el) => hasClass(el, 'flow-node')).map((el) => attr(el, 'data-node'));
      for (const team of Object.keys(result.designs[design]!.byTeam)) expect(nodes).toContain(team);
      expect(nodes).toContain('Resolved');
    });
    // Volumes are written on the diagram.
    expect(text(flows[0]!)).toMatch(/\d,\d{3}/);
  });

  it('skips the chart of a metric no design has a value for', async () => {
    const designs = Object.fromEntries(
      Object.entries(result.designs).map(([name, d]) => [
        name,
        { ...d, metrics: { ...d.metrics, costPerResolved: { mean: Number.NaN, ci95: null } } },
      ]),
    );
    const without = await renderRunReport({ ...result, designs }, { scenario });
    expect(without).not.toContain('data-chart="metric-costPerResolved"');
    expect(without).toContain('data-chart="metric-fcr"');
  });
});

describe('HTML report of a sweep', () => {
  const sets = [{ path: 'teams.billing.agents', values: [24, 28, 32] }];
  let collector: SweepReportCollector;
  let rows = '';

  beforeAll(async () => {
    collector = new SweepReportCollector(sets);
    await runSweep({
      data: readScenarioData(FILE, nodeFileSource),
      sets,
      overrides: { replications: 2 },
      workers: 1,
      format: sweepRowFormat('csv'),
      sink: streamedRows((t) => (rows += t)),
      onPoint: (point, result) => collector.add(point, result),
    });
  });

  it('charts every metric against the swept parameter, a line and a band per design', async () => {
    const html = await renderSweepReport(collector, { scenario: loadScenario(FILE, nodeFileSource), plannedPoints: 3 });
    const parsed = parseHtml(html);
    expect(parsed.errors).toEqual([]);
    const all = elements(parsed.root);
    expectSelfContained(html, all);
    const charts = all.filter((el) => el.tagName === 'svg' && attr(el, 'data-chart') !== undefined);
    // Each metric, then each metric's paired difference from the baseline (the two other designs).
    expect(charts.map((el) => attr(el, 'data-chart'))).toEqual([...CHARTED_METRICS.map((m) => `sweep-${m}`), ...CHARTED_METRICS.map((m) => `sweep-diff-${m}`)]);
    for (const svg of charts) {
      const marks = (kind: string, tag: string): Element[] =>
        elements(svg).filter((el) => hasClass(el, kind) && hasClass(el, 'role-mark')).flatMap((g) => elements(g).filter((el) => el.tagName === tag));
      const designs = attr(svg, 'data-chart')!.startsWith('sweep-diff-') ? 2 : 3;
      expect(marks('mark-line', 'path').length, attr(svg, 'data-chart')).toBe(designs);
      expect(marks('mark-area', 'path').length, attr(svg, 'data-chart')).toBe(designs);
      expect(marks('mark-rule', 'line').length, attr(svg, 'data-chart')).toBe(designs === 2 ? 1 : 0);
    }
    const differences = all.find((el) => attr(el, 'id') === 'differences')!;
    expect(text(elements(differences).find((el) => el.tagName === 'h2')!)).toBe(`Difference from ${collector.designs()[0]}, point by point`);
    expect(text(all.find((el) => el.tagName === 'body')!)).toContain('teams.billing.agents: 24, 28, 32');
  });

  it('keeps only the charted figures, and reads the same figures back from the sweep output', () => {
    expect(collector.size).toBe(3);
    const readBack = new SweepReportCollector(sets);
    expect(addOutputRows(readBack, rows, 'csv')).toBe(3);
    expect(readBack.entries()).toEqual(collector.entries());
  });

  it('draws small multiples for a grid, and only the first combination beyond the limit', async () => {
    const grid = [
      { path: 'teams.billing.agents', values: [24, 28] },
      { path: 'designs.one-number-ivr.ivr.accuracy', values: [0.8, 0.9] },
    ];
    const small = new SweepReportCollector(grid);
    const entries = collector.entries();
    let index = 0;
    for (const agents of [0, 1]) {
      for (const accuracy of [0, 1]) {
        const [, figures] = entries[agents]!;
        for (const [design, values] of figures.designs) {
          small.addRow(
            { index, assignments: [{ path: grid[0]!.path, value: grid[0]!.values[agents] }, { path: grid[1]!.path, value: grid[1]!.values[accuracy] }] },
            design,
            2,
            (metric, difference) => {
              const at = 3 * (small.metrics.indexOf(metric) + (difference ? small.metrics.length : 0));
              return [values[at]!, values[at + 1]!, values[at + 2]!];
            },
          );
        }
        index++;
      }
    }
    const html = await renderSweepReport(small, {});
    expect(parseHtml(html).errors).toEqual([]);
    expect(html).toContain('designs.one-number-ivr.ivr.accuracy = 0.8');
    expect(html).toContain('designs.one-number-ivr.ivr.accuracy = 0.9');
    expect(html).not.toContain('too many to draw');

    // 2 × 13: more combinations of the other parameter than small multiples.
    const values = Array.from({ length: MAX_PANELS + 1 }, (_, i) => i);
    const wide = [grid[0]!, { path: 'teams.field.agents', values }];
    const many = new SweepReportCollector(wide);
    let i = 0;
    for (const agents of grid[0]!.values) {
      for (const field of values) {
        many.addRow({ index: i++, assignments: [{ path: wide[0]!.path, value: agents }, { path: wide[1]!.path, value: field }] }, 'only', 2, () => [0.5, 0.4, 0.6]);
      }
    }
    const restricted = await renderSweepReport(many, {});
    expect(parseHtml(restricted).errors).toEqual([]);
    expect(restricted).toContain('too many to draw: the charts show only teams.field.agents = 0.');
    expect(restricted).not.toContain('teams.field.agents = 1<');
  });
});

describe('spoc run/sweep --report', () => {
  it('writes the report beside the usual output, and refuses a report path in a missing directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-report-'));
    const path = join(dir, 'report.html');
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    expect(await runCli(['run', FILE, '-r', '2', '--workers', '1', '--no-progress', '--report', path], io)).toBe(0);
    expect(out).toContain('four-numbers');
    const html = readFileSync(path, 'utf8');
    expect(parseHtml(html).errors).toEqual([]);
    expect(html).toContain('data-chart="metric-waitMean"');

    err = '';
    expect(await runCli(['run', FILE, '--report', join(dir, 'missing', 'r.html')], io)).toBe(2);
    expect(err).toContain('--report');

    const sweepPath = join(dir, 'sweep.html');
    expect(
      await runCli(['sweep', FILE, '--set', 'teams.billing.agents=26,30', '-r', '2', '--workers', '1', '--no-progress', '-o', join(dir, 's.csv'), '--report', sweepPath], io),
    ).toBe(0);
    const sweep = readFileSync(sweepPath, 'utf8');
    expect(parseHtml(sweep).errors).toEqual([]);
    expect(sweep).toContain('data-chart="sweep-serviceLevel"');
  });
});
