import { describe, expect, it } from 'vitest';
import { DESIGN_METRICS } from '../../src/metrics/metric-catalogue.ts';
import { escapeMarkdown, formatMarkdown } from '../../src/report/markdown.ts';
import { DESIGNS_4, makeResult } from './fixture.ts';

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

  it('starts with a level-2 title and ends with a newline', () => {
    const text = formatMarkdown(result);
    expect(text.startsWith('## Utility company — four numbers or one\n')).toBe(true);
    expect(text.endsWith('|\n')).toBe(true);
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
