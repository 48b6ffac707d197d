// A run with thousands of intents is reported in every layout, in seconds: no list the user
// sizes is spread into one call's arguments (the call stack would overflow).
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import { formatCsv } from '../../src/report/csv.ts';
import { renderRunReport } from '../../src/report/html/index.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatTable } from '../../src/report/table.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const INTENTS = 5000;

/** INTENTS intents of equal share, one team with every skill, one number, ten minutes. */
function manyIntents(): string {
  const names = Array.from({ length: INTENTS }, (_, i) => `intent${i}`);
  return `
name: many intents
run: { horizon: 10m, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: { rate: 600/h }
  patience: none
  intents:
${names.map((name) => `    ${name}: { share: ${1 / INTENTS}, handle: 60s, resolve: 1 }`).join('\n')}
teams:
  everyone: { agents: 20, skills: [${names.join(', ')}] }
designs:
  one:
    numbers: [ { dial: "1", to: everyone } ]
`;
}

describe(`a run with ${INTENTS} intents`, () => {
  const scenario = parseScenario(manyIntents(), 'many-intents.yaml');
  const result = runExperiment(scenario);

  it('has a figure per intent', () => {
    expect(Object.keys(result.designs['one']!.byIntent)).toHaveLength(INTENTS);
  });

  it('is laid out as a table and as markdown with --by-intent, and as CSV', () => {
    // intent4999 has no caller in ten minutes: its rows are 0 everywhere, shown on request.
    const table = formatTable(result, { byIntent: true, scenario, allMetrics: true });
    expect(table).toContain('intent4999');
    expect(formatTable(result, { byIntent: true, scenario })).not.toContain('intent4999');
    expect(formatMarkdown(result, { byIntent: true, scenario, allMetrics: true })).toContain('intent4999');
    expect(formatCsv(result)).toContain('one,intent,intent4999,issues,');
  });

  it('is laid out as an HTML report', async () => {
    expect(await renderRunReport(result, { scenario })).toMatch(/^<!DOCTYPE html>/i);
  });
});
