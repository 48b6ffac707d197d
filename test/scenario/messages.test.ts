// Whatever field of a valid file is broken, and however, the loader answers with problems
// in its own words: a field path, what was found, what is expected; one problem per field;
// never an internal error or a schema library's default message.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioError, validateScenario } from '../../src/scenario/index.ts';
import { describeValue, editDistance, formatPath, suggest } from '../../src/scenario/errors.ts';
import { empiricalFileReader } from '../../src/scenario/empirical-files.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

// The file's own name, so that the CSV files it names are found next to it.
const FILE = 'test/fixtures/scenarios/good/full.yaml';
const base: unknown = parseDocument(readFileSync(FILE, 'utf8'), { merge: true }).toJS();
/** The CSV files the scenario names, read once for all the variants below. */
const files = empiricalFileReader(nodeFileSource, FILE);

function leafPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => leafPaths(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) leafPaths(item, [...path, key], out);
  }
  return out;
}

function replaced(path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

describe('problem messages', () => {
  it('accepts the unbroken file', () => {
    expect(validateScenario(base, FILE, { files }).designs).toHaveLength(2);
  });

  it('describes every broken field in its own words', () => {
    const replacements: unknown[] = [{}, [], true, 'zz', -1, null, 1.5, { dist: 'exponential' }];
    let count = 0;
    for (const path of leafPaths(base)) {
      for (const replacement of replacements) {
        let error: unknown;
        try {
          validateScenario(replaced(path, replacement), FILE, { files });
        } catch (e) {
          error = e;
        }
        if (error === undefined) continue; // e.g. 1.5 is a fine duration
        expect(error, `${formatPath(path)} = ${JSON.stringify(replacement)}`).toBeInstanceOf(ScenarioError);
        const problems = (error as ScenarioError).problems;
        const paths = problems.map((p) => p.path);
        expect(new Set(paths).size, `one problem per field: ${paths.join(', ')}`).toBe(paths.length);
        for (const problem of problems) {
          count++;
          // A file an empirical distribution names is described in its own terms.
          if (problem.path.endsWith('.file')) {
            expect(problem.message).toMatch(/^(found|cannot read ".*" \(relative to the scenario file\): |\S+ line \d+: found)/);
          } else {
            expect(problem.message).toMatch(/^(found|missing)\b/);
            expect(problem.message).toMatch(/expected|did you mean/);
          }
          expect(problem.message).not.toMatch(/Invalid input|Too (big|small)|received|\n/);
        }
      }
    }
    expect(count).toBeGreaterThan(500);
  });
});

describe('message helpers', () => {
  it('writes paths with dots and list indexes', () => {
    expect(formatPath(['designs', 'four-numbers', 'numbers', 1, 'to'])).toBe('designs.four-numbers.numbers[1].to');
    expect(formatPath(['demand', 'intents', 'meter readings', 'share'])).toBe('demand.intents["meter readings"].share');
    expect(formatPath([])).toBe('');
  });

  it('shows found values briefly', () => {
    expect(describeValue(1.2)).toBe('1.2');
    expect(describeValue('3m70s')).toBe('"3m70s"');
    expect(describeValue({ dist: 'lognormal', mean: '4m' })).toBe('{dist: lognormal, mean: 4m}');
    expect(describeValue(Array.from({ length: 50 }, (_, i) => i))).toBe('a list of 50 items');
  });

  it('suggests close names only', () => {
    expect(editDistance('agnets', 'agents')).toBe(1);
    expect(suggest('agnets', ['agents', 'skills', 'wrapUp'])).toBe('agents');
    expect(suggest('Agents', ['agents', 'skills'])).toBe('agents');
    expect(suggest('bilng', ['billing', 'field'])).toBe('billing');
    expect(suggest('zzz', ['agents', 'skills'])).toBeUndefined();
    expect(suggest('to', ['for', 'dial'])).toBeUndefined();
  });
});
