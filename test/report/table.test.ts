import { describe, expect, it } from 'vitest';
import { DESIGN_METRICS, INTERVAL_METRICS, TEAM_METRICS } from '../../src/metrics/metric-catalogue.ts';
import type { DesignResult, RunResult } from '../../src/metrics/results.ts';
import { isSignificant } from '../../src/report/format-number.ts';
import { INTERVAL_REPORT_METRICS, metricInfo } from '../../src/report/metric-order.ts';
import { formatTable } from '../../src/report/table.ts';
import { displayWidth } from '../../src/report/text-width.ts';
import {
  DESIGNS_3,
  DESIGNS_4,
  DESIGNS_6,
  EIGHT_HOURS,
  LONG_NAME,
  THREE_DAYS,
  makeResult,
  withIntervals,
} from './fixture.ts';

const SHORT_3 = ['four-numbers', 'one-number', 'pooled'];

function lines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** Rows of the design-metrics block of a single-block table, split into cells. */
function designRows(text: string): Map<string, string[]> {
  const all = lines(text);
  const start = all.findIndex((line) => line.startsWith('Design metrics'));
  const rule = all.findIndex((line, i) => i > start && line.startsWith('─'));
  const rows = new Map<string, string[]>();
  for (const line of all.slice(rule + 1)) {
    if (line === '') break;
    const [label, ...cells] = line.split(/ {2,}/);
    rows.set(label ?? '', cells);
  }
  return rows;
}

