import { describe, expect, it } from 'vitest';
import { INTERVAL_METRICS } from '../../src/metrics/metric-catalogue.ts';
import type { Estimate, RunResult } from '../../src/metrics/results.ts';
import { CSV_COLUMNS, formatCsv } from '../../src/report/csv.ts';
import { resultClock } from '../../src/report/interval-label.ts';
import { lookup } from '../../src/report/metric-order.ts';
import { DESIGNS_4, EIGHT_HOURS, LONG_NAME, THREE_DAYS, makeResult, provenanceOf, withIntervals } from './fixture.ts';

/** RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const num = (field: string | undefined): number | null => (field === undefined || field === '' ? null : Number(field));

describe('formatCsv', () => {
  it('writes the header and one row per estimate, then one per comparison', () => {
    const result = makeResult(DESIGNS_4);
    const rows = parseCsv(formatCsv(result));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    let estimates = 0;
    for (const design of Object.values(result.designs)) {
      estimates += Object.keys(design.metrics).length;
      for (const table of [...Object.values(design.byIntent), ...Object.values(design.byTeam)]) {
        estimates += Object.keys(table).length;
      }
    }
    expect(rows).toHaveLength(1 + estimates + result.comparisons.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('parses back to the same numbers', () => {
    const result = makeResult(DESIGNS_4);
    const rows = parseCsv(formatCsv(result)).slice(1);
    const check = (row: string[] | undefined, estimate: Estimate | undefined): void => {
      expect(estimate).toBeDefined();
      expect(num(row?.[4])).toBe(estimate?.mean);
      expect(num(row?.[5])).toBe(estimate?.ci95?.[0] ?? null);
      expect(num(row?.[6])).toBe(estimate?.ci95?.[1] ?? null);
    };
    for (const row of rows) {
      const [design = '', scope, name = '', metric = ''] = row;
      if (scope === 'diff') {
        const comparison = result.comparisons.find((c) => c.design === design && c.metric === metric);
        expect(comparison?.baseline).toBe(name);
        check(row, comparison?.diff);
        continue;
      }
      const data = result.designs[design];
      expect(data, design).toBeDefined();
      if (scope === 'design') {
        expect(name).toBe('');
        check(row, lookup(data?.metrics, metric));
      } else if (scope === 'intent') check(row, lookup(data?.byIntent[name], metric));
      else if (scope === 'team') check(row, lookup(data?.byTeam[name], metric));
      else throw new Error(`unexpected scope ${scope}`);
    }
    expect(rows.some((row) => row[0] === LONG_NAME)).toBe(true);
  });

  it('lists rows by design, then comparisons with scope diff', () => {
    const rows = parseCsv(formatCsv(makeResult(DESIGNS_4))).slice(1);
    const scopes = rows.map((row) => row[1]);
    const firstDiff = scopes.indexOf('diff');
    expect(scopes.slice(firstDiff).every((scope) => scope === 'diff')).toBe(true);
    expect(rows[0]?.slice(0, 4)).toEqual(['four-numbers', 'design', '', 'issues']);
    expect(rows[firstDiff]?.slice(0, 4)).toEqual(['one-number', 'diff', 'four-numbers', 'issues']);
  });

  it('quotes names with commas, quotes and line breaks (RFC 4180)', () => {
    expect(formatCsv(makeResult(DESIGNS_4))).toContain('"single-point-of-contact, ""one advisor"" pilot",design,,issues,');
  });

  it('puts a single quote before names a spreadsheet would run as formulas, and leaves negative numbers as numbers', () => {
    const result = makeResult(['=1+1', '-x', 'plain']);
    const design = result.designs['=1+1']!;
    const renamed: RunResult = {
      ...result,
      designs: {
        ...result.designs,
        '=1+1': { ...design, byIntent: { '@cmd': design.byIntent['billing']! }, byTeam: { '+team': design.byTeam['billing']! } },
      },
    };
    const text = formatCsv(renamed);
    const rows = parseCsv(text).slice(1);
    const names = new Set(rows.flatMap((row) => [row[0], row[2]]));
    expect([...names].sort()).toEqual(['', "'+team", "'-x", "'=1+1", "'@cmd", 'billing', 'field', 'outage', 'plain']);
    expect(text).toContain(`"'=1+1",intent,"'@cmd",`);
    // No field of any line starts a formula.
    for (const line of text.split('\n')) expect(line).not.toMatch(/(^|,)[=+@\t\r]|^-/);
    const negative = rows.filter((row) => row[1] === 'diff' && row[4]!.startsWith('-'));
    expect(negative.length).toBeGreaterThan(0);
    for (const row of negative) expect(Number(row[4])).toBeLessThan(0);
    expect(text).toMatch(/^"'-x",diff,"'=1\+1",issues,-\d/m);
  });

  it('prints NaN and missing intervals as empty fields, numbers at full precision', () => {
    const result: RunResult = {
      scenario: 's',
      seed: 1,
      replications: 1,
      provenance: provenanceOf(1, 1),
      designs: {
        d: {
          metrics: {
            fcr: { mean: Number.NaN, ci95: null },
            asa: { mean: 1 / 3, ci95: [0.1, Number.NaN] },
          },
          byIntent: {},
          byTeam: {},
        },
      },
      comparisons: [],
    };
    expect(formatCsv(result)).toBe(
      'design,scope,name,metric,mean,ci_low,ci_high\nd,design,,asa,0.3333333333333333,0.1,\nd,design,,fcr,,,\n',
    );
  });
});

describe('formatCsv with per-interval figures', () => {
  const result = withIntervals(makeResult(DESIGNS_4), ...EIGHT_HOURS);
  const rows = parseCsv(formatCsv(result)).slice(1);

  it('adds one row per interval and metric, scope interval, named by the start as HH:MM', () => {
    const intervalRows = rows.filter((row) => row[1] === 'interval');
    expect(intervalRows).toHaveLength(DESIGNS_4.length * 17 * INTERVAL_METRICS.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const first = intervalRows.filter((row) => row[0] === 'four-numbers');
    expect(first.slice(0, INTERVAL_METRICS.length).map((row) => row.slice(1, 4))).toEqual(
      INTERVAL_METRICS.map((info) => ['interval', '00:00', info.name]),
    );
    const names = [...new Set(first.map((row) => row[2]))];
    expect(names).toHaveLength(17);
    expect(names[1]).toBe('00:30');
    expect(names.at(-2)).toBe('07:30');
    expect(names.at(-1)).toBe('after');
  });

  it('parses back to the same numbers', () => {
    const clock = resultClock(result);
    for (const row of rows.filter((r) => r[1] === 'interval')) {
      const [design = '', , name = '', metric = ''] = row;
      const interval = result.designs[design]?.byInterval?.find((i) => clock.name(i) === name);
      const estimate = lookup(interval?.metrics, metric);
      expect(estimate, `${design} ${name} ${metric}`).toBeDefined();
      expect(num(row[4])).toBe(estimate?.mean);
      expect(num(row[5])).toBe(estimate?.ci95?.[0] ?? null);
      expect(num(row[6])).toBe(estimate?.ci95?.[1] ?? null);
    }
  });

  it("puts a design's intervals after its teams, in time order, before the comparisons", () => {
    const scopes = rows.filter((row) => row[0] === 'one-number' && row[1] !== 'diff').map((row) => row[1]);
    expect(scopes.indexOf('interval')).toBe(scopes.lastIndexOf('team') + 1);
    expect(scopes.slice(scopes.indexOf('interval')).every((scope) => scope === 'interval')).toBe(true);
    const firstDiff = rows.findIndex((row) => row[1] === 'diff');
    expect(rows.slice(firstDiff).every((row) => row[1] === 'diff')).toBe(true);
  });

  it('names intervals with the day, sortable as text, when the run goes past a day', () => {
    const threeDays = parseCsv(formatCsv(withIntervals(makeResult(['a']), ...THREE_DAYS))).slice(1);
    const names = [...new Set(threeDays.filter((row) => row[1] === 'interval').map((row) => row[2] ?? ''))];
    expect(names).toHaveLength(73);
    expect(names[0]).toBe('0d 00:00');
    expect(names).toContain('2d 09:00');
    expect(names.at(-2)).toBe('2d 23:00');
    expect(names.at(-1)).toBe('after');
    expect([...names].sort()).toEqual(names);
  });

  it('leaves every other row as it is', () => {
    const plain = formatCsv(makeResult(DESIGNS_4));
    const intervalRow = /^(?:[^,"]*|"(?:[^"]|"")*"),interval,/;
    const lines = formatCsv(result)
      .split('\n')
      .filter((line) => !intervalRow.test(line));
    expect(lines.join('\n')).toBe(plain);
    expect(plain).not.toContain(',interval,');
  });
});
