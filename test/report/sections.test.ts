import { describe, expect, it } from 'vitest';
import type { Estimate, RunResult } from '../../src/metrics/results.ts';
import { renderRunReport } from '../../src/report/html/index.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { labelHeaders, runSections, sectionGroups, sectionOf, type Section } from '../../src/report/sections.ts';
import { formatTable } from '../../src/report/table.ts';
import { provenanceOf } from './fixture.ts';

const e = (mean: number, hw: number | null = null): Estimate => ({
  mean,
  ci95: hw === null ? null : [mean - hw, mean + hw],
});

/**
 * Two designs: the baseline has a metric the catalogue does not know, a team with no metric
 * the reports show and one interval; the other lacks a team metric and has no interval.
 */
const RESULT: RunResult = {
  scenario: 'Small',
  seed: 7,
  replications: 10,
  provenance: provenanceOf(7, 10),
  designs: {
    'four-numbers': {
      metrics: { serviceLevel: e(0.8, 0.05), waitMean: e(90, 10) },
      byIntent: { billing: { calls: e(120, 4) } },
      byTeam: {
        billing: { occupancy: e(0.85, 0.02), queueEntries: e(300, 9), waitMean: e(60, 6) },
        idle: { queueEntries: e(1) },
      },
      byInterval: [
        { start: 9 * 3600, end: 10 * 3600, metrics: { calls: e(40.2, 3), queueEntries: e(44, 3), waitMean: e(75, 5) } },
        { start: 10 * 3600, end: null, metrics: { calls: e(2, 1), queueEntries: e(2, 1), waitMean: e(5, 1) } },
      ],
    },
    'one-number': {
      metrics: { serviceLevel: e(0.9, 0.04), waitMean: e(45, 8) },
      byIntent: { billing: { calls: e(118, 5) } },
      byTeam: { billing: { occupancy: e(0.8, 0.03), waitMean: e(30, 4), abandonRate: e(0.02, 0.01) } },
    },
  },
  comparisons: [
    { baseline: 'four-numbers', design: 'one-number', metric: 'serviceLevel', diff: e(0.1, 0.02) },
    { baseline: 'four-numbers', design: 'one-number', metric: 'waitMean', diff: e(-45, 50) },
  ],
};

/** Label and cell texts of every row, a group's name before its rows. */
function rowTexts(section: Section): string[][] {
  return sectionGroups(section).flatMap(({ name, rows }) => [
    ...(name === null ? [] : [[name]]),
    ...rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]),
  ]);
}