describe('formatTable', () => {
  const cases: [string, readonly string[]][] = [
    ['3 designs', DESIGNS_3],
    ['3 short designs', SHORT_3],
    ['4 designs', DESIGNS_4],
    ['6 designs', DESIGNS_6],
  ];

  it.each(cases)('keeps every line within 100 columns (%s)', (_, designs) => {
    for (const byIntent of [false, true]) {
      for (const line of lines(formatTable(makeResult(designs), { byIntent }))) {
        expect([...line].length).toBeLessThanOrEqual(100);
        expect(displayWidth(line)).toBeLessThanOrEqual(100);
      }
    }
  });

  it('keeps within a narrower width too, and with very long names', () => {
    const designs = ['a'.repeat(150), `b-${'x'.repeat(120)}`, 'c'];
    for (const width of [60, 80, 100]) {
      for (const line of lines(formatTable(makeResult(designs), { width, byIntent: true }))) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
    }
    expect(formatTable(makeResult(designs))).toContain('…');
  });

  it('fits three short-named designs side by side in one block', () => {
    const text = formatTable(makeResult(SHORT_3));
    expect(text).toContain('Design metrics  ');
    expect(text).not.toContain('Design metrics (');
    const header = lines(text).filter((line) => line.includes('Δ one-number'));
    expect(header).toHaveLength(1);
    expect(header[0]).toContain('Δ pooled');
    expect(text).toContain('Δ pooled');
  });

  it('splits designs that do not fit into several blocks, each with the labels', () => {
    const text = formatTable(makeResult(DESIGNS_6));
    const titles = lines(text).filter((line) => line.startsWith('Design metrics'));
    expect(titles.length).toBeGreaterThan(1);
    titles.forEach((title, i) => expect(title).toContain(`(${i + 1}/${titles.length})`));
    const issuesRows = lines(text).filter((line) => line.startsWith('Issues '));
    expect(issuesRows).toHaveLength(titles.length);
  });

  it.each([
    ['3 designs', DESIGNS_3],
    ['4 designs', DESIGNS_4],
  ] as const)('names every design and labels every metric (%s)', (_, designs) => {
    const text = formatTable(makeResult(designs));
    for (const design of designs) expect(text).toContain(design);
    for (const info of DESIGN_METRICS) expect(text).toMatch(new RegExp(`^${info.label} `, 'm'));
    for (const name of ['Occupancy', 'Mean wait', 'Abandoned']) expect(text).toContain(`  ${name} `);
    expect(text).toContain('(baseline)');
    expect(text).toMatch(/^billing$/m);
    expect(text).toMatch(/^field$/m);
  });

  it('keeps each piece of a wrapped design name in the 6-design table', () => {
    const text = formatTable(makeResult(DESIGNS_6));
    for (const design of DESIGNS_6) {
      for (const piece of design.split(/[ -]/)) expect(text).toContain(piece);
    }
  });

  it('starts with the scenario, replications and seed', () => {
    const [title] = lines(formatTable(makeResult(DESIGNS_3)));
    expect(title).toBe('Utility company — four numbers or one · 30 replications · seed 2019');
  });

  it('marks a difference with * exactly when its interval excludes 0', () => {
    const result = makeResult(SHORT_3);
    const rows = designRows(formatTable(result));
    let marked = 0;
    for (const info of DESIGN_METRICS) {
      const cells = rows.get(info.label);
      expect(cells, info.label).toBeDefined();
      expect(cells).toHaveLength(SHORT_3.length + SHORT_3.length - 1);
      SHORT_3.slice(1).forEach((design, i) => {
        const cell = cells?.[SHORT_3.length + i] ?? '';
        const comparison = result.comparisons.find((c) => c.design === design && c.metric === info.name);
        const significant = isSignificant(comparison?.diff);
        expect(cell.endsWith(' *'), `${design} ${info.name}: ${cell}`).toBe(significant);
        if (significant) marked += 1;
      });
    }
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(DESIGN_METRICS.length * 2);
  });

  it('marks as many differences as are significant when split into blocks', () => {
    const result = makeResult(DESIGNS_6);
    const text = formatTable(result);
    const body = lines(text).slice(2).join('\n');
    const stars = body.split('*').length - 1;
    expect(stars).toBe(result.comparisons.filter((c) => isSignificant(c.diff)).length);
  });

  it('shows NaN and missing values as an en dash, and no interval when ci95 is null', () => {
    const result = makeResult(SHORT_3);
    const base = result.designs['four-numbers'] as DesignResult;
    const patched: RunResult = {
      ...result,
      designs: {
        ...result.designs,
        'four-numbers': {
          ...base,
          metrics: { ...base.metrics, fcr: { mean: Number.NaN, ci95: null }, issues: { mean: 4000, ci95: null } },
        },
      },
      comparisons: result.comparisons.filter((c) => !(c.design === 'pooled' && c.metric === 'asa')),
    };
    const rows = designRows(formatTable(patched));
    expect(rows.get('FCR')?.[0]).toBe('–');
    expect(rows.get('Issues')?.[0]).toBe('4,000');
    expect(rows.get('ASA')?.[4]).toBe('–');
  });

  it('adds the per-intent block only on request', () => {
    const result = makeResult(DESIGNS_3);
    expect(formatTable(result)).not.toContain('By intent');
    const text = formatTable(result, { byIntent: true });
    expect(text).toContain('By intent');
    expect(text).toMatch(/^outage$/m);
  });

  it('shows the team block with every team metric asked for', () => {
    const text = formatTable(makeResult(SHORT_3));
    const teams = text.slice(text.indexOf('Teams'));
    const labels = TEAM_METRICS.filter((info) => ['occupancy', 'waitMean', 'abandonRate'].includes(info.name));
    for (const info of labels) expect(teams.split(`  ${info.label} `).length - 1).toBe(2);
  });

  it('handles a single design (no differences) and no designs', () => {
    const one = formatTable(makeResult(['only']));
    expect(one).not.toContain('Δ');
    expect(one).not.toContain('(baseline)');
    const none = formatTable({ ...makeResult([]), designs: {}, comparisons: [] });
    expect(none).toContain('No designs.');
  });

  it('is deterministic and uses no colours or tabs', () => {
    const a = formatTable(makeResult(DESIGNS_4), { byIntent: true });
    const b = formatTable(makeResult(DESIGNS_4), { byIntent: true });
    expect(a).toBe(b);
    expect(a).not.toMatch(/[\u001b\t]/);
    for (const line of lines(a)) expect(line).toBe(line.trimEnd());
  });

  it('right-aligns numbers in a column', () => {
    const text = formatTable(makeResult(SHORT_3));
    const issues = lines(text).find((line) => line.startsWith('Issues')) ?? '';
    const calls = lines(text).find((line) => line.startsWith('Calls')) ?? '';
    const end = (line: string, cell: string): number => line.indexOf(cell) + cell.length;
    expect(end(issues, '4,213 ± 169')).toBe(end(calls, '4,250 ± 170'));
  });

  it('cuts a long scenario name, not the replications and seed', () => {
    const result = { ...makeResult(SHORT_3), scenario: 'x'.repeat(300) };
    const [title] = lines(formatTable(result));
    expect(title?.endsWith(' · 30 replications · seed 2019')).toBe(true);
    expect(title).toContain('…');
  });

  it('still names the long design in full', () => {
    expect(formatTable(makeResult(DESIGNS_4))).toContain(LONG_NAME);
  });
});

