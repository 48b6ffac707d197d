// Completion follows the JSON Schema that `spoc schema` prints.
import { describe, expect, it } from 'vitest';
import { keyOptions, valueOptions } from '../../src/playground/page/schema-completion.ts';
import { scenarioJsonSchema } from '../../src/scenario/index.ts';

const schema = scenarioJsonSchema() as { properties: Record<string, unknown> };
const labels = (options: readonly { label: string }[]): string[] => options.map((o) => o.label);

describe('completion from the JSON Schema', () => {
  it('offers the top-level keys of the format, in its order', () => {
    expect(labels(keyOptions(schema, []))).toEqual(Object.keys(schema.properties));
  });

  it('offers a field\'s keys with the first sentence of its description', () => {
    const run = keyOptions(schema, ['run']);
    expect(labels(run)).toEqual(expect.arrayContaining(['horizon', 'warmup', 'replications', 'seed', 'serviceLevel']));
    expect(run.find((o) => o.label === 'horizon')?.detail).toMatch(/^New issues arrive in \[0, horizon\), e\.g\. 8h/);
  });

  it('follows free names (teams, designs, intents) and list items', () => {
    expect(labels(keyOptions(schema, ['teams', 'anything']))).toEqual(expect.arrayContaining(['agents', 'skills', 'queueCapacity']));
    expect(labels(keyOptions(schema, ['designs', 'one', 'numbers', '[]']))).toEqual(expect.arrayContaining(['dial', 'to', 'for']));
  });

  it('offers the values a field names', () => {
    expect(labels(valueOptions(schema, ['demand', 'intents', 'billing', 'handle', 'dist']))).toEqual(
      expect.arrayContaining(['exponential', 'lognormal', 'gamma', 'erlang', 'uniform', 'triangular', 'fixed', 'empirical']),
    );
    expect(labels(valueOptions(schema, ['demand', 'patience']))).toContain('none');
    expect(labels(valueOptions(schema, ['run', 'drain']))).toEqual(['true', 'false']);
    expect(valueOptions(schema, ['no', 'such', 'field'])).toEqual([]);
  });
});