describe('runSections', () => {
  it('lists design metrics, teams, each design with intervals, then intents when asked', () => {
    const titles = (byIntent: boolean): string[] =>
      runSections(RESULT, { byIntent }).sections.map((section) => section.title);
    expect(titles(true)).toEqual(['Design metrics', 'Teams', 'Per interval — four-numbers', 'By intent']);
    expect(titles(false)).toEqual(['Design metrics', 'Teams', 'Per interval — four-numbers']);
  });

  it('states the run: designs, baseline, intervals and how to read the figures', () => {
    const model = runSections(RESULT);
    expect(model.designs).toEqual(['four-numbers', 'one-number']);
    expect(model.baseline).toBe('four-numbers');
    expect(model.intervals).toBe(true);
    expect(model.reading).toBe(
      '10 replications, seed 7. Figures are means over replications ± the half-width of their 95% confidence interval.',
    );
  });

  it('puts designs side by side, then their differences from the baseline, metrics in catalogue order', () => {
    const designs = sectionOf(runSections(RESULT).sections, 'designs')!;
    expect(labelHeaders(designs)).toEqual(['Metric']);
    expect(designs.columns).toEqual([
      { kind: 'design', design: 'four-numbers', index: 0, baseline: true },
      { kind: 'design', design: 'one-number', index: 1, baseline: false },
      { kind: 'difference', design: 'one-number', baseline: 'four-numbers' },
    ]);
    expect(rowTexts(designs)).toEqual([
      ['Mean wait', '1m30s ± 10s', '45s ± 8s', '-45s ± 50s'],
      ['Service level', '80.0% ± 5.0%', '90.0% ± 4.0%', '+10.0 pp ± 2.0 pp *'],
    ]);
    const significant = designs.rows.map((row) => {
      const difference = row.cells.at(-1);
      return difference?.kind === 'difference' && difference.significant;
    });
    expect(significant).toEqual([false, true]);
    expect(designs.rows.map((row) => row.metric?.name)).toEqual(['waitMean', 'serviceLevel']);
  });

  it('shows only the team metrics reports carry, and leaves out a team with none of them', () => {
    const teams = sectionOf(runSections(RESULT).sections, 'teams')!;
    expect(labelHeaders(teams)).toEqual(['Team', 'Metric']);
    expect(rowTexts(teams)).toEqual([
      ['billing'],
      ['Occupancy', '85.0% ± 2.0%', '80.0% ± 3.0%'],
      ['Mean wait', '1m00s ± 6s', '30s ± 4s'],
      ['Abandoned', '–', '2.0% ± 1.0%'],
    ]);
  });

  it('gives each interval, then after, a row of means ± half-widths, one column per interval metric reports show', () => {
    const intervals = sectionOf(runSections(RESULT).sections, 'intervals')!;
    expect(labelHeaders(intervals)).toEqual(['Interval']);
    expect(intervals.columns.map((column) => (column.kind === 'metric' ? column.metric.label : column.kind))).toEqual([
      'Calls',
      'Mean wait',
    ]);
    expect(rowTexts(intervals)).toEqual([
      ['09:00–10:00', '40.2 ± 3.0', '1m15s ± 5s'],
      ['after', '2.0 ± 1.0', '5s ± 1s'],
    ]);
  });

  it('lists intents with every intent metric they have', () => {
    const intents = sectionOf(runSections(RESULT, { byIntent: true }).sections, 'intents')!;
    expect(labelHeaders(intents)).toEqual(['Intent', 'Metric']);
    expect(rowTexts(intents)).toEqual([['billing'], ['Calls', '120 ± 4', '118 ± 5']]);
  });

  it('marks no baseline and has no differences with a single design', () => {
    const single: RunResult = { ...RESULT, designs: { 'one-number': RESULT.designs['one-number']! }, comparisons: [] };
    const model = runSections(single);
    expect(model.baseline).toBeNull();
    expect(model.intervals).toBe(false);
    expect(model.sections.map((section) => section.kind)).toEqual(['designs', 'teams']);
    expect(model.sections[0]?.columns).toEqual([{ kind: 'design', design: 'one-number', index: 0, baseline: false }]);
  });

  it('has no section without designs', () => {
    expect(runSections({ ...RESULT, designs: {}, comparisons: [] }).sections).toEqual([]);
  });
});

describe('the layouts of the sections model', () => {
  const model = runSections(RESULT, { byIntent: true });

  it('has the table show every section, with its rows and figures', () => {
    const text = formatTable(RESULT, { byIntent: true });
    const blocks = text.split('\n\n');
    for (const section of model.sections) {
      const block = blocks.find((candidate) => candidate.startsWith(section.title));
      expect(block, section.title).toBeDefined();
      const lines = block!.split('\n');
      for (const { name } of sectionGroups(section)) if (name !== null) expect(lines).toContain(name);
      for (const row of sectionGroups(section).flatMap((group) => group.rows)) {
        const line = lines.find((candidate) => candidate.trim().startsWith(row.label));
        expect(line, `${section.title}: ${row.label}`).toBeDefined();
        for (const cell of row.cells) {
          // The table leaves out the half-width of differences to save room.
          expect(line).toContain(cell.kind === 'value' ? cell.text : cell.text.replace(/ ± .*?( \*)?$/, '$1'));
        }
      }
    }
  });

  it('has the Markdown show every section as a heading and a table with its rows', () => {
    const text = formatMarkdown(RESULT, { byIntent: true });
    for (const section of model.sections) {
      expect(text).toContain(`### ${section.title}\n`);
      for (const row of sectionGroups(section).flatMap((group) => group.rows)) {
        const cells = row.cells.map((cell) => cell.text.replace('*', '\\*'));
        expect(text).toContain(`| ${row.label} | ${cells.join(' | ')} |`);
      }
    }
  });

  it('has the HTML report show the design and team sections, row by row', async () => {
    const html = await renderRunReport(RESULT);
    for (const kind of ['designs', 'teams'] as const) {
      const section = sectionOf(model.sections, kind)!;
      for (const row of sectionGroups(section).flatMap((group) => group.rows)) {
        const cells = row.cells.map((cell) => `>${cell.text}</td>`).join('');
        // A share's label says what it is a share of.
        const of = row.metric?.unit === 'share' ? ` <span class="of">(% of ${row.metric.of})</span>` : '';
        expect(html).toContain(`>${row.label}${of}</th>`);
        expect(html.replace(/<td class="[^"]*"/g, '')).toContain(cells);
      }
    }
  });
});