describe('formatTable with per-interval figures', () => {
  const TWO = ['four-numbers', 'one-number'];

  /** Lines of the block that starts with `title` (up to the next blank line). */
  function block(text: string, title: string): string[] {
    const all = lines(text);
    const start = all.findIndex((line) => line.startsWith(title));
    expect(start, title).toBeGreaterThanOrEqual(0);
    const end = all.indexOf('', start);
    return all.slice(start, end === -1 ? undefined : end);
  }

  it('adds one block per design after the teams, a row per interval then after, with half-widths', () => {
    const text = formatTable(withIntervals(makeResult(TWO), ...EIGHT_HOURS));
    expect(text.indexOf('Per interval — four-numbers')).toBeGreaterThan(text.indexOf('Teams'));
    expect(text.indexOf('Per interval — one-number')).toBeGreaterThan(text.indexOf('Per interval — four-numbers'));
    expect(text).toContain('Per interval: calls and queue entries by when they joined a queue, after = past the horizon.');
    // With half-widths the title no longer fits beside the columns: a line of its own.
    const [title, header = '', rule, ...data] = block(text, 'Per interval — four-numbers');
    expect(title).toBe('Per interval — four-numbers');
    expect(header).toMatch(/^Interval /);
    for (const name of INTERVAL_REPORT_METRICS) expect(header).toContain(metricInfo(name, INTERVAL_METRICS).label);
    expect(header).not.toContain('Queue entries');
    expect(rule).toMatch(/^─+$/);
    expect(data).toHaveLength(17);
    expect(data[0]).toMatch(/^00:00–00:30 /);
    expect(data[15]).toMatch(/^07:30–08:00 /);
    expect(data[16]).toMatch(/^after /);
    for (const line of data) expect(line.split(/ {2,}/)).toHaveLength(1 + INTERVAL_REPORT_METRICS.length);
    expect(data[0]?.split(/ {2,}/).slice(1)).toEqual(['55.5 ± 2.8', '83.0% ± 4.1%', '3.4% ± 0.2%', '26s ± 1s', '67.0% ± 3.4%', '10.00 ± 0.50']);
  });

  it('puts the block before the per-intent one', () => {
    const text = formatTable(withIntervals(makeResult(TWO), ...EIGHT_HOURS), { byIntent: true });
    expect(text.indexOf('By intent')).toBeGreaterThan(text.indexOf('Per interval — one-number'));
  });

  it('writes the day when the run goes past one day', () => {
    const text = formatTable(withIntervals(makeResult(['a']), ...THREE_DAYS));
    const data = block(text, 'Per interval — a').slice(2);
    expect(data).toHaveLength(73);
    expect(data[0]).toMatch(/^0d 00:00–01:00 /);
    expect(data[33]).toMatch(/^1d 09:00–10:00 /);
    expect(data[71]).toMatch(/^2d 23:00–24:00 /);
    expect(data[72]).toMatch(/^after /);
  });

  it('gives a long design name a line of its own, for every interval block alike', () => {
    const text = formatTable(withIntervals(makeResult(DESIGNS_3), ...EIGHT_HOURS));
    const all = lines(text);
    for (const design of DESIGNS_3) {
      const at = all.indexOf(`Per interval — ${design}`);
      expect(at, design).toBeGreaterThan(0);
      expect(all[at + 1]).toMatch(/^Interval {2,}Calls/);
    }
  });

  const wide: [string, readonly string[], readonly [number, number]][] = [
    ['3 designs, 8 hours', DESIGNS_3, EIGHT_HOURS],
    ['6 designs, 8 hours', DESIGNS_6, EIGHT_HOURS],
    ['2 designs, 3 days', TWO, THREE_DAYS],
  ];
  it.each(wide)('keeps every line within the width (%s)', (_, designs, grid) => {
    const result = withIntervals(makeResult(designs), ...grid);
    for (const width of [60, 80, 100]) {
      for (const line of lines(formatTable(result, { width, byIntent: true }))) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line).toBe(line.trimEnd());
      }
    }
    const text = formatTable(result);
    expect(text).not.toContain('…');
    // At the default width every interval metric fits side by side: no block is split.
    const split = lines(text).filter((line) => /^(Per interval|Interval) .*\(\d+\/\d+\)/.test(line));
    expect(split).toEqual([]);
    expect(formatTable(result, { width: 60 })).toMatch(/^(Per interval — .*|Interval) \(1\/2\)/m);
  });

  it('leaves the rest of the table as it is', () => {
    const plain = formatTable(makeResult(DESIGNS_4), { byIntent: true });
    const text = formatTable(withIntervals(makeResult(DESIGNS_4), ...EIGHT_HOURS), { byIntent: true });
    const kept: string[] = [];
    let skipping = false;
    for (const line of lines(text)) {
      if (line.startsWith('Per interval')) skipping = true;
      else if (line === '') skipping = false;
      if (!skipping) kept.push(line);
    }
    const dropped = kept.filter((line, i) => !(line === '' && kept[i + 1] === ''));
    expect(`${dropped.join('\n')}\n`).toBe(plain);
    expect(plain).not.toContain('Per interval');
  });
});

