// The JSON Schema for editors: complete descriptions, the distribution kinds, and the copy
// kept next to the scenarios (which YAML files point at) up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_KINDS, scenarioJsonSchema } from '../../src/scenario/index.ts';

const COPY = 'scenarios/scenario.schema.json';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `properties` entry anywhere in the schema, with its path. */
function properties(node: unknown, path: string, out: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(node)) node.forEach((item, i) => properties(item, `${path}[${i}]`, out));
  if (!isObject(node)) return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      for (const [name, property] of Object.entries(value)) {
        if (isObject(property)) out.push([`${path}.${name}`, property]);
      }
    }
    properties(value, `${path}.${key}`, out);
  }
  return out;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();

  it('is a draft-07 schema of an object with the top-level fields', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties as Json)).toEqual(['name', 'description', 'run', 'calendar', 'demand', 'teams', 'misroute', 'transfer', 'designs', 'sweep', 'staffing']);
    expect(schema.required).toEqual(['name', 'run', 'demand', 'designs']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes every field', () => {
    const all = properties(schema, '');
    expect(all.length).toBeGreaterThan(60);
    const undescribed = all.filter(([, p]) => typeof p.description !== 'string' || p.description === '').map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  it('lists the distribution kinds', () => {
    const text = JSON.stringify(schema);
    for (const kind of DISTRIBUTION_KINDS) expect(text).toContain(`"const":"${kind}"`);
  });

  it('documents every part of the format', () => {
    const text = JSON.stringify(schema);
    for (const field of ['retry', 'callback', 'profile', 'every', 'counts', 'queueCapacity', 'costPerHour', 'overflow', 'continuity', 'handleCap', 'maxHops', 'file', 'sweep', 'precision', 'maxReplications']) {
      expect(text).toContain(`"${field}":`);
    }
    expect(text).toContain('"enum":["transfer","redial"]');
    expect(text).toContain('"enum":["cold","warm"]');
  });

  it('says that a rate and a profile, or values and a file, go one without the other', () => {
    const text = JSON.stringify(schema);
    expect(text).toContain('"oneOf":[{"required":["rate"]},{"required":["profile"]}]');
    expect(text).toContain('"oneOf":[{"required":["values"]},{"required":["file"]}]');
  });

  it('gives the default of maxHops', () => {
    const text = JSON.stringify(schema);
    expect(text).toMatch(/"maxHops":\{"default":3,/);
  });

  it(`is the same as ${COPY} (UPDATE_SCHEMA=1 rewrites it)`, () => {
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(COPY, text);
    expect(readFileSync(COPY, 'utf8')).toBe(text);
  });
});
