import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/report/csv.ts';
import { OUTPUT_FORMATS, formatResult, isOutputFormat } from '../../src/report/index.ts';
import { formatJson } from '../../src/report/json.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatTable } from '../../src/report/table.ts';
import { scenarioAssumptions, formatSettingDuration } from '../../src/report/assumptions.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { DESIGNS_3, makeResult } from './fixture.ts';

describe('formatResult', () => {
  const result = makeResult(DESIGNS_3);

  it('dispatches to each format', () => {
    expect(formatResult(result, 'table', { byIntent: true })).toBe(formatTable(result, { byIntent: true }));
    expect(formatResult(result, 'markdown')).toBe(formatMarkdown(result));
    expect(formatResult(result, 'csv')).toBe(formatCsv(result));
    expect(formatResult(result, 'json')).toBe(formatJson(result));
    for (const format of OUTPUT_FORMATS) expect(formatResult(result, format).endsWith('\n')).toBe(true);
  });

  it('recognises format names', () => {
    expect(isOutputFormat('csv')).toBe(true);
    expect(isOutputFormat('xml')).toBe(false);
  });

  it('derives notes from the scenario when one is given', () => {
    const scenario = {
      name: 'x',
      run: { horizon: 8 * 3600, warmup: 1800, drain: true, replications: 30, seed: 2019, serviceLevel: 20 },
      demand: { intents: [] },
      designs: [],
    } as unknown as Scenario;
    expect(formatSettingDuration(5400)).toBe('1h30m');
    expect(formatSettingDuration(20)).toBe('20s');
    expect(formatSettingDuration(0)).toBe('0s');
    expect(formatSettingDuration(2 * 86_400)).toBe('2d');
    const assumptions = scenarioAssumptions(scenario);
    expect(assumptions[0]).toContain('[30m, 8h)');
    const markdown = formatResult(result, 'markdown', { scenario });
    expect(markdown).toContain('- Service level: share of queue entries answered within 20s.');
    expect(formatResult(result, 'markdown', { scenario, assumptions: [] })).not.toMatch(/^- /m);
    const table = formatResult(result, 'table', { scenario });
    expect(table).toContain('service level = answered within 20s');
  });
});