describe('formatTable decimals', () => {
  it('writes every figure of a row, values and Δ, with the decimals of its smallest value', () => {
    const result = makeResult(SHORT_3);
    const set = (design: string, metric: string, mean: number, hw: number): void => {
      (result.designs[design]!.metrics as Record<string, { mean: number; ci95: [number, number] | null }>)[metric] = { mean, ci95: [mean - hw, mean + hw] };
    };
    const diff = (design: string, metric: string, mean: number, hw: number): void => {
      const found = result.comparisons.find((c) => c.design === design && c.metric === metric)!;
      (found as { diff: unknown }).diff = { mean, ci95: [mean - hw, mean + hw] };
    };
    set('four-numbers', 'calls', 5847, 157);
    set('one-number', 'calls', 5610, 158);
    set('pooled', 'calls', 5920.2, 180);
    diff('one-number', 'calls', -237.6, 16);
    diff('pooled', 'calls', 73.04, 39.5);
    set('four-numbers', 'transfersPerCall', 0.28, 0.005);
    set('one-number', 'transfersPerCall', 0.085, 0.003);
    set('pooled', 'transfersPerCall', 1.011, 0.004);
    diff('one-number', 'transfersPerCall', -0.1944, 0.007);
    diff('pooled', 'transfersPerCall', 0.7311, 0.002);
    const rows = designRows(formatTable(result));
    expect(rows.get('Calls')).toEqual(['5,847 ± 157', '5,610 ± 158', '5,920 ± 180', '-238 *', '+73 *']);
    expect(rows.get('Transfers/call')).toEqual(['0.280 ± 0.005', '0.085 ± 0.003', '1.011 ± 0.004', '-0.194 *', '+0.731 *']);
  });
});
