// The terminal table at the widths terminals have: no line longer than the width, designs
// in blocks when they do not fit, and every figure of the design metrics shown exactly once
// per design (its value and its Δ), whatever the split.
import { describe, expect, it } from 'vitest';
import { runSections, type Row } from '../../src/report/sections.ts';
import { formatTable } from '../../src/report/table.ts';
import { displayWidth } from '../../src/report/text-width.ts';
import { DESIGNS_3, DESIGNS_6, makeResult } from './fixture.ts';

const DESIGNS_7 = [...DESIGNS_6, 'overflow-to-partner'];
const WIDTHS = [60, 80, 100, 160];

/** The texts a row's cells should show in the table: values whole, a Δ as its mean and mark. */
function expectedCells(row: Row): string[] {
  return row.cells.map((cell) => (cell.kind === 'value' ? cell.text : cell.meanText + (cell.significant ? ' *' : '')));
}

/** The cells printed on the design-metric lines labelled `label`, over every block. */
function printedCells(lines: readonly string[], label: string): string[] {
  return lines
    .filter((line) => line.startsWith(label) && /^ {2,}\S/.test(line.slice(label.length)))
    .flatMap((line) => line.slice(label.length).trim().split(/ {2,}/));
}

describe.each([
  ['3 designs', DESIGNS_3],
  ['7 designs', DESIGNS_7],
])('the table of %s', (_, designs) => {
  const result = makeResult(designs);
  const rows = runSections(result).sections.find((section) => section.kind === 'designs')!.rows;

  it.each(WIDTHS)('keeps every line within %i columns', (width) => {
    for (const byIntent of [false, true]) {
      for (const line of formatTable(result, { width, byIntent }).trimEnd().split('\n')) {
        expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      }
    }
  });

  it.each(WIDTHS)('shows every value and Δ once per design at %i columns', (width) => {
    const lines = formatTable(result, { width }).split('\n');
    const designLines = lines.slice(0, lines.findIndex((line) => line.startsWith('Teams')));
    for (const row of rows) {
      expect(printedCells(designLines, row.label).sort(), row.label).toEqual(expectedCells(row).sort());
    }
  });

  it.each(WIDTHS)('splits into blocks only when the designs do not fit %i columns', (width) => {
    const text = formatTable(result, { width });
    const titles = text.split('\n').filter((line) => line.startsWith('Design metrics'));
    const oneLine = (formatTable(result, { width: 1000 }).split('\n').find((line) => line.startsWith('─')) ?? '').length;
    if (oneLine <= width) expect(titles).toEqual([expect.stringMatching(/^Design metrics(?! \()/)]);
    else {
      expect(titles.length).toBeGreaterThan(1);
      titles.forEach((title, i) => expect(title).toMatch(new RegExp(`^Design metrics \\(${i + 1}/${titles.length}\\)`)));
    }
  });
});

it('lays seven designs out in more blocks on a narrower terminal', () => {
  const result = makeResult(DESIGNS_7);
  const blocks = WIDTHS.map((width) => formatTable(result, { width }).split('\n').filter((line) => line.startsWith('Design metrics')).length);
  expect(blocks[0]).toBeGreaterThan(blocks[3]!);
  expect([...blocks].sort((a, b) => b - a)).toEqual(blocks);
});

it('wraps the notes above the table at a narrow width rather than cutting them', () => {
  const text = formatTable(makeResult(DESIGNS_3), { width: 60 });
  expect(text).toContain('* = 95% CI excludes 0.');
  expect(text.split('\n')[1]).toBe('Mean ± 95% CI half-width. Δ: paired difference vs the');
});
