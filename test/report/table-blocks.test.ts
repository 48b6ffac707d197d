import { describe, expect, it } from 'vitest';
import { naturalWidth, renderSection, type TableSection } from '../../src/report/table-blocks.ts';

const section: TableSection = {
  title: 'Figures',
  rows: [
    { kind: 'group', label: 'billing' },
    { kind: 'data', label: '  Mean wait' },
  ],
  units: ['alpha', 'bravo', 'charlie'].map((name) => ({
    lead: { header: [`design-${name}`], cells: ['', '1m30s ± 10s'] },
  })),
};

describe('renderSection', () => {
  it('draws the header, a rule as wide as the lines, the group row and right-aligned figures', () => {
    expect(renderSection(section, 100)).toEqual([
      'Figures      design-alpha  design-bravo  design-charlie',
      '───────────────────────────────────────────────────────',
      'billing',
      '  Mean wait   1m30s ± 10s   1m30s ± 10s     1m30s ± 10s',
    ]);
  });

  it('wraps headers after hyphens, bottom-aligned, before splitting the section', () => {
    expect(renderSection(section, 50).slice(0, 3)).toEqual([
      'Figures          design-      design-      design-',
      '                   alpha        bravo      charlie',
      '──────────────────────────────────────────────────',
    ]);
  });

  it('splits columns that do not fit into numbered blocks, each repeating the labels', () => {
    const lines = renderSection(section, 40);
    expect(lines.filter((line) => line.startsWith('Figures')).map((line) => line.slice(0, 13))).toEqual([
      'Figures (1/2)',
      'Figures (2/2)',
    ]);
    expect(lines).toContain('Figures (2/2)  design-charlie');
    expect(lines.filter((line) => line.startsWith('  Mean wait'))).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('naturalWidth', () => {
  it('adds the label column, the gaps and each column at its widest', () => {
    expect(naturalWidth(section, 11)).toBe(11 + 3 * 2 + 12 + 12 + 14);
  });
});
