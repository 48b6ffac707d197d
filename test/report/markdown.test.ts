import { describe, expect, it } from 'vitest';
import { DESIGN_METRICS, INTERVAL_METRICS } from '../../src/metrics/metric-catalogue.ts';
import { escapeMarkdown, formatMarkdown } from '../../src/report/markdown.ts';
import { INTERVAL_REPORT_METRICS, metricInfo } from '../../src/report/metric-order.ts';
import { DESIGNS_4, EIGHT_HOURS, THREE_DAYS, makeResult, withIntervals } from './fixture.ts';

/** Cells of a table row: split on pipes that are not escaped. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

function tables(text: string): string[][] {
  const found: string[][] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(line);
    } else if (current !== null) {
      found.push(current);
      current = null;
    }
  }
  if (current !== null) found.push(current);
  return found;
}

describe('formatMarkdown', () => {
  const result = makeResult([...DESIGNS_4, 'pipe|name']);

  it('starts with a level-2 title and ends with its provenance and a newline', () => {
    const text = formatMarkdown(result);
    expect(text.startsWith('## Utility company — four numbers or one\n')).toBe(true);
    expect(text.endsWith(`|\n\nMade by spoc-sim 0.0.0-test from the scenario file of SHA-256 ${'ab'.repeat(32)}.\n`)).toBe(true);
  });

  it('has consistent column counts in every table row', () => {
    const found = tables(formatMarkdown(result, { byIntent: true }));
    expect(found).toHaveLength(3);
    for (const table of found) {
      const width = cells(table[0] ?? '').length;
      expect(width).toBeGreaterThan(2);
      for (const line of table) expect(cells(line)).toHaveLength(width);
      expect(table[1]).toMatch(/^\| :?---:? (\| :?---:? )*\|$/);
    }
  });

  it('shows every design, metric label, and the differences against the baseline', () => {
    const text = formatMarkdown(result);
    const [design] = tables(text);
    const header = cells(design?.[0] ?? '').map((cell) => cell.trim());
    expect(header[0]).toBe('Metric');
    expect(header[1]).toBe('four-numbers (baseline)');
    expect(header).toContain('single-point-of-contact, "one advisor" pilot');
    expect(header).toContain('pipe\\|name');
    expect(header).toContain('Δ one-number vs four-numbers');
    expect(design).toHaveLength(2 + DESIGN_METRICS.length);
    for (const info of DESIGN_METRICS) expect(text).toContain(`| ${info.label} |`);
    expect(text).toContain('\\*');
    expect(text).toContain('### Teams');
    expect(text).not.toContain('### By intent');
  });

  it('renders assumptions as bullets above the tables', () => {
    const text = formatMarkdown(result, { assumptions: ['Same staffing\nin every design.', 'No callbacks.'] });
    const bullets = text.indexOf('- Same staffing in every design.\n- No callbacks.\n');
    expect(bullets).toBeGreaterThan(0);
    expect(bullets).toBeLessThan(text.indexOf('| Metric'));
    expect(formatMarkdown(result)).not.toMatch(/^- /m);
  });

  it('escapes markup in names', () => {
    expect(escapeMarkdown('a|b *c* _d_')).toBe('a\\|b \\*c\\* \\_d\\_');
  });
});

describe('formatMarkdown with per-interval figures', () => {
  const designs = [...DESIGNS_4, 'pipe|name'];
  const result = withIntervals(makeResult(designs), ...EIGHT_HOURS);

  it('adds a table per design after the teams, a row per interval then after, with half-widths', () => {
    const text = formatMarkdown(result, { byIntent: true });
    const found = tables(text);
    expect(found).toHaveLength(3 + designs.length);
    expect(text.indexOf('### Per interval — four-numbers')).toBeGreaterThan(text.indexOf('### Teams'));
    expect(text.indexOf('### By intent')).toBeGreaterThan(text.indexOf('### Per interval — pipe\\|name'));
    expect(text).toContain('Per-interval tables put each queue entry, and each call, in the interval where it joined the queue');
    for (const table of found.slice(2, 2 + designs.length)) {
      const header = cells(table[0] ?? '').map((cell) => cell.trim());
      expect(header).toEqual(['Interval', ...INTERVAL_REPORT_METRICS.map((name) => metricInfo(name, INTERVAL_METRICS).label)]);
      expect(table[1]).toBe(`| :--- |${' ---: |'.repeat(INTERVAL_REPORT_METRICS.length)}`);
      expect(table).toHaveLength(2 + 17);
      for (const line of table) expect(cells(line)).toHaveLength(header.length);
      expect(cells(table[2] ?? '')[0]?.trim()).toBe('00:00–00:30');
      expect(cells(table[17] ?? '')[0]?.trim()).toBe('07:30–08:00');
      expect(cells(table[18] ?? '')[0]?.trim()).toBe('after');
      expect(cells(table[2] ?? '')[1]?.trim()).toMatch(/^[\d.,]+ ± [\d.,]+$/);
    }
  });

  it('writes the day when the run goes past one day', () => {
    const text = formatMarkdown(withIntervals(makeResult(['a']), ...THREE_DAYS));
    expect(text).toContain('| 0d 00:00–01:00 |');
    expect(text).toContain('| 2d 23:00–24:00 |');
  });

  it('leaves the rest as it is', () => {
    const plain = formatMarkdown(makeResult(designs), { byIntent: true });
    expect(plain).not.toContain('Per interval');
    expect(plain).not.toContain('Per-interval');
    const text = formatMarkdown(result, { byIntent: true })
      .replace(/ Per-interval tables put [^\n]* at 00:00\./, '')
      .replace(/\n### Per interval — [^\n]*\n\n(\|[^\n]*\n)+/g, '');
    expect(text).toBe(plain);
  });
});
